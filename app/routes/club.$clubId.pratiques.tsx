import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { FormErrors } from "~/components/forms";
import { PageHeader, numberFormat, Section } from "~/components/page";
import { formatDate } from "~/utils/format";
import { zoneOfDepartement } from "~/utils/time/zones";
import {
  PracticeError,
  clubModeration,
  dismissReport,
  moderatePractice,
} from "~/models/practice.server";
import { requirePermission } from "~/utils/permissions.server";
import { requireClubPage } from "~/utils/club-route.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { TableScroll } from "~/components/table-scroll";

// The animators' moderation of their club's feed: members' reports to handle, and every
// practice of the club to feature (on top of the feed and in meetings) or hide.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Bonnes pratiques — ${data?.club.name ?? "Club"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:moderate");
  return { club, ...(await clubModeration(clubId)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action: "club:moderate", clubId });
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "dismiss") {
      await dismissReport(user.id, clubId, String(form.get("reportId") ?? ""));
      return redirectWithFlash(request, `/club/${clubId}/pratiques`, {
        kind: "success",
        message: "Le signalement est classé.",
      });
    }
    if (
      intent === "feature" ||
      intent === "unfeature" ||
      intent === "hide" ||
      intent === "unhide"
    ) {
      const practiceId = String(form.get("practiceId") ?? "");
      await moderatePractice(user.id, practiceId, intent, undefined, clubId);
      return redirectWithFlash(request, `/club/${clubId}/pratiques`, {
        kind: "success",
        message: "C'est fait.",
      });
    }
  } catch (error) {
    if (error instanceof PracticeError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return data({ error: "Action inconnue." }, { status: 400 });
}

export default function ClubPractices() {
  const d = useLoaderData<typeof loader>();
  const zone = zoneOfDepartement(d.club.departementCode);
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title={d.club.name}
        intro="Bonnes pratiques du club : mettez à la une celles qui inspirent, masquez ce qui n'a pas sa place."
      />
      <FormErrors errors={actionData?.error ? [actionData.error] : []} />

      <Section
        id="signalements"
        title={<>Signalements à traiter ({numberFormat.format(d.reports.length)})</>}
        className="mb-8"
        headingClassName="mb-3 text-xl font-bold"
      >
        {d.reports.length === 0 ? (
          <p className="card text-gray-700">Aucun signalement en attente.</p>
        ) : (
          <ul className="space-y-3">
            {d.reports.map((r) => (
              <li key={r.id} className="card">
                <p className="font-semibold">
                  <Link to={`/pratiques/${r.practice.id}`}>{r.practice.title}</Link>
                  {r.commentId ? " (un commentaire)" : ""}
                </p>
                <p className="text-sm text-gray-700">
                  Signalé par {r.reporter?.name ?? "un compte supprimé"} le{" "}
                  {formatDate(r.createdAt, zone)}
                </p>
                <p className="my-2 whitespace-pre-line">{r.reason}</p>
                <div className="flex flex-wrap gap-2">
                  <Link to={`/pratiques/${r.practice.id}`} className="btn-secondary">
                    Voir et masquer si besoin
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="reportId" value={r.id} />
                    <button type="submit" className="btn-secondary">
                      Classer sans suite
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="toutes" title="Pratiques du club" className="" large>
        <TableScroll label="Pratiques du club" className="card">
          <table className="table-basic">
            <thead>
              <tr>
                <th scope="col">Pratique</th>
                <th scope="col">Entreprise</th>
                <th scope="col">Publiée le</th>
                <th scope="col">« Inspirant »</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {d.practices.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/pratiques/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.company.name}</td>
                  <td>{formatDate(p.createdAt, zone)}</td>
                  <td>{numberFormat.format(p._count.kudos)}</td>
                  <td>{p.hiddenAt ? "Masquée" : p.featuredAt ? "À la une" : "Visible"}</td>
                  <td>
                    <div className="flex flex-wrap gap-2">
                      {!p.hiddenAt ? (
                        <Form method="post">
                          <input type="hidden" name="practiceId" value={p.id} />
                          <input
                            type="hidden"
                            name="intent"
                            value={p.featuredAt ? "unfeature" : "feature"}
                          />
                          <button type="submit" className="btn-secondary">
                            {p.featuredAt ? "Retirer de la une" : "Mettre à la une"}
                            <span className="sr-only"> : {p.title}</span>
                          </button>
                        </Form>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="practiceId" value={p.id} />
                        <input type="hidden" name="intent" value={p.hiddenAt ? "unhide" : "hide"} />
                        <button type="submit" className="btn-secondary">
                          {p.hiddenAt ? "Rendre visible" : "Masquer"}
                          <span className="sr-only"> : {p.title}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>
    </>
  );
}
