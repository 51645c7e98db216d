// The national view's summaries (decision 035): RealisationDepartementMonthly and
// RealisationDepartementDaily (per département and month or day: declarations, people hired) and RealisationNationalDaily (the country per day) stay equal to
// their recomputation in JavaScript from the realisations after every kind of write — form,
// import, edit, a move to another département, delete, a realisation without a club, a company
// deleted with its realisations, an action type no longer a hire, a rolled-back transaction;
// ClubMemberCount equals the count of each club's members after memberships change; and the figures that read them —
// the table of départements, the national key figures and breakdowns over periods cutting a
// month — equal straight SQL over the realisations.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import { type FigureScope, type Period } from "~/models/figures.server";
import {
  keyFigures,
  keyFiguresByDepartement,
  nationalKeyFigures,
} from "~/models/figures-key.server";
import { monthlyTrend, peopleByPublic } from "~/models/figures-breakdowns.server";
import {
  createRealisation,
  createRealisations,
  deleteRealisation,
  updateRealisation,
} from "~/models/realisation.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { RealisationInput } from "~/utils/schemas/realisation";

/** The rows both tables should hold, computed from the realisations without SQL. */
async function expectedRows() {
  const realisations = await prisma.realisation.findMany({
    select: {
      departementCode: true,
      date: true,
      publicCategoryCode: true,
      actionTypeCode: true,
      unit: true,
      contractType: true,
      quantity: true,
    },
  });
  const departements = new Map<string, [number, number]>();
  const departementDays = new Map<string, [number, number]>();
  const days = new Map<string, [number, number]>();
  const add = (map: Map<string, [number, number]>, key: string, quantity: number) => {
    const sum = map.get(key) ?? [0, 0];
    map.set(key, [sum[0] + 1, sum[1] + quantity]);
  };
  const hires = new Set(
    (await prisma.actionType.findMany({ where: { isHire: true } })).map((a) => a.code),
  );
  for (const r of realisations) {
    const day = r.date.toISOString().slice(0, 10);
    const hired = r.unit === "PEOPLE" && hires.has(r.actionTypeCode) ? r.quantity : 0;
    add(departements, `${r.departementCode ?? ""}|${day.slice(0, 7)}`, hired);
    add(departementDays, `${r.departementCode ?? ""}|${day}`, hired);
    add(
      days,
      `${day}|${r.publicCategoryCode}|${r.actionTypeCode}|${r.unit}|${r.contractType ?? ""}`,
      r.quantity,
    );
  }
  const lines = (map: Map<string, [number, number]>) =>
    [...map].map(([key, [n, quantity]]) => `${key}|${n}|${quantity}`).sort();
  return {
    departements: lines(departements),
    departementDays: lines(departementDays),
    days: lines(days),
  };
}

async function storedRows() {
  const [departements, departementDays, days] = await Promise.all([
    prisma.realisationDepartementMonthly.findMany(),
    prisma.realisationDepartementDaily.findMany(),
    prisma.realisationNationalDaily.findMany(),
  ]);
  return {
    departements: departements
      .map((r) => `${r.departementCode}|${r.month}|${r.realisations}|${r.hired}`)
      .sort(),
    departementDays: departementDays
      .map((r) => `${r.departementCode}|${r.day}|${r.realisations}|${r.hired}`)
      .sort(),
    days: days
      .map(
        (r) =>
          `${r.day}|${r.publicCategoryCode}|${r.actionTypeCode}|${r.unit}|${r.contractType}|${r.realisations}|${r.quantity}`,
      )
      .sort(),
  };
}

async function expectInStep() {
  expect(await storedRows()).toEqual(await expectedRows());
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
let clubA: string;
let clubB: string;
let companyA: string;
let companyB: string;

beforeAll(async () => {
  actor = (await insertUser(prisma)).id;
  clubA = (await insertClub(prisma, { name: "Club national", departementCode: "62" })).id;
  clubB = (await insertClub(prisma, { name: "Club lozérien", departementCode: "48" })).id;
  companyA = (await insertCompany(prisma)).id;
  companyB = (await insertCompany(prisma)).id;
  await addMembership(prisma, { companyId: companyA, clubId: clubA, status: "MEMBER" });
  await addMembership(prisma, { companyId: companyB, clubId: clubB, status: "MEMBER" });
});

describe("national summaries", () => {
  test("stay equal to their recomputation through every kind of write", async () => {
    await expectInStep();
    const id = await createRealisation(actor, companyA, input());
    await expectInStep();
    // The same key twice, then an import: multi-row INSERTs in one transaction.
    const twin = await createRealisation(actor, companyA, input({ quantity: 5 }));
    await prisma.$transaction((tx) =>
      createRealisations(
        tx,
        actor,
        companyB,
        Array.from({ length: 80 }, (_, i) =>
          input({
            date: `2025-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, "0")}`,
            publicCategoryCode: i % 3 ? "RSA" : "SENIOR",
            actionTypeCode: i % 4 ? "HIRE" : "VOLUNTEERING",
            contractType: i % 4 ? "CDD_LONG" : undefined,
            quantity: 1 + (i % 5),
          }),
        ),
      ),
    );
    await expectInStep();
    // An edit of the date, public, contract and quantity; then of the quantity alone.
    await updateRealisation(
      actor,
      companyA,
      id!,
      input({
        date: "2025-07-02",
        publicCategoryCode: "YOUTH",
        contractType: "CDD_LONG",
        quantity: 7,
      }),
    );
    await expectInStep();
    await updateRealisation(actor, companyA, twin!, input({ quantity: 1 }));
    await expectInStep();
    // Moved to another club and département by SQL, as a merge of clubs would.
    await prisma.realisation.update({
      where: { id: twin! },
      data: { clubId: clubB, departementCode: "48" },
    });
    await expectInStep();
    await deleteRealisation(actor, companyA, id!);
    await expectInStep();
    // A realisation without a club counts under ''; a company deleted takes its realisations.
    const loner = (await insertCompany(prisma)).id;
    await insertRealisation(prisma, {
      companyId: loner,
      clubId: null,
      date: new Date("2025-05-05T15:30:00Z"),
    });
    await expectInStep();
    await prisma.company.delete({ where: { id: loner } });
    await expectInStep();
    // An action type no longer counted as a hire, then again (reference data): summed again.
    await prisma.actionType.update({ where: { code: "WORK_STUDY" }, data: { isHire: false } });
    await insertRealisation(prisma, { companyId: companyA, actionTypeCode: "WORK_STUDY" });
    await expectInStep();
    await prisma.actionType.update({ where: { code: "WORK_STUDY" }, data: { isHire: true } });
    await expectInStep();
  });

  test("a rolled-back write leaves them untouched", async () => {
    const before = await storedRows();
    await expect(
      prisma.$transaction(async (tx) => {
        await createRealisations(tx, actor, companyA, [input(), input({ date: "2025-09-09" })]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await storedRows()).toEqual(before);
  });
});

describe("member counts per club", () => {
  /** ClubMemberCount against COUNT over the memberships, club by club (0 when equal). */
  async function counts() {
    const [stored, counted] = await Promise.all([
      prisma.clubMemberCount.findMany({ orderBy: { clubId: "asc" } }),
      prisma.clubMembership.groupBy({
        by: ["clubId"],
        where: { status: "MEMBER" },
        _count: { _all: true },
        orderBy: { clubId: "asc" },
      }),
    ]);
    return {
      stored: stored.map((r) => [r.clubId, r.members]),
      counted: counted.map((r) => [r.clubId, r._count._all]),
    };
  }
  async function expectInStep() {
    const { stored, counted } = await counts();
    expect(stored).toEqual(counted);
  }

  test("stay equal to the memberships through every kind of write", async () => {
    await expectInStep();
    const company = (await insertCompany(prisma)).id;
    const membership = await addMembership(prisma, {
      companyId: company,
      clubId: clubA,
      status: "PROSPECT",
    });
    await expectInStep();
    await prisma.clubMembership.update({
      where: { id: membership.id },
      data: { status: "MEMBER" },
    });
    await expectInStep();
    await prisma.clubMembership.update({ where: { id: membership.id }, data: { clubId: clubB } });
    await expectInStep();
    await prisma.clubMembership.update({ where: { id: membership.id }, data: { status: "LEFT" } });
    await expectInStep();
    await prisma.clubMembership.update({
      where: { id: membership.id },
      data: { status: "MEMBER", clubId: clubA },
    });
    await expectInStep();
    await prisma.clubMembership.delete({ where: { id: membership.id } });
    await expectInStep();
    // A club deleted takes its memberships (and its row) with it; a company deleted, its own.
    const club = (await insertClub(prisma, { name: "Club éphémère", departementCode: "62" })).id;
    await addMembership(prisma, { companyId: company, clubId: club, status: "MEMBER" });
    await addMembership(prisma, { companyId: companyA, clubId: club, status: "MEMBER" });
    await expectInStep();
    await prisma.company.delete({ where: { id: company } });
    await expectInStep();
    await prisma.club.delete({ where: { id: club } });
    await expectInStep();
    expect(await prisma.clubMemberCount.findUnique({ where: { clubId: club } })).toBeNull();
    // A rolled-back membership leaves them untouched.
    const before = await counts();
    await expect(
      prisma.$transaction(async (tx) => {
        await addMembership(tx, { companyId: companyB, clubId: clubA, status: "MEMBER" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await counts()).toEqual(before);
  });
});

describe("figures read from them", () => {
  const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
  const periods: Period[] = [
    { from: d("2025-01-01"), to: d("2026-01-01") }, // a year
    { from: d("2025-01-01"), to: d("2025-03-15") }, // a year under way, cut tonight
    { from: d("2025-02-10"), to: d("2025-05-01") }, // cut at its start
    { from: d("2025-01-25"), to: d("2025-04-27") }, // cut at both ends
    { from: d("2025-03-03"), to: d("2025-03-20") }, // within a month
    { from: d("2025-01-01"), to: d("2025-01-01") }, // nothing yet
  ];

  /** Declarations, people hired and people of a scope by straight SQL (département code given). */
  async function straight(period: Period, filters: Prisma.Sql[] = []) {
    const inScope = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
    return prisma.$queryRaw<
      Array<{ code: string; n: bigint; hired: bigint | null; people: bigint | null }>
    >`SELECT COALESCE(r."departementCode", '') AS "code", COUNT(*) AS "n",
        SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN ('HIRE', 'WORK_STUDY')
          THEN r."quantity" END) AS "hired",
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" END) AS "people"
      FROM "Realisation" r
      WHERE r."date" >= ${period.from} AND r."date" < ${period.to} AND ${inScope}
      GROUP BY 1`;
  }
  const totals = (rows: Awaited<ReturnType<typeof straight>>) =>
    rows.reduce(
      (s, r) => ({
        realisations: s.realisations + Number(r.n),
        peopleHired: s.peopleHired + Number(r.hired ?? 0),
        people: s.people + Number(r.people ?? 0),
      }),
      { realisations: 0, peopleHired: 0, people: 0 },
    );

  test.each(periods)("equal straight SQL on the realisations ($from – $to)", async (period) => {
    await prisma.$transaction((tx) =>
      createRealisations(
        tx,
        actor,
        companyA,
        Array.from({ length: 40 }, (_, i) =>
          input({
            date: `2025-0${1 + (i % 5)}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`,
            publicCategoryCode: i % 2 ? "RSA" : "DELD",
            actionTypeCode: i % 5 ? "HIRE" : "IMMERSION",
            contractType: i % 5 ? "CDI" : undefined,
            quantity: 1 + (i % 3),
          }),
        ),
      ),
    );
    await insertRealisation(prisma, { companyId: companyB, date: d("2025-03-10") });

    // The table of départements.
    const byDepartement = await keyFiguresByDepartement(period);
    for (const row of await straight(period)) {
      const figures = byDepartement.get(row.code);
      expect([row.code, figures?.realisations, figures?.peopleHired]).toEqual([
        row.code,
        Number(row.n),
        Number(row.hired ?? 0),
      ]);
    }
    const shown = [...byDepartement.values()].filter((f) => f.realisations > 0).length;
    expect(shown).toBe((await straight(period)).length);
    expect((await nationalKeyFigures(period)).total).toEqual(await keyFigures({}, period));

    // The country, whole and filtered, over the same period.
    const national: Array<[FigureScope, Prisma.Sql[]]> = [
      [{}, []],
      [{ publicCategoryCode: "RSA" }, [Prisma.sql`r."publicCategoryCode" = 'RSA'`]],
      [{ actionTypeCode: "IMMERSION" }, [Prisma.sql`r."actionTypeCode" = 'IMMERSION'`]],
    ];
    for (const [scope, filters] of national) {
      const expected = totals(await straight(period, filters));
      const figures = await keyFigures(scope, period);
      expect({ realisations: figures.realisations, peopleHired: figures.peopleHired }).toEqual({
        realisations: expected.realisations,
        peopleHired: expected.peopleHired,
      });
      const people = (await peopleByPublic(scope, period)).reduce((s, r) => s + r.quantity, 0);
      expect(people).toBe(expected.people);
    }
    const trend = await monthlyTrend({}, period);
    expect(trend.reduce((s, m) => s + m.count, 0)).toBe(
      totals(await straight(period)).realisations,
    );
  });
});
