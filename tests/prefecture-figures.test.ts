// The prefecture's département dashboard, its drill-down and exports, the national view and the
// public figures, on a real SQLite database: a world of two départements built with the
// factories, expected figures computed independently (sums over the rows created here, and
// straight SQL on the database file), and permission checks at loader level.
import ExcelJS from "exceljs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertRealisation,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { keyFigures } from "~/models/figures-key.server";
import { yearPeriod } from "~/models/figures.server";
import {
  companyLinesPage,
  getDepartementFigures,
  listCompanyLines,
  nationalTable,
  parseDashboardFilters,
} from "~/models/prefecture.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as apiStatsLoader } from "~/routes/api.stats";
import { loader as dashboardLoader } from "~/routes/prefecture.$departementCode._index";
import { loader as drillLoader } from "~/routes/prefecture.$departementCode.clubs.$clubId";
import { loader as csvLoader } from "~/routes/prefecture.$departementCode.export[.]csv";
import { loader as xlsxLoader } from "~/routes/prefecture.$departementCode.export[.]xlsx";
import { loader as statsLoader } from "~/routes/stats";
import { prisma } from "~/utils/db.server";
import { appRequest, sessionCookieFor } from "./utils/session";
import { straightSql } from "./utils/straight-sql";

const NOW = new Date();
const YEAR = NOW.getUTCFullYear() - 1; // a whole past year: no partial period
const CURRENT = NOW.getUTCFullYear();

type Row = {
  companyId: string;
  clubId: string;
  dep: string;
  date: Date;
  actionTypeCode: string;
  publicCategoryCode: string;
  quantity: number;
  unit: string;
  contractType: string | null;
};
const created: Row[] = [];

let club62a: string;
let club62b: string;
let club59: string;
let companyA: string;
let prefecture62Cookie: string;
let adminCookie: string;

async function call<T>(
  loader: (args: LoaderFunctionArgs) => Promise<T>,
  path: string,
  params: Record<string, string>,
  cookie?: string,
): Promise<T> {
  return loader({ request: appRequest(path, { cookie }), params, context: {} });
}

async function status(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

beforeAll(async () => {
  club62a = (await insertClub(prisma, { name: "Club de l'Artois", departementCode: "62" })).id;
  club62b = (await insertClub(prisma, { name: "Club du Boulonnais", departementCode: "62" })).id;
  club59 = (await insertClub(prisma, { name: "Club de Lille", departementCode: "59" })).id;
  const companies = [
    { club: club62a, dep: "62", naf: "49.41A", size: "12" },
    { club: club62a, dep: "62", naf: "10.71C", size: "03" },
    { club: club62b, dep: "62", naf: "86.10Z", size: "32" },
    { club: club62b, dep: "62", naf: null, size: null },
    { club: club59, dep: "59", naf: "49.41A", size: "21" },
  ];
  const ids: string[] = [];
  for (const [i, c] of companies.entries()) {
    const company = await insertCompany(prisma, {
      name: `Entreprise ${i}`,
      nafCode: c.naf,
      headcountBracket: c.size,
    });
    ids.push(company.id);
    await addMembership(prisma, {
      companyId: company.id,
      clubId: c.club,
      status: "MEMBER",
      joinedAt: new Date(Date.UTC(YEAR - 2, 0, 1)),
    });
    await insertCommitment(prisma, {
      companyId: company.id,
      clubId: c.club,
      year: YEAR,
      actionTypeCode: "HIRE",
      publics: ["DELD", "RSA"],
      startDate: new Date(Date.UTC(YEAR, 0, 1)),
      endDate: new Date(Date.UTC(YEAR, 11, 31)),
      status: i % 2 === 0 ? "ACTIVE" : "ACHIEVED",
    });
  }
  companyA = ids[0];
  const plan: Array<[number, number, number, string, string, number]> = [
    // company index, year, month, action, public, quantity
    [0, YEAR, 1, "HIRE", "DELD", 3],
    [0, YEAR, 4, "HIRE", "RSA", 2],
    [0, YEAR, 7, "WORK_STUDY", "NEET", 1],
    [1, YEAR, 2, "IMMERSION", "DELD", 4],
    [1, YEAR, 10, "HIRE", "QPV", 1],
    [2, YEAR, 5, "INTERNSHIP", "RSA", 2],
    [2, YEAR, 11, "HIRE", "DELD", 5],
    [3, YEAR, 3, "INCLUSIVE_PURCHASE", "OTHER", 1500],
    [3, YEAR - 1, 6, "HIRE", "DELD", 2],
    [0, YEAR - 1, 9, "HIRE", "RSA", 1],
    [4, YEAR, 6, "HIRE", "DELD", 7],
    // current year: the public figures (59: 1 and 2 people are masked, 4 is not)
    [4, CURRENT, 0, "HIRE", "DELD", 1],
    [4, CURRENT, 0, "IMMERSION", "RSA", 2],
    [4, CURRENT, 0, "INTERNSHIP", "QPV", 4],
  ];
  for (const [i, year, month, action, pub, quantity] of plan) {
    const c = companies[i];
    const r = await insertRealisation(prisma, {
      companyId: ids[i],
      clubId: c.club,
      departementCode: c.dep,
      date: new Date(Date.UTC(year, month, 15)),
      actionTypeCode: action,
      publicCategoryCode: pub,
      quantity,
      ...(pub === "OTHER" ? { otherPublicLabel: "Autre public" } : {}),
    });
    created.push({
      companyId: ids[i],
      clubId: c.club,
      dep: c.dep,
      date: r.date,
      actionTypeCode: action,
      publicCategoryCode: pub,
      quantity,
      unit: r.unit,
      contractType: r.contractType,
    });
  }
  const pref62 = await insertUser(prisma, { email: "pref62@exemple.test" });
  await grantRole(prisma, pref62.id, { role: "PREFECTURE", departementCode: "62" });
  prefecture62Cookie = await sessionCookieFor(pref62.id);
  const admin = await insertUser(prisma, { email: "admin-pref@exemple.test" });
  await grantRole(prisma, admin.id, { role: "ADMIN" });
  adminCookie = await sessionCookieFor(admin.id);
});

const HIRES = new Set(["HIRE", "WORK_STUDY"]);
const inYear = (r: Row, year: number) => r.date.getUTCFullYear() === year;

function expected(filter: (r: Row) => boolean) {
  const rows = created.filter(filter);
  const by = (key: (r: Row) => string, people: boolean) => {
    const out: Record<string, { q: number; n: number }> = {};
    for (const r of rows) {
      if (people && r.unit !== "PEOPLE") continue;
      const k = key(r);
      out[k] ??= { q: 0, n: 0 };
      out[k].q += r.unit === "PEOPLE" || !people ? r.quantity : 0;
      out[k].n += 1;
    }
    return out;
  };
  return {
    realisations: rows.length,
    peopleHired: rows
      .filter((r) => HIRES.has(r.actionTypeCode) && r.unit === "PEOPLE")
      .reduce((s, r) => s + r.quantity, 0),
    publics: by((r) => r.publicCategoryCode, true),
    actions: by((r) => r.actionTypeCode, false),
    clubs: Object.fromEntries(
      Object.entries(
        rows.reduce<Record<string, { q: number; n: number }>>((acc, r) => {
          acc[r.clubId] ??= { q: 0, n: 0 };
          acc[r.clubId].q += r.unit === "PEOPLE" ? r.quantity : 0;
          acc[r.clubId].n += 1;
          return acc;
        }, {}),
      ),
    ),
  };
}

type Breakdowns = Array<{
  key: string;
  rows: Array<{ code: string; quantity: number; count: number }>;
}>;
const shown = (breakdowns: Breakdowns, key: string) =>
  Object.fromEntries(
    breakdowns
      .find((b) => b.key === key)!
      .rows.filter((r) => r.count > 0)
      .map((r) => [r.code, { q: r.quantity, n: r.count }]),
  );

describe("département figures", () => {
  test("the model's figures equal sums over the created rows, with and without filters", async () => {
    const url = new URL(`http://x/prefecture/62?annee=${YEAR}&periode=annee`);
    const { clubs, ...filters } = await parseDashboardFilters(url, "62", NOW);
    expect(clubs.map((c) => c.id).sort()).toEqual([club62a, club62b].sort());
    const d = await getDepartementFigures("62", filters);
    const exp = expected((r) => r.dep === "62" && inYear(r, YEAR));
    expect(d.figures).toEqual({
      companiesEngaged: 4,
      activeCommitments: 4,
      realisations: exp.realisations,
      peopleHired: exp.peopleHired,
    });
    const before = expected((r) => r.dep === "62" && inYear(r, YEAR - 1));
    expect(d.previousFigures.realisations).toBe(before.realisations);
    expect(d.previousFigures.peopleHired).toBe(before.peopleHired);
    expect(shown(d.breakdowns, "publics")).toEqual(exp.publics);
    expect(shown(d.breakdowns, "actions")).toEqual(exp.actions);
    expect(shown(d.breakdowns, "clubs")).toEqual(exp.clubs);
    expect(d.breakdowns.map((b) => b.key)).toEqual([
      "publics",
      "actions",
      "contrats",
      "clubs",
      "tailles",
      "secteurs",
    ]);
    // The trend's 24 months hold every realisation of both years.
    expect(d.trend).toHaveLength(24);
    expect(d.trend.reduce((s, m) => s + m.count, 0)).toBe(
      created.filter((r) => r.dep === "62" && (inYear(r, YEAR) || inYear(r, YEAR - 1))).length,
    );

    // Filters: one club and one public.
    const filtered = await parseDashboardFilters(
      new URL(`http://x/?annee=${YEAR}&club=${club62a}&public=DELD`),
      "62",
      NOW,
    );
    const f = await getDepartementFigures("62", filtered);
    const expF = expected(
      (r) =>
        r.dep === "62" &&
        inYear(r, YEAR) &&
        r.clubId === club62a &&
        r.publicCategoryCode === "DELD",
    );
    expect(f.figures.realisations).toBe(expF.realisations);
    expect(f.figures.peopleHired).toBe(expF.peopleHired);
    expect(shown(f.breakdowns, "actions")).toEqual(expF.actions);
    // A club of another département is ignored.
    const foreign = await parseDashboardFilters(new URL(`http://x/?club=${club59}`), "62", NOW);
    expect(foreign.clubId).toBeNull();
  });

  test("the month range and quarter filters", async () => {
    const q2 = parseFigurePeriod(new URL(`http://x/?annee=${YEAR}&periode=T2`), NOW);
    expect(q2.current.from.toISOString().slice(0, 10)).toBe(`${YEAR}-04-01`);
    const range = parseFigurePeriod(new URL(`http://x/?du=${YEAR}-02&au=${YEAR}-05`), NOW);
    expect(range.periode).toBe("mois");
    expect(range.current.from.toISOString().slice(0, 10)).toBe(`${YEAR}-02-01`);
    expect(range.current.to.toISOString().slice(0, 10)).toBe(`${YEAR}-06-01`);
    const { clubs: _c, ...filters } = await parseDashboardFilters(
      new URL(`http://x/?du=${YEAR}-02&au=${YEAR}-05`),
      "62",
      NOW,
    );
    const d = await getDepartementFigures("62", filters);
    expect(d.figures.realisations).toBe(
      created.filter(
        (r) =>
          r.dep === "62" &&
          inYear(r, YEAR) &&
          r.date.getUTCMonth() >= 1 &&
          r.date.getUTCMonth() <= 4,
      ).length,
    );
  });

  test("the loader shows the same figures as straight SQL on the database file", async () => {
    const d = await call(
      dashboardLoader,
      `/prefecture/62?annee=${YEAR}&action=HIRE`,
      { departementCode: "62" },
      prefecture62Cookie,
    );
    const sqlRows = await straightSql<{ k: string; q: number; n: number }>(
      `SELECT "publicCategoryCode" k, SUM("quantity") q, COUNT(*) n FROM "Realisation"
       WHERE "departementCode" = '62' AND "actionTypeCode" = 'HIRE' AND "unit" = 'PEOPLE'
         AND "date" >= ? AND "date" < ? GROUP BY k`,
      `${YEAR}-01-01`,
      `${YEAR + 1}-01-01`,
    );
    expect(shown(d.breakdowns, "publics")).toEqual(
      Object.fromEntries(sqlRows.map((r) => [r.k, { q: r.q, n: r.n }])),
    );
    expect(d.filters.action).toBe("HIRE");
    expect(d.query).toContain("action=HIRE");
  });

  test("drill-down: member companies with commitments and realisations of the period", async () => {
    const d = await call(
      drillLoader,
      `/prefecture/62/clubs/${club62a}?annee=${YEAR}`,
      { departementCode: "62", clubId: club62a },
      prefecture62Cookie,
    );
    expect(d.companies).toHaveLength(2);
    const a = d.companies.find((c) => c.companyId === companyA)!;
    const rows = created.filter((r) => r.companyId === companyA && inYear(r, YEAR));
    expect(a.realisations).toBe(rows.length);
    expect(a.people).toBe(rows.reduce((s, r) => s + r.quantity, 0));
    expect(a.commitments).toBe(1);
    expect(a.byStatus.ACTIVE).toBe(1);
    expect(a.lastDeclaration).not.toBeNull();
  });

  test("drill-down pages: the lines of the whole list, a page at a time; totals over all", async () => {
    for (const scope of [{ departementCode: "62", clubId: club62a }, { departementCode: "62" }]) {
      const period = yearPeriod(YEAR);
      const all = await listCompanyLines(scope, period);
      expect(all.length).toBeGreaterThan(1);
      const sum = (key: "commitments" | "realisations" | "people") =>
        all.reduce((s, line) => s + line[key], 0);
      for (const page of [1, 2]) {
        // Pages of one line.
        const result = await companyLinesPage(scope, period, page, 1);
        expect(result.lines).toEqual(all.slice(page - 1, page));
        expect(result.count).toBe(all.length);
        expect(result.pages).toBe(all.length);
        expect(result.totals).toEqual({
          commitments: sum("commitments"),
          realisations: sum("realisations"),
          people: sum("people"),
        });
      }
    }
  });

  test("the XLSX and CSV exports hold what the filtered view shows", async () => {
    const path = `/prefecture/62/export.xlsx?annee=${YEAR}&public=DELD`;
    const response = await call(xlsxLoader, path, { departementCode: "62" }, prefecture62Cookie);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Filtres");
    expect(names).toEqual(
      expect.arrayContaining(["Par public", "Par type d'action", "Par club", "Entreprises"]),
    );
    const filters = workbook.getWorksheet("Filtres")!;
    const values = filters.getColumn(2).values.map(String).join("|");
    expect(values).toContain("Demandeurs d'emploi de longue durée");
    expect(values).toMatch(/\d{4}/);
    const exp = expected(
      (r) => r.dep === "62" && inYear(r, YEAR) && r.publicCategoryCode === "DELD",
    );
    const actions = workbook.getWorksheet("Par type d'action")!;
    const read: Record<string, { q: number; n: number }> = {};
    actions.eachRow((row, i) => {
      if (i === 1) return;
      const n = row.getCell(3).value;
      if (typeof n === "number" && n > 0) {
        const label = String(row.getCell(1).value);
        read[label] = { q: row.getCell(2).value as number, n };
      }
    });
    expect(Object.values(read).reduce((s, r) => s + r.n, 0)).toBe(exp.realisations);
    expect(Object.keys(read)).toHaveLength(Object.keys(exp.actions).length);
    const companiesSheet = workbook.getWorksheet("Entreprises")!;
    expect(companiesSheet.rowCount - 1).toBe(4);

    const csv = await call(
      csvLoader,
      `/prefecture/62/export.csv?annee=${YEAR}&public=DELD`,
      { departementCode: "62" },
      prefecture62Cookie,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    // The filters first (as the XLSX's "Filtres" sheet), an empty line, then the data.
    expect(lines[0]).toBe("Département;Pas-de-Calais (62)");
    expect(lines).toContain("Public;Demandeurs d'emploi de longue durée");
    const header = lines.indexOf("Répartition;Catégorie;Quantité;Déclarations");
    expect(lines[header - 1]).toBe("");
    expect(lines[header - 2]).toMatch(/^Source;/);
    const publicLine = lines.find((l) =>
      l.startsWith("Personnes accompagnées par public;Demandeurs"),
    );
    expect(publicLine).toBe(
      `Personnes accompagnées par public;Demandeurs d'emploi de longue durée;${exp.publics.DELD.q};${exp.publics.DELD.n}`,
    );
  });

  test("a prefecture user of 62 is refused 59, and a club of 59 under 62 is not found", async () => {
    const p = { departementCode: "59" };
    expect(await status(() => call(dashboardLoader, "/prefecture/59", p, prefecture62Cookie))).toBe(
      403,
    );
    expect(
      await status(() =>
        call(
          drillLoader,
          `/prefecture/59/clubs/${club59}`,
          { ...p, clubId: club59 },
          prefecture62Cookie,
        ),
      ),
    ).toBe(403);
    expect(
      await status(() => call(xlsxLoader, "/prefecture/59/export.xlsx", p, prefecture62Cookie)),
    ).toBe(403);
    expect(
      await status(() => call(csvLoader, "/prefecture/59/export.csv", p, prefecture62Cookie)),
    ).toBe(403);
    expect(
      await status(() =>
        call(
          drillLoader,
          `/prefecture/62/clubs/${club59}`,
          { departementCode: "62", clubId: club59 },
          prefecture62Cookie,
        ),
      ),
    ).toBe(404);
    // The admin may read every département.
    expect(await status(() => call(dashboardLoader, "/prefecture/59", p, adminCookie))).toBe(200);
  });

  test("the national table lists every département, sortable", async () => {
    const d = await call(adminLoader, "/admin?tri=realisations&ordre=desc", {}, adminCookie);
    expect(d.departements.length).toBeGreaterThanOrEqual(101);
    const row62 = d.departements.find((r) => r.code === "62")!;
    const exp62 = expected((r) => r.dep === "62" && inYear(r, CURRENT));
    expect(row62.realisations).toBe(exp62.realisations);
    const row59 = d.departements.find((r) => r.code === "59")!;
    expect(row59.realisations).toBe(3);
    expect(row59.peopleHired).toBe(1);
    const counts = d.departements.map((r) => r.realisations);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(d.trend).toHaveLength(24);
    // The clubs in three numbers (one SQL query on ClubMemberCount), against Prisma's counts.
    const clubs = await prisma.club.findMany({
      select: {
        departementCode: true,
        _count: { select: { memberships: { where: { status: "MEMBER" } } } },
      },
    });
    expect(d.clubs).toEqual({
      clubs: clubs.length,
      departements: new Set(clubs.map((c) => c.departementCode)).size,
      members: clubs.reduce((sum, c) => sum + c._count.memberships, 0),
    });
    expect(d.clubs.members).toBeGreaterThan(0);

    // Last year, with the commitments of the world.
    const { rows: lastYear, total: lastYearTotal } = await nationalTable(
      yearPeriod(YEAR),
      "code",
      false,
    );
    expect(lastYearTotal).toEqual(await keyFigures({}, yearPeriod(YEAR)));
    const expLast62 = expected((r) => r.dep === "62" && inYear(r, YEAR));
    expect(lastYear.find((r) => r.code === "62")).toEqual({
      code: "62",
      name: "Pas-de-Calais",
      companiesEngaged: 4,
      commitments: 4,
      realisations: expLast62.realisations,
      peopleHired: expLast62.peopleHired,
    });
    expect(lastYear.find((r) => r.code === "59")).toMatchObject({
      companiesEngaged: 1,
      commitments: 1,
      realisations: 1,
      peopleHired: 7,
    });
  });
});

describe("public figures", () => {
  // What the masking hides, and that nothing gives it back: tests/public-stats-disclosure.test.ts.
  test("/api/stats masks people counts of 1 and 2, and /stats shows the same numbers", async () => {
    const response = await apiStatsLoader({
      request: appRequest("/api/stats?departement=59"),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.smallCountsMasked).toBe(true);
    expect(json.period.from).toBe(`${json.year}-01-01`);
    const people = [
      json.peopleHired,
      ...json.byPublicCategory.map((r: { people: unknown }) => r.people),
      ...json.byActionType
        .filter((r: { unit: string }) => r.unit === "PEOPLE")
        .map((r: { quantity: unknown }) => r.quantity),
    ];
    for (const n of people)
      expect(n === "secret" || (typeof n === "number" && n !== 1 && n !== 2)).toBe(true);
    expect(JSON.stringify(json)).not.toContain("Entreprise ");

    const page = await statsLoader({
      request: appRequest("/stats?departement=59"),
      params: {},
      context: {},
    });
    expect(JSON.parse(JSON.stringify(page.stats))).toEqual(json);

    const unknown = await apiStatsLoader({
      request: appRequest("/api/stats?departement=999"),
      params: {},
      context: {},
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/Département inconnu/);
    const national = await (
      await apiStatsLoader({ request: appRequest("/api/stats"), params: {}, context: {} })
    ).json();
    expect(national.departement).toBeNull();
  });
});
