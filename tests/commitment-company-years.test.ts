// The companies engaged and commitments running per year (CommitmentCompanyYear and
// CommitmentYearMonth, decision 033): after every kind of write to a commitment — form, edit of
// its dates, status, move to another club or company, delete, a company deleted, a rolled-back
// transaction — both tables equal their recomputation in JavaScript from the commitments; and
// the key figures (companies engaged, running commitments) equal straight SQL with
// COUNT(DISTINCT) over the commitments, for every period a page asks for.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertUser,
} from "../prisma/factories";
import { type FigureScope, type Period } from "~/models/figures.server";
import {
  keyFigures,
  keyFiguresByDepartement,
  nationalKeyFigures,
  yearStartedBy,
} from "~/models/figures-key.server";
import {
  createCommitment,
  setCommitmentStatus,
  updateCommitment,
} from "~/models/commitment.server";
import { declarableYears } from "~/models/catalogue.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { CommitmentInput } from "~/utils/schemas/commitment";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

/** The rows both tables should hold, computed from the running commitments without SQL. */
async function expectedRows() {
  const running = await prisma.commitment.findMany({
    where: { status: { in: ["ACTIVE", "ACHIEVED"] } },
    select: {
      companyId: true,
      clubId: true,
      departementCode: true,
      startDate: true,
      endDate: true,
    },
  });
  const firstStart = new Map<string, number>();
  const months = new Map<string, { commitments: number; companies: number }>();
  const count = (key: string, kind: "commitments" | "companies") => {
    const row = months.get(key) ?? { commitments: 0, companies: 0 };
    row[kind] += 1;
    months.set(key, row);
  };
  for (const c of running) {
    for (let y = c.startDate.getUTCFullYear(); y <= c.endDate.getUTCFullYear(); y++) {
      for (const [dep, club] of [
        [c.departementCode, c.clubId],
        [c.departementCode, "*"],
        ["*", "*"],
      ]) {
        const key = `${dep}|${club}|${y}|${c.companyId}`;
        const start = c.startDate.getTime();
        firstStart.set(key, Math.min(start, firstStart.get(key) ?? start));
        count(`${dep}|${club}|${y}|${c.startDate.toISOString().slice(0, 7)}`, "commitments");
      }
    }
  }
  for (const [key, start] of firstStart) {
    const [dep, club, y] = key.split("|");
    count(`${dep}|${club}|${y}|${new Date(start).toISOString().slice(0, 7)}`, "companies");
  }
  return {
    companies: [...firstStart]
      .map(([key, start]) => `${key}|${new Date(start).toISOString()}`)
      .sort(),
    months: [...months].map(([key, n]) => `${key}|${n.commitments}|${n.companies}`).sort(),
  };
}

async function storedRows() {
  const [companies, months] = await Promise.all([
    prisma.commitmentCompanyYear.findMany(),
    prisma.commitmentYearMonth.findMany(),
  ]);
  return {
    companies: companies
      .map(
        (r) =>
          `${r.departementCode}|${r.clubId}|${r.year}|${r.companyId}|${r.firstStart.toISOString()}`,
      )
      .sort(),
    months: months
      .map(
        (r) =>
          `${r.departementCode}|${r.clubId}|${r.year}|${r.month}|${r.commitments}|${r.companies}`,
      )
      .sort(),
  };
}

async function expectInStep() {
  expect(await storedRows()).toEqual(await expectedRows());
}

/** Companies and running commitments of a scope over a period, by straight SQL. */
async function straightFigures(scope: FigureScope, period: Period) {
  const filters = [
    scope.departementCode ? Prisma.sql`c."departementCode" = ${scope.departementCode}` : null,
    scope.clubId ? Prisma.sql`c."clubId" = ${scope.clubId}` : null,
  ].filter((f) => f !== null);
  const inScope = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
  const [row] = await prisma.$queryRaw<Array<{ n: bigint; companies: bigint }>>`
    SELECT COUNT(*) AS "n", COUNT(DISTINCT c."companyId") AS "companies" FROM "Commitment" c
    WHERE c."status" IN ('ACTIVE', 'ACHIEVED') AND c."startDate" < ${period.to}
      AND c."endDate" >= ${period.from} AND ${inScope}`;
  return { companies: Number(row.companies), commitments: Number(row.n) };
}

let year: number;
const input = (over: Partial<CommitmentInput> = {}): CommitmentInput => ({
  year,
  themeCode: "INCLUSION",
  actionTypeCode: "HIRE",
  publics: ["DELD"],
  ambition: "Recruter des personnes éloignées de l'emploi.",
  targetQuantity: 3,
  targetUnit: "PEOPLE",
  startDate: "2025-03-01",
  endDate: "2025-12-31",
  status: "ACTIVE",
  visibility: "CLUB",
  ...over,
});

let actor: string;
let clubA: string;
let clubB: string;
let companyA: string;
let companyB: string;

beforeAll(async () => {
  [year] = await declarableYears(); // the catalogue's: the dates below need not be in it
  actor = (await insertUser(prisma)).id;
  clubA = (await insertClub(prisma, { name: "Club des années", departementCode: "62" })).id;
  clubB = (await insertClub(prisma, { name: "Club voisin", departementCode: "59" })).id;
  companyA = (await insertCompany(prisma)).id;
  companyB = (await insertCompany(prisma)).id;
  await addMembership(prisma, { companyId: companyA, clubId: clubA, status: "MEMBER" });
  await addMembership(prisma, { companyId: companyB, clubId: clubB, status: "MEMBER" });
});

describe("companies engaged and commitments running per year", () => {
  test("stay equal to their recomputation through every kind of write", async () => {
    await expectInStep();
    const first = await createCommitment(actor, companyA, input());
    await expectInStep();
    // Over three years, and a second commitment of the same company starting earlier.
    const long = await createCommitment(
      actor,
      companyA,
      input({ startDate: "2024-11-15", endDate: "2026-06-30" }),
    );
    await expectInStep();
    await updateCommitment(
      actor,
      companyA,
      first,
      input({ startDate: "2025-01-10", endDate: "2027-02-01" }),
    );
    await expectInStep();
    await setCommitmentStatus(actor, companyA, long, "ABANDONED");
    await expectInStep();
    await setCommitmentStatus(actor, companyA, long, "ACHIEVED");
    await expectInStep();
    // Moved to another club (and département), then to another company.
    await prisma.commitment.update({
      where: { id: long },
      data: { clubId: clubB, departementCode: "59" },
    });
    await expectInStep();
    await prisma.commitment.update({ where: { id: long }, data: { companyId: companyB } });
    await expectInStep();
    await insertCommitment(prisma, {
      companyId: companyB,
      clubId: clubB,
      departementCode: "59",
      startDate: d("2025-06-01"),
      endDate: d("2025-09-30"),
      status: "DRAFT",
    });
    await expectInStep();
    await prisma.commitment.delete({ where: { id: first } });
    await expectInStep();
    // A company deleted takes its commitments, and its rows, with it.
    const gone = (await insertCompany(prisma)).id;
    await addMembership(prisma, { companyId: gone, clubId: clubA, status: "MEMBER" });
    await insertCommitment(prisma, { companyId: gone, clubId: clubA, departementCode: "62" });
    await expectInStep();
    await prisma.company.delete({ where: { id: gone } });
    await expectInStep();
  });

  test("a rolled-back write leaves them untouched", async () => {
    const before = await storedRows();
    await expect(
      prisma.$transaction(async (tx) => {
        await insertCommitment(tx, {
          companyId: companyA,
          clubId: clubA,
          departementCode: "62",
          startDate: d("2023-01-01"),
          endDate: d("2025-01-01"),
        });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await storedRows()).toEqual(before);
  });

  const periods: Period[] = [
    { from: d("2025-01-01"), to: d("2026-01-01") }, // a year
    { from: d("2025-01-01"), to: d("2025-03-02") }, // a year under way, cut tonight
    { from: d("2025-01-01"), to: d("2025-04-01") }, // its first quarter
    { from: d("2025-03-01"), to: d("2025-03-02") }, // one day: counted on the commitments
    { from: d("2026-01-01"), to: d("2026-01-01") }, // nothing yet
    { from: d("2025-04-01"), to: d("2025-07-01") }, // a later quarter: counted on the commitments
  ];

  test.each(periods)("key figures equal straight SQL ($from – $to)", async (period) => {
    for (const [companyId, start, end, clubId, dep] of [
      [companyA, "2025-02-20", "2025-05-01", clubA, "62"],
      [companyA, "2024-12-01", "2025-01-05", clubA, "62"],
      [companyB, "2025-03-01", "2025-03-01", clubB, "59"],
    ] as const) {
      await insertCommitment(prisma, {
        companyId,
        clubId,
        departementCode: dep,
        startDate: d(start),
        endDate: d(end),
      });
    }
    const scopes: FigureScope[] = [
      {},
      { departementCode: "62" },
      { departementCode: "59" },
      { clubId: clubA },
      { departementCode: "59", clubId: clubB },
    ];
    for (const scope of scopes) {
      const expected = await straightFigures(scope, period);
      const figures = await keyFigures(scope, period);
      expect({
        companies: figures.companiesEngaged,
        commitments: figures.activeCommitments,
      }).toEqual(expected);
    }
    const byDepartement = await keyFiguresByDepartement(period);
    for (const code of ["62", "59"]) {
      const expected = await straightFigures({ departementCode: code }, period);
      const figures = byDepartement.get(code);
      expect({
        companies: figures?.companiesEngaged ?? 0,
        commitments: figures?.activeCommitments ?? 0,
      }).toEqual(expected);
    }
    // The national view reads the country's figures in the same queries as the départements'.
    const national = await nationalKeyFigures(period);
    expect(national.byDepartement).toEqual(byDepartement);
    expect(national.total).toEqual(await keyFigures({}, period));
  });

  test("the table serves the periods that start on 1 January", () => {
    expect(yearStartedBy({ from: d("2025-01-01"), to: d("2025-11-24") })).toBe(2025);
    expect(yearStartedBy({ from: d("2025-01-01"), to: d("2026-01-01") })).toBe(2025);
    expect(yearStartedBy({ from: d("2025-01-01"), to: d("2026-02-01") })).toBeNull();
    expect(yearStartedBy({ from: d("2025-04-01"), to: d("2025-07-01") })).toBeNull();
  });
});
