import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "~/components/forms";
import { PageHeader, Section } from "~/components/page";
import {
  CatalogueError,
  catalogueGrid,
  chooseDeclarableYear,
  declarableYears,
  nextYearToOpen,
  openNextYear,
  saveCatalogue,
} from "~/models/catalogue.server";
import { readForm } from "~/utils/forms.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { agreed, countOf } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Catalogue annuel — Administration — Engagés" }];

const yearField = /* @__PURE__ */ (() =>
  z.coerce
    .number({ error: "Choisissez l'année." })
    .int("Choisissez l'année.")
    .min(2018, "Choisissez l'année.")
    .max(2100, "Choisissez l'année."))();
const entryField = /* @__PURE__ */ (() => z.string().regex(/^[A-Z_]{1,40}\|[A-Z_]{1,40}$/))();

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const years = await declarableYears();
  const year = chooseDeclarableYear(years, new URL(request.url).searchParams.get("annee"));
  const [grid, nextYear] = await Promise.all([catalogueGrid(year), nextYearToOpen()]);
  return { years, year, grid, nextYear };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const refuse = (error: string) => data({ error }, { status: 400 });
  const year = yearField.safeParse(formData.get("year"));
  if (!year.success) return refuse(year.error.issues[0].message);
  try {
    if (intent === "open") {
      const count = await openNextYear(user.id, year.data);
      return redirectWithFlash(request, `/admin/catalogue?annee=${year.data}`, {
        kind: "success",
        message: `Le catalogue ${year.data} est ouvert (${count} actions reprises de ${year.data - 1}) : les entreprises peuvent déclarer leurs engagements ${year.data}.`,
      });
    }
    if (intent === "save") {
      const entries = z.array(entryField).max(500).safeParse(formData.getAll("entry"));
      if (!entries.success)
        return refuse("Choisissez des thèmes et des types d'action de la liste.");
      const { added, removed } = await saveCatalogue(
        user.id,
        year.data,
        entries.data.map((e) => {
          const [themeCode, actionTypeCode] = e.split("|");
          return { themeCode, actionTypeCode };
        }),
      );
      return redirectWithFlash(request, `/admin/catalogue?annee=${year.data}`, {
        kind: "success",
        message:
          added + removed === 0
            ? "Rien n'a changé."
            : `Catalogue ${year.data} enregistré : ${countOf(added, "action")} ${agreed(added, "ajoutée")}, ${removed} ${agreed(removed, "retirée")}.`,
      });
    }
  } catch (error) {
    if (error instanceof CatalogueError) return refuse(error.message);
    throw error;
  }
  return refuse("Action inconnue : rechargez la page.");
}

export default function AdminCatalogue() {
  const { years, year, grid, nextYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Catalogue annuel"
        intro="Pour chaque année, les types d'action que chaque thème propose. Les entreprises ne peuvent déclarer un engagement que pour une année ouverte ici, et seulement une action de son catalogue."
      />
      <FormErrors errors={actionData ? [actionData.error] : undefined} />
      <Section id="annees" title="Années ouvertes">
        <ul className="mb-4 flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y}>
              <Link
                to={`/admin/catalogue?annee=${y}`}
                aria-current={y === year ? "page" : undefined}
                className={y === year ? "font-bold" : undefined}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="open" />
          <input type="hidden" name="year" value={nextYear} />
          <p className="mb-2">
            Ouvrir {nextYear} reprend le catalogue {nextYear - 1} ; vous pourrez ensuite ajouter ou
            retirer des actions.
          </p>
          <button type="submit" className="btn-primary">
            Ouvrir l&apos;année {nextYear}
          </button>
        </Form>
      </Section>
      <Section id="catalogue" title={<>Catalogue {year}</>} className="card">
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="year" value={year} />
          <div className="grid gap-4 md:grid-cols-2">
            {grid.map((theme) => (
              <fieldset key={theme.code} className="rounded-md border border-gray-300 p-3">
                <legend className="px-1 font-bold">{theme.label}</legend>
                <ul className="space-y-1">
                  {theme.actions.map((a) => {
                    const id = `entry-${theme.code}-${a.code}`;
                    return (
                      <li key={a.code} className="flex items-start gap-2">
                        <input
                          type="checkbox"
                          id={id}
                          name="entry"
                          value={`${theme.code}|${a.code}`}
                          defaultChecked={a.offered}
                          className="mt-1"
                        />
                        <label htmlFor={id}>
                          {a.label}
                          {a.commitments > 0 ? ` (${countOf(a.commitments, "engagement")})` : ""}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
          </div>
          <button type="submit" className="btn-primary mt-4">
            Enregistrer le catalogue {year}
          </button>
        </Form>
      </Section>
    </>
  );
}
