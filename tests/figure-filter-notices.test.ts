// Filters of the figures pages that cannot be applied as asked are said, never silently replaced
// by the whole year: the period reader (pure, explicit dates), the prefecture dashboard, its
// drill-down and exports, the club figures and the national table, on a real database.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { insertClub, insertUser, grantRole } from "../prisma/factories";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as clubFiguresLoader } from "~/routes/club.$clubId.chiffres";
import { loader as clubXlsxLoader } from "~/routes/club.$clubId.chiffres[.]xlsx";
import { loader as dashboardLoader } from "~/routes/prefecture.$departementCode._index";
import { loader as drillLoader } from "~/routes/prefecture.$departementCode.clubs.$clubId";
import { loader as csvLoader } from "~/routes/prefecture.$departementCode.export[.]csv";
import { loader as xlsxLoader } from "~/routes/prefecture.$departementCode.export[.]xlsx";
import { prisma } from "~/utils/db.server";
import { readPeriodRequest } from "~/utils/figure-period-request";
import { callAs, routeOutcome } from "./utils/session";

type RouteFn = Parameters<typeof routeOutcome>[0];

const NOW = new Date("2026-06-15T10:00:00Z");
const read = (query: string) => readPeriodRequest(new URLSearchParams(query), NOW);
const month = (d: Date | undefined) => d?.toISOString().slice(0, 7);

describe("reading the period", () => {
  test("a valid request gives no notice; empty fields of the form are no request", () => {
    expect(read("annee=2025&periode=T2")).toEqual({
      range: null,
      year: 2025,
      quarter: "T2",
      notices: [],
    });
    expect(read("annee=2026&periode=annee&du=&au=").notices).toEqual([]);
    const range = read("periode=mois&du=2025-02&au=2025-05");
    expect([month(range.range?.du), month(range.range?.au), range.notices]).toEqual([
      "2025-02",
      "2025-05",
      [],
    ]);
    expect(read("").notices).toEqual([]);
  });

  test("« du » after « au » is swapped, and said", () => {
    const r = read("periode=mois&du=2026-05&au=2026-01&annee=2026");
    expect([month(r.range?.du), month(r.range?.au)]).toEqual(["2026-01", "2026-05"]);
    expect(r.notices).toEqual([
      "Le mois de début (mai 2026) venait après le mois de fin (janvier 2026) : les deux ont été inversés.",
    ]);
  });

  test("a missing or malformed month: the year is shown, and the page says why", () => {
    expect(read("periode=mois&du=2026-02&au=&annee=2025")).toMatchObject({
      range: null,
      year: 2025,
      notices: [
        "La période de mois à mois n'a pas pu être lue : le mois de fin (au) manque : l'année 2025 est affichée à la place.",
      ],
    });
    expect(read("du=2026-13&au=2026-02").notices).toEqual([
      "La période de mois à mois n'a pas pu être lue : « 2026-13 » n'est pas un mois (AAAA-MM) : l'année 2026 est affichée à la place.",
    ]);
  });

  test("a period outside the years offered is cut to them, or ignored when wholly outside", () => {
    const early = read("du=2015-01&au=2019-03");
    expect([month(early.range?.du), month(early.range?.au)]).toEqual(["2018-01", "2019-03"]);
    expect(early.notices).toEqual([
      "Les déclarations commencent en janvier 2018 : la période commence donc en janvier 2018.",
    ]);
    const late = read("du=2027-06&au=2031-01");
    expect(month(late.range?.au)).toBe("2027-12");
    expect(late.notices).toEqual([
      "Les années proposées s'arrêtent en 2027 : la période s'arrête donc en décembre 2027.",
    ]);
    expect(read("du=2030-01&au=2030-06").notices).toEqual([
      "La période de janvier 2030 à juin 2030 est en dehors des années proposées (2018 à 2027) : l'année 2026 est affichée à la place.",
    ]);
    expect(read("annee=2012&periode=T1")).toMatchObject({
      year: 2026,
      quarter: "T1",
      notices: [
        "L'année « 2012 » n'est pas proposée (2021 à 2027) : l'année 2026 est affichée à la place.",
      ],
    });
  });

  test("an unknown period, or months with a quarter, are said", () => {
    expect(read("annee=2026&periode=T5").notices).toEqual([
      "La période « T5 » n'existe pas (année, T1 à T4 ou de mois à mois) : toute l'année est affichée.",
    ]);
    expect(read("annee=2026&periode=T2&du=2026-01&au=2026-03")).toMatchObject({
      quarter: "T2",
      range: null,
      notices: [
        "Les mois « du » et « au » ne valent que pour la période « de mois à mois » : ils sont ignorés.",
      ],
    });
  });

  test("the figure period carries the notices and shows what they say", () => {
    const p = parseFigurePeriod(new URL("http://x/?du=2026-05&au=2026-01"), NOW);
    expect(p.periode).toBe("mois");
    expect([p.fromMonth, p.toMonth]).toEqual(["2026-01", "2026-05"]);
    expect(p.notices).toHaveLength(1);
  });
});

describe("the pages and exports say it", () => {
  let clubId: string;
  let otherClubId: string;
  let prefectureId: string;
  let animatorId: string;
  let adminId: string;
  const year = new Date().getUTCFullYear();
  const BAD = `?annee=${year}&periode=mois&du=${year}-05&au=${year}-01&club=CLUB&public=XYZ&action=HIRE`;

  beforeAll(async () => {
    clubId = (await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" })).id;
    otherClubId = (await insertClub(prisma, { name: "Club de Lille", departementCode: "59" })).id;
    const prefecture = await insertUser(prisma, { name: "Préfecture 62" });
    await grantRole(prisma, prefecture.id, { role: "PREFECTURE", departementCode: "62" });
    const animator = await insertUser(prisma, { name: "Animatrice" });
    await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId });
    const admin = await insertUser(prisma, { name: "Admin" });
    await grantRole(prisma, admin.id, { role: "ADMIN" });
    prefectureId = prefecture.id;
    animatorId = animator.id;
    adminId = admin.id;
  });

  const badQuery = () => BAD.replace("CLUB", otherClubId);
  const expectedNotices = () => [
    `Le mois de début (mai ${year}) venait après le mois de fin (janvier ${year}) : les deux ont été inversés.`,
    "Le club demandé n'est pas un club de ce département : tous les clubs sont comptés.",
    "Le public « XYZ » n'existe pas : tous les publics sont comptés.",
  ];

  test("the dashboard lists what it ignored or corrected, and keeps the valid filters", async () => {
    const { status, body } = await callAs(
      dashboardLoader as RouteFn,
      `/prefecture/62${badQuery()}`,
      prefectureId,
      { departementCode: "62" },
    );
    expect(status).toBe(200);
    const d = body as {
      notices: string[];
      filters: { du: string; au: string; club: string; public: string; action: string };
      query: string;
    };
    expect(d.notices).toEqual(expectedNotices());
    expect(d.filters).toMatchObject({
      du: `${year}-01`,
      au: `${year}-05`,
      club: "",
      public: "",
      action: "HIRE",
    });
    // Links to the exports carry the corrected filters only.
    expect(d.query).toBe(`du=${year}-01&au=${year}-05&action=HIRE`);

    const valid = await callAs(
      dashboardLoader as RouteFn,
      `/prefecture/62?annee=${year}&periode=T1&club=${clubId}&public=&action=`,
      prefectureId,
      { departementCode: "62" },
    );
    expect((valid.body as { notices: string[] }).notices).toEqual([]);
  });

  test("the drill-down says it too", async () => {
    const { body } = await callAs(
      drillLoader as RouteFn,
      `/prefecture/62/clubs/${clubId}?annee=2001&public=XYZ`,
      prefectureId,
      { departementCode: "62", clubId },
    );
    expect((body as { notices: string[] }).notices).toEqual([
      `L'année « 2001 » n'est pas proposée (${year - 5} à ${year + 1}) : l'année ${year} est affichée à la place.`,
      "Le public « XYZ » n'existe pas : tous les publics sont comptés.",
    ]);
  });

  test("the CSV begins with the filters, the notices and the extraction date, then the data", async () => {
    const { response } = await callAs(
      csvLoader as RouteFn,
      `/prefecture/62/export.csv${badQuery()}`,
      prefectureId,
      { departementCode: "62" },
    );
    const bytes = new Uint8Array(await response!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    const header = lines.indexOf("Répartition;Catégorie;Quantité;Déclarations");
    const description = lines.slice(0, header - 1);
    expect(lines[header - 1]).toBe("");
    expect(description.map((l) => l.split(";")[0])).toEqual([
      "Département",
      "Période",
      "Comparée à",
      "Club",
      "Public",
      "Type d'action",
      "Déclarations",
      "Filtre non appliqué tel quel",
      "Filtre non appliqué tel quel",
      "Filtre non appliqué tel quel",
      "Date d'extraction",
      "Source",
    ]);
    expect(description).toContain("Type d'action;Recrutement");
    expect(description).toContain("Déclarations;Toutes");
    expect(description).toContain(`Filtre non appliqué tel quel;${expectedNotices()[2]}`);
    expect(description.find((l) => l.startsWith("Date d'extraction;"))).toMatch(
      new RegExp(`;\\d{1,2} \\p{L}+ ${year} à \\d{2}:\\d{2}$`, "u"),
    );
    // The data lines keep their four columns (labels with a `;` are quoted); the outcome table
    // that follows (decision 029), after a blank line, has its own header and six columns.
    const rows = parseCsv(lines.slice(header).join("\r\n"), {
      delimiter: ";",
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const outcomesAt = rows.findIndex((row) => row[0] === "Devenir des personnes");
    expect(outcomesAt).toBeGreaterThan(0);
    const data = rows.slice(0, outcomesAt);
    expect(data.length).toBeGreaterThan(24);
    expect(data.every((row) => row.length === 4)).toBe(true);
    expect(rows.slice(outcomesAt).every((row) => row.length === 6)).toBe(true);
  });

  test("the XLSX's Filtres sheet holds the notices", async () => {
    const { response } = await callAs(
      xlsxLoader as RouteFn,
      `/prefecture/62/export.xlsx${badQuery()}`,
      prefectureId,
      { departementCode: "62" },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response!.arrayBuffer()) as never);
    const values = workbook.getWorksheet("Filtres")!.getColumn(2).values.map(String);
    for (const notice of expectedNotices()) expect(values).toContain(notice);
  });

  test("the club figures, their XLSX and the national table say it", async () => {
    const club = await callAs(
      clubFiguresLoader as RouteFn,
      `/club/${clubId}/chiffres?annee=${year}&periode=T9`,
      animatorId,
      { clubId },
    );
    expect((club.body as { period: { notices: string[] } }).period.notices).toEqual([
      "La période « T9 » n'existe pas (année, T1 à T4 ou de mois à mois) : toute l'année est affichée.",
    ]);
    const xlsx = await callAs(
      clubXlsxLoader as RouteFn,
      `/club/${clubId}/chiffres.xlsx?annee=${year}&periode=T9`,
      animatorId,
      { clubId },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.response!.arrayBuffer()) as never);
    expect(workbook.getWorksheet("Filtres")!.getColumn(2).values.map(String)).toContain(
      "La période « T9 » n'existe pas (année, T1 à T4 ou de mois à mois) : toute l'année est affichée.",
    );
    const national = await callAs(
      adminLoader as RouteFn,
      "/admin?tri=taille&ordre=haut",
      adminId,
      {},
    );
    expect((national.body as { notices: string[] }).notices).toEqual([
      "Le tri « taille » n'existe pas : le tableau est trié par code.",
      "L'ordre « haut » n'existe pas : l'ordre croissant est appliqué.",
    ]);
  });
});
