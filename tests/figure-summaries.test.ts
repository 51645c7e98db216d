// The monthly summary tables behind the figures (decision 012): after every kind of write —
// form, bulk import, edit, delete, a company's profile change, a rolled-back transaction — they
// equal the sums recomputed from the realisations; and figures over periods cut mid-month
// (summary for whole months + realisations for the days left over) equal straight SQL.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import { splitPeriod, type FigureScope, type Period } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import {
  monthlyTrend,
  peopleByPublic,
  realisationsByCompanySize,
  realisationsBySector,
} from "~/models/figures-breakdowns.server";
import {
  createRealisation,
  createRealisations,
  deleteRealisation,
  updateRealisation,
} from "~/models/realisation.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import type { RealisationInput } from "~/utils/schemas/realisation";

/** Every realisation is summed for its club, its département ('*' club) and the country. */
const LEVELS = Prisma.sql`(SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v`;
const DEPARTEMENT = Prisma.sql`CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END`;
const CLUB = Prisma.sql`CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END`;
const MONTH = dialect.monthKey(Prisma.sql`r."date"`);

/** Rows in one query's result and not in the other's, both ways (0 when they are equal). */
async function differences(a: Prisma.Sql, b: Prisma.Sql) {
  const [row] = await prisma.$queryRaw<Array<{ n: bigint }>>`
    SELECT COUNT(*) AS "n" FROM (SELECT * FROM (${a} EXCEPT ${b}) x
      UNION ALL SELECT * FROM (${b} EXCEPT ${a}) y) z`;
  return Number(row.n);
}

/** Summary rows that differ from a recomputation over Realisation (0 when all is right). */
async function summaryMismatches() {
  const monthly = await differences(
    Prisma.sql`SELECT ${DEPARTEMENT}, ${CLUB}, ${MONTH}, r."publicCategoryCode", r."actionTypeCode",
       r."unit", COALESCE(r."contractType", ''), COUNT(*), SUM(r."quantity")
     FROM "Realisation" r, ${LEVELS} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    Prisma.sql`SELECT "departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode",
       "unit", "contractType", "realisations", "quantity" FROM "RealisationMonthly"`,
  );
  const profile = await differences(
    Prisma.sql`SELECT ${DEPARTEMENT}, ${CLUB}, ${MONTH}, k."dimension",
       CASE k."dimension" WHEN 'SIZE' THEN COALESCE(co."headcountBracket", '')
         ELSE substr(COALESCE(co."nafCode", ''), 1, 2) END,
       COUNT(*), SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END)
     FROM "Realisation" r JOIN "Company" co ON co."id" = r."companyId", ${LEVELS},
       (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') k
     GROUP BY 1, 2, 3, 4, 5`,
    Prisma.sql`SELECT "departementCode", "clubId", "month", "dimension", "value", "realisations",
       "people" FROM "RealisationMonthlyProfile"`,
  );
  return monthly + profile;
}

const input = (over: Partial<RealisationInput> = {}): RealisationInput => ({
  date: "2025-03-14",
  actionTypeCode: "HIRE",
  publicCategoryCode: "DELD",
  contractType: "CDI",
  quantity: 2,
  qpv: "UNKNOWN",
  ...over,
});

let actor: string;
let clubId: string;
let companyA: string;
let companyB: string;

beforeAll(async () => {
  actor = (await insertUser(prisma)).id;
  clubId = (await insertClub(prisma, { name: "Club des résumés", departementCode: "62" })).id;
  companyA = (await insertCompany(prisma, { headcountBracket: "11", nafCode: "49.41A" })).id;
  companyB = (await insertCompany(prisma, { headcountBracket: "53", nafCode: "10.71C" })).id;
  for (const companyId of [companyA, companyB])
    await addMembership(prisma, { companyId, clubId, status: "MEMBER" });
});

describe("summary tables", () => {
  test("stay equal to the sums over the realisations through every kind of write", async () => {
    expect(await summaryMismatches()).toBe(0);

    const id = await createRealisation(actor, companyA, input());
    expect(await summaryMismatches()).toBe(0);

    // A bulk import: multi-row INSERTs in one transaction.
    const rows = Array.from({ length: 120 }, (_, i) =>
      input({
        date: `2025-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, "0")}`,
        publicCategoryCode: i % 3 ? "RSA" : "SENIOR",
        actionTypeCode: i % 4 ? "HIRE" : "VOLUNTEERING",
        contractType: i % 4 ? "CDD_LONG" : undefined,
        quantity: 1 + (i % 5),
      }),
    );
    await prisma.$transaction((tx) => createRealisations(tx, actor, companyB, rows));
    expect(await summaryMismatches()).toBe(0);

    // An edit that moves the realisation to another month, public and quantity.
    await updateRealisation(
      actor,
      companyA,
      id!,
      input({ date: "2025-07-02", publicCategoryCode: "YOUTH", quantity: 7 }),
    );
    expect(await summaryMismatches()).toBe(0);

    // A profile change moves the company's past realisations to its new size and sector.
    await prisma.company.update({
      where: { id: companyB },
      data: { headcountBracket: "02", nafCode: "86.10Z" },
    });
    await prisma.company.update({ where: { id: companyA }, data: { nafCode: null } });
    expect(await summaryMismatches()).toBe(0);

    await deleteRealisation(actor, companyA, id!);
    expect(await summaryMismatches()).toBe(0);

    // A realisation without a club (a company outside any club) counts under ''.
    const loner = (await insertCompany(prisma, { headcountBracket: null })).id;
    await insertRealisation(prisma, { companyId: loner, clubId: null });
    expect(await summaryMismatches()).toBe(0);
    await prisma.company.delete({ where: { id: loner } });
    expect(await summaryMismatches()).toBe(0);
  });

  test("a rolled-back import leaves them untouched", async () => {
    const before = await prisma.$queryRaw<
      unknown[]
    >`SELECT * FROM "RealisationMonthly" ORDER BY 1, 2, 3, 4, 5, 6, 7`;
    await expect(
      prisma.$transaction(async (tx) => {
        await createRealisations(tx, actor, companyA, [input(), input({ quantity: 9 })]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(
      await prisma.$queryRaw<
        unknown[]
      >`SELECT * FROM "RealisationMonthly" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    ).toEqual(before);
  });
});

describe("figures over any period", () => {
  const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

  test("splitPeriod: summary months, plus or minus the fewest days read from the rows", () => {
    expect(splitPeriod({ from: d("2025-01-01"), to: d("2026-01-01") })).toEqual({
      months: { from: "2025-01", to: "2026-01" },
      add: [],
      subtract: [],
    });
    // 10–31 January: 22 days in, 9 out → January minus 1–9; 1–15 March: 14 in, 17 out → add them.
    expect(splitPeriod({ from: d("2025-01-10"), to: d("2025-03-15") })).toEqual({
      months: { from: "2025-01", to: "2025-03" },
      add: [{ from: d("2025-03-01"), to: d("2025-03-15") }],
      subtract: [{ from: d("2025-01-01"), to: d("2025-01-10") }],
    });
    // A year under way, cut tonight: November whole minus the days to come.
    expect(splitPeriod({ from: d("2026-01-01"), to: d("2026-11-24") })).toEqual({
      months: { from: "2026-01", to: "2026-12" },
      add: [],
      subtract: [{ from: d("2026-11-24"), to: d("2026-12-01") }],
    });
    expect(splitPeriod({ from: d("2025-01-10"), to: d("2025-01-20") })).toEqual({
      months: null,
      add: [{ from: d("2025-01-10"), to: d("2025-01-20") }],
      subtract: [],
    });
  });

  const periods: Period[] = [
    { from: d("2025-01-01"), to: d("2025-07-01") },
    { from: d("2025-01-01"), to: d("2025-03-15") },
    { from: d("2025-02-10"), to: d("2025-05-01") },
    { from: d("2025-03-03"), to: d("2025-03-20") },
    { from: d("2025-01-25"), to: d("2025-04-27") },
  ];
  const scopes: FigureScope[] = [
    { departementCode: "62" },
    { clubId: "" },
    { departementCode: "62", publicCategoryCode: "RSA" },
    { departementCode: "62", actionTypeCode: "VOLUNTEERING" },
  ];

  test.each(periods)("equal straight SQL on the realisations ($from – $to)", async (period) => {
    await prisma.$transaction((tx) =>
      createRealisations(
        tx,
        actor,
        companyA,
        Array.from({ length: 60 }, (_, i) =>
          input({
            date: `2025-0${1 + (i % 5)}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`,
            publicCategoryCode: i % 2 ? "RSA" : "DELD",
            quantity: 1 + (i % 3),
          }),
        ),
      ),
    );
    for (const base of scopes) {
      const scope = base.clubId === "" ? { clubId } : base;
      const filters = [
        scope.departementCode ? Prisma.sql`r."departementCode" = ${scope.departementCode}` : null,
        scope.clubId ? Prisma.sql`r."clubId" = ${scope.clubId}` : null,
        scope.publicCategoryCode
          ? Prisma.sql`r."publicCategoryCode" = ${scope.publicCategoryCode}`
          : null,
        scope.actionTypeCode ? Prisma.sql`r."actionTypeCode" = ${scope.actionTypeCode}` : null,
      ].filter((f) => f !== null);
      const inScope = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
      const [expected] = await prisma.$queryRaw<
        Array<{ n: bigint; hired: bigint | null; people: bigint | null }>
      >`SELECT COUNT(*) AS "n",
          SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN ('HIRE', 'WORK_STUDY')
            THEN r."quantity" END) AS "hired",
          SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" END) AS "people"
        FROM "Realisation" r
        WHERE r."date" >= ${period.from} AND r."date" < ${period.to} AND ${inScope}`;
      const figures = await keyFigures(scope, period);
      expect(figures.realisations).toBe(Number(expected.n));
      expect(figures.peopleHired).toBe(Number(expected.hired ?? 0));
      const sum = (rows: Array<{ quantity: number }>) => rows.reduce((s, r) => s + r.quantity, 0);
      const count = (rows: Array<{ count: number }>) => rows.reduce((s, r) => s + r.count, 0);
      expect(sum(await peopleByPublic(scope, period))).toBe(Number(expected.people ?? 0));
      for (const rows of [
        await realisationsByCompanySize(scope, period),
        await realisationsBySector(scope, period),
      ]) {
        expect(count(rows)).toBe(Number(expected.n));
        expect(sum(rows)).toBe(Number(expected.people ?? 0));
      }
      const trend = await monthlyTrend(scope, {
        from: new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1)),
        to: new Date(Date.UTC(period.to.getUTCFullYear(), period.to.getUTCMonth() + 1, 1)),
      });
      const [inTrendMonths] = await prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT COUNT(*) AS "n" FROM "Realisation" r WHERE ${MONTH} >= ${trend[0].month}
          AND ${MONTH} <= ${trend.at(-1)!.month} AND ${inScope}`;
      expect(count(trend)).toBe(Number(inTrendMonths.n));
    }
  });
});
