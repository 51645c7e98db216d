// Import of realisations from CSV and XLSX files (app/models/realisation-import.server.ts) and
// its route, on a real SQLite database: parsing, French errors, limits, commitments of the
// company only, the all-or-nothing confirmation and the detection of a file imported twice.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import {
  confirmImport,
  createImportDraft,
  getImportPreview,
} from "~/models/realisation-import.server";
import {
  IMPORT_LIMITS,
  ImportConfirmError,
  ImportFileError,
} from "~/models/realisation-import-columns.server";
import {
  commitmentLabel,
  detectDelimiter,
  parseRealisationFile,
} from "~/models/realisation-import-file.server";
import type { ParsedFile } from "~/models/realisation-import-rows.server";
import { OUTCOME_IMPORT_COLUMNS } from "~/models/realisation-import-outcomes.server";
import { buildTemplateCsv, buildTemplateXlsx } from "~/models/realisation-import-template.server";
import { prisma } from "~/utils/db.server";
import {
  action as importAction,
  loader as importLoader,
} from "~/routes/entreprise.$companyId.import";
import { action as uploadAction } from "~/routes/entreprise.$companyId.import.envoi";
import { resetRateLimits, RATE_LIMITS } from "~/utils/rate-limit.server";
import { SheetReadError, readXlsxSheet } from "~/utils/xlsx-sheet.server";
import { appRequest, sessionCookieFor, thrown } from "./utils/session";
import { SHEET_HEAD, SHEET_TAIL, bombPart, part, rowXml, workbookParts, zipOf } from "./utils/zip";

const HEADER = [
  "Date",
  "Type d'action",
  "Public",
  "Précision du public",
  "Type de contrat",
  "Nombre",
  "QPV",
  "Note",
  "Engagement",
];
const encode = (text: string) => new TextEncoder().encode(text);
const csvOf = (rows: string[][], separator = ";", bom = true) =>
  encode(
    `${bom ? "\uFEFF" : ""}${[HEADER, ...rows].map((r) => r.join(separator)).join("\r\n")}\r\n`,
  );

function isoDaysAgo(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const frDaysAgo = (days: number) => isoDaysAgo(days).split("-").reverse().join("/");

/** The errors of the file's rows, by line. */
const errorsByLine = (parsed: ParsedFile) =>
  Object.fromEntries(
    parsed.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors.map(spaces)]),
  );
/** French number formatting uses narrow no-break spaces; plain spaces read better in tests. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

let companyId: string;
let otherCompanyId: string;
let clubId: string;
let userId: string;
let otherUserId: string;
let commitmentId: string;
let otherCommitmentId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club de l'import" });
  clubId = club.id;
  const company = await insertCompany(prisma, { name: "Import SA" });
  const other = await insertCompany(prisma, { name: "Voisine SARL" });
  companyId = company.id;
  otherCompanyId = other.id;
  await addMembership(prisma, { companyId, clubId });
  await addMembership(prisma, { companyId: otherCompanyId, clubId });
  const user = await insertUser(prisma, { name: "Claire Import", email: "claire@import.test" });
  const otherUser = await insertUser(prisma, { name: "Paul Voisin", email: "paul@voisine.test" });
  userId = user.id;
  otherUserId = otherUser.id;
  await grantRole(prisma, userId, { role: "COMPANY", companyId });
  await grantRole(prisma, otherUserId, { role: "COMPANY", companyId: otherCompanyId });
  commitmentId = (await insertCommitment(prisma, { companyId })).id;
  otherCommitmentId = (await insertCommitment(prisma, { companyId: otherCompanyId })).id;
});

async function counts(id = companyId) {
  return {
    realisations: await prisma.realisation.count({ where: { companyId: id } }),
    batches: await prisma.importBatch.count({ where: { companyId: id } }),
  };
}

describe("lecture des fichiers CSV", () => {
  test("point-virgule et BOM (export d'Excel en français), libellés en français", async () => {
    const parsed = await parseRealisationFile(
      "réalisations.csv",
      csvOf([
        [
          frDaysAgo(10),
          "Recrutement",
          "Demandeurs d'emploi de longue durée",
          "",
          "CDI",
          "2",
          "Oui",
          "Chauffeurs",
          "",
        ],
        ["", "", "", "", "", "", "", "", ""],
        [
          isoDaysAgo(5),
          "Immersion (PMSMP)",
          "Autre public",
          "Parents isolés",
          "",
          "1 000",
          "ne sait pas",
          "",
          commitmentId,
        ],
        [
          frDaysAgo(3),
          "achat aupres d'une structure inclusive",
          "bénéficiaires du rsa",
          "",
          "",
          "1500",
          "",
          '"Note; avec point-virgule"',
          "",
        ],
      ]),
    );
    expect(parsed.format).toBe("csv");
    expect(parsed.columnsMissing).toEqual([]);
    // The empty line is skipped, the lines keep their number in the file.
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(parsed.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(parsed.rows[0].input).toEqual({
      date: isoDaysAgo(10),
      actionTypeCode: "HIRE",
      publicCategoryCode: "DELD",
      contractType: "CDI",
      quantity: 2,
      qpv: "YES",
      note: "Chauffeurs",
    });
    expect(parsed.rows[1].input).toMatchObject({
      date: isoDaysAgo(5),
      actionTypeCode: "IMMERSION",
      publicCategoryCode: "OTHER",
      otherPublicLabel: "Parents isolés",
      quantity: 1000,
      qpv: "UNKNOWN",
    });
    // The Engagement cell (an id or a label) is resolved against the database by
    // checkCommitments, when the draft is made.
    expect(parsed.rows[1].commitmentRef).toBe(commitmentId);
    expect(parsed.rows[2].input).toMatchObject({
      actionTypeCode: "INCLUSIVE_PURCHASE",
      publicCategoryCode: "RSA",
      quantity: 1500,
      qpv: "UNKNOWN",
      note: "Note; avec point-virgule",
    });
  });

  test("virgule sans BOM, codes au lieu des libellés, titres sans accents ni majuscules", async () => {
    const text = [
      "date,type d'action,PUBLIC,precision du public,type de contrat,nombre,qpv,note",
      `${isoDaysAgo(20)},HIRE,DISABILITY,,CDD_LONG,1,NO,"Cariste, à temps plein"`,
      `${frDaysAgo(2)},work_study,youth,,alternance,3,yes,`,
    ].join("\n");
    expect(detectDelimiter(text)).toBe(",");
    const parsed = await parseRealisationFile("export.CSV", encode(text));
    expect(errorsByLine(parsed)).toEqual({});
    expect(parsed.rows.map((r) => r.input)).toEqual([
      {
        date: isoDaysAgo(20),
        actionTypeCode: "HIRE",
        publicCategoryCode: "DISABILITY",
        contractType: "CDD_LONG",
        quantity: 1,
        qpv: "NO",
        note: "Cariste, à temps plein",
      },
      {
        date: isoDaysAgo(2),
        actionTypeCode: "WORK_STUDY",
        publicCategoryCode: "YOUTH",
        contractType: "ALTERNANCE",
        quantity: 3,
        qpv: "YES",
      },
    ]);
  });

  test("un export Windows-1252 (ancien Excel) garde ses accents", async () => {
    const text = `Date;Type d'action;Public;Nombre\r\n${frDaysAgo(4)};Stage;Réfugiés;2\r\n`;
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0))); // Latin-1 bytes
    const parsed = await parseRealisationFile("ancien.csv", bytes);
    expect(parsed.rows[0].input).toMatchObject({ publicCategoryCode: "REFUGEE", quantity: 2 });
  });
});

describe("lecture des classeurs XLSX", () => {
  async function xlsx(build: (sheet: ExcelJS.Worksheet) => void) {
    const workbook = new ExcelJS.Workbook();
    build(workbook.addWorksheet("Réalisations"));
    workbook.addWorksheet("Autre feuille").addRow(["rien"]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  test("vraies dates Excel, dates en texte, nombres, formules et texte enrichi", async () => {
    const tenDaysAgo = new Date(`${isoDaysAgo(10)}T00:00:00Z`);
    const serial = Math.round(tenDaysAgo.getTime() / 86_400_000) + 25_569; // Excel's day number
    const bytes = await xlsx((sheet) => {
      // Columns in another order, titles in capitals, a column we do not know.
      sheet.addRow([
        "NOMBRE",
        "Type D’Action",
        "public",
        "Date",
        "Type de contrat",
        "Colonne perso",
        "QPV",
      ]);
      sheet.addRow([2, "Recrutement", "Seniors (50 ans et plus)", tenDaysAgo, "CDI", "x", true]);
      sheet.getCell("D2").numFmt = "dd/mm/yyyy";
      sheet.addRow([
        { formula: "1+2", result: 3 },
        "Stage",
        "NEET",
        frDaysAgo(3),
        null,
        null,
        "non",
      ]);
      sheet.addRow([
        1,
        { richText: [{ text: "Formation" }] },
        "Réfugiés",
        serial,
        null,
        null,
        null,
      ]);
      sheet.addRow([1, "Stage", "RSA", isoDaysAgo(1), null, null, "ne sait pas"]);
    });
    const parsed = await parseRealisationFile("classeur.xlsx", bytes);
    expect(parsed.format).toBe("xlsx");
    expect(errorsByLine(parsed)).toEqual({});
    expect(
      parsed.rows.map((r) => [
        r.line,
        r.input?.date,
        r.input?.actionTypeCode,
        r.input?.quantity,
        r.input?.qpv,
      ]),
    ).toEqual([
      [2, isoDaysAgo(10), "HIRE", 2, "YES"],
      [3, isoDaysAgo(3), "INTERNSHIP", 3, "NO"],
      [4, isoDaysAgo(10), "TRAINING", 1, "UNKNOWN"],
      [5, isoDaysAgo(1), "INTERNSHIP", 1, "UNKNOWN"],
    ]);
    expect(parsed.rows[0].input?.publicCategoryCode).toBe("SENIOR");
  });

  test("le modèle téléchargeable : onglets, listes et validations ; ses exemples ne s'importent pas", async () => {
    const bytes = await buildTemplateXlsx([{ id: commitmentId, year: 2026, ambition: "Recruter" }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Réalisations",
      "Exemples",
      "Engagements",
      "Listes",
    ]);
    const sheet = workbook.getWorksheet("Réalisations")!;
    // The realisation's columns, then the optional outcome ones (issue 15).
    const withOutcomes = [...HEADER, ...OUTCOME_IMPORT_COLUMNS.map((c) => c.label)];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(withOutcomes);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    expect(sheet.getCell("B2").dataValidation).toMatchObject({ type: "list" });
    // The titles explain themselves (a comment on each).
    expect(JSON.stringify(sheet.getCell("A1").note)).toContain("jj/mm/aaaa");
    const lists = workbook.getWorksheet("Listes")!;
    expect(lists.getCell("A2").value).toBe("Recrutement");
    const engagements = workbook.getWorksheet("Engagements")!;
    expect([engagements.getCell("A2").value, engagements.getCell("B2").value]).toEqual([
      "2026 — Recruter",
      commitmentId,
    ]);
    expect(sheet.getCell("I2").dataValidation).toMatchObject({
      type: "list",
      formulae: ["Engagements!$A$2:$A$2"],
    });
    const examples = workbook.getWorksheet("Exemples")!;
    expect((examples.getRow(1).values as unknown[]).slice(1)).toEqual(withOutcomes);
    expect(String(examples.getCell("H2").value)).toContain("EXEMPLE");

    // Sent back untouched, the template holds no realisation: nothing to import by mistake.
    await expect(parseRealisationFile("modele-realisations.xlsx", bytes)).resolves.toMatchObject({
      rows: [],
    });
    await expect(
      createImportDraft({ companyId, userId, fileName: "modele-realisations.xlsx", bytes }),
    ).rejects.toThrow("l'onglet « Exemples » n'est jamais importé");
  });
});

describe("erreurs en français, avec le nom de la colonne", () => {
  test("chaque sorte d'erreur", async () => {
    const ok = [frDaysAgo(5), "Stage", "Jeunes de moins de 26 ans", "", "", "1", "", "", ""];
    const row = (changes: Record<number, string>) => ok.map((v, i) => changes[i] ?? v);
    const parsed = await parseRealisationFile(
      "erreurs.csv",
      csvOf([
        row({ 0: "" }), // 2
        row({ 0: "15 mars 2026" }), // 3
        row({ 0: "31/02/2026" }), // 4
        row({ 0: "31/12/2017" }), // 5
        row({ 0: "2099-01-01" }), // 6
        row({ 1: "Embauche" }), // 7
        row({ 1: "" }), // 8
        row({ 2: "Chômeurs" }), // 9
        row({ 2: "" }), // 10
        row({ 2: "Autre" }), // 11
        row({ 2: "Autre", 3: "p".repeat(101) }), // 12
        row({ 1: "Recrutement" }), // 13
        row({ 1: "Recrutement", 4: "CDD" }), // 14
        row({ 5: "" }), // 15
        row({ 5: "beaucoup" }), // 16
        row({ 5: "2,5" }), // 17
        row({ 5: "0" }), // 18
        row({ 5: "20000" }), // 19
        row({ 6: "peut-être" }), // 20
        row({ 7: "n".repeat(1001) }), // 21
        ok, // 22
      ]),
    );
    expect(errorsByLine(parsed)).toEqual({
      2: ["Date : Indiquez la date."],
      3: ["Date : Indiquez une date au format jj/mm/aaaa."],
      4: ["Date : Cette date n'existe pas."],
      5: ["Date : La date doit être postérieure au 1er janvier 2018."],
      6: ["Date : La date ne peut pas être dans le futur."],
      7: [
        "Type d'action : « Embauche » ne fait pas partie de la liste (voir l'onglet « Listes » du modèle).",
      ],
      8: ["Type d'action : Choisissez le type d'action."],
      9: [
        "Public : « Chômeurs » ne fait pas partie de la liste (voir l'onglet « Listes » du modèle).",
      ],
      10: ["Public : Choisissez le public."],
      11: ["Précision du public : Précisez de quel public il s'agit."],
      12: ["Précision du public : 100 caractères au plus."],
      13: ["Type de contrat : Pour un recrutement, indiquez le type de contrat."],
      14: [
        "Type de contrat : « CDD » ne fait pas partie de la liste (voir l'onglet « Listes » du modèle).",
      ],
      15: ["Nombre : Indiquez un nombre."],
      16: ["Nombre : Indiquez un nombre."],
      17: ["Nombre : Indiquez un nombre entier."],
      18: ["Nombre : Le nombre doit être d'au moins 1."],
      19: ["Nombre : Le nombre ne peut pas dépasser 10 000."],
      20: ["QPV : Répondez oui, non ou ne sait pas."],
      21: ["Note : 1 000 caractères au plus."],
    });
    expect(parsed.rows.find((r) => r.line === 22)?.input).toBeDefined();
    // The preview shows what the row held.
    expect(parsed.rows.find((r) => r.line === 7)?.raw["Type d'action"]).toBe("Embauche");
  });

  test("colonnes obligatoires manquantes : aucune ligne n'est lue", async () => {
    const parsed = await parseRealisationFile(
      "incomplet.csv",
      encode(`Type d'action;Public;Note\nStage;RSA;x\n`),
    );
    expect(parsed.columnsMissing).toEqual(["Date", "Nombre"]);
    expect(parsed.rows).toEqual([]);
    await expect(
      createImportDraft({
        companyId,
        userId,
        fileName: "incomplet.csv",
        bytes: encode(`Type d'action;Public;Note\nStage;RSA;x\n`),
      }),
    ).rejects.toThrow("Il manque les colonnes « Date », « Nombre »");
  });
});

describe("limites du fichier", () => {
  const fileError = async (name: string, bytes: Uint8Array) => {
    const error = await thrown(() => parseRealisationFile(name, bytes));
    expect(error).toBeInstanceOf(ImportFileError);
    return spaces((error as Error).message);
  };

  test("seuls .csv et .xlsx, 10 Mo au plus, 20 000 lignes au plus, pas de fichier vide", async () => {
    expect(await fileError("notes.txt", encode("x"))).toBe(
      "Seuls les fichiers .csv et .xlsx sont acceptés.",
    );
    expect(await fileError("ancien.xls", encode("x"))).toContain(
      "enregistrez-le au format .xlsx ou .csv",
    );
    expect(await fileError("sans-extension", encode("x"))).toBe(
      "Seuls les fichiers .csv et .xlsx sont acceptés.",
    );
    expect(await fileError("gros.csv", new Uint8Array(IMPORT_LIMITS.maxBytes + 1))).toBe(
      "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
    );
    expect(await fileError("vide.csv", new Uint8Array(0))).toBe("Le fichier est vide.");
    expect(await fileError("blanc.csv", encode("\n\n;;;\n"))).toBe("Le fichier est vide.");

    const line = `${frDaysAgo(3)};Stage;RSA;;;1;;;`;
    const max = `\uFEFF${HEADER.join(";")}\n${`${line}\n`.repeat(IMPORT_LIMITS.maxRows)}`;
    const atLimit = await parseRealisationFile("limite.csv", encode(max));
    expect(atLimit.rows).toHaveLength(IMPORT_LIMITS.maxRows);
    expect(await fileError("trop.csv", encode(`${max}${line}\n`))).toBe(
      "Le fichier contient plus de 20 000 lignes : découpez-le en plusieurs fichiers.",
    );
  });

  test("un .xlsx illisible ou qui gonflerait à la décompression est refusé", async () => {
    expect(await fileError("faux.xlsx", encode("pas un zip"))).toContain(
      "n'est pas un classeur .xlsx lisible",
    );
    // A zip whose central directory announces 200 MB once inflated.
    const bytes = new Uint8Array(46 + 9 + 22);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint32(24, 200 * 1024 * 1024, true);
    view.setUint16(28, 9, true);
    bytes.set(encode("sheet.xml"), 46);
    view.setUint32(55, 0x06054b50, true);
    view.setUint16(55 + 10, 1, true);
    view.setUint32(55 + 16, 0, true);
    expect(await fileError("bombe.xlsx", bytes)).toContain("trop volumineux une fois décompressé");
    // A zip with no sheet at all.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Réalisations");
    const empty = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await fileError("vide.xlsx", empty)).toBe("Le fichier est vide.");
  });
});

// Decompression bombs (issue 12, finding 3): the zip check trusted the sizes the archive declares,
// and exceljs inflated every part whole, on the event loop — a 2.5 MB upload became 2.5 GB of
// memory. Now the sheet is read in a worker that counts the bytes it actually inflates, stops at
// the row limit, and has a time and a memory limit.
describe("bombes de décompression (XLSX)", () => {
  const MB = 1024 * 1024;
  const TOO_LARGE =
    "Le fichier est trop volumineux une fois décompressé : gardez une seule feuille de réalisations, ou envoyez un fichier CSV.";
  const fileError = async (name: string, bytes: Uint8Array) => {
    const error = await thrown(() => parseRealisationFile(name, bytes));
    expect(error).toBeInstanceOf(ImportFileError);
    return spaces((error as Error).message);
  };
  const dataRow = [frDaysAgo(3), "Stage", "RSA", "", "", "2", "", "", ""];

  /** Runs `work` while measuring the longest pause of the event loop. */
  async function longestPause(work: () => Promise<unknown>) {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    return longest;
  }

  test("un classeur honnête fait à la main (chaînes en ligne, sans styles) s'importe", async () => {
    const sheet = part(
      "xl/worksheets/sheet1.xml",
      `${SHEET_HEAD}${rowXml(1, HEADER)}${rowXml(2, dataRow)}${rowXml(3, [frDaysAgo(2), "Recrutement", "RSA", "", "CDI", "1", "Oui", "a & b", ""])}${SHEET_TAIL}`,
    );
    const parsed = await parseRealisationFile("main.xlsx", zipOf(workbookParts(sheet)));
    expect(errorsByLine(parsed)).toEqual({});
    expect(parsed.rows.map((r) => [r.line, r.input?.actionTypeCode, r.input?.note])).toEqual([
      [2, "INTERNSHIP", undefined],
      [3, "HIRE", "a & b"],
    ]);
  });

  test("une feuille de 200 Mo, qui annonce 1 000 octets, est refusée sans bloquer le serveur", async () => {
    const sheet = await bombPart("xl/worksheets/sheet1.xml", {
      head: `${SHEET_HEAD}${rowXml(1, HEADER)}`,
      chunk: "          \n",
      tail: SHEET_TAIL,
      bytes: 200 * MB,
    });
    const bytes = zipOf(workbookParts(sheet));
    expect(bytes.length).toBeLessThan(1 * MB);
    let message = "";
    const pause = await longestPause(async () => {
      message = await fileError("bombe.xlsx", bytes);
    });
    expect(message).toBe(TOO_LARGE);
    // The inflating happens in the worker: the event loop keeps answering.
    expect(pause).toBeLessThan(1_000);
  });

  test("une chaîne partagée géante est refusée de même", async () => {
    const strings = await bombPart("xl/sharedStrings.xml", {
      head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`,
      chunk: "Stage ",
      tail: "</t></si></sst>",
      bytes: 160 * MB,
    });
    const sheet = part(
      "xl/worksheets/sheet1.xml",
      `${SHEET_HEAD}${rowXml(1, HEADER)}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${SHEET_TAIL}`,
    );
    expect(await fileError("chaine.xlsx", zipOf(workbookParts(sheet, [strings])))).toBe(TOO_LARGE);
  });

  test("200 Mo de vraies lignes : la lecture s'arrête à la limite de lignes, bien avant", async () => {
    const sheet = await bombPart("xl/worksheets/sheet1.xml", {
      head: `${SHEET_HEAD}${rowXml(1, HEADER)}`,
      chunk: rowXml(2, dataRow),
      tail: SHEET_TAIL,
      bytes: 200 * MB,
    });
    // Past 150 MB it would be "trop volumineux": stopping at 20,001 rows comes first.
    expect(await fileError("lignes.xlsx", zipOf(workbookParts(sheet)))).toBe(
      "Le fichier contient plus de 20 000 lignes : découpez-le en plusieurs fichiers.",
    );
  });

  test("le lecteur a une limite de temps et de mémoire", async () => {
    const honest = zipOf(
      workbookParts(
        part("xl/worksheets/sheet1.xml", `${SHEET_HEAD}${rowXml(1, HEADER)}${SHEET_TAIL}`),
      ),
    );
    const limits = { maxInflatedBytes: 150 * MB, maxRows: 10, timeLimitMs: 20_000, memoryMb: 64 };
    expect((await readXlsxSheet(honest, limits)).header).toEqual(HEADER);
    // A cell longer than Excel allows comes back cut (still too long for any column).
    const longCell = zipOf(
      workbookParts(
        part(
          "xl/worksheets/sheet1.xml",
          `${SHEET_HEAD}${rowXml(1, ["x".repeat(100_000)])}${SHEET_TAIL}`,
        ),
      ),
    );
    const cut = String((await readXlsxSheet(longCell, limits)).header?.[0]);
    expect(cut.length).toBeGreaterThan(1_000);
    expect(cut.length).toBeLessThan(40_000);
    const slow = await thrown(() => readXlsxSheet(honest, { ...limits, timeLimitMs: 1 }));
    expect((slow as SheetReadError).reason).toBe("too-slow");
    // Many small shared strings, within the byte budget but not within 16 MB of memory.
    const strings = await bombPart("xl/sharedStrings.xml", {
      head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
      chunk: "<si><t>a</t></si>",
      tail: "</sst>",
      bytes: 60 * MB,
    });
    const sheet = part(
      "xl/worksheets/sheet1.xml",
      `${SHEET_HEAD}${rowXml(1, HEADER)}${SHEET_TAIL}`,
    );
    const heavy = await thrown(() =>
      readXlsxSheet(zipOf(workbookParts(sheet, [strings])), { ...limits, memoryMb: 16 }),
    );
    expect((heavy as SheetReadError).reason).toBe("too-large");
    expect(await fileError("lent.xlsx", new Uint8Array(0).subarray(0))).toBe(
      "Le fichier est vide.",
    );
  });
});

describe("aperçu, confirmation et doublons", () => {
  const validCsv = (note: string, extra: string[][] = []) =>
    csvOf([
      [frDaysAgo(8), "Recrutement", "Bénéficiaires du RSA", "", "CDI", "1", "Oui", note, ""],
      [frDaysAgo(6), "Stage", "Jeunes de moins de 26 ans", "", "", "2", "", "", commitmentId],
      [frDaysAgo(4), "Heures de bénévolat", "Autre public", "Collégiens", "", "12", "non", "", ""],
      ...extra,
    ]);

  test("l'engagement d'une autre entreprise est refusé, le sien accepté", async () => {
    const { draftId, readyCount, errorCount } = await createImportDraft({
      companyId,
      userId,
      fileName: "engagements.csv",
      bytes: validCsv("a", [
        [frDaysAgo(2), "Stage", "RSA", "", "", "1", "", "", otherCommitmentId],
        [frDaysAgo(2), "Stage", "RSA", "", "", "1", "", "", "cm-inexistant"],
      ]),
    });
    expect({ readyCount, errorCount }).toEqual({ readyCount: 3, errorCount: 2 });
    const preview = await getImportPreview(companyId, draftId);
    expect(preview?.lines.filter((l) => l.errors.length).map((l) => [l.line, l.errors])).toEqual([
      [
        5,
        [
          `Engagement : « ${otherCommitmentId} » ne correspond à aucun engagement de votre entreprise : recopiez son libellé depuis l'onglet « Engagements » du modèle.`,
        ],
      ],
      [
        6,
        [
          "Engagement : « cm-inexistant » ne correspond à aucun engagement de votre entreprise : recopiez son libellé depuis l'onglet « Engagements » du modèle.",
        ],
      ],
    ]);
    // A file with any invalid row cannot be confirmed: nothing is written.
    const before = await counts();
    const error = await thrown(() =>
      confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate: true }),
    );
    expect(error).toBeInstanceOf(ImportConfirmError);
    expect((error as Error).message).toContain("lignes en erreur");
    expect(await counts()).toEqual(before);
  });

  test("la confirmation écrit toutes les lignes, le lot et l'audit, puis supprime le brouillon", async () => {
    const before = await counts();
    const { draftId } = await createImportDraft({
      companyId,
      userId,
      fileName: "trimestre.csv",
      bytes: validCsv("confirmation"),
    });
    // Nothing is written before the confirmation.
    expect(await counts()).toEqual(before);
    const result = await confirmImport({
      companyId,
      actorId: userId,
      draftId,
      acceptDuplicate: false,
    });
    expect(result.count).toBe(3);
    expect(await counts()).toEqual({
      realisations: before.realisations + 3,
      batches: before.batches + 1,
    });
    const batch = await prisma.importBatch.findUniqueOrThrow({
      where: { id: result.importBatchId },
      include: { realisations: { orderBy: { date: "asc" } } },
    });
    expect(batch).toMatchObject({ fileName: "trimestre.csv", rowCount: 3, createdById: userId });
    expect(batch.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      batch.realisations.map((r) => [
        r.actionTypeCode,
        r.publicCategoryCode,
        r.quantity,
        r.unit,
        r.clubId,
        r.commitmentId,
      ]),
    ).toEqual([
      ["HIRE", "RSA", 1, "PEOPLE", clubId, null],
      ["INTERNSHIP", "YOUTH", 2, "PEOPLE", clubId, commitmentId],
      ["VOLUNTEERING", "OTHER", 12, "HOURS", clubId, null],
    ]);
    expect(batch.realisations[2].otherPublicLabel).toBe("Collégiens");
    expect(
      await prisma.auditLog.count({ where: { entityType: "ImportBatch", entityId: batch.id } }),
    ).toBe(1);
    expect(await prisma.importDraft.count({ where: { id: draftId } })).toBe(0);
    // Confirming the same draft again (a double click) imports nothing more.
    const again = await thrown(() =>
      confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate: true }),
    );
    expect((again as ImportConfirmError).status).toBe(404);
    expect(await counts()).toEqual({
      realisations: before.realisations + 3,
      batches: before.batches + 1,
    });
  });

  test("un engagement supprimé entre l'aperçu et la confirmation : rien n'est écrit, la ligne est dite", async () => {
    const doomed = await insertCommitment(prisma, { companyId });
    const { draftId } = await createImportDraft({
      companyId,
      userId,
      fileName: "annule.csv",
      bytes: csvOf([
        [frDaysAgo(8), "Stage", "RSA", "", "", "1", "", "avant", ""],
        [frDaysAgo(7), "Stage", "RSA", "", "", "1", "", "", doomed.id],
        [frDaysAgo(6), "Stage", "RSA", "", "", "1", "", "après", ""],
      ]),
    });
    await prisma.commitment.delete({ where: { id: doomed.id } });
    const before = await counts();
    const error = await thrown(() =>
      confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate: false }),
    );
    expect(error).toBeInstanceOf(ImportConfirmError);
    expect((error as Error).message).toBe(
      "Rien n'a été importé : l'engagement de la ligne 3 n'existe plus pour votre entreprise. Corrigez le fichier et envoyez-le à nouveau.",
    );
    expect(await counts()).toEqual(before);
    // The draft is kept: nothing was changed.
    expect(await prisma.importDraft.count({ where: { id: draftId } })).toBe(1);
  });

  test("tout ou rien : une ligne refusée par la base au moment de l'insertion n'écrit rien", async () => {
    // A public category that nothing uses yet, removed after the preview: the INSERT of the
    // realisations fails on its foreign key, after the ImportBatch was written.
    const { draftId } = await createImportDraft({
      companyId,
      userId,
      fileName: "cle-etrangere.csv",
      bytes: csvOf([
        [frDaysAgo(8), "Stage", "RSA", "", "", "1", "", "", ""],
        [frDaysAgo(7), "Stage", "Réfugiés", "", "", "1", "", "", ""],
      ]),
    });
    const refugee = await prisma.publicCategory.findUniqueOrThrow({ where: { code: "REFUGEE" } });
    await prisma.publicCategory.delete({ where: { code: "REFUGEE" } });
    const before = await counts();
    try {
      await expect(
        confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate: false }),
      ).rejects.toThrow(/foreign key/i);
      expect(await counts()).toEqual(before);
      expect(await prisma.importDraft.count({ where: { id: draftId } })).toBe(1);
    } finally {
      await prisma.publicCategory.create({ data: refugee });
    }
  });

  test("le même fichier importé deux fois est signalé, et n'est réimporté que sur demande", async () => {
    const bytes = validCsv("doublon");
    const first = await createImportDraft({ companyId, userId, fileName: "doublon.csv", bytes });
    expect((await getImportPreview(companyId, first.draftId))?.previous).toBeNull();
    await confirmImport({
      companyId,
      actorId: userId,
      draftId: first.draftId,
      acceptDuplicate: false,
    });

    const second = await createImportDraft({ companyId, userId, fileName: "renomme.csv", bytes });
    const preview = await getImportPreview(companyId, second.draftId);
    expect(preview?.previous).toMatchObject({
      byName: "Claire Import",
      rowCount: 3,
      fileName: "doublon.csv",
    });
    const before = await counts();
    const refused = await thrown(() =>
      confirmImport({
        companyId,
        actorId: userId,
        draftId: second.draftId,
        acceptDuplicate: false,
      }),
    );
    expect((refused as Error).message).toBe(
      "Ce fichier a déjà été importé : cochez « Importer quand même » pour l'importer une nouvelle fois.",
    );
    expect(await counts()).toEqual(before);
    await confirmImport({
      companyId,
      actorId: userId,
      draftId: second.draftId,
      acceptDuplicate: true,
    });
    expect((await counts()).realisations).toBe(before.realisations + 3);

    // Another company importing the very same file is not warned: the hash is per company.
    const elsewhere = await createImportDraft({
      companyId: otherCompanyId,
      userId: otherUserId,
      fileName: "doublon.csv",
      bytes: csvOf([[frDaysAgo(8), "Stage", "RSA", "", "", "1", "", "", ""]]),
    });
    expect((await getImportPreview(otherCompanyId, elsewhere.draftId))?.previous).toBeNull();
  });

  test("le brouillon d'une autre entreprise n'est ni lu ni importé ; un brouillon expiré est refusé", async () => {
    const { draftId } = await createImportDraft({
      companyId: otherCompanyId,
      userId: otherUserId,
      fileName: "voisine.csv",
      bytes: csvOf([[frDaysAgo(8), "Stage", "RSA", "", "", "1", "", "", ""]]),
    });
    expect(await getImportPreview(companyId, draftId)).toBeNull();
    const before = await counts();
    const error = await thrown(() =>
      confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate: true }),
    );
    expect((error as ImportConfirmError).status).toBe(404);
    expect(await counts()).toEqual(before);
    expect(await prisma.importDraft.count({ where: { id: draftId } })).toBe(1);

    const mine = await createImportDraft({
      companyId,
      userId,
      fileName: "vieux.csv",
      bytes: validCsv("expire"),
    });
    await prisma.importDraft.update({
      where: { id: mine.draftId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getImportPreview(companyId, mine.draftId)).toBeNull();
    await expect(
      confirmImport({ companyId, actorId: userId, draftId: mine.draftId, acceptDuplicate: true }),
    ).rejects.toThrow("Cet aperçu a expiré");
    expect(await counts()).toEqual(before);
  });
});

describe("pièges de l'import", () => {
  const rowsA = [
    [frDaysAgo(9), "Recrutement", "Bénéficiaires du RSA", "", "CDI", "1", "Oui", "piège", ""],
    [frDaysAgo(5), "Stage", "Jeunes de moins de 26 ans", "", "", "2", "", "", ""],
  ];
  async function xlsxOf(rows: Array<Array<string | number | Date>>) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Réalisations");
    sheet.addRow(HEADER);
    for (const row of rows) sheet.addRow(row);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const confirm = (draftId: string, acceptDuplicate = false) =>
    confirmImport({ companyId, actorId: userId, draftId, acceptDuplicate });

  test("les mêmes lignes dans un autre fichier (XLSX après CSV, réenregistré, lignes dans un autre ordre) sont signalées", async () => {
    const first = await createImportDraft({
      companyId,
      userId,
      fileName: "t3.csv",
      bytes: csvOf(rowsA),
    });
    await confirm(first.draftId);

    // The same realisations, from Excel: codes instead of labels, rows swapped, a real date.
    const [a, b] = rowsA;
    const second = await createImportDraft({
      companyId,
      userId,
      fileName: "t3-bis.xlsx",
      bytes: await xlsxOf([
        [b[0], "INTERNSHIP", "YOUTH", "", "", 2, "", "", ""],
        [new Date(`${isoDaysAgo(9)}T00:00:00Z`), "HIRE", "RSA", "", "CDI", 1, "oui", "piège", ""],
      ]),
    });
    expect(a[0]).toBe(frDaysAgo(9));
    const preview = await getImportPreview(companyId, second.draftId);
    expect(preview?.previous).toMatchObject({ fileName: "t3.csv", rowCount: 2, sameFile: false });
    const before = await counts();
    await expect(confirm(second.draftId)).rejects.toThrow(
      "Les mêmes lignes ont déjà été importées depuis le fichier « t3.csv » : cochez « Importer quand même » pour les importer une nouvelle fois.",
    );
    expect(await counts()).toEqual(before);
    // Re-saved with commas and a trailing blank line: other bytes, same rows.
    const resaved = await createImportDraft({
      companyId,
      userId,
      fileName: "t3.csv",
      bytes: encode(`${[HEADER, ...rowsA].map((r) => r.join(",")).join("\n")}\n\n`),
    });
    expect((await getImportPreview(companyId, resaved.draftId))?.previous).toMatchObject({
      sameFile: false,
    });
    await expect(confirm(resaved.draftId)).rejects.toThrow("Les mêmes lignes");
    expect(await counts()).toEqual(before);
    // Asked for explicitly, it is imported.
    await confirm(resaved.draftId, true);
    expect((await counts()).realisations).toBe(before.realisations + 2);
    // A cumulative file (the old rows and a new one) is another content, but its old rows are
    // pointed out: imported twice now (the re-import asked for above), each matches one line.
    const more = await createImportDraft({
      companyId,
      userId,
      fileName: "t3-complet.csv",
      bytes: csvOf([
        [frDaysAgo(3), "Stage", "RSA", "", "", "1", "", "", ""],
        ...rowsA,
        ...rowsA,
        ...rowsA,
      ]),
    });
    const cumulative = await getImportPreview(companyId, more.draftId);
    expect(cumulative?.previous).toBeNull();
    expect(cumulative?.alreadyImportedLines).toEqual([3, 4, 5, 6]);
  });

  test("deux aperçus du même contenu confirmés l'un après l'autre : le second est refusé", async () => {
    const rows = [
      [frDaysAgo(11), "Formation", "Seniors (50 ans et plus)", "", "", "4", "", "", ""],
    ];
    // Two people preview the file (one as CSV, one as XLSX) before either confirms.
    const mine = await createImportDraft({
      companyId,
      userId,
      fileName: "f.csv",
      bytes: csvOf(rows),
    });
    const colleague = await insertUser(prisma, { name: "Léa Collègue", email: "lea@import.test" });
    await grantRole(prisma, colleague.id, { role: "COMPANY", companyId });
    const theirs = await createImportDraft({
      companyId,
      userId: colleague.id,
      fileName: "f.xlsx",
      bytes: await xlsxOf([[rows[0][0], "Formation", "Seniors", "", "", 4, "", "", ""]]),
    });
    expect((await getImportPreview(companyId, theirs.draftId))?.previous).toBeNull();
    await confirm(mine.draftId);
    const before = await counts();
    await expect(
      confirmImport({
        companyId,
        actorId: colleague.id,
        draftId: theirs.draftId,
        acceptDuplicate: false,
      }),
    ).rejects.toThrow("Les mêmes lignes ont déjà été importées depuis le fichier « f.csv »");
    expect(await counts()).toEqual(before);
    expect(await prisma.importDraft.count({ where: { id: theirs.draftId } })).toBe(1);
    // The page, reloaded, now shows the warning and its checkbox.
    expect((await getImportPreview(companyId, theirs.draftId))?.previous).toMatchObject({
      fileName: "f.csv",
      byName: "Claire Import",
    });
  });

  test("les lignes d'exemple du modèle sont refusées, les explications du CSV ignorées", async () => {
    const csvText = buildTemplateCsv([
      { id: commitmentId, year: 2026, ambition: "Recruter dix jeunes" },
    ]);
    expect(csvText).toContain("# Colonne Engagement");
    expect(csvText).toContain("2026 — Recruter dix jeunes");
    const parsed = await parseRealisationFile("modele-realisations.csv", encode(csvText));
    expect(parsed.columnsMissing).toEqual([]);
    const headerLine = csvText.split("\r\n").findIndex((l) => l.startsWith("Date;")) + 1;
    expect(parsed.rows.map((r) => r.line)).toEqual([headerLine + 1, headerLine + 2]);
    for (const row of parsed.rows) {
      expect(row.input).toBeUndefined();
      expect(row.errors).toEqual([
        "Note : Cette ligne est un exemple du modèle (« EXEMPLE — ligne à supprimer ») ; supprimez-la ou remplacez-la par une vraie réalisation.",
      ]);
    }
    // The example rows of the templates downloaded before are recognised too.
    const old = await parseRealisationFile(
      "ancien.csv",
      csvOf([
        [
          frDaysAgo(30),
          "Recrutement",
          "DELD",
          "",
          "CDI",
          "1",
          "Non",
          "Exemple : remplacez cette ligne par vos réalisations",
          "",
        ],
      ]),
    );
    expect(old.rows[0].errors[0]).toContain("exemple du modèle");
    // A "#" further down is a real row, never skipped silently.
    const hash = await parseRealisationFile(
      "diese.csv",
      csvOf([["#1", "Stage", "RSA", "", "", "1", "", "", ""]]),
    );
    expect(hash.rows).toHaveLength(1);
  });

  test("l'engagement nommé par son libellé (avec l'année), par son identifiant ; inconnu ou ambigu : erreur", async () => {
    const labelled = await insertCommitment(prisma, {
      companyId,
      year: 2025,
      ambition: "Accueillir douze stagiaires de 3e au collège Jean Moulin",
    });
    await insertCommitment(prisma, {
      companyId,
      year: 2024,
      ambition: "Former nos tuteurs à l'accueil",
    });
    await insertCommitment(prisma, {
      companyId,
      year: 2025,
      ambition: "Former nos tuteurs à l'accueil",
    });
    const row = (engagement: string) => [
      frDaysAgo(4),
      "Stage",
      "RSA",
      "",
      "",
      "1",
      "",
      "",
      engagement,
    ];
    const { draftId } = await createImportDraft({
      companyId,
      userId,
      fileName: "libelles.csv",
      bytes: csvOf([
        row("2025 — Accueillir douze stagiaires de 3e au collège Jean Moulin"),
        row("accueillir douze stagiaires de 3E au college jean moulin (2025)"),
        row("Accueillir douze stagiaires de 3e au collège Jean Moulin"),
        row(labelled.id),
        row("2024 — Former nos tuteurs à l'accueil"),
        row("Former nos tuteurs à l'accueil"),
        row("2023 — Accueillir douze stagiaires de 3e au collège Jean Moulin"),
      ]),
    });
    const preview = await getImportPreview(companyId, draftId);
    const byLine = Object.fromEntries(
      preview!.lines.map((l) => [l.line, l.input?.commitmentId ?? l.errors]),
    );
    expect(byLine[2]).toBe(labelled.id);
    expect(byLine[3]).toBe(labelled.id);
    expect(byLine[4]).toBe(labelled.id);
    expect(byLine[5]).toBe(labelled.id);
    expect(typeof byLine[6]).toBe("string");
    expect(byLine[7]).toEqual([
      "Engagement : « Former nos tuteurs à l'accueil » désigne plusieurs engagements de votre entreprise : écrivez-le avec son année, comme dans l'onglet « Engagements » du modèle (« 2026 — … »).",
    ]);
    expect(byLine[8]).toEqual([
      "Engagement : « 2023 — Accueillir douze stagiaires de 3e au collège Jean Mo… » ne correspond à aucun engagement de votre entreprise : recopiez son libellé depuis l'onglet « Engagements » du modèle.",
    ]);
    // Another company's commitment, named by its label, is unknown here; a huge cell is cut.
    const theirs = await insertCommitment(prisma, {
      companyId: otherCompanyId,
      year: 2025,
      ambition: "Ouvrir nos ateliers aux demandeurs d'emploi du quartier",
    });
    const hostile = await createImportDraft({
      companyId,
      userId,
      fileName: "hostile.csv",
      bytes: csvOf([row(commitmentLabel(theirs)), row(`${"(a+)+$".repeat(20_000)}`)]),
    });
    const refused = await getImportPreview(companyId, hostile.draftId);
    expect(refused!.lines.map((l) => l.errors[0])).toEqual([
      "Engagement : « 2025 — Ouvrir nos ateliers aux demandeurs d'emploi du quart… » ne correspond à aucun engagement de votre entreprise : recopiez son libellé depuis l'onglet « Engagements » du modèle.",
      expect.stringMatching(/^Engagement : « \(a\+\)\+\$.{50,60}… » ne correspond à aucun/),
    ]);
    // The preview names the commitment as the user knows it.
    expect(preview!.commitments[labelled.id]).toContain("Accueillir douze stagiaires");
  });
});

describe("routes d'import", () => {
  const url = (id: string) => `/entreprise/${id}/import`;
  const upload = (id: string, cookie: string, file: File, path = url(id)) => {
    const form = new FormData();
    form.append("fichier", file);
    return appRequest(path, { method: "POST", body: form, cookie });
  };
  const csvFile = (name = "route.csv") =>
    new File([csvOf([[frDaysAgo(3), "Stage", "RSA", "", "", "4", "", "route", ""]])], name, {
      type: "text/csv",
    });

  test("l'envoi redirige vers l'aperçu, la confirmation importe et redirige avec un message", async () => {
    const cookie = await sessionCookieFor(userId);
    const before = await counts();
    const response = (await importAction({
      request: upload(companyId, cookie, csvFile()),
      params: { companyId },
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^${url(companyId)}\\?brouillon=`));
    const draftId = new URL(location, "http://x").searchParams.get("brouillon")!;

    const loaded = (await importLoader({
      request: appRequest(location, { cookie }),
      params: { companyId },
      context: {},
    })) as unknown as { data: { preview: { readyCount: number; errorCount: number } } };
    expect(loaded.data.preview).toMatchObject({ readyCount: 1, errorCount: 0 });

    const confirmed = (await importAction({
      request: appRequest(location, {
        method: "POST",
        cookie,
        body: new URLSearchParams({ intent: "confirmer", brouillon: draftId }),
      }),
      params: { companyId },
      context: {},
    })) as Response;
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/entreprise/${companyId}`);
    expect((await counts()).realisations).toBe(before.realisations + 1);
  });

  test("trop gros, mauvais format : 400 en français, jamais 500", async () => {
    const cookie = await sessionCookieFor(userId);
    const before = await counts();
    const big = new File([new Uint8Array(IMPORT_LIMITS.maxBytes + 10)], "gros.csv");
    const tooBig = (await importAction({
      request: upload(companyId, cookie, big),
      params: { companyId },
      context: {},
    })) as unknown as { init: ResponseInit; data: { uploadError: string } };
    expect(tooBig.init.status).toBe(400);
    expect(tooBig.data.uploadError).toBe(
      "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
    );

    const json = await uploadAction({
      request: upload(companyId, cookie, new File(["x"], "image.png"), `${url(companyId)}/envoi`),
      params: { companyId },
      context: {},
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: "Seuls les fichiers .csv et .xlsx sont acceptés." });

    const notMultipart = (await importAction({
      request: appRequest(url(companyId), { method: "POST", cookie, body: "n'importe quoi" }),
      params: { companyId },
      context: {},
    })) as unknown as { init: ResponseInit };
    expect(notMultipart.init.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  test("au-delà de 30 envois par heure pour une entreprise : 429 en français, rien n'est lu", async () => {
    await resetRateLimits();
    const cookie = await sessionCookieFor(userId);
    const drafts = await prisma.importDraft.count();
    const send = () =>
      uploadAction({
        request: upload(companyId, cookie, new File(["x"], "image.png"), `${url(companyId)}/envoi`),
        params: { companyId },
        context: {},
      });
    for (let i = 0; i < RATE_LIMITS.importUpload.limit; i++)
      expect((await send()).status).toBe(400);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error:
        "Cette entreprise a déjà envoyé 30 fichiers dans l'heure : patientez un peu avant d'en envoyer un autre.",
    });
    // The page's own form too, whoever of the company sends; another company is not affected.
    const page = (await importAction({
      request: upload(companyId, cookie, csvFile()),
      params: { companyId },
      context: {},
    })) as unknown as { init: ResponseInit };
    expect(page.init.status).toBe(429);
    expect(await prisma.importDraft.count()).toBe(drafts);
    const other = await uploadAction({
      request: upload(
        otherCompanyId,
        await sessionCookieFor(otherUserId),
        csvFile(),
        `${url(otherCompanyId)}/envoi`,
      ),
      params: { companyId: otherCompanyId },
      context: {},
    });
    expect(other.status).toBe(200);
    await resetRateLimits();
  });

  test("une autre entreprise : 403, rien n'est lu ni écrit", async () => {
    const cookie = await sessionCookieFor(otherUserId);
    const mine = await createImportDraft({
      companyId,
      userId,
      fileName: "a.csv",
      bytes: csvOf([[frDaysAgo(3), "Stage", "RSA", "", "", "1", "", "", ""]]),
    });
    const before = await counts();
    const drafts = await prisma.importDraft.count();
    for (const path of [url(companyId), `${url(companyId)}/envoi`]) {
      const handler = path.endsWith("envoi") ? uploadAction : importAction;
      const refused = await thrown(() =>
        handler({
          request: upload(companyId, cookie, csvFile(), path),
          params: { companyId },
          context: {},
        }),
      );
      expect((refused as Response).status).toBe(403);
    }
    const confirm = await thrown(() =>
      importAction({
        request: appRequest(url(companyId), {
          method: "POST",
          cookie,
          body: new URLSearchParams({ intent: "confirmer", brouillon: mine.draftId }),
        }),
        params: { companyId },
        context: {},
      }),
    );
    expect((confirm as Response).status).toBe(403);
    // Their own company's URL with this company's draft id: not found, and nothing read.
    const ownUrl = (await importAction({
      request: appRequest(url(otherCompanyId), {
        method: "POST",
        cookie,
        body: new URLSearchParams({ intent: "confirmer", brouillon: mine.draftId }),
      }),
      params: { companyId: otherCompanyId },
      context: {},
    })) as unknown as { init: ResponseInit };
    expect(ownUrl.init.status).toBe(404);
    expect(await counts()).toEqual(before);
    expect(await prisma.importDraft.count()).toBe(drafts);
  });
});
