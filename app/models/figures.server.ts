// Long on purpose: every aggregate reads the same union of sources (splitPeriod), kept beside it.
// Aggregated figures, computed in the database, never by loading rows into JavaScript. Shared by
// the company, club, prefecture, admin and public pages.
//
// Realisations are read from the monthly summary tables (RealisationMonthly and
// RealisationMonthlyProfile, kept up to date by triggers in the same transaction as every write,
// decision 012) for the months of a period, and from the realisations themselves for the days
// of a month that the period cuts (see splitPeriod) and for a single company. Both give the same
// columns, so every figure is one GROUP BY over their union.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
} from "~/utils/domain";
import { formatMonth } from "~/utils/format";

/**
 * Which declarations a figure counts: a company, a club, a département or (empty) the country,
 * optionally narrowed to one public category and/or one action type (dashboard filters).
 */
export type FigureScope = {
  companyId?: string;
  clubId?: string;
  departementCode?: string;
  publicCategoryCode?: string;
  actionTypeCode?: string;
};
export type Period = { from: Date; to: Date };

export type Breakdown = Array<{ code: string; label: string; quantity: number; count: number }>;

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/**
 * Commitments of the scope that run during the period, as SQL on the Commitment table aliased
 * `c` (the filters apply to them too: a commitment matches a public when it targets it).
 */
export function commitmentSqlWhere(scope: FigureScope, period: Period) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`c."startDate" < ${period.to}`,
    Prisma.sql`c."endDate" >= ${period.from}`,
  ];
  if (scope.companyId) parts.push(Prisma.sql`c."companyId" = ${scope.companyId}`);
  if (scope.clubId) parts.push(Prisma.sql`c."clubId" = ${scope.clubId}`);
  if (scope.departementCode) parts.push(Prisma.sql`c."departementCode" = ${scope.departementCode}`);
  if (scope.actionTypeCode) parts.push(Prisma.sql`c."actionTypeCode" = ${scope.actionTypeCode}`);
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "CommitmentPublic" p
      WHERE p."commitmentId" = c."id" AND p."publicCategoryCode" = ${scope.publicCategoryCode})`);
  return Prisma.join(parts, " AND ");
}

// ---------------------------------------------------------------- where the rows come from

function monthStart(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
function nextMonth(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/**
 * How to sum a period from the summary tables, which hold whole months ("2026-01" included to
 * "2026-11" excluded), and the realisations, read for the days of a month cut by the period:
 * either those days are added, or the whole month is taken and the days outside the period are
 * subtracted — whichever reads fewer days. A period under way ends tonight: its last month is
 * taken whole minus the days to come, which hold nothing (no declaration is dated in the future).
 */
export function splitPeriod(period: Period): {
  months: { from: string; to: string } | null;
  add: Period[];
  subtract: Period[];
} {
  const days = (p: Period) => p.to.getTime() - p.from.getTime();
  if (monthStart(period.from).getTime() === monthStart(period.to).getTime()) {
    return period.to.getTime() === period.from.getTime()
      ? { months: null, add: [], subtract: [] }
      : { months: null, add: [period], subtract: [] };
  }
  const add: Period[] = [];
  const subtract: Period[] = [];
  let first = monthStart(period.from);
  if (first < period.from) {
    const inside = { from: period.from, to: nextMonth(period.from) };
    const outside = { from: first, to: period.from };
    if (days(inside) <= days(outside)) {
      add.push(inside);
      first = inside.to;
    } else subtract.push(outside);
  }
  let end = monthStart(period.to);
  if (end < period.to) {
    const inside = { from: end, to: period.to };
    const outside = { from: period.to, to: nextMonth(period.to) };
    if (days(inside) <= days(outside)) add.push(inside);
    else {
      subtract.push(outside);
      end = outside.to;
    }
  }
  return {
    months: first < end ? { from: monthKey(first), to: monthKey(end) } : null,
    add,
    subtract,
  };
}

/** 1 or -1 written in the query: a bound parameter has no type in PostgreSQL's UNION. */
const signOf = (sign: number) => Prisma.raw(sign < 0 ? "-1" : "1");

/** The realisations of a scope and period, as SQL on the Realisation table aliased `r`. */
export function realisationSqlWhere(scope: FigureScope, period: Period) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`r."date" >= ${period.from}`,
    Prisma.sql`r."date" < ${period.to}`,
  ];
  if (scope.companyId) parts.push(Prisma.sql`r."companyId" = ${scope.companyId}`);
  if (scope.clubId) parts.push(Prisma.sql`r."clubId" = ${scope.clubId}`);
  if (scope.departementCode) parts.push(Prisma.sql`r."departementCode" = ${scope.departementCode}`);
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`r."publicCategoryCode" = ${scope.publicCategoryCode}`);
  if (scope.actionTypeCode) parts.push(Prisma.sql`r."actionTypeCode" = ${scope.actionTypeCode}`);
  return Prisma.join(parts, " AND ");
}

/** Columns that a figure may group summary rows by, which decides the level read. */
type LevelColumn = "clubId" | "departementCode";

/**
 * The same scope on a summary table, for whole months. Every realisation is summed at three
 * levels — its club, its département (club '*') and the country ('*', '*') —: the query reads
 * the coarsest level that still has the columns it filters or groups on.
 */
function summarySqlWhere(
  scope: FigureScope,
  months: { from: string; to: string },
  columns: ReadonlyArray<"publicCategoryCode" | "actionTypeCode">,
  by?: LevelColumn,
) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`"month" >= ${months.from}`,
    Prisma.sql`"month" < ${months.to}`,
  ];
  if (scope.departementCode) parts.push(Prisma.sql`"departementCode" = ${scope.departementCode}`);
  if (scope.clubId) parts.push(Prisma.sql`"clubId" = ${scope.clubId}`);
  else if (by === "clubId") parts.push(Prisma.sql`"departementCode" <> '*' AND "clubId" <> '*'`);
  else if (by === "departementCode" || scope.departementCode)
    parts.push(Prisma.sql`"departementCode" <> '*' AND "clubId" = '*'`);
  else parts.push(Prisma.sql`"departementCode" = '*'`);
  for (const column of columns)
    if (scope[column]) parts.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${scope[column]}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Rows with the columns of RealisationMonthly (departementCode, clubId, month,
 * publicCategoryCode, actionTypeCode, unit, contractType, realisations, quantity) whose sums are
 * the scope's realisations over the period.
 */
function realisationRows(scope: FigureScope, period: Period, by?: LevelColumn): Prisma.Sql {
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT COALESCE(r."departementCode", '') AS "departementCode", COALESCE(r."clubId", '') AS "clubId",
      ${dialect.monthKey(Prisma.sql`r."date"`)} AS "month", r."publicCategoryCode",
      r."actionTypeCode", r."unit", COALESCE(r."contractType", '') AS "contractType",
      ${signOf(sign)} AS "realisations", ${signOf(sign)} * r."quantity" AS "quantity"
    FROM "Realisation" r WHERE ${realisationSqlWhere(scope, p)}`;
  if (scope.companyId) return raw(period);
  return periodRows(
    period,
    raw,
    (months) => Prisma.sql`
      SELECT "departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "unit",
        "contractType", "realisations", "quantity"
      FROM "RealisationMonthly"
      WHERE ${summarySqlWhere(scope, months, ["publicCategoryCode", "actionTypeCode"], by)}`,
  );
}

/**
 * Rows (value, realisations, people) whose sums are the scope's realisations over the period by
 * the declaring company's headcount bracket (SIZE) or NAF division (NAF). The profile summary
 * has no public category or action type: with those filters, or for one company, the
 * realisations are read (on their département/date indexes).
 */
function profileRows(scope: FigureScope, period: Period, dimension: "SIZE" | "NAF") {
  const value =
    dimension === "SIZE"
      ? Prisma.sql`COALESCE(co."headcountBracket", '')`
      : Prisma.sql`substr(COALESCE(co."nafCode", ''), 1, 2)`;
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT ${value} AS "value", ${signOf(sign)} AS "realisations",
      ${signOf(sign)} * CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END AS "people"
    FROM "Realisation" r JOIN "Company" co ON co."id" = r."companyId"
    WHERE ${realisationSqlWhere(scope, p)}`;
  if (scope.companyId || scope.publicCategoryCode || scope.actionTypeCode) return raw(period);
  return periodRows(
    period,
    raw,
    (months) => Prisma.sql`
      SELECT "value", "realisations", "people" FROM "RealisationMonthlyProfile"
      WHERE "dimension" = ${dimension} AND ${summarySqlWhere(scope, months, [])}`,
  );
}

/**
 * The rows of a period: the summary's for its months (`summary`), plus or minus the
 * realisations' for the days of a month it cuts (`raw`, with sign 1 or -1; see splitPeriod).
 */
function periodRows(
  period: Period,
  raw: (days: Period, sign: number) => Prisma.Sql,
  summary: (months: { from: string; to: string }) => Prisma.Sql,
) {
  const { months, add, subtract } = splitPeriod(period);
  const parts = [...add.map((p) => raw(p, 1)), ...subtract.map((p) => raw(p, -1))];
  if (months) parts.unshift(summary(months));
  return parts.length > 0 ? Prisma.join(parts, " UNION ALL ") : raw(period, 1); // empty period
}

const HIRE = Prisma.sql`s."unit" = 'PEOPLE' AND s."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")`;

type GroupedRow = { code: string | null; n: number | bigint; people: number | bigint | null };

const levelOf = (column: string) =>
  column === "clubId" || column === "departementCode" ? column : undefined;

/** Sums of the scope's realisations over the period, grouped by `groupBy` (a column of s). */
function groupRealisations(
  scope: FigureScope,
  period: Period,
  groupBy: string,
  where: Prisma.Sql = Prisma.sql`TRUE`,
  sum: "quantity" | "people" = "quantity",
) {
  const column = Prisma.raw(`s."${groupBy}"`);
  const total =
    sum === "quantity"
      ? Prisma.sql`SUM(s."quantity")`
      : Prisma.sql`SUM(CASE WHEN s."unit" = 'PEOPLE' THEN s."quantity" ELSE 0 END)`;
  return prisma.$queryRaw<GroupedRow[]>`
    SELECT ${column} AS "code", SUM(s."realisations") AS "n", ${total} AS "people"
    FROM (${realisationRows(scope, period, levelOf(groupBy))}) s
    WHERE ${where}
    GROUP BY ${column}`;
}

/** Merges grouped rows into the lines of `domain` (several codes may land on one line). */
function mergeInto(
  domain: ReadonlyArray<{ code: string; label: string }>,
  rows: GroupedRow[],
  lineOf: (code: string | null) => string,
): Breakdown {
  return domain.map((entry) => {
    let quantity = 0;
    let count = 0;
    for (const row of rows) {
      if (lineOf(row.code) !== entry.code) continue;
      count += Number(row.n);
      quantity += Number(row.people ?? 0);
    }
    return { code: entry.code, label: entry.label, quantity, count };
  });
}

// ---------------------------------------------------------------- key figures

/** The headline figures of a scope over a period. */
export async function keyFigures(scope: FigureScope, period: Period) {
  const [realisations, commitments] = await Promise.all([
    realisationFigures(scope, period, false),
    commitmentFigures(scope, period, false),
  ]);
  return toKeyFigures(realisations[0], commitments[0]);
}

/** The headline figures of every département over a period (national view), by code. */
export async function keyFiguresByDepartement(period: Period) {
  const [realisations, commitments] = await Promise.all([
    realisationFigures({}, period, true),
    commitmentFigures({}, period, true),
  ]);
  const codes = new Set([...realisations, ...commitments].map((r) => r.code));
  return new Map(
    [...codes].map((code) => [
      code,
      toKeyFigures(
        realisations.find((r) => r.code === code),
        commitments.find((c) => c.code === code),
      ),
    ]),
  );
}

type Count = number | bigint | null;
type RealisationFigures = { code: string; n: Count; hired: Count };
type CommitmentFigures = { code: string; n: Count; companies: Count };

function toKeyFigures(r: RealisationFigures | undefined, c: CommitmentFigures | undefined) {
  return {
    companiesEngaged: Number(c?.companies ?? 0),
    activeCommitments: Number(c?.n ?? 0),
    realisations: Number(r?.n ?? 0),
    peopleHired: Number(r?.hired ?? 0),
  };
}

function realisationFigures(scope: FigureScope, period: Period, byDepartement: boolean) {
  const code = byDepartement ? Prisma.sql`s."departementCode"` : Prisma.sql`''`;
  const rows = realisationRows(scope, period, byDepartement ? "departementCode" : undefined);
  return prisma.$queryRaw<RealisationFigures[]>`
    SELECT ${code} AS "code", SUM(s."realisations") AS "n",
      SUM(CASE WHEN ${HIRE} THEN s."quantity" ELSE 0 END) AS "hired"
    FROM (${rows}) s
    GROUP BY 1`;
}

/** Commitments in progress or achieved that run during the period, and their companies. */
function commitmentFigures(scope: FigureScope, period: Period, byDepartement: boolean) {
  const code = byDepartement ? Prisma.sql`c."departementCode"` : Prisma.sql`''`;
  return prisma.$queryRaw<CommitmentFigures[]>`
    SELECT ${code} AS "code", COUNT(*) AS "n", COUNT(DISTINCT c."companyId") AS "companies"
    FROM "Commitment" c
    WHERE c."status" IN ('ACTIVE', 'ACHIEVED') AND ${commitmentSqlWhere(scope, period)}
    GROUP BY 1`;
}

// ---------------------------------------------------------------- breakdowns

/** People reached, by public category (only realisations counted in people). */
export async function peopleByPublic(scope: FigureScope, period: Period): Promise<Breakdown> {
  const rows = await groupRealisations(
    scope,
    period,
    "publicCategoryCode",
    Prisma.sql`s."unit" = 'PEOPLE'`,
  );
  return mergeInto(PUBLIC_CATEGORIES, rows, (code) => code ?? "");
}

/** Realisations by action type, with their quantity (in the action type's own unit). */
export async function realisationsByActionType(
  scope: FigureScope,
  period: Period,
): Promise<Breakdown> {
  const rows = await groupRealisations(scope, period, "actionTypeCode");
  return mergeInto(ACTION_TYPES, rows, (code) => code ?? "");
}

/** People hired (hires counted in people), by contract type. */
export async function hiresByContractType(scope: FigureScope, period: Period): Promise<Breakdown> {
  const rows = await groupRealisations(scope, period, "contractType", HIRE);
  return mergeInto(
    [
      ...CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
      { code: "NONE", label: "Contrat non précisé" },
    ],
    rows,
    (code) => code || "NONE",
  );
}

/** People reached and declarations, by club, for every club of the scope's département. */
export async function realisationsByClub(scope: FigureScope, period: Period): Promise<Breakdown> {
  const [clubs, rows] = await Promise.all([
    prisma.club.findMany({
      where: { departementCode: scope.departementCode },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    groupRealisations(scope, period, "clubId", Prisma.sql`TRUE`, "people"),
  ]);
  return mergeInto(
    [...clubs.map((c) => ({ code: c.id, label: c.name })), { code: "NONE", label: "Sans club" }],
    rows,
    (code) => code || "NONE",
  );
}

/** Sums by a profile trait of the declaring company (see `profileRows`). */
function groupByProfile(scope: FigureScope, period: Period, dimension: "SIZE" | "NAF") {
  return prisma.$queryRaw<GroupedRow[]>`
    SELECT s."value" AS "code", SUM(s."realisations") AS "n", SUM(s."people") AS "people"
    FROM (${profileRows(scope, period, dimension)}) s
    GROUP BY s."value"`;
}

/** Company size classes, from INSEE headcount brackets. */
export const SIZE_CLASSES = [
  { code: "MICRO", label: "Moins de 10 salariés", brackets: ["00", "01", "02", "03"] },
  { code: "SMALL", label: "10 à 49 salariés", brackets: ["11", "12"] },
  { code: "MEDIUM", label: "50 à 249 salariés", brackets: ["21", "22", "31"] },
  { code: "LARGE", label: "250 à 4 999 salariés", brackets: ["32", "41", "42", "51"] },
  { code: "HUGE", label: "5 000 salariés et plus", brackets: ["52", "53"] },
  { code: "UNKNOWN", label: "Effectif non renseigné", brackets: [] },
] as const;

/** People reached and declarations, by the declaring company's size class. */
export async function realisationsByCompanySize(scope: FigureScope, period: Period) {
  const rows = await groupByProfile(scope, period, "SIZE");
  return mergeInto(
    SIZE_CLASSES,
    rows,
    (code) =>
      SIZE_CLASSES.find((s) => (s.brackets as readonly string[]).includes(code ?? ""))?.code ??
      "UNKNOWN",
  );
}

/** NAF rev. 2 sections, with the divisions (first 2 digits of the code) each one spans. */
export const NAF_SECTIONS = [
  { code: "A", label: "Agriculture, sylviculture et pêche", from: 1, to: 3 },
  { code: "B", label: "Industries extractives", from: 5, to: 9 },
  { code: "C", label: "Industrie manufacturière", from: 10, to: 33 },
  { code: "D", label: "Électricité, gaz, vapeur et air conditionné", from: 35, to: 35 },
  { code: "E", label: "Eau, assainissement, gestion des déchets et dépollution", from: 36, to: 39 },
  { code: "F", label: "Construction", from: 41, to: 43 },
  { code: "G", label: "Commerce ; réparation d'automobiles et de motocycles", from: 45, to: 47 },
  { code: "H", label: "Transports et entreposage", from: 49, to: 53 },
  { code: "I", label: "Hébergement et restauration", from: 55, to: 56 },
  { code: "J", label: "Information et communication", from: 58, to: 63 },
  { code: "K", label: "Activités financières et d'assurance", from: 64, to: 66 },
  { code: "L", label: "Activités immobilières", from: 68, to: 68 },
  { code: "M", label: "Activités spécialisées, scientifiques et techniques", from: 69, to: 75 },
  { code: "N", label: "Activités de services administratifs et de soutien", from: 77, to: 82 },
  { code: "O", label: "Administration publique", from: 84, to: 84 },
  { code: "P", label: "Enseignement", from: 85, to: 85 },
  { code: "Q", label: "Santé humaine et action sociale", from: 86, to: 88 },
  { code: "R", label: "Arts, spectacles et activités récréatives", from: 90, to: 93 },
  { code: "S", label: "Autres activités de services", from: 94, to: 96 },
  { code: "T", label: "Activités des ménages en tant qu'employeurs", from: 97, to: 98 },
  { code: "U", label: "Activités extra-territoriales", from: 99, to: 99 },
] as const;

/** The NAF section letter of a code ("49.41A" → "H"), or null. */
export function nafSection(code: string | null | undefined): string | null {
  const division = Number(/^(\d{2})/.exec(code ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(division)) return null;
  return NAF_SECTIONS.find((s) => division >= s.from && division <= s.to)?.code ?? null;
}

/** People reached and declarations, by the declaring company's sector (NAF section). */
export async function realisationsBySector(scope: FigureScope, period: Period) {
  const rows = await groupByProfile(scope, period, "NAF");
  return mergeInto(
    [...NAF_SECTIONS, { code: "UNKNOWN", label: "Secteur non renseigné" }],
    rows,
    (code) => nafSection(code) ?? "UNKNOWN",
  );
}

// ---------------------------------------------------------------- trend

export type TrendMonth = { month: string; label: string; people: number; count: number };

/** People reached and declarations per month ("2026-03"), every month of the period listed. */
export async function monthlyTrend(scope: FigureScope, period: Period): Promise<TrendMonth[]> {
  const rows = await groupRealisations(scope, period, "month", Prisma.sql`TRUE`, "people");
  const byMonth = new Map(rows.map((r) => [r.code, r]));
  const months: TrendMonth[] = [];
  for (
    let d = new Date(period.from);
    d < period.to;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    const month = monthKey(d);
    const row = byMonth.get(month);
    months.push({
      month,
      label: formatMonth(d, "short"),
      people: Number(row?.people ?? 0),
      count: Number(row?.n ?? 0),
    });
  }
  return months;
}
