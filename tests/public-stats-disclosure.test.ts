// Issue 12, finding 4 (decision 014): the masking of the public figures must not be undone by
// differencing. A world with people counts of 1 and 2 in many cells (three départements, two
// clubs in one, a company with no club), then every recovery an attacker can compute from what
// /api/stats publishes for the nation and every département (tests/utils/disclosure-attacker.ts);
// the before/after comparison of a new declaration; two monthly readings of the same year; and
// the same attack on random worlds, on the masking alone.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { addMembership, insertClub, insertCompany, insertRealisation } from "../prisma/factories";
import { loader as apiStatsLoader } from "~/routes/api.stats";
import { loader as statsLoader } from "~/routes/stats";
import {
  maskTables,
  publicStats,
  publishMonthFigures,
  type Figures,
  type Table,
} from "~/models/public-stats.server";
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { prisma } from "~/utils/db.server";
import { appRequest } from "./utils/session";
import { recoverSmallCounts, type PublicJson } from "./utils/disclosure-attacker";

// The published period ends with the last complete month: January of its year is always in it.
const lastMonth = new Date();
lastMonth.setUTCDate(1);
lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
const YEAR = lastMonth.getUTCFullYear();
const january = (day: number) => new Date(Date.UTC(YEAR, 0, day));

async function api(departement?: string): Promise<PublicJson & Record<string, unknown>> {
  const path = departement ? `/api/stats?departement=${departement}` : "/api/stats";
  const response = await apiStatsLoader({ request: appRequest(path), params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

/**
 * What an attacker collects: the nation ("") and every département, from /api/stats today, or
 * from the same model function at another date (`now`: an earlier month's reading).
 */
async function everything(now?: Date) {
  const read = (code?: string) => (now ? publicStats(code ?? null, now) : api(code));
  const departements = await prisma.departement.findMany({ select: { code: true } });
  const scopes = new Map<string, PublicJson>([["", await read()]]);
  for (const d of departements) scopes.set(d.code, await read(d.code));
  return scopes;
}

// [département or null (no club), action type, public, quantities of its declarations]
const PLAN: Array<[string | null, string, string, number[]]> = [
  ["62a", "HIRE", "DELD", [2]],
  ["62a", "IMMERSION", "RSA", [1]],
  ["62b", "INTERNSHIP", "QPV", [3, 2]],
  ["62b", "INCLUSIVE_PURCHASE", "OTHER", [1500]],
  ["62a", "TRAINING", "NEET", [7]],
  ["62b", "HIRE", "SENIOR", [4]],
  ["59", "HIRE", "DELD", [1]],
  ["59", "HIRE", "RSA", [4]],
  ["59", "WORK_STUDY", "NEET", [2]],
  ["59", "MENTORING", "SENIOR", [6]],
  ["59", "VOLUNTEERING", "OTHER", [12]],
  ["80", "IMMERSION", "DELD", [3]],
  ["80", "HIRE", "QPV", [1]],
  ["80", "TRAINING", "RSA", [5, 5]],
  [null, "HIRE", "DELD", [1]],
];

let companies: Record<string, string>;
let clubs: Record<string, { id: string; departementCode: string }>;

/** Declares the PLAN (or other lines) on days of one month. */
async function declare(plan: typeof PLAN, day: (i: number) => Date) {
  let i = 0;
  for (const [key, action, pub, quantities] of plan)
    for (const quantity of quantities) {
      const club = key ? clubs[key] : null;
      await insertRealisation(prisma, {
        companyId: companies[key ?? "none"],
        clubId: club?.id ?? null,
        ...(club ? { departementCode: club.departementCode } : {}),
        date: day(i++),
        actionTypeCode: action,
        publicCategoryCode: pub,
        quantity,
        ...(pub === "OTHER" ? { otherPublicLabel: "Autre public" } : {}),
      });
    }
}

beforeAll(async () => {
  clubs = {
    "62a": await insertClub(prisma, { name: "Club de l'Artois", departementCode: "62" }),
    "62b": await insertClub(prisma, { name: "Club du Boulonnais", departementCode: "62" }),
    "59": await insertClub(prisma, { name: "Club de Lille", departementCode: "59" }),
    "80": await insertClub(prisma, { name: "Club d'Amiens", departementCode: "80" }),
  };
  companies = {};
  for (const [key, club] of Object.entries(clubs)) {
    const company = await insertCompany(prisma, { name: `Entreprise ${key}` });
    await addMembership(prisma, { companyId: company.id, clubId: club.id, status: "MEMBER" });
    companies[key] = company.id;
  }
  companies.none = (await insertCompany(prisma, { name: "Entreprise sans club" })).id;
  await declare(PLAN, (i) => january(2 + i));
});

describe("public figures resist differencing", () => {
  test("no published combination recovers a people count of 1 or 2", async () => {
    const scopes = await everything();
    // No relation, combination of relations or bound gives a masked count back…
    expect(recoverSmallCounts(scopes)).toEqual([]);
    // …the world does have small counts, so something is masked…
    expect(scopes.get("62")!.byPublicCategory.some((r) => typeof r.people !== "number")).toBe(true);
    // …no people count of 1 or 2 is published as a number…
    for (const [code, json] of scopes) {
      const people = [
        json.peopleHired,
        ...json.byPublicCategory.map((r) => r.people),
        ...json.byActionType.filter((r) => r.unit === "PEOPLE").map((r) => r.quantity),
      ];
      expect(
        people.filter((n) => n === 1 || n === 2),
        `département ${code}`,
      ).toEqual([]);
      // …and the declarations of a masked cell are masked too.
      for (const r of [...json.byPublicCategory, ...json.byActionType]) {
        const size = "people" in r ? r.people : r.quantity;
        if (typeof size !== "number")
          expect(typeof r.realisations, `${code} ${r.code}`).not.toBe("number");
      }
    }
  });

  test("a new declaration, current or backdated, changes nothing published", async () => {
    const before = await everything();
    for (const date of [new Date(), january(28)])
      await insertRealisation(prisma, {
        companyId: companies["80"],
        departementCode: "80",
        date,
        actionTypeCode: "WORK_STUDY",
        publicCategoryCode: "YOUTH",
        quantity: 1,
      });
    const after = await everything();
    expect([...after.entries()]).toEqual([...before.entries()]);
  });

  test("two monthly readings do not show the month's 1 or 2 new people", async () => {
    // Another year, read as it was published in February (January) and in March (to February).
    const day = (month: number) => (i: number) => new Date(Date.UTC(2024, month, 2 + i));
    await declare(PLAN, day(0));
    const january2024 = await everything(new Date(Date.UTC(2024, 1, 10)));
    await declare(
      [
        ["59", "HIRE", "RSA", [1]], // 4 → 5 people
        ["62b", "TRAINING", "NEET", [2]], // 7 → 9
        ["80", "TRAINING", "RSA", [1]], // 10 → 11
        ["59", "MENTORING", "SENIOR", [1, 1]], // 6 → 8
        [null, "HIRE", "DELD", [1]],
      ],
      day(1),
    );
    const february2024 = await everything(new Date(Date.UTC(2024, 2, 10)));
    expect((february2024.get("") as { period?: unknown }).period).toEqual({
      from: "2024-01-01",
      to: "2024-02-29",
    });
    expect(recoverSmallCounts(february2024, [january2024])).toEqual([]);
  });

  test("the scheduler's job stores a month's figures once; readers then read them", async () => {
    const may = new Date(Date.UTC(2024, 4, 3)); // January to April 2024
    await publishMonthFigures(may);
    const stored = await prisma.publicFiguresSnapshot.findMany({ where: { month: "2024-04" } });
    expect(stored.map((r) => r.scope).sort()).toEqual(["*", "59", "62", "80"]);
    await declare([["59", "HIRE", "RSA", [9]]], () => new Date(Date.UTC(2024, 3, 20)));
    await publishMonthFigures(may);
    const [nation, somme] = await Promise.all([publicStats(null, may), publicStats("80", may)]);
    expect(nation).toMatchObject({ year: 2024, period: { from: "2024-01-01", to: "2024-04-30" } });
    expect(JSON.stringify(nation)).toBe(
      JSON.stringify({
        departement: null,
        year: 2024,
        period: nation.period,
        ...JSON.parse(stored.find((r) => r.scope === "*")!.figures),
        smallCountsMasked: true,
      }),
    );
    expect(somme.departement).toBe("80");
  });

  test("/stats shows the numbers of /api/stats, masked cells marked in French", async () => {
    const json = await api("62");
    const page = await statsLoader({
      request: appRequest("/stats?departement=62"),
      params: {},
      context: {},
    });
    expect(JSON.parse(JSON.stringify(page.stats))).toEqual(json);
    expect(json.byActionType.map((r) => r.code)).toEqual(ACTION_TYPES.map((a) => a.code));
  });
});

// The same attack on many random worlds, on the masking alone (no database): the départements'
// and the nation's tables are summed here from random declarations, small quantities first.
const DEPS = ["62", "59", "80", "2A", null] as const;
type Declaration = { dep: string | null; action: string; pub: string; quantity: number };
const declaration: fc.Arbitrary<Declaration> = fc.record({
  dep: fc.constantFrom(...DEPS),
  action: fc.constantFrom(...ACTION_TYPES.map((a) => a.code)),
  pub: fc.constantFrom(...PUBLIC_CATEGORIES.map((p) => p.code)),
  quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 })),
});

function tableOf(rows: Array<{ action: string; pub: string; quantity: number }>): Table {
  const t: Table = {
    companiesEngaged: 0,
    commitments: 0,
    realisations: rows.length,
    peopleHired: 0,
    byPublic: Object.fromEntries(
      PUBLIC_CATEGORIES.map((p) => [p.code, { people: 0, realisations: 0 }]),
    ),
    byAction: Object.fromEntries(
      ACTION_TYPES.map((a) => [a.code, { quantity: 0, realisations: 0 }]),
    ),
  };
  for (const r of rows) {
    const type = ACTION_TYPES.find((a) => a.code === r.action)!;
    t.byAction[r.action].quantity += r.quantity;
    t.byAction[r.action].realisations += 1;
    if (type.defaultUnit !== "PEOPLE") continue;
    t.byPublic[r.pub].people += r.quantity;
    t.byPublic[r.pub].realisations += 1;
    if (type.isHire) t.peopleHired += r.quantity;
  }
  return t;
}

/** The published figures of a world of declarations, by scope ("" for the nation). */
function publish(rows: Declaration[], earlier: Array<Map<string, Figures>> = []) {
  const departements = new Map(
    DEPS.filter((d) => d !== null && rows.some((r) => r.dep === d)).map((d) => [
      d!,
      tableOf(rows.filter((r) => r.dep === d)),
    ]),
  );
  const byScope = earlier.map((m) => new Map([...m].map(([c, j]) => [c || "*", j])));
  const published = maskTables(tableOf(rows), departements, byScope);
  const empty = maskTables(tableOf([]), new Map()).get("*")!;
  return new Map<string, Figures>([
    ["", published.get("*")!],
    ...DEPS.filter((d) => d !== null).map((d) => [d!, published.get(d!) ?? empty] as const),
  ]);
}

test("random worlds: no masked count of 1 or 2 comes back", () => {
  fc.assert(
    fc.property(fc.array(declaration, { minLength: 1, maxLength: 40 }), (rows) => {
      expect(recoverSmallCounts(publish(rows))).toEqual([]);
    }),
    { numRuns: 120 },
  );
});

test("random worlds over three months: nor does any increment since an earlier month", () => {
  const month = fc.array(declaration, { minLength: 1, maxLength: 25 });
  fc.assert(
    fc.property(month, month, month, (a, b, c) => {
      const first = publish(a);
      const second = publish([...a, ...b], [first]);
      expect(recoverSmallCounts(second, [first])).toEqual([]);
      const third = publish([...a, ...b, ...c], [first, second]);
      expect(recoverSmallCounts(third, [first, second])).toEqual([]);
    }),
    { numRuns: Number(process.env.RUNS ?? 40) },
  );
});
