// The prefecture's département dashboard (filters, drill-down by club; its exports are in
// prefecture-export.server.ts) and the national view. It reuses the figures of every scope
// (getFigures with a département scope): every figure is a grouped query in the database;
// JavaScript only merges a handful of grouped rows.

import { Prisma } from "~/generated/prisma/client";
import { parseFigurePeriod, type FigurePeriod } from "~/models/figures-period.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { getFigures } from "~/models/figures-report.server";
import {
  commitmentSqlWhere,
  realisationSqlWhere,
  type FigureScope,
  type Period,
} from "~/models/figures.server";
import { nationalKeyFigures } from "~/models/figures-key.server";
import { quotedValue } from "~/utils/figure-period-request";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, COMMITMENT_STATUSES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { compareFrench, compareFrenchNumeric } from "~/utils/text";
import type { NationalSort } from "~/utils/national-sorts";
import { pageOf, ROWS_PER_PAGE } from "~/utils/pages";

export type DashboardFilters = {
  period: FigurePeriod;
  clubId: string | null;
  publicCategoryCode: string | null;
  actionTypeCode: string | null;
  /** Only the declarations whose company's attestation of their year stands (`attestees=1`). */
  attestedOnly: boolean;
  /** What the URL asked for that could not be applied (period included), in French. */
  notices: string[];
};

/**
 * The dashboard's filters from the URL: `annee` + `periode` (year or quarter) or `du`/`au`
 * (months), `club` (a club of the département), `public` and `action` (codes), `attestees`
 * (1: attested declarations only). A value that
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
    attestedOnly: url.searchParams.get("attestees") === "1",
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
    ...(filters.attestedOnly ? { attestedOnly: true } : {}),
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
  if (filters.attestedOnly) q.set("attestees", "1");
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
    {
      name: "Déclarations",
      value: filters.attestedOnly
        ? "Attestées seulement (entreprises dont l'attestation de l'année tient)"
        : "Toutes",
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

type MemberCompany = Pick<CompanyLine, "companyId" | "name" | "siret" | "clubName">;

/** Picks, on memberships `m` joined to their club `cl`, the scope's members and former members. */
const scopeMembers = (scope: FigureScope) =>
  Prisma.sql`m."status" IN ('MEMBER', 'LEFT') AND ${
    scope.clubId
      ? Prisma.sql`cl."id" = ${scope.clubId}`
      : Prisma.sql`cl."departementCode" = ${scope.departementCode}`
  }`;

/** The scope's member companies (members or former members of its clubs), once each, by name. */
async function listMemberCompanies(scope: FigureScope): Promise<MemberCompany[]> {
  const rows = await prisma.$queryRaw<MemberCompany[]>`
    SELECT co."id" AS "companyId", co."name", co."siret", cl."name" AS "clubName"
    FROM "ClubMembership" m JOIN "Club" cl ON cl."id" = m."clubId"
      JOIN "Company" co ON co."id" = m."companyId"
    WHERE ${scopeMembers(scope)}`;
  const seen = new Set<string>(); // a member of two clubs of the département
  return rows
    .filter((r) => !seen.has(r.companyId) && Boolean(seen.add(r.companyId)))
    .sort((a, b) => compareFrench(a.name, b.name));
}

/**
 * These member companies' lines: their commitments (count, by status, among those running in the
 * period and matching the filters), their realisations over the filtered period and the date of
 * their last declaration. Three queries whatever the number of companies; `everyMember` says the
 * companies are all the scope's, so the realisations are summed in one scan of the scope's
 * covering index rather than looked up company by company.
 */
async function withLineFigures(
  scope: FigureScope,
  period: Period,
  companies: MemberCompany[],
  everyMember: boolean,
): Promise<CompanyLine[]> {
  if (companies.length === 0) return [];
  const ids = Prisma.join(companies.map((c) => c.companyId));
  const only = (column: Prisma.Sql) =>
    everyMember ? Prisma.empty : Prisma.sql`AND ${column} IN (${ids})`;
  const realisationScope = scope.clubId
    ? Prisma.sql`r."clubId" = ${scope.clubId} AND r."departementCode" = ${scope.departementCode}`
    : Prisma.sql`r."departementCode" = ${scope.departementCode}`;
  const [commitments, realisations, last] = await Promise.all([
    prisma.$queryRaw<Array<{ companyId: string; status: string; n: Num }>>`
      SELECT c."companyId", c."status", COUNT(*) AS "n"
      FROM "Commitment" c WHERE ${commitmentSqlWhere(scope, period)} ${only(Prisma.sql`c."companyId"`)}
      GROUP BY c."companyId", c."status"`,
    prisma.$queryRaw<Array<{ companyId: string; n: Num; people: Num | null }>>`
      SELECT r."companyId", COUNT(*) AS "n",
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
      FROM "Realisation" r WHERE ${realisationSqlWhere(scope, period)} ${only(Prisma.sql`r."companyId"`)}
      GROUP BY r."companyId"`,
    // Per company, its newest realisation in the scope: the (company, createdAt) index read from
    // the end, usually one step.
    prisma.$queryRaw<Array<{ companyId: string; last: Date | string | null }>>`
      SELECT co."id" AS "companyId", (SELECT r."createdAt" FROM "Realisation" r
        WHERE r."companyId" = co."id" AND ${realisationScope}
        ORDER BY r."createdAt" DESC LIMIT 1) AS "last"
      FROM "Company" co WHERE co."id" IN (${ids})`,
  ]);
  // Maps, not repeated finds: a big département has thousands of member companies.
  const statusBy = new Map<string, Record<string, number>>();
  for (const c of commitments) {
    const byStatus = statusBy.get(c.companyId) ?? noStatuses();
    byStatus[c.status] = Number(c.n);
    statusBy.set(c.companyId, byStatus);
  }
  const realisationsBy = new Map(realisations.map((r) => [r.companyId, r]));
  const lastBy = new Map(last.map((r) => [r.companyId, r.last]));
  return companies.map((company) => {
    const byStatus = statusBy.get(company.companyId) ?? noStatuses();
    const lastAt = lastBy.get(company.companyId) ?? null;
    const sums = realisationsBy.get(company.companyId);
    return {
      ...company,
      commitments: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      realisations: Number(sums?.n ?? 0),
      people: Number(sums?.people ?? 0),
      lastDeclaration: lastAt === null ? null : new Date(lastAt).toISOString(),
    };
  });
}

type Num = number | bigint;
const noStatuses = () =>
  Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<string, number>;

/** Every member company of a club (or of every club of the département) with its figures. */
export async function listCompanyLines(scope: FigureScope, period: Period): Promise<CompanyLine[]> {
  return withLineFigures(scope, period, await listMemberCompanies(scope), true);
}

/**
 * One page of the member companies (by name) with their figures, and the totals over all of
 * them: a 1,200-company club's drill-down reads the figures of the 50 it shows.
 */
export async function companyLinesPage(
  scope: FigureScope,
  period: Period,
  page: number,
  pageSize = ROWS_PER_PAGE,
) {
  // The scope's member companies, once each: CROSS JOIN keeps SQLite reading the commitments and
  // realisations from the scope's covering indexes, not company by company.
  const members = Prisma.sql`(SELECT DISTINCT m."companyId"
    FROM "ClubMembership" m JOIN "Club" cl ON cl."id" = m."clubId" WHERE ${scopeMembers(scope)}) mm`;
  const [companies, [commitments], [realisations]] = await Promise.all([
    listMemberCompanies(scope),
    prisma.$queryRaw<Array<{ n: Num }>>`
      SELECT COUNT(*) AS "n" FROM "Commitment" c CROSS JOIN ${members}
      WHERE mm."companyId" = c."companyId" AND ${commitmentSqlWhere(scope, period)}`,
    prisma.$queryRaw<Array<{ n: Num; people: Num | null }>>`
      SELECT COUNT(*) AS "n",
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
      FROM "Realisation" r CROSS JOIN ${members}
      WHERE mm."companyId" = r."companyId" AND ${realisationSqlWhere(scope, period)}`,
  ]);
  const shown = pageOf(companies, page, pageSize);
  return {
    lines: await withLineFigures(scope, period, shown.rows, false),
    page: shown.page,
    pages: shown.pages,
    count: companies.length,
    totals: {
      commitments: Number(commitments.n),
      realisations: Number(realisations.n),
      people: Number(realisations.people ?? 0),
    },
  };
}

// ---------------------------------------------------------------- national view

/** Every département side by side over a period, and the country's figures (its total line). */
export async function nationalTable(period: Period, sort: NationalSort, descending: boolean) {
  const [departements, { total, byDepartement: figures }] = await Promise.all([
    prisma.departement.findMany({ select: { code: true, name: true } }),
    nationalKeyFigures(period),
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
        : compareFrenchNumeric(String(x), String(y));
    const tie = compareFrenchNumeric(a.code, b.code);
    return (descending ? -c : c) || tie;
  });
  return { total, rows };
}
