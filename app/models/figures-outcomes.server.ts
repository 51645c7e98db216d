// Outcome figures (issue 15, decision 029): what became of the people of a scope's followed
// realisations whose 6- or 12-month milestone fell due in a period — still in a job, reaching a
// job, reaching the target job — overall and by public, action type and contract type, each rate
// with the people it rests on and the share not reported yet. Read like the realisation figures
// (decision 012): OutcomeMonthly for the whole months of the cohort, the outcomes themselves for
// the days of a month it cuts and for a single company.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import {
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  ACTION_TYPES,
} from "~/utils/domain";
import { FOLLOWED_ACTION_TYPES, type OutcomeMilestone } from "~/utils/outcomes";
import { ACCESS_ACTION_TYPES, cohortPeriod, toRate, type OutcomeRow } from "~/utils/outcome-rates";
import { PARIS } from "~/utils/time/zones";
import { calendarDay } from "~/utils/time/wall-clock";
import {
  periodRows,
  readsDeclarations,
  realisationRows,
  realisationSqlWhere,
  signOf,
  summarySqlWhere,
  type FigureScope,
  type Period,
} from "./figures.server";

/** The dimensions the outcome rates are broken down by; "" is the scope's total. */
export const OUTCOME_DIMENSIONS = [
  "",
  "publicCategoryCode",
  "actionTypeCode",
  "contractType",
] as const;
type Dimension = (typeof OUTCOME_DIMENSIONS)[number];

const list = (codes: readonly string[]) => Prisma.join(codes.map((c) => Prisma.sql`${c}`));
const KIND = Prisma.sql`CASE WHEN s."actionTypeCode" IN (${list(ACCESS_ACTION_TYPES)}) THEN 'access' ELSE 'kept' END`;

/** Rows with OutcomeMonthly's columns whose sums are the outcomes at `months` of the period's realisations. */
function outcomeRows(scope: FigureScope, period: Period, months: OutcomeMilestone) {
  const raw = (p: Period, sign = 1) => Prisma.sql`
    SELECT r."publicCategoryCode", r."actionTypeCode",
      COALESCE(r."contractType", '') AS "contractType",
      ${signOf(sign)} * o."people" AS "people",
      ${signOf(sign)} * (o."stillInCompany" + o."employedElsewhere") AS "employed",
      ${signOf(sign)} * CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END AS "targetPeople",
      ${signOf(sign)} * COALESCE(o."reachedTarget", 0) AS "reachedTarget"
    FROM "RealisationOutcome" o JOIN "Realisation" r ON r."id" = o."realisationId"
    WHERE o."months" = ${months} AND ${realisationSqlWhere(scope, p)}`;
  if (readsDeclarations(scope)) return raw(period);
  return periodRows(
    period,
    raw,
    (m) => Prisma.sql`
      SELECT "publicCategoryCode", "actionTypeCode", "contractType", "people",
        "stillInCompany" + "employedElsewhere" AS "employed", "targetPeople", "reachedTarget"
      FROM "OutcomeMonthly"
      WHERE "months" = ${months} AND ${summarySqlWhere(scope, m, ["publicCategoryCode", "actionTypeCode"])}`,
  );
}

type Num = number | bigint | null;
/** Sums per public, action type and contract type: every dimension's lines add them up. */
type Keys = {
  publicCategoryCode: string;
  actionTypeCode: string;
  contractType: string;
  kind: string;
};
type Milestone = { milestone: Num };
type SumRow = Keys &
  Milestone & { people: Num; employed: Num; targetPeople: Num; reachedTarget: Num };
type DueRow = Keys & Milestone & { due: Num };

const KEYS = Prisma.sql`s."milestone" AS "milestone", s."publicCategoryCode" AS "publicCategoryCode",
  s."actionTypeCode" AS "actionTypeCode", s."contractType" AS "contractType", ${KIND} AS "kind"`;

/** A cohort: the milestone and the period whose realisations reached it. */
type Cohort = { months: OutcomeMilestone; period: Period };

/** The rows of every cohort, each tagged with its milestone. */
function ofCohorts(cohorts: Cohort[], rows: (cohort: Cohort) => Prisma.Sql) {
  return Prisma.join(
    cohorts.map(
      (c) =>
        Prisma.sql`SELECT ${Prisma.raw(String(c.months))} AS "milestone", t.* FROM (${rows(c)}) t`,
    ),
    " UNION ALL ",
  );
}

/** One query for the four dimensions and both milestones, instead of one each (decision 035). */
function sumOutcomes(scope: FigureScope, cohorts: Cohort[]) {
  return prisma.$queryRaw<SumRow[]>`
    SELECT ${KEYS}, SUM(s."people") AS "people", SUM(s."employed") AS "employed",
      SUM(s."targetPeople") AS "targetPeople", SUM(s."reachedTarget") AS "reachedTarget"
    FROM (${ofCohorts(cohorts, (c) => outcomeRows(scope, c.period, c.months))}) s
    GROUP BY 1, 2, 3, 4, 5`;
}

/** People of the followed realisations of the cohorts: those whose outcome is due. */
function sumDue(scope: FigureScope, cohorts: Cohort[]) {
  return prisma.$queryRaw<DueRow[]>`
    SELECT ${KEYS}, SUM(s."quantity") AS "due"
    FROM (${ofCohorts(cohorts, (c) => realisationRows(scope, c.period))}) s
    WHERE s."unit" = 'PEOPLE' AND s."actionTypeCode" IN (${list(FOLLOWED_ACTION_TYPES)})
    GROUP BY 1, 2, 3, 4, 5`;
}

const n = (v: Num | undefined) => Number(v ?? 0);

/** The lines of a dimension, in the order the other figures show them. */
function domainOf(dimension: Dimension): Array<{ code: string; label: string }> {
  if (dimension === "publicCategoryCode") return [...PUBLIC_CATEGORIES];
  if (dimension === "actionTypeCode")
    return ACTION_TYPES.filter((a) =>
      (FOLLOWED_ACTION_TYPES as readonly string[]).includes(a.code),
    );
  if (dimension === "contractType")
    return [
      ...CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
      { code: "", label: "Contrat non précisé" },
    ];
  return [{ code: "", label: "Ensemble" }];
}

/** The sum of `value` over the rows of a line of `dimension` ("" the total) and kind. */
function total<T extends Keys>(
  rows: T[],
  dimension: Dimension,
  code: string,
  kind: string,
  value: (row: T) => Num,
) {
  let sum = 0;
  for (const row of rows)
    if (row.kind === kind && (dimension === "" || (row[dimension] ?? "") === code))
      sum += n(value(row));
  return sum;
}

/**
 * The outcome rates of a scope for the milestones that fell due in `period` (by `now`), by each
 * of `dimensions`: one line per public, action type or contract type (or the total).
 */
async function outcomeRatesBy(
  scope: FigureScope,
  period: Period,
  dimensions: readonly Dimension[],
  now: Date,
): Promise<OutcomeRow[][]> {
  const today = calendarDay(now, PARIS);
  const cohorts: Cohort[] = [
    { months: 6, period: cohortPeriod(period, 6, today) },
    { months: 12, period: cohortPeriod(period, 12, today) },
  ];
  const [outcomes, due] = await Promise.all([sumOutcomes(scope, cohorts), sumDue(scope, cohorts)]);
  const at = <T extends Milestone>(rows: T[], months: OutcomeMilestone) =>
    rows.filter((r) => Number(r.milestone) === months);
  const [o6, o12, d6, d12] = [at(outcomes, 6), at(outcomes, 12), at(due, 6), at(due, 12)];
  return dimensions.map((dimension) =>
    domainOf(dimension).map(({ code, label }) => {
      const sum = <T extends Keys>(rows: T[], kind: string, value: (row: T) => Num) =>
        total(rows, dimension, code, kind, value);
      const accessDue = sum(d6, "access", (r) => r.due);
      const access = toRate(
        sum(o6, "access", (r) => r.employed),
        sum(o6, "access", (r) => r.people),
        accessDue,
      );
      return {
        code,
        label,
        employed6: toRate(
          sum(o6, "kept", (r) => r.employed),
          sum(o6, "kept", (r) => r.people),
          sum(d6, "kept", (r) => r.due),
        ),
        employed12: toRate(
          sum(o12, "kept", (r) => r.employed),
          sum(o12, "kept", (r) => r.people),
          sum(d12, "kept", (r) => r.due),
        ),
        access6: access,
        // Rests on the trainings that named a target job, asked with the others: same share unanswered.
        target6: {
          ...toRate(
            sum(o6, "access", (r) => r.reachedTarget),
            sum(o6, "access", (r) => r.targetPeople),
            accessDue,
          ),
          notReported: access.notReported,
        },
      };
    }),
  );
}

/**
 * The outcome rates of a scope for the milestones that fell due in `period` (by `now`), by one
 * dimension: one line per public, action type or contract type (or the total).
 */
export async function outcomeRates(
  scope: FigureScope,
  period: Period,
  dimension: Dimension,
  now = new Date(),
): Promise<OutcomeRow[]> {
  const [rows] = await outcomeRatesBy(scope, period, [dimension], now);
  return rows;
}

/** Every outcome table of a figures page: the total and the three breakdowns. */
export async function outcomeFigures(scope: FigureScope, period: Period, now = new Date()) {
  const [total, byPublic, byAction, byContract] = await outcomeRatesBy(
    scope,
    period,
    OUTCOME_DIMENSIONS,
    now,
  );
  return {
    total: total[0],
    breakdowns: [
      { key: "publics", title: "Par public", rows: byPublic },
      { key: "actions", title: "Par type d'action", rows: byAction },
      { key: "contrats", title: "Par type de contrat", rows: byContract },
    ],
  };
}

export type OutcomeFigures = Awaited<ReturnType<typeof outcomeFigures>>;
