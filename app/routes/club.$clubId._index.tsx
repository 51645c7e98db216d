import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BreakdownTable } from "~/components/breakdown-table";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader, dateFormat } from "~/components/page";
import { getClub, listMembersAtAGlance } from "~/models/club.server";
import { MEMBER_ACTIVITY_LABELS, type MemberActivity } from "~/utils/domain";
import { keyFigures, peopleByPublic, yearPeriod } from "~/models/figures.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.club.name ?? "Club"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
  const year = new Date().getUTCFullYear();
  const period = yearPeriod(year);
  const [members, figures, byPublic] = await Promise.all([
    listMembersAtAGlance(clubId, year),
    keyFigures({ clubId }, period),
    peopleByPublic({ clubId }, period),
  ]);
  const counts = { ACTIVE: 0, SILENT: 0, PROSPECT: 0, LEFT: 0 } as Record<MemberActivity, number>;
  for (const m of members) counts[m.activity]++;
  return { club, year, members, figures, byPublic, counts };
}

const ACTIVITY_STYLES: Record<MemberActivity, string> = {
  ACTIVE: "bg-green-100 text-green-900",
  SILENT: "bg-amber-100 text-amber-900",
  PROSPECT: "bg-brand-100 text-brand-800",
  LEFT: "bg-gray-200 text-gray-800",
};

export default function ClubHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={d.club.name}
        intro={`${d.club.departement.name} (${d.club.departementCode}) — ${d.counts.ACTIVE + d.counts.SILENT} membres, ${d.counts.PROSPECT} prospects.`}
        actions={
          <Link to="invitations" className="btn-primary">
            Inviter une entreprise
          </Link>
        }
      />
      <section aria-labelledby="chiffres-club" className="mb-8">
        <h2 id="chiffres-club" className="mb-3 text-xl font-bold">
          Chiffres du club en {d.year}
        </h2>
        <KeyFigures figures={d.figures} />
      </section>
      <section aria-labelledby="membres-club" className="card mb-8 overflow-x-auto">
        <h2 id="membres-club" className="mb-1 text-xl font-bold">
          Membres et prospects
        </h2>
        <p className="mb-3 text-sm text-gray-700">
          Actifs : {d.counts.ACTIVE} · silencieux (rien déclaré depuis 3 mois) : {d.counts.SILENT} ·
          prospects : {d.counts.PROSPECT} · partis : {d.counts.LEFT}
        </p>
        <table className="table-basic">
          <caption className="sr-only">Membres du club et leur activité</caption>
          <thead>
            <tr>
              <th scope="col">Entreprise</th>
              <th scope="col">Commune</th>
              <th scope="col">État</th>
              <th scope="col" className="text-right">
                Engagements {d.year}
              </th>
              <th scope="col">Dernière déclaration</th>
            </tr>
          </thead>
          <tbody>
            {d.members.map((m) => (
              <tr key={m.membershipId}>
                <th scope="row" className="font-normal">
                  <Link to={`/entreprise/${m.company.id}`}>{m.company.name}</Link>
                </th>
                <td>{m.company.commune?.name ?? "—"}</td>
                <td>
                  <span
                    className={`rounded px-2 py-0.5 text-xs font-semibold ${ACTIVITY_STYLES[m.activity]}`}
                  >
                    {MEMBER_ACTIVITY_LABELS[m.activity]}
                  </span>
                </td>
                <td className="text-right tabular-nums">{m.commitments}</td>
                <td>
                  {m.lastDeclaration ? dateFormat.format(new Date(m.lastDeclaration)) : "Jamais"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <BreakdownTable
          caption={`Personnes accompagnées par public en ${d.year}`}
          rows={d.byPublic}
          quantityHeader="Personnes"
        />
      </section>
    </>
  );
}
