import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterNotices } from "~/components/filter-notices";
import { PageHeader, numberFormat, Section } from "~/components/page";
import {
  companyIdsMemberInDepartement,
  describeFilters,
  findDepartementClub,
  filtersQuery,
  companyLinesPage,
  parseDashboardFilters,
  scopeOf,
} from "~/models/prefecture.server";
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES } from "~/utils/domain";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDay } from "~/utils/format";
import { Pager } from "~/components/pager";
import { readPage } from "~/utils/pages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.club.name ?? "Club"} — tableau de bord de la préfecture — Engagés` },
];

// GET /prefecture/:departementCode/clubs/:clubId — read-only drill-down: the club's member
// companies, their commitments and their realisations over the dashboard's filtered period.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const club = await findDepartementClub(params.clubId ?? "", departementCode);
  if (!club) notFound("Ce club n'existe pas dans ce département.");
  const url = new URL(request.url);
  url.searchParams.set("club", club.id);
  const { clubs, ...filters } = await parseDashboardFilters(url, departementCode);
  // Totals over every company; the table shows a page of them (a big club has a thousand).
  const { lines, page, pages, count, totals } = await companyLinesPage(
    scopeOf(departementCode, filters),
    filters.period.current,
    readPage(url.searchParams),
  );
  // A former member's space is no longer the prefecture's to read (decision 013): no link.
  const readable = await companyIdsMemberInDepartement(
    lines.map((c) => c.companyId),
    departementCode,
  );
  return {
    club,
    companies: lines.map((c) => ({ ...c, readable: readable.has(c.companyId) })),
    count,
    totals,
    page,
    pages,
    description: describeFilters(filters, clubs),
    notices: filters.notices,
    query: filtersQuery({ ...filters, clubId: null }),
  };
}

export default function PrefectureClub() {
  const d = useLoaderData<typeof loader>();
  const totals = d.totals;
  return (
    <>
      <p className="mb-2">
        <Link to={`/prefecture/${d.club.departement.code}?${d.query}`}>
          ← Tableau de bord {d.club.departement.name} ({d.club.departement.code})
        </Link>
      </p>
      <PageHeader
        title={d.club.name}
        intro={`Entreprises membres du club, leurs engagements et leurs réalisations. ${d.description
          .filter((f) => f.name !== "Club" && f.name !== "Comparée à")
          .map((f) => `${f.name} : ${f.value}`)
          .join(" ; ")}. Lecture seule.`}
      />
      <FilterNotices notices={d.notices} />
      <Section
        id="entreprises"
        title={<>Entreprises ({d.count})</>}
        className="card"
        headingClassName="mb-3 text-xl font-bold"
      >
        <TableScroll label="Entreprises du club : engagements, réalisations et dernière déclaration">
          <table className="table-basic">
            <caption className="sr-only">
              Entreprises du club : engagements, réalisations et dernière déclaration
            </caption>
            <thead>
              <tr>
                <th scope="col">Entreprise</th>
                <th scope="col" className="text-right">
                  Engagements
                </th>
                <th scope="col">Statuts</th>
                <th scope="col" className="text-right">
                  Réalisations
                </th>
                <th scope="col" className="text-right">
                  Personnes
                </th>
                <th scope="col">Dernière déclaration</th>
              </tr>
            </thead>
            <tbody>
              {d.companies.length === 0 ? (
                <tr>
                  <td colSpan={6}>Aucune entreprise membre.</td>
                </tr>
              ) : null}
              {d.companies.map((c) => (
                <tr key={c.companyId}>
                  <th scope="row" className="font-normal">
                    {c.readable ? <Link to={`/entreprise/${c.companyId}`}>{c.name}</Link> : c.name}
                  </th>
                  <td className="text-right tabular-nums">{numberFormat.format(c.commitments)}</td>
                  <td className="text-sm">
                    {COMMITMENT_STATUSES.filter((s) => c.byStatus[s] > 0)
                      .map((s) => `${COMMITMENT_STATUS_LABELS[s]} : ${c.byStatus[s]}`)
                      .join(", ") || "—"}
                  </td>
                  <td className="text-right tabular-nums">{numberFormat.format(c.realisations)}</td>
                  <td className="text-right tabular-nums">{numberFormat.format(c.people)}</td>
                  <td>{c.lastDeclaration ? formatDay(c.lastDeclaration) : "Jamais"}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="text-right tabular-nums">
                  {numberFormat.format(totals.commitments)}
                </td>
                <td />
                <td className="text-right tabular-nums">
                  {numberFormat.format(totals.realisations)}
                </td>
                <td className="text-right tabular-nums">{numberFormat.format(totals.people)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        <Pager
          page={d.page}
          pages={d.pages}
          href={(page) => `?${[d.query, `page=${page}`].filter(Boolean).join("&")}`}
          label="Pages des entreprises"
        />
      </Section>
    </>
  );
}
