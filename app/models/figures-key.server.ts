// The key figures of a scope over a period — companies engaged, commitments running or achieved,
// declarations, people hired — on the company, club, prefecture, admin and public pages, and per
// département for the national view. Declarations come from the sources of figures.server.ts;
// the commitments from the per-year summaries of decision 033.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import {
  commitmentSqlWhere,
  departementRows,
  HIRE,
  monthKey,
  monthStart,
  nextMonth,
  readsDeclarations,
  realisationRows,
  type FigureScope,
  type Period,
} from "./figures.server";

/** The headline figures of a scope over a period. */
export async function keyFigures(scope: FigureScope, period: Period) {
  const [realisations, commitments] = await Promise.all([
    realisationFigures(scope, period, false),
    commitmentFigures(scope, period, false),
  ]);
  return toKeyFigures(realisations[0], commitments[0]);
}

/**
 * The headline figures of the country and of every département over a period (national view), in
 * the same queries: the country's distinct companies come from the summaries' national rows, its
 * other figures add up the départements'.
 */
export async function nationalKeyFigures(period: Period) {
  const [realisations, commitments] = await Promise.all([
    realisationFigures({}, period, true),
    commitmentFigures({}, period, true),
  ]);
  const codes = new Set([...realisations, ...commitments].map((r) => r.code));
  codes.delete(NATION);
  const byDepartement = new Map(
    [...codes].map((code) => [
      code,
      toKeyFigures(
        realisations.find((r) => r.code === code),
        commitments.find((c) => c.code === code),
      ),
    ]),
  );
  const sum = (value: (r: RealisationFigures) => Count) =>
    realisations.reduce((total, r) => total + Number(value(r) ?? 0), 0);
  const country = { code: NATION, n: sum((r) => r.n), hired: sum((r) => r.hired) };
  const total = toKeyFigures(
    country,
    commitments.find((c) => c.code === NATION),
  );
  return { total, byDepartement };
}

/** The headline figures of every département over a period, by code. */
export async function keyFiguresByDepartement(period: Period) {
  return (await nationalKeyFigures(period)).byDepartement;
}

/** The code of the country's rows in the summaries, and of its line in commitmentFigures ('*'). */
const NATION = "*";

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

/** Declarations and people hired of the scope, or (byDepartement) of every département. */
function realisationFigures(scope: FigureScope, period: Period, byDepartement: boolean) {
  if (byDepartement)
    return prisma.$queryRaw<RealisationFigures[]>`
      SELECT s."departementCode" AS "code", SUM(s."realisations") AS "n", SUM(s."hired") AS "hired"
      FROM (${departementRows(period)}) s
      GROUP BY 1`;
  return prisma.$queryRaw<RealisationFigures[]>`
    SELECT '' AS "code", SUM(s."realisations") AS "n",
      SUM(CASE WHEN ${HIRE} THEN s."quantity" ELSE 0 END) AS "hired"
    FROM (${realisationRows(scope, period)}) s
    GROUP BY 1`;
}

/**
 * Commitments in progress or achieved that run during the period, and their companies. Over a
 * period from 1 January to a day of the same year (a year, a year under way, its first quarter,
 * the comparison a year earlier), both are summed on CommitmentYearMonth for the months before
 * the period's last one and counted for the days of a month it cuts, on Commitment and
 * CommitmentCompanyYear (decision 033), instead of counting every running commitment. A period
 * starting later, or filtered by company, attested declarations, public or action, counts them
 * on the commitments.
 */
async function commitmentFigures(
  scope: FigureScope,
  period: Period,
  byDepartement: boolean,
): Promise<CommitmentFigures[]> {
  const code = byDepartement ? Prisma.sql`c."departementCode"` : Prisma.sql`''`;
  const running = Prisma.sql`c."status" IN ('ACTIVE', 'ACHIEVED') AND ${commitmentSqlWhere(scope, period)}`;
  const year = yearStartedBy(period);
  if (
    year === null ||
    readsDeclarations(scope) ||
    scope.publicCategoryCode ||
    scope.actionTypeCode
  ) {
    const country = byDepartement
      ? Prisma.sql`UNION ALL
        SELECT '*' AS "code", COUNT(*) AS "n", COUNT(DISTINCT c."companyId") AS "companies"
        FROM "Commitment" c WHERE ${running}`
      : Prisma.empty;
    return prisma.$queryRaw<CommitmentFigures[]>`
      SELECT ${code} AS "code", COUNT(*) AS "n", COUNT(DISTINCT c."companyId") AS "companies"
      FROM "Commitment" c WHERE ${running}
      GROUP BY 1
      ${country}`;
  }
  const level = companyYearLevel(scope, byDepartement);
  const lastMonth = monthStart(new Date(period.to.getTime() - 1));
  const daysCut = period.to.getTime() !== nextMonth(lastMonth).getTime();
  // Whole months before the one the period ends in (or all of them when it ends with a month).
  const monthsTo = daysCut ? lastMonth : period.to;
  const parts = await Promise.all([
    prisma.$queryRaw<CommitmentFigures[]>`
      SELECT ${code} AS "code", SUM(c."commitments") AS "n", SUM(c."companies") AS "companies"
      FROM "CommitmentYearMonth" c
      WHERE c."year" = ${year} AND c."month" < ${monthKey(monthsTo)} AND ${level}
      GROUP BY 1`,
    ...(daysCut
      ? [
          prisma.$queryRaw<CommitmentFigures[]>`
            SELECT ${code} AS "code", COUNT(*) AS "n", 0 AS "companies" FROM "Commitment" c
            WHERE ${running} AND c."startDate" >= ${lastMonth}
            GROUP BY 1`,
          prisma.$queryRaw<CommitmentFigures[]>`
            SELECT ${code} AS "code", 0 AS "n", COUNT(*) AS "companies"
            FROM "CommitmentCompanyYear" c
            WHERE c."year" = ${year} AND c."firstStart" >= ${lastMonth}
              AND c."firstStart" < ${period.to} AND ${level}
            GROUP BY 1`,
        ]
      : []),
  ]);
  const sums = new Map<string, { code: string; n: number; companies: number }>();
  const add = (code: string, n: Count, companies: Count) => {
    const sum = sums.get(code) ?? { code, n: 0, companies: 0 };
    sum.n += Number(n ?? 0);
    sum.companies += Number(companies ?? 0);
    sums.set(code, sum);
  };
  const [months, days = [], companiesOfDays = []] = parts;
  for (const row of [...months, ...companiesOfDays]) add(row.code, row.n, row.companies);
  for (const row of days) {
    add(row.code, row.n, 0);
    // The country's line of the summaries has no such counterpart for the days: the sum.
    if (byDepartement) add(NATION, row.n, 0);
  }
  return [...sums.values()].filter((s) => s.n > 0 || s.companies > 0);
}

/** Y when the period starts on 1 January of Y and ends in Y (or on 1 January of Y + 1). */
export function yearStartedBy(period: Period): number | null {
  const year = period.from.getUTCFullYear();
  return period.from.getTime() === Date.UTC(year, 0, 1) &&
    period.to.getTime() <= Date.UTC(year + 1, 0, 1)
    ? year
    : null;
}

/**
 * The rows of CommitmentCompanyYear or CommitmentYearMonth (aliased `c`) at a scope's level: its
 * club, its département, every département or the country.
 */
function companyYearLevel(scope: FigureScope, byDepartement: boolean) {
  if (scope.clubId) return Prisma.sql`c."clubId" = ${scope.clubId}`;
  if (scope.departementCode)
    return Prisma.sql`c."clubId" = '*' AND c."departementCode" = ${scope.departementCode}`;
  // Every département's rows, with the country's ('*').
  return byDepartement
    ? Prisma.sql`c."clubId" = '*'`
    : Prisma.sql`c."clubId" = '*' AND c."departementCode" = '*'`;
}
