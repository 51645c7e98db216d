// Outcome figures (issue 15, decision 029): the rates the app shows for a company, a club, a
// département and the country equal the same rates computed by plain SQL over RealisationOutcome
// and Realisation — after outcomes are recorded, edited, and their realisation moved or deleted —
// and OutcomeMonthly stays equal to its recomputation.
import { beforeAll, describe, expect, test } from "vitest";
import { addMembership, insertClub, insertCompany, insertRealisation } from "../prisma/factories";
import { outcomeRates, OUTCOME_DIMENSIONS } from "~/models/figures-outcomes.server";
import { publicOutcomes } from "~/models/public-outcomes.server";
import { OUTCOME_RATES } from "~/utils/outcome-rates";
import { yearPeriod, type FigureScope } from "~/models/figures.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { cohortPeriod, dueBy } from "~/utils/outcome-rates";

// 2026-12-01 in Paris: the 6-month milestones due are those of realisations dated up to
// 2026-06-01, the 12-month ones up to 2025-12-01.
const NOW = new Date("2026-12-01T09:00:00Z");
const PERIOD = yearPeriod(2026);
const day = (d: string) => new Date(`${d}T00:00:00Z`);
// Realisations whose milestone fell due in 2026 by NOW, written by hand rather than computed.
const COHORTS = {
  6: { from: "2025-07-01", to: "2026-06-02" },
  12: { from: "2025-01-01", to: "2025-12-02" },
} as const;

type Expected = {
  code: string;
  kind: string;
  people: number;
  employed: number;
  due: number;
  target: number;
  reached: number;
};

/** The rates' ingredients by plain SQL: outcomes and due people of the cohort, by dimension and kind. */
async function independent(scope: FigureScope, months: 6 | 12, dimension: string) {
  const { from, to } = COHORTS[months];
  const code = Prisma.raw(dimension ? `COALESCE(r."${dimension}", '')` : "''");
  const parts = [Prisma.sql`r."date" >= ${day(from)}`, Prisma.sql`r."date" < ${day(to)}`];
  for (const key of ["companyId", "clubId", "departementCode", "publicCategoryCode"] as const) {
    if (scope[key]) parts.push(Prisma.sql`${Prisma.raw(`r."${key}"`)} = ${scope[key]}`);
  }
  const where = Prisma.join(parts, " AND ");
  const kind = Prisma.raw(
    `CASE WHEN r."actionTypeCode" IN ('IMMERSION', 'TRAINING') THEN 'access' ELSE 'kept' END`,
  );
  const outcomes = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${code} AS code, ${kind} AS kind, SUM(o."people") AS people,
      SUM(o."stillInCompany" + o."employedElsewhere") AS employed,
      SUM(CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END) AS target,
      SUM(COALESCE(o."reachedTarget", 0)) AS reached
    FROM "RealisationOutcome" o JOIN "Realisation" r ON r."id" = o."realisationId"
    WHERE o."months" = ${months} AND ${where} GROUP BY 1, 2`;
  const due = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${code} AS code, ${kind} AS kind, SUM(r."quantity") AS due FROM "Realisation" r
    WHERE r."unit" = 'PEOPLE' AND r."actionTypeCode" IN ('HIRE', 'WORK_STUDY', 'IMMERSION', 'TRAINING', 'WORKFORCE_LOAN')
      AND ${where} GROUP BY 1, 2`;
  const keys = new Set([...outcomes, ...due].map((r) => `${r.code}|${r.kind}`));
  return [...keys]
    .map((key): Expected => {
      const [c, k] = key.split("|");
      const o = outcomes.find((r) => r.code === c && r.kind === k);
      return {
        code: c,
        kind: k,
        people: Number(o?.people ?? 0),
        employed: Number(o?.employed ?? 0),
        due: Number(due.find((r) => r.code === c && r.kind === k)?.due ?? 0),
        target: Number(o?.target ?? 0),
        reached: Number(o?.reached ?? 0),
      };
    })
    .sort(byKey);
}

const byKey = (a: Expected, b: Expected) =>
  `${a.code}|${a.kind}` < `${b.code}|${b.kind}` ? -1 : 1;

/** The app's rates, taken apart into the same ingredients. */
async function fromApp(
  scope: FigureScope,
  months: 6 | 12,
  dimension: (typeof OUTCOME_DIMENSIONS)[number],
) {
  const rows = await outcomeRates(scope, PERIOD, dimension, NOW);
  const out: Expected[] = [];
  for (const row of rows) {
    const kept = months === 6 ? row.employed6 : row.employed12;
    if (kept.people || kept.due)
      out.push({
        code: row.code,
        kind: "kept",
        people: kept.people,
        employed: kept.value,
        due: kept.due,
        target: 0,
        reached: 0,
      });
    if (months === 6 && (row.access6.people || row.access6.due))
      out.push({
        code: row.code,
        kind: "access",
        people: row.access6.people,
        employed: row.access6.value,
        due: row.access6.due,
        target: row.target6.people,
        reached: row.target6.value,
      });
  }
  return out.sort(byKey);
}

/** independent() without the 12-month access lines, which no rate shows. */
async function expected(scope: FigureScope, months: 6 | 12, dimension: string) {
  const rows = await independent(scope, months, dimension);
  return rows
    .filter((r) => months === 6 || r.kind === "kept")
    .map((r) => (r.kind === "kept" ? { ...r, target: 0, reached: 0 } : r));
}

async function summaryMatchesRecomputation() {
  const stored = await prisma.$queryRawUnsafe<unknown[]>(
    `SELECT "departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType",
       "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking",
       "unknown", "targetPeople", "reachedTarget" FROM "OutcomeMonthly" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  );
  const base = `SELECT COALESCE(r."departementCode", '') AS dep, COALESCE(r."clubId", '') AS club,
      substr(CAST(r."date" AS TEXT), 1, 7) AS month, r."publicCategoryCode", r."actionTypeCode",
      COALESCE(r."contractType", '') AS "contractType", o."months", o."people", o."stillInCompany",
      o."employedElsewhere", o."inTraining", o."jobSeeking", o."unknown",
      CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END AS tp, COALESCE(o."reachedTarget", 0) AS rt
    FROM "RealisationOutcome" o JOIN "Realisation" r ON r."id" = o."realisationId"`;
  const level = (d: string, c: string) => `SELECT ${d} AS d, ${c} AS c, month, "publicCategoryCode",
      "actionTypeCode", "contractType", "months", people, "stillInCompany", "employedElsewhere",
      "inTraining", "jobSeeking", "unknown", tp, rt FROM (${base}) b`;
  const recomputed = await prisma.$queryRawUnsafe<unknown[]>(
    `SELECT d AS "departementCode", c AS "clubId", month, "publicCategoryCode", "actionTypeCode",
       "contractType", "months", COUNT(*) AS "outcomes", SUM(people) AS "people",
       SUM("stillInCompany") AS "stillInCompany", SUM("employedElsewhere") AS "employedElsewhere",
       SUM("inTraining") AS "inTraining", SUM("jobSeeking") AS "jobSeeking", SUM("unknown") AS "unknown",
       SUM(tp) AS "targetPeople", SUM(rt) AS "reachedTarget"
     FROM (${level("dep", "club")} UNION ALL ${level("dep", "'*'")} UNION ALL ${level("'*'", "'*'")}) l
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  );
  const norm = (rows: unknown[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === "bigint" ? Number(v) : v,
        ]),
      ),
    );
  return { stored: norm(stored), recomputed: norm(recomputed) };
}

describe("cohorts", () => {
  test("a milestone falls due on the calendar, month ends included", () => {
    expect(dueBy("2026-12-01", 6)).toBe("2026-06-01");
    expect(dueBy("2026-02-28", 6)).toBe("2025-08-31");
    expect(cohortPeriod(PERIOD, 6, "2026-12-01")).toEqual({
      from: day(COHORTS[6].from),
      to: day(COHORTS[6].to),
    });
    expect(cohortPeriod(PERIOD, 12, "2026-12-01")).toEqual({
      from: day(COHORTS[12].from),
      to: day(COHORTS[12].to),
    });
    expect(cohortPeriod(yearPeriod(2028), 6, "2026-12-01").to).toEqual(day("2027-07-01"));
  });
});

describe("outcome rates against plain SQL", () => {
  const scopes: Record<string, FigureScope> = {};

  beforeAll(async () => {
    const clubA = await insertClub(prisma, { departementCode: "62" });
    const clubB = await insertClub(prisma, { departementCode: "62" });
    const clubC = await insertClub(prisma, { departementCode: "59" });
    const companies = [];
    for (const [club, commune] of [
      [clubA, "62041"],
      [clubB, "62498"],
      [clubC, "59350"],
    ] as const) {
      const company = await insertCompany(prisma, { communeCode: commune });
      await addMembership(prisma, { companyId: company.id, clubId: club.id });
      companies.push(company);
    }
    scopes.company = { companyId: companies[0].id };
    scopes.club = { clubId: clubA.id };
    scopes.departement = { departementCode: "62" };
    scopes.national = {};
    scopes.filtered = { departementCode: "62", publicCategoryCode: "DELD" };
    // Realisations inside and outside the cohorts, on the days of cut months, of every kind.
    const dates = [
      "2024-12-31",
      "2025-01-01",
      "2025-06-15",
      "2025-07-01",
      "2025-11-30",
      "2025-12-01",
      "2025-12-02",
      "2026-03-10",
      "2026-06-01",
      "2026-06-02",
      "2026-09-01",
    ];
    const kinds = [
      { actionTypeCode: "HIRE", contractType: "CDI", publicCategoryCode: "DELD" },
      { actionTypeCode: "HIRE", contractType: "CDD_LONG", publicCategoryCode: "YOUTH" },
      { actionTypeCode: "WORK_STUDY", publicCategoryCode: "DELD" },
      { actionTypeCode: "TRAINING", publicCategoryCode: "RSA", targetRomeCode: "H29" },
      { actionTypeCode: "IMMERSION", publicCategoryCode: "DELD" },
    ];
    let i = 0;
    for (const date of dates) {
      for (const kind of kinds) {
        const company = companies[i % companies.length];
        const quantity = 1 + (i % 4);
        const { targetRomeCode, ...rest } = kind;
        const r = await insertRealisation(prisma, {
          companyId: company.id,
          date: day(date),
          quantity,
          ...rest,
        });
        if (targetRomeCode)
          await prisma.realisation.update({ where: { id: r.id }, data: { targetRomeCode } });
        // Most have an answer at 6 months, some at 12; a few are left unanswered.
        for (const months of [6, 12]) {
          if ((i + months) % 3 === 0) continue;
          const still = quantity > 1 ? 1 : 0;
          await prisma.realisationOutcome.create({
            data: {
              realisationId: r.id,
              months,
              people: quantity,
              stillInCompany: still,
              employedElsewhere: quantity - still - (quantity > 2 ? 1 : 0),
              inTraining: 0,
              jobSeeking: quantity > 2 ? 1 : 0,
              unknown: 0,
              reachedTarget: targetRomeCode ? Math.min(1, quantity) : null,
            },
          });
        }
        i++;
      }
    }
  });

  const check = async () => {
    for (const [name, scope] of Object.entries(scopes)) {
      for (const dimension of OUTCOME_DIMENSIONS) {
        for (const months of [6, 12] as const) {
          expect({
            name,
            dimension,
            months,
            rows: await fromApp(scope, months, dimension),
          }).toEqual({
            name,
            dimension,
            months,
            rows: await expected(scope, months, dimension),
          });
        }
      }
    }
  };

  test("company, club, département, national and filtered rates equal plain SQL", async () => {
    await check();
    const total = (await outcomeRates(scopes.national, PERIOD, "", NOW))[0];
    expect(total.employed6.people).toBeGreaterThan(0);
    expect(total.employed6.notReported).toBeGreaterThan(0);
    expect(total.target6.people).toBeGreaterThan(0);
  });

  test("still equal after an outcome is edited, a realisation moved and one deleted", async () => {
    const outcome = await prisma.realisationOutcome.findFirstOrThrow({
      where: { months: 6, people: { gt: 1 } },
    });
    await prisma.realisationOutcome.update({
      where: { id: outcome.id },
      data: { stillInCompany: 0, employedElsewhere: 0, unknown: outcome.people, jobSeeking: 0 },
    });
    const moved = await prisma.realisation.findFirstOrThrow({
      where: { outcomes: { some: {} }, date: day("2026-03-10") },
    });
    await prisma.realisation.update({
      where: { id: moved.id },
      data: { date: day("2025-08-05"), publicCategoryCode: "SENIOR" },
    });
    const deleted = await prisma.realisation.findFirstOrThrow({
      where: { outcomes: { some: {} }, date: day("2025-07-01") },
    });
    await prisma.realisation.delete({ where: { id: deleted.id } });
    await prisma.realisationOutcome.deleteMany({ where: { months: 12, people: 1 } });
    await check();
    const { stored, recomputed } = await summaryMatchesRecomputation();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
  });

  test("public rates: no 1 or 2 people shown, visible totals as on the dashboards", async () => {
    const period = { from: day("2026-01-01"), to: day("2026-12-01") };
    const published = await publicOutcomes(["62", "59"], period, () => undefined);
    let masked = 0;
    for (const [, o] of published) {
      for (const row of [o.total, ...o.breakdowns.flatMap((b) => b.rows)]) {
        for (const { key } of OUTCOME_RATES) {
          const r = row[key];
          if (r.masked) {
            masked++;
            expect([r.people, r.value, r.rate]).toEqual([0, 0, null]);
            continue;
          }
          for (const n of [r.people, r.value, r.people - r.value]) expect([1, 2]).not.toContain(n);
        }
      }
    }
    expect(masked).toBeGreaterThan(0);
    const nation = (await outcomeRates({}, period, "", period.to))[0];
    const shown = published.get("*")!.total.employed6;
    if (!shown.masked)
      expect([shown.people, shown.value]).toEqual([
        nation.employed6.people,
        nation.employed6.value,
      ]);
  });
});
