import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureTrend } from "~/components/figures-sections";
import { OutcomeFigures } from "~/components/outcome-figures";
import { FilterNotices } from "~/components/filter-notices";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader, numberFormat, Section } from "~/components/page";
import { countOf } from "~/utils/format";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { monthlyTrend } from "~/models/figures-breakdowns.server";
import { outcomeFigures } from "~/models/figures-outcomes.server";
import { nationalTable } from "~/models/prefecture.server";
import { NATIONAL_SORTS, readNationalSort, type NationalSort } from "~/utils/national-sorts";
import { countClubsAndMembers } from "~/models/clubs-admin.server";
import { countEmailsByStatus } from "~/models/email-outbox.server";
import { requirePermission } from "~/utils/permissions.server";
import { AttestedShare } from "~/components/attested-share";
import { attestedShare } from "~/models/attestations.server";
import { NATIONAL } from "~/models/declaration-campaigns.server";

export const meta: MetaFunction = () => [{ title: "Administration — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const now = new Date();
  const url = new URL(request.url);
  const { sort, descending, notices } = readNationalSort(url.searchParams);
  // The year under way, in Paris time: the country's figures (decision 021).
  const figurePeriod = parseFigurePeriod(new URL("http://x/"), now);
  const period = figurePeriod.current;
  const [national, clubs, outbox, trend, outcomes, attested] = await Promise.all([
    nationalTable(period, sort, descending),
    countClubsAndMembers(),
    countEmailsByStatus(),
    monthlyTrend({}, figurePeriod.trend),
    outcomeFigures({}, period, now),
    attestedShare(NATIONAL, figurePeriod.year),
  ]);
  return {
    sort,
    descending,
    notices,
    departements: national.rows,
    trend,
    outcomes,
    attested,
    year: figurePeriod.year,
    figures: national.total,
    clubs,
    outbox,
  };
}

/** The national totals under the table, in its columns' order. */
const TOTAL_COLUMNS = [
  "companiesEngaged",
  "activeCommitments",
  "realisations",
  "peopleHired",
] as const;

export default function AdminHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Vue nationale"
        intro={`Chiffres de tous les clubs depuis le 1er janvier ${d.year}.`}
      />
      <FilterNotices notices={d.notices} />
      <KeyFigures figures={d.figures} className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" />
      <AttestedShare
        share={d.attested}
        year={d.year}
        campaignPath={`/admin/campagne?annee=${d.year}`}
        className="mb-8"
      />
      <Section id="departements" title="Départements" className="card mb-8" large>
        <div className="max-h-[36rem] overflow-auto">
          <table className="table-basic">
            <caption className="sr-only">
              Chiffres de chaque département depuis le 1er janvier {d.year}, triés par{" "}
              {NATIONAL_SORTS[d.sort].toLowerCase()}
            </caption>
            <thead>
              <tr>
                {(Object.keys(NATIONAL_SORTS) as NationalSort[]).map((key) => {
                  const active = d.sort === key;
                  const nextDesc = active ? !d.descending : key !== "code" && key !== "nom";
                  return (
                    <th
                      key={key}
                      scope="col"
                      className={key === "code" || key === "nom" ? "" : "text-right"}
                      aria-sort={active ? (d.descending ? "descending" : "ascending") : undefined}
                    >
                      <Link to={`?tri=${key}&ordre=${nextDesc ? "desc" : "asc"}`}>
                        {NATIONAL_SORTS[key]}
                        {active ? (d.descending ? " ↓" : " ↑") : ""}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {d.departements.map((r) => (
                <tr key={r.code}>
                  <td>{r.code}</td>
                  <th scope="row" className="font-normal">
                    <Link to={`/prefecture/${r.code}`}>{r.name}</Link>
                  </th>
                  <td className="text-right tabular-nums">
                    {numberFormat.format(r.companiesEngaged)}
                  </td>
                  <td className="text-right tabular-nums">{numberFormat.format(r.commitments)}</td>
                  <td className="text-right tabular-nums">{numberFormat.format(r.realisations)}</td>
                  <td className="text-right tabular-nums">{numberFormat.format(r.peopleHired)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <th scope="row">France entière</th>
                {TOTAL_COLUMNS.map((key) => (
                  <td key={key} className="text-right tabular-nums">
                    {numberFormat.format(d.figures[key])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </Section>
      <FigureTrend trend={d.trend} />
      <OutcomeFigures outcomes={d.outcomes} />
      <Section id="clubs" title="Clubs" className="card mb-8" large>
        <p>
          {countOf(d.clubs.clubs, "club", "clubs")} dans{" "}
          {countOf(d.clubs.departements, "département", "départements")},{" "}
          {countOf(d.clubs.members, "adhésion en cours", "adhésions en cours")}.{" "}
          <Link to="/admin/clubs">Voir les clubs et leurs membres</Link>
        </p>
      </Section>
      <Section id="emails" title="File d'envoi des e-mails" className="card" large>
        <p>
          Envoyés : {d.outbox.SENT ?? 0} · en attente : {d.outbox.PENDING ?? 0} · en cours :{" "}
          {d.outbox.SENDING ?? 0} · en échec : {d.outbox.FAILED ?? 0}.{" "}
          <Link to="/admin/emails">Voir le détail</Link>
        </p>
      </Section>
    </>
  );
}
