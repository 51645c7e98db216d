// The prefecture's département dashboard (filters, drill-down by club, exports) and the national
// view. It reuses the figures of every scope (getFigures with a département scope): every figure is a
// grouped query in the database; JavaScript only merges a handful of grouped rows.

import ExcelJS from "exceljs";
import { Prisma } from "~/generated/prisma/client";
import { parseFigurePeriod, type FigurePeriod } from "~/models/figures-period.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { getFigures, type ScopeFigures } from "~/models/figures-report.server";
import { writeFigureSheets } from "~/models/figures-workbook.server";
import { outcomeCsvLines } from "~/models/figures-outcomes-workbook.server";
import {
  commitmentSqlWhere,
  keyFiguresByDepartement,
  realisationSqlWhere,
  type FigureScope,
  type Period,
} from "~/models/figures.server";
import { spreadsheetCsv } from "~/utils/downloads.server";
import { quotedValue } from "~/utils/figure-period-request";
import { formatDateTime } from "~/utils/format";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, COMMITMENT_STATUSES, PUBLIC_CATEGORIES } from "~/utils/domain";
import type { NationalSort } from "~/utils/national-sorts";

export type DashboardFilters = {
  period: FigurePeriod;
  clubId: string | null;
  publicCategoryCode: string | null;
  actionTypeCode: string | null;
  /** What the URL asked for that could not be applied (period included), in French. */
  notices: string[];
};

/**
 * The dashboard's filters from the URL: `annee` + `periode` (year or quarter) or `du`/`au`
 * (months), `club` (a club of the département), `public` and `action` (codes). A value that
 * cannot be applied is left out and said in `notices`; an empty one is no filter.
 */
export async function parseDashboardFilters(
  url: URL,
  departementCode: string,
  now = new Date(),
): Promise<DashboardFilters & { clubs: Array<{ id: string; name: string }> }> {
  const clubs = await prisma.club.findMany({
    where: { departementCode },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const period = parseFigurePeriod(url, now, zoneOfDepartement(departementCode));
  const notices = [...period.notices];
  /** The value of `key` if `isKnown` says so; else null, and a notice when it was not empty. */
  const known = (key: string, isKnown: (value: string) => boolean, unknown: string) => {
    const value = (url.searchParams.get(key) ?? "").trim();
    if (value === "") return null;
    if (isKnown(value)) return value;
    notices.push(unknown.replace("{}", quotedValue(value)));
    return null;
  };
  return {
    period,
    clubId: known(
      "club",
      (id) => clubs.some((c) => c.id === id),
      "Le club demandé n'est pas un club de ce département : tous les clubs sont comptés.",
    ),
    publicCategoryCode: known(
      "public",
      (code) => PUBLIC_CATEGORIES.some((c) => c.code === code),
      "Le public {} n'existe pas : tous les publics sont comptés.",
    ),
    actionTypeCode: known(
      "action",
      (code) => ACTION_TYPES.some((a) => a.code === code),
      "Le type d'action {} n'existe pas : tous les types sont comptés.",
    ),
    notices,
    clubs,
  };
}

export function scopeOf(departementCode: string, filters: DashboardFilters): FigureScope {
  return {
    departementCode,
    ...(filters.clubId ? { clubId: filters.clubId } : {}),
    ...(filters.publicCategoryCode ? { publicCategoryCode: filters.publicCategoryCode } : {}),
    ...(filters.actionTypeCode ? { actionTypeCode: filters.actionTypeCode } : {}),
  };
}

/** The query string that reproduces the filters (for links to exports and drill-down). */
export function filtersQuery(filters: DashboardFilters) {
  const q = new URLSearchParams();
  if (filters.period.periode === "mois") {
    q.set("du", filters.period.fromMonth);
    q.set("au", filters.period.toMonth);
  } else {
    q.set("annee", String(filters.period.year));
    q.set("periode", filters.period.periode);
  }
  if (filters.clubId) q.set("club", filters.clubId);
  if (filters.publicCategoryCode) q.set("public", filters.publicCategoryCode);
  if (filters.actionTypeCode) q.set("action", filters.actionTypeCode);
  return q.toString();
}

/** Human-readable description of the filters (page intro, export's first sheet). */
export function describeFilters(
  filters: DashboardFilters,
  clubs: Array<{ id: string; name: string }>,
) {
  return [
    { name: "Période", value: filters.period.label },
    {
      name: "Comparée à",
      value: `la même période un an plus tôt, ${filters.period.previousLabel}`,
    },
    {
      name: "Club",
      value: clubs.find((c) => c.id === filters.clubId)?.name ?? "Tous les clubs",
    },
    {
      name: "Public",
      value:
        PUBLIC_CATEGORIES.find((c) => c.code === filters.publicCategoryCode)?.label ??
        "Tous les publics",
    },
    {
      name: "Type d'action",
      value:
        ACTION_TYPES.find((a) => a.code === filters.actionTypeCode)?.label ??
        "Tous les types d'action",
    },
  ];
}

export function getDepartementFigures(departementCode: string, filters: DashboardFilters) {
  return getFigures(scopeOf(departementCode, filters), filters.period);
}

/** The club of this département, with its département's name; null when it is not one of them. */
export function findDepartementClub(clubId: string, departementCode: string) {
  return prisma.club.findFirst({
    where: { id: clubId, departementCode },
    select: { id: true, name: true, departement: { select: { code: true, name: true } } },
  });
}

/**
 * Of these companies, the ids of those still members of a club of the département: a former
 * member's space is no longer the prefecture's to read (decision 013).
 */
export async function companyIdsMemberInDepartement(
  companyIds: string[],
  departementCode: string,
): Promise<Set<string>> {
  const members = await prisma.clubMembership.findMany({
    where: { companyId: { in: companyIds }, status: "MEMBER", club: { departementCode } },
    select: { companyId: true },
  });
  return new Set(members.map((m) => m.companyId));
}

export type CompanyLine = {
  companyId: string;
  name: string;
  siret: string;
  clubName: string;
  commitments: number;
  byStatus: Record<string, number>;
  realisations: number;
  people: number;
  lastDeclaration: string | null;
};

/**
 * Member companies of a club (or of every club of the département), with their commitments
 * (count, by status, among those running in the period and matching the filters), their
 * realisations over the filtered period and the date of their last declaration. Four queries,
 * whatever the number of companies: the realisations are summed per company in one scan of a
 * covering index, and the last declarations read the (département, club, company, date) index.
 */
export async function listCompanyLines(scope: FigureScope, period: Period): Promise<CompanyLine[]> {
  const clubFilter = scope.clubId
    ? Prisma.sql`cl."id" = ${scope.clubId}`
    : Prisma.sql`cl."departementCode" = ${scope.departementCode}`;
  const [memberships, commitments, realisations, last] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string; name: string; siret: string; clubName: string }>>`
      SELECT co."id", co."name", co."siret", cl."name" AS "clubName"
      FROM "ClubMembership" m JOIN "Club" cl ON cl."id" = m."clubId"
        JOIN "Company" co ON co."id" = m."companyId"
      WHERE m."status" IN ('MEMBER', 'LEFT') AND ${clubFilter}`,
    prisma.$queryRaw<Array<{ companyId: string; status: string; n: number | bigint }>>`
      SELECT c."companyId", c."status", COUNT(*) AS "n"
      FROM "Commitment" c WHERE ${commitmentSqlWhere(scope, period)}
      GROUP BY c."companyId", c."status"`,
    prisma.$queryRaw<Array<{ companyId: string; n: number | bigint; people: number | bigint }>>`
      SELECT r."companyId", COUNT(*) AS "n",
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
      FROM "Realisation" r WHERE ${realisationSqlWhere(scope, period)}
      GROUP BY r."companyId"`,
    prisma.realisation.groupBy({
      by: ["companyId"],
      where: {
        ...(scope.clubId ? { clubId: scope.clubId } : {}),
        departementCode: scope.departementCode,
      },
      _max: { createdAt: true },
    }),
  ]);
  // Maps, not repeated finds: a big département has thousands of member companies.
  const statusBy = new Map<string, Record<string, number>>();
  for (const c of commitments) {
    const byStatus =
      statusBy.get(c.companyId) ??
      (Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<string, number>);
    byStatus[c.status] = Number(c.n);
    statusBy.set(c.companyId, byStatus);
  }
  const realisationsBy = new Map(realisations.map((r) => [r.companyId, r]));
  const lastBy = new Map(last.map((r) => [r.companyId, r._max.createdAt]));
  const seen = new Set<string>();
  const lines: CompanyLine[] = [];
  for (const m of memberships) {
    if (seen.has(m.id)) continue; // a member of two clubs of the département
    seen.add(m.id);
    const byStatus =
      statusBy.get(m.id) ??
      (Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<string, number>);
    const lastAt = lastBy.get(m.id) ?? null;
    const sums = realisationsBy.get(m.id);
    lines.push({
      companyId: m.id,
      name: m.name,
      siret: m.siret,
      clubName: m.clubName,
      commitments: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      realisations: Number(sums?.n ?? 0),
      people: Number(sums?.people ?? 0),
      lastDeclaration: lastAt ? lastAt.toISOString() : null,
    });
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" }));
}

export type DepartementExport = {
  departement: { code: string; name: string };
  filters: DashboardFilters;
  clubs: Array<{ id: string; name: string }>;
  data: ScopeFigures;
  companies: CompanyLine[];
};

export async function loadDepartementExport(
  departementCode: string,
  url: URL,
  now = new Date(),
): Promise<DepartementExport | null> {
  const departement = await prisma.departement.findUnique({
    where: { code: departementCode },
    select: { code: true, name: true },
  });
  if (!departement) return null;
  const { clubs, ...filters } = await parseDashboardFilters(url, departementCode, now);
  const scope = scopeOf(departementCode, filters);
  const [data, companies] = await Promise.all([
    getFigures(scope, filters.period),
    listCompanyLines(scope, filters.period.current),
  ]);
  return { departement, filters, clubs, data, companies };
}

function fileSlug(e: DepartementExport) {
  const p = e.filters.period;
  const period =
    p.periode === "annee"
      ? `${p.year}`
      : p.periode === "mois"
        ? `${p.fromMonth}_${p.toMonth}`
        : `${p.year}-${p.periode}`;
  return `chiffres-${e.departement.code}-${period}`;
}

/**
 * What an export holds, in words: the département, each filter, what the URL asked for that could
 * not be applied, the extraction date and the source. The first sheet of the XLSX, the first
 * lines of the CSV.
 */
function exportDescription(e: DepartementExport, now: Date) {
  return [
    { name: "Département", value: `${e.departement.name} (${e.departement.code})` },
    ...describeFilters(e.filters, e.clubs),
    ...e.filters.notices.map((notice) => ({ name: "Filtre non appliqué tel quel", value: notice })),
    {
      name: "Date d'extraction",
      value: formatDateTime(now, zoneOfDepartement(e.departement.code)),
    },
    {
      name: "Source",
      value:
        "Réalisations déclarées par les entreprises des clubs du département (dates des réalisations, en UTC). Aucune donnée personnelle.",
    },
  ];
}

/** XLSX: the filters first, then key figures, one sheet per breakdown, trend, companies. */
export async function buildDepartementWorkbook(e: DepartementExport, now = new Date()) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Engagés";
  workbook.created = now;
  const about = workbook.addWorksheet("Filtres");
  about.columns = [
    { header: "Filtre", key: "name", width: 34 },
    { header: "Valeur", key: "value", width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows(exportDescription(e, now));
  writeFigureSheets(workbook, e.data);
  const sheet = workbook.addWorksheet("Entreprises", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Entreprise", key: "name", width: 40 },
    { header: "SIRET", key: "siret", width: 16 },
    { header: "Club", key: "clubName", width: 30 },
    { header: "Engagements", key: "commitments", width: 13 },
    { header: "En cours", key: "ACTIVE", width: 10 },
    { header: "Atteints", key: "ACHIEVED", width: 10 },
    { header: "Brouillons", key: "DRAFT", width: 11 },
    { header: "Abandonnés", key: "ABANDONED", width: 12 },
    { header: "Réalisations", key: "realisations", width: 13 },
    { header: "Personnes", key: "people", width: 11 },
    { header: "Dernière déclaration", key: "last", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of e.companies) {
    sheet.addRow({
      ...c,
      ...c.byStatus,
      last: c.lastDeclaration ? c.lastDeclaration.slice(0, 10) : "",
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${fileSlug(e)}.xlsx` };
}

/**
 * CSV (`;`, UTF-8 BOM): first the export's description, one `filter;value` line each (as the
 * XLSX's "Filtres" sheet), an empty line, then one line per breakdown row — breakdown, category,
 * quantity, count — and the monthly trend.
 */
export function buildDepartementCsv(e: DepartementExport, now = new Date()) {
  const lines: Array<Array<string | number>> = [
    ...exportDescription(e, now).map((d) => [d.name, d.value]),
    [],
    ["Répartition", "Catégorie", "Quantité", "Déclarations"],
  ];
  for (const b of e.data.breakdowns)
    for (const r of b.rows) lines.push([b.title, r.label, r.quantity, r.count]);
  for (const m of e.data.trend)
    lines.push(["Tendance mensuelle (personnes, déclarations)", m.month, m.people, m.count]);
  lines.push(...outcomeCsvLines(e.data.outcomes));
  return { body: spreadsheetCsv(lines), fileName: `${fileSlug(e)}.csv` };
}

// ---------------------------------------------------------------- national view

/** Every département side by side over a period: two grouped queries. */
export async function nationalTable(period: Period, sort: NationalSort, descending: boolean) {
  const [departements, figures] = await Promise.all([
    prisma.departement.findMany({ select: { code: true, name: true } }),
    keyFiguresByDepartement(period),
  ]);
  const rows = departements.map((d) => {
    const f = figures.get(d.code);
    return {
      code: d.code,
      name: d.name,
      companiesEngaged: f?.companiesEngaged ?? 0,
      commitments: f?.activeCommitments ?? 0,
      realisations: f?.realisations ?? 0,
      peopleHired: f?.peopleHired ?? 0,
    };
  });
  const key = {
    code: "code",
    nom: "name",
    entreprises: "companiesEngaged",
    engagements: "commitments",
    realisations: "realisations",
    recrutements: "peopleHired",
  } as const satisfies Record<NationalSort, keyof (typeof rows)[number]>;
  const k = key[sort];
  rows.sort((a, b) => {
    const x = a[k];
    const y = b[k];
    const c =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x).localeCompare(String(y), "fr", { numeric: true });
    const tie = a.code.localeCompare(b.code, "fr", { numeric: true });
    return (descending ? -c : c) || tie;
  });
  return rows;
}
