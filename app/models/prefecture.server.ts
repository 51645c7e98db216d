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
  keyFiguresByDepartement,
  realisationSqlWhere,
  type FigureScope,
  type Period,
} from "~/models/figures.server";
import { quotedValue } from "~/utils/figure-period-request";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, COMMITMENT_STATUSES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { compareFrench, compareFrenchNumeric } from "~/utils/text";
import type { NationalSort } from "~/utils/national-sorts";

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

/**
 * Member companies of a club (or of every club of the département), with their commitments
 * (count, by status, among those running in the period and matching the filters), their
 * realisations over the filtered period and the date of their last declaration. Four queries,
 * whatever the number of companies: the realisations are summed per company in one scan of a
 * covering index, and each member's last declaration is read from the end of the (company,
 * createdAt) index.
 */
export async function listCompanyLines(scope: FigureScope, period: Period): Promise<CompanyLine[]> {
  const clubFilter = scope.clubId
    ? Prisma.sql`cl."id" = ${scope.clubId}`
    : Prisma.sql`cl."departementCode" = ${scope.departementCode}`;
  const realisationScope = scope.clubId
    ? Prisma.sql`r."clubId" = ${scope.clubId} AND r."departementCode" = ${scope.departementCode}`
    : Prisma.sql`r."departementCode" = ${scope.departementCode}`;
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
    // Per member, its newest realisation in the scope: the (company, createdAt) index read from
    // the end, usually one step.
    prisma.$queryRaw<Array<{ companyId: string; last: Date | string | null }>>`
      SELECT DISTINCT m."companyId", (SELECT r."createdAt" FROM "Realisation" r
        WHERE r."companyId" = m."companyId" AND ${realisationScope}
        ORDER BY r."createdAt" DESC LIMIT 1) AS "last"
      FROM "ClubMembership" m JOIN "Club" cl ON cl."id" = m."clubId"
      WHERE m."status" IN ('MEMBER', 'LEFT') AND ${clubFilter}`,
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
  const lastBy = new Map(
    last.flatMap((r) => (r.last === null ? [] : [[r.companyId, new Date(r.last)] as const])),
  );
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
  return lines.sort((a, b) => compareFrench(a.name, b.name));
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
        : compareFrenchNumeric(String(x), String(y));
    const tie = compareFrenchNumeric(a.code, b.code);
    return (descending ? -c : c) || tie;
  });
  return rows;
}
