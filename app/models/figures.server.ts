// Aggregated figures, computed in the database (grouped queries on indexed columns), never by
// loading rows into JavaScript. Shared by the company, club, prefecture, admin and public pages.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";

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

export function realisationWhere(scope: FigureScope, period: Period) {
  return {
    ...(scope.companyId ? { companyId: scope.companyId } : {}),
    ...(scope.clubId ? { clubId: scope.clubId } : {}),
    ...(scope.departementCode ? { departementCode: scope.departementCode } : {}),
    ...(scope.publicCategoryCode ? { publicCategoryCode: scope.publicCategoryCode } : {}),
    ...(scope.actionTypeCode ? { actionTypeCode: scope.actionTypeCode } : {}),
    date: { gte: period.from, lt: period.to },
  };
}

/** The same filter as `realisationWhere`, as SQL on the Realisation table aliased `alias`. */
export function realisationSqlWhere(scope: FigureScope, period: Period, alias = "r") {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [
    Prisma.sql`${col("date")} >= ${period.from}`,
    Prisma.sql`${col("date")} < ${period.to}`,
  ];
  if (scope.companyId) parts.push(Prisma.sql`${col("companyId")} = ${scope.companyId}`);
  if (scope.clubId) parts.push(Prisma.sql`${col("clubId")} = ${scope.clubId}`);
  if (scope.departementCode)
    parts.push(Prisma.sql`${col("departementCode")} = ${scope.departementCode}`);
  if (scope.publicCategoryCode)
    parts.push(Prisma.sql`${col("publicCategoryCode")} = ${scope.publicCategoryCode}`);
  if (scope.actionTypeCode)
    parts.push(Prisma.sql`${col("actionTypeCode")} = ${scope.actionTypeCode}`);
  return Prisma.join(parts, " AND ");
}

/** Commitments of the scope that run during the period (the filters apply to them too). */
export function commitmentWhere(scope: FigureScope, period: Period) {
  return {
    ...(scope.companyId ? { companyId: scope.companyId } : {}),
    ...(scope.clubId ? { clubId: scope.clubId } : {}),
    ...(scope.departementCode ? { departementCode: scope.departementCode } : {}),
    ...(scope.actionTypeCode ? { actionTypeCode: scope.actionTypeCode } : {}),
    ...(scope.publicCategoryCode
      ? { publics: { some: { publicCategoryCode: scope.publicCategoryCode } } }
      : {}),
    startDate: { lt: period.to },
    endDate: { gte: period.from },
  };
}

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** People reached, by public category (only realisations counted in people). */
export async function peopleByPublic(scope: FigureScope, period: Period): Promise<Breakdown> {
  const rows = await prisma.realisation.groupBy({
    by: ["publicCategoryCode"],
    where: { ...realisationWhere(scope, period), unit: "PEOPLE" },
    _sum: { quantity: true },
    _count: { _all: true },
  });
  return PUBLIC_CATEGORIES.map((c) => {
    const row = rows.find((r) => r.publicCategoryCode === c.code);
    return {
      code: c.code,
      label: c.label,
      quantity: row?._sum.quantity ?? 0,
      count: row?._count._all ?? 0,
    };
  });
}

/** Realisations by action type, with their quantity (in the action type's own unit). */
export async function realisationsByActionType(
  scope: FigureScope,
  period: Period,
): Promise<Breakdown> {
  const rows = await prisma.realisation.groupBy({
    by: ["actionTypeCode"],
    where: realisationWhere(scope, period),
    _sum: { quantity: true },
    _count: { _all: true },
  });
  return ACTION_TYPES.map((a) => {
    const row = rows.find((r) => r.actionTypeCode === a.code);
    return {
      code: a.code,
      label: a.label,
      quantity: row?._sum.quantity ?? 0,
      count: row?._count._all ?? 0,
    };
  });
}

/** The headline figures of a scope over a period. */
export async function keyFigures(scope: FigureScope, period: Period) {
  const where = realisationWhere(scope, period);
  const commitments = commitmentWhere(scope, period);
  const [realisations, hires, activeCommitments, engaged] = await Promise.all([
    prisma.realisation.aggregate({ where, _count: { _all: true }, _sum: { quantity: true } }),
    prisma.realisation.aggregate({
      where: { ...where, actionType: { isHire: true }, unit: "PEOPLE" },
      _sum: { quantity: true },
    }),
    prisma.commitment.count({
      where: { ...commitments, status: { in: ["ACTIVE", "ACHIEVED"] } },
    }),
    prisma.commitment.groupBy({
      by: ["companyId"],
      where: { ...commitments, status: { in: ["ACTIVE", "ACHIEVED"] } },
    }),
  ]);
  return {
    companiesEngaged: engaged.length,
    activeCommitments,
    realisations: realisations._count._all,
    peopleHired: hires._sum.quantity ?? 0,
  };
}
