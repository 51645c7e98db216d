// « À suivre »: what became of the people of the company's hires, work-study contracts,
// immersions, training courses and loans, 6 and 12 months on (issue 15, decision 026).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, RequiredFieldsNote, SelectField } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { OutcomeFigures } from "~/components/outcome-figures";
import { outcomeFigures } from "~/models/figures-outcomes.server";
import { yearPeriod } from "~/models/figures.server";
import {
  OutcomeError,
  listOutcomesToGive,
  recordOutcome,
  romeOptions,
} from "~/models/outcomes.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  type ContractType,
} from "~/utils/domain";
import { countOf, formatDay } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { OUTCOME_SITUATIONS } from "~/utils/outcomes";
import { outcomeSchema } from "~/utils/schemas/outcome";
import { redirectWithFlash } from "~/utils/session.server";
import { requireCompanyPage } from "~/utils/company-route.server";
import { BusySubmit } from "~/components/busy-submit";

/** Outcomes shown at once: the oldest first; the next ones come as these are given. */
const SHOWN = 10;

export const meta: MetaFunction = () => [{ title: "À suivre — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:write");
  const now = new Date();
  const [due, rates] = await Promise.all([
    listOutcomesToGive(companyId, now),
    outcomeFigures({ companyId }, yearPeriod(now.getUTCFullYear()), now),
  ]);
  return {
    rates,
    // Sent as data, not code: the ROME list stays out of the page's first-load JS (decision 017).
    romeOptions: due.some((d) => d.actionTypeCode === "TRAINING") ? romeOptions() : [],
    shown: due.slice(0, SHOWN),
    total: due.length,
    late: due.filter((d) => d.late).length,
  };
}

type Errors = Record<string, string[]>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const formData = await readForm(request);
  const key = `${formData.get("realisationId")}-${formData.get("months")}`;
  const values = Object.fromEntries(
    [...OUTCOME_SITUATIONS.map((s) => s.key), "targetRomeCode", "reachedTarget"].map((k) => [
      k,
      String(formData.get(k) ?? ""),
    ]),
  );
  const refuse = (errors: Errors) => data({ key, values, errors }, { status: 400 });
  const parsed = outcomeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) {
      const field = [...OUTCOME_SITUATIONS.map((s) => s.key), "reachedTarget"].includes(
        String(issue.path[0]),
      )
        ? String(issue.path[0])
        : "";
      (errors[field] ??= []).push(issue.message);
    }
    return refuse(errors);
  }
  try {
    await recordOutcome(user.id, companyId, parsed.data);
  } catch (error) {
    if (error instanceof OutcomeError) return refuse({ "": [error.message] });
    throw error;
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/suivi`, {
    kind: "success",
    message: "Suivi enregistré, merci.",
  });
}

const actionLabel = (code: string) => ACTION_TYPES.find((a) => a.code === code)?.label ?? code;
const publicLabel = (code: string) => PUBLIC_CATEGORIES.find((p) => p.code === code)?.label ?? code;

export default function OutcomesPage() {
  const { shown, total, late, rates, romeOptions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="À suivre"
        intro="Que sont devenues les personnes recrutées, formées ou accueillies ? Indiquez-le 6 puis 12 mois après : des nombres seulement, jamais de nom. Ces suivis mesurent l'accès durable à l'emploi."
      />
      {total === 0 ? (
        <p className="card">Aucun suivi à renseigner pour l&apos;instant.</p>
      ) : (
        <>
          <p className="mb-4">
            {countOf(total, "suivi à renseigner", "suivis à renseigner")}
            {late > 0 ? `, dont ${late} en retard` : ""}.
            {total > shown.length ? ` Les ${shown.length} plus anciens sont ci-dessous.` : ""}
          </p>
          <RequiredFieldsNote />
          <ol className="grid gap-4">
            {shown.map((item) => {
              const key = `${item.realisationId}-${item.months}`;
              const mine = answer?.key === key ? answer : undefined;
              const headingId = `suivi-${key}`;
              const errorsId = `${key}-erreurs`;
              return (
                <li key={key} className="card">
                  <h2 id={headingId} className="text-lg font-bold">
                    {actionLabel(item.actionTypeCode)} du {formatDay(item.date)} :{" "}
                    {countOf(item.people, "personne")}, suivi à {item.months} mois
                  </h2>
                  <p className="mb-3 text-sm text-gray-700">
                    {publicLabel(item.publicCategoryCode)}
                    {item.contractType
                      ? ` · ${CONTRACT_TYPE_LABELS[item.contractType as ContractType]}`
                      : ""}
                    {` · à renseigner depuis le ${formatDay(item.dueOn)}`}
                    {item.late ? (
                      <strong className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-900">
                        En retard
                      </strong>
                    ) : null}
                    {item.redo ? " · le nombre de personnes a changé depuis le dernier suivi" : ""}
                  </p>
                  <Form method="post" aria-labelledby={headingId}>
                    <input type="hidden" name="realisationId" value={item.realisationId} />
                    <input type="hidden" name="months" value={item.months} />
                    <fieldset>
                      <legend className="mb-2 font-semibold">
                        Où en sont ces {countOf(item.people, "personne")} aujourd&apos;hui ?
                      </legend>
                      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
                        {OUTCOME_SITUATIONS.map((s) => (
                          <Field
                            key={s.key}
                            label={s.label}
                            errors={mine?.errors[s.key]}
                            inputProps={{
                              id: `${key}-${s.key}`,
                              name: s.key,
                              type: "number",
                              inputMode: "numeric",
                              min: 0,
                              max: item.people,
                              required: true,
                              defaultValue:
                                mine?.values[s.key] ??
                                (s.key === "stillInCompany" ? item.people : 0),
                            }}
                          />
                        ))}
                      </div>
                    </fieldset>
                    {item.actionTypeCode === "TRAINING" ? (
                      <TargetJobFields
                        idPrefix={key}
                        people={item.people}
                        targetRomeCode={item.targetRomeCode}
                        values={mine?.values}
                        options={romeOptions}
                      />
                    ) : null}
                    <FormErrors id={errorsId} errors={mine?.errors[""]} />
                    <BusySubmit className="btn-primary mt-3">Enregistrer ce suivi</BusySubmit>
                  </Form>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div className="mt-8">
        <OutcomeFigures outcomes={rates} />
      </div>
    </>
  );
}

/** A training's target job family and how many now work in it (decision 029): plain fields. */
function TargetJobFields({
  idPrefix,
  people,
  targetRomeCode,
  values,
  options,
}: {
  idPrefix: string;
  options: Array<{ value: string; label: string }>;
  people: number;
  targetRomeCode: string | null;
  values?: Record<string, string>;
}) {
  return (
    <div className="mt-3 grid items-end gap-3 sm:grid-cols-2">
      <SelectField
        label="Métier visé par la formation (famille ROME, facultatif)"
        options={[{ value: "", label: "Pas de métier visé" }, ...options]}
        selectProps={{
          id: `${idPrefix}-targetRomeCode`,
          name: "targetRomeCode",
          defaultValue: values?.targetRomeCode ?? targetRomeCode ?? "",
        }}
      />
      <Field
        label="Dont en emploi dans le métier visé"
        inputProps={{
          id: `${idPrefix}-reachedTarget`,
          name: "reachedTarget",
          type: "number",
          inputMode: "numeric",
          min: 0,
          max: people,
          defaultValue: values?.reachedTarget ?? "",
        }}
      />
    </div>
  );
}
