// Aggregated figures, computed in the database, never by loading rows into JavaScript. Shared by
// the company, club, prefecture, admin and public pages. Here: the sources every figure reads; the
// key figures from them: figures-key.server.ts; the breakdowns and the monthly trend:
// figures-breakdowns.server.ts.
//
// Realisations are read from the monthly summary tables (RealisationMonthly and
// RealisationMonthlyProfile, kept up to date by triggers in the same transaction as every write,
// decision 012) for the months of a period, and from the realisations themselves for the days
// of a month that the period cuts (see splitPeriod) and for a single company. Both give the same
// columns, so every figure is one GROUP BY over their union. The national view reads two
// narrower summaries kept the same way (decision 035): each département's months without the
// public and contract columns, and the country's days, for the days a national period cuts.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import { DAY_MS, isoDay } from "~/utils/time/wall-clock";

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
  /**
   * Only the declarations of companies whose attestation of the declarations' year stands
   * (decision 030): read from the declarations, which the summaries cannot tell apart.
   */
  attestedOnly?: boolean;
};
export type Period = { from: Date; to: Date };

/** Scopes the summary tables cannot answer: their rows are read from the declarations. */
export const readsDeclarations = (scope: FigureScope) =>
  Boolean(scope.companyId || scope.attestedOnly);

/** The company's attestation of `year` stands (given, and nothing changed since). */
function attestationStands(companyColumn: Prisma.Sql, year: Prisma.Sql) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Attestation" a WHERE a."companyId" = ${companyColumn}
    AND a."year" = ${year} AND a."editedAt" IS NULL)`;
}

export type Breakdown = Array<{ code: string; label: string; quantity: number; count: number }>;

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** The same year as a Prisma date filter, for the realisations dated in it. */
export function inYear(year: number) {
  const { from, to } = yearPeriod(year);
  return { gte: from, lt: to };
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
  // A club's rows carry its département: the filter would only lead to the département's index.
  else if (scope.departementCode)
    parts.push(Prisma.sql`c."departementCode" = ${scope.departementCode}`);
  if (scope.actionTypeCode) parts.push(Prisma.sql`c."actionTypeCode" = ${scope.actionTypeCode}`);
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "CommitmentPublic" p
      WHERE p."commitmentId" = c."id" AND p."publicCategoryCode" = ${scope.publicCategoryCode})`);
  if (scope.attestedOnly)
    parts.push(attestationStands(Prisma.sql`c."companyId"`, Prisma.sql`c."year"`));
  return Prisma.join(parts, " AND ");
}

// ---------------------------------------------------------------- where the rows come from

export function monthStart(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
export function nextMonth(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
export const monthKey = (d: Date) => d.toISOString().slice(0, 7);

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
export const signOf = (sign: number) => Prisma.raw(sign < 0 ? "-1" : "1");

/** The realisations of a scope and period, as SQL on the Realisation table aliased `r`. */
export function realisationSqlWhere(scope: FigureScope, period: Period) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`r."date" >= ${period.from}`,
    Prisma.sql`r."date" < ${period.to}`,
  ];
  if (scope.companyId) parts.push(Prisma.sql`r."companyId" = ${scope.companyId}`);
  if (scope.clubId) parts.push(Prisma.sql`r."clubId" = ${scope.clubId}`);
  // As for the commitments: the club's (club, date) covering index, not the département's.
  else if (scope.departementCode)
    parts.push(Prisma.sql`r."departementCode" = ${scope.departementCode}`);
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`r."publicCategoryCode" = ${scope.publicCategoryCode}`);
  if (scope.actionTypeCode) parts.push(Prisma.sql`r."actionTypeCode" = ${scope.actionTypeCode}`);
  if (scope.attestedOnly)
    parts.push(
      attestationStands(Prisma.sql`r."companyId"`, dialect.yearNumber(Prisma.sql`r."date"`)),
    );
  return Prisma.join(parts, " AND ");
}

/** Columns that a figure may group summary rows by, which decides the level read. */
type LevelColumn = "clubId" | "departementCode";

/**
 * The same scope on a summary table, for whole months. Every realisation is summed at three
 * levels — its club, its département (club '*') and the country ('*', '*') —: the query reads
 * the coarsest level that still has the columns it filters or groups on.
 */
export function summarySqlWhere(
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
export function realisationRows(scope: FigureScope, period: Period, by?: LevelColumn): Prisma.Sql {
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT COALESCE(r."departementCode", '') AS "departementCode", COALESCE(r."clubId", '') AS "clubId",
      ${dialect.monthKey(Prisma.sql`r."date"`)} AS "month", r."publicCategoryCode",
      r."actionTypeCode", r."unit", COALESCE(r."contractType", '') AS "contractType",
      ${signOf(sign)} AS "realisations", ${signOf(sign)} * r."quantity" AS "quantity"
    FROM "Realisation" r WHERE ${realisationSqlWhere(scope, p)}`;
  if (readsDeclarations(scope)) return raw(period);
  // The country's days, summed per day (decision 035), unless grouped by club or département.
  const national = !scope.clubId && !scope.departementCode && by === undefined;
  return periodRows(
    period,
    (p, sign) => (national && wholeDays(p) ? nationalDays(scope, p, sign) : raw(p, sign)),
    (months) => Prisma.sql`
      SELECT "departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "unit",
        "contractType", "realisations", "quantity"
      FROM "RealisationMonthly"
      WHERE ${summarySqlWhere(scope, months, ["publicCategoryCode", "actionTypeCode"], by)}`,
  );
}

const wholeDays = (p: Period) => p.from.getTime() % DAY_MS === 0 && p.to.getTime() % DAY_MS === 0;

/** RealisationNationalDaily's rows of a period of whole days, with realisationRows' columns. */
function nationalDays(scope: FigureScope, p: Period, sign: number) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`"day" >= ${isoDay(p.from)}`,
    Prisma.sql`"day" < ${isoDay(p.to)}`,
  ];
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`"publicCategoryCode" = ${scope.publicCategoryCode}`);
  if (scope.actionTypeCode) parts.push(Prisma.sql`"actionTypeCode" = ${scope.actionTypeCode}`);
  return Prisma.sql`
    SELECT '*' AS "departementCode", '*' AS "clubId", substr("day", 1, 7) AS "month",
      "publicCategoryCode", "actionTypeCode", "unit", "contractType",
      ${signOf(sign)} * "realisations" AS "realisations", ${signOf(sign)} * "quantity" AS "quantity"
    FROM "RealisationNationalDaily" WHERE ${Prisma.join(parts, " AND ")}`;
}

/** People hired: declared in people, for an action type counted as a hire (row alias `alias`). */
const hireOf = (alias: Prisma.Sql) =>
  Prisma.sql`${alias}."unit" = 'PEOPLE' AND ${alias}."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")`;
export const HIRE = hireOf(Prisma.sql`s`);

/**
 * Rows (departementCode, realisations, hired) whose sums are each département's declarations and
 * people hired over the period: RealisationDepartementMonthly for its months,
 * RealisationDepartementDaily for the days of a month it cuts (decision 035).
 */
export function departementRows(period: Period) {
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT COALESCE(r."departementCode", '') AS "departementCode", ${signOf(sign)} AS "realisations",
      ${signOf(sign)} * CASE WHEN ${hireOf(Prisma.sql`r`)} THEN r."quantity" ELSE 0 END AS "hired"
    FROM "Realisation" r WHERE ${realisationSqlWhere({}, p)}`;
  const days = (p: Period, sign: number) => Prisma.sql`
    SELECT "departementCode", ${signOf(sign)} * "realisations" AS "realisations",
      ${signOf(sign)} * "hired" AS "hired"
    FROM "RealisationDepartementDaily" WHERE "day" >= ${isoDay(p.from)} AND "day" < ${isoDay(p.to)}`;
  return periodRows(
    period,
    (p, sign) => (wholeDays(p) ? days(p, sign) : raw(p, sign)),
    (months) => Prisma.sql`
      SELECT "departementCode", "realisations", "hired" FROM "RealisationDepartementMonthly"
      WHERE "month" >= ${months.from} AND "month" < ${months.to}`,
  );
}

/**
 * Rows (value, realisations, people) whose sums are the scope's realisations over the period by
 * the declaring company's headcount bracket (SIZE) or NAF division (NAF). The profile summary
 * has no public category or action type: with those filters, or for one company, the
 * realisations are read (on their département/date indexes).
 */
export function profileRows(scope: FigureScope, period: Period, dimension: "SIZE" | "NAF") {
  const value =
    dimension === "SIZE"
      ? Prisma.sql`COALESCE(co."headcountBracket", '')`
      : Prisma.sql`substr(COALESCE(co."nafCode", ''), 1, 2)`;
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT ${value} AS "value", ${signOf(sign)} AS "realisations",
      ${signOf(sign)} * CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END AS "people"
    FROM "Realisation" r JOIN "Company" co ON co."id" = r."companyId"
    WHERE ${realisationSqlWhere(scope, p)}`;
  if (readsDeclarations(scope) || scope.publicCategoryCode || scope.actionTypeCode)
    return raw(period);
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
export function periodRows(
  period: Period,
  raw: (days: Period, sign: number) => Prisma.Sql,
  summary: (months: { from: string; to: string }) => Prisma.Sql,
) {
  const { months, add, subtract } = splitPeriod(period);
  const parts = [...add.map((p) => raw(p, 1)), ...subtract.map((p) => raw(p, -1))];
  if (months) parts.unshift(summary(months));
  return parts.length > 0 ? Prisma.join(parts, " UNION ALL ") : raw(period, 1); // empty period
}

export type GroupedRow = {
  code: string | null;
  n: number | bigint;
  people: number | bigint | null;
};

const levelOf = (column: string) =>
  column === "clubId" || column === "departementCode" ? column : undefined;

/** Sums of the scope's realisations over the period, grouped by `groupBy` (a column of s). */
export function groupRealisations(
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
export function mergeInto(
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
