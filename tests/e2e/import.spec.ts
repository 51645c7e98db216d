import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount as countOf } from "./db";
import { SHEET_HEAD, SHEET_TAIL, bombPart, rowXml, workbookParts, zipOf } from "../utils/zip";

// Import of realisations from a file, as the demo company's leader: the template, a preview
// with an invalid row (nothing saved), the corrected file confirmed (all its rows saved), the
// same file again (warned), and another company refused.

const realisationsOf = (companyId: string) =>
  countOf(`SELECT COUNT(*) AS n FROM "Realisation" WHERE "companyId" = ?`, companyId);
const drafts = () => countOf(`SELECT COUNT(*) AS n FROM "ImportDraft"`);
const batches = () => countOf(`SELECT COUNT(*) AS n FROM "ImportBatch"`);

function frDaysAgo(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10).split("-").reverse().join("/");
}

const HEADER = "Date;Type d'action;Public;Précision du public;Type de contrat;Nombre;QPV;Note";
/** A CSV as Excel in French writes it: UTF-8 with a BOM, `;`. */
function csv(rows: string[]) {
  return Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8");
}
const stamp = Date.now();
const goodRows = [
  `${frDaysAgo(12)};Recrutement;Demandeurs d'emploi de longue durée;;CDI;1;Oui;Import e2e ${stamp}`,
  `${frDaysAgo(9)};Immersion (PMSMP);Autre public;Parents isolés;;2;Ne sait pas;`,
];
const invalidFile = csv([...goodRows, `${frDaysAgo(5)};Embauche;Bénéficiaires du RSA;;CDI;1;Non;`]);
const fixedFile = csv([
  ...goodRows,
  `${frDaysAgo(5)};Recrutement;Bénéficiaires du RSA;;CDI;1;Non;`,
]);

async function companyHome(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2];
}

async function upload(page: Page, label: string, name: string, buffer: Buffer) {
  await page.getByLabel(label).setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Envoyer et prévisualiser" }).click();
  await expect(page).toHaveURL(/\/import\?brouillon=/);
}

/** The optional outcome columns after the realisation's (issue 15). */
const OUTCOME_HEADER = [6, 12].flatMap((months) =>
  [
    "dans l'entreprise",
    "en emploi ailleurs",
    "en formation",
    "en recherche d'emploi",
    "situation inconnue",
  ].map((situation) => `Suivi ${months} mois : ${situation}`),
);

test("import d'un fichier : modèle, aperçu avec erreur, correction, confirmation, doublon", async ({
  page,
  axe,
}) => {
  const companyId = await companyHome(page, DEMO.company);
  await page.goto(`/entreprise/${companyId}/import`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Importer des réalisations" }),
  ).toBeVisible();
  await axe(page);

  // The templates download, and the XLSX one opens with exceljs.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "modèle Excel (.xlsx)" }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe("modele-realisations.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(await xlsxDownload.path()) as never);
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
    "Réalisations",
    "Exemples",
    "Engagements",
    "Listes",
  ]);
  // The company's commitments are listed by the label the file may use.
  expect(String(workbook.getWorksheet("Engagements")!.getCell("A2").value)).toMatch(/^20\d\d — /);
  const header = (workbook.getWorksheet("Réalisations")!.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual([...HEADER.split(";"), "Engagement", ...OUTCOME_HEADER]);
  expect(workbook.getWorksheet("Listes")!.getCell("A2").value).toBe("Recrutement");
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "modèle CSV (séparateur point-virgule)" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe("modele-realisations.csv");
  const template = fs.readFileSync(await csvDownload.path(), "utf8");
  // Explanations (skipped on import), then the titles and the marked example rows.
  expect(template.startsWith("\uFEFF# Modèle d'import Engagés")).toBe(true);
  expect(template).toContain(`\r\n${HEADER};Engagement;${OUTCOME_HEADER.join(";")}\r\n`);
  expect(template).toContain("EXEMPLE — ligne à supprimer");

  // A file with an invalid row: the preview shows the French error, nothing is saved.
  const before = realisationsOf(companyId);
  const batchesBefore = batches();
  await upload(page, "Fichier à importer", "realisations.csv", invalidFile);
  await expect(page.getByRole("heading", { level: 1, name: "Aperçu de l'import" })).toBeVisible();
  await expect(page.getByText("2 lignes prêtes, 1 ligne en erreur")).toBeVisible();
  // The errors are listed by line above the table: read without scrolling sideways.
  await expect(
    page
      .getByRole("region", { name: "Erreurs à corriger dans le fichier" })
      .getByText(
        "Type d'action : « Embauche » ne fait pas partie de la liste (voir l'onglet « Listes » du modèle).",
      ),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /^4 En erreur/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^2 Prête/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Confirmer l'import/ })).toHaveCount(0);
  await axe(page);
  await page.screenshot({ path: "/tmp/import-apercu-erreurs.png", fullPage: true });
  expect(realisationsOf(companyId)).toBe(before);
  expect(batches()).toBe(batchesBefore);

  // The corrected file, sent from the preview page, then confirmed: exactly its rows are saved.
  await upload(page, "Fichier corrigé", "realisations.csv", fixedFile);
  await expect(page.getByText("3 lignes prêtes, 0 ligne en erreur")).toBeVisible();
  await expect(page.getByRole("row", { name: /^4 / })).toContainText("Bénéficiaires du RSA");
  await axe(page);
  expect(realisationsOf(companyId)).toBe(before);
  await page.getByRole("button", { name: "Confirmer l'import de 3 lignes" }).click();
  await expect(page).toHaveURL(new RegExp(`/entreprise/${companyId}$`));
  await expect(page.getByRole("status")).toContainText(
    "3 réalisations importées depuis « realisations.csv ».",
  );
  expect(realisationsOf(companyId)).toBe(before + 3);
  expect(batches()).toBe(batchesBefore + 1);

  // The same file again: the preview warns, and confirming needs the explicit checkbox.
  await page.goto(`/entreprise/${companyId}/import`);
  await upload(page, "Fichier à importer", "encore.csv", fixedFile);
  await expect(
    page.getByText(/Ce fichier a déjà été importé le .+ par Claire Dumont/),
  ).toBeVisible();
  await expect(page.getByLabel("Importer quand même")).toBeVisible();
  await axe(page);
  const draftId = new URL(page.url()).searchParams.get("brouillon")!;
  const withoutTick = await page.request.post(`/entreprise/${companyId}/import`, {
    form: { intent: "confirmer", brouillon: draftId },
    maxRedirects: 0,
  });
  expect(withoutTick.status()).toBe(400);
  expect(await withoutTick.text()).toContain("cochez « Importer quand même »");
  expect(realisationsOf(companyId)).toBe(before + 3);
});

test("sans JavaScript, l'envoi est un formulaire ordinaire ; un fichier trop gros est refusé en français", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const companyId = await companyHome(page, DEMO.company);
  const before = realisationsOf(companyId);
  await page.goto(`/entreprise/${companyId}/import`);
  await upload(page, "Fichier à importer", "sans-js.csv", invalidFile);
  await expect(page.getByText("2 lignes prêtes, 1 ligne en erreur")).toBeVisible();

  const tooBig = await page.request.post(`/entreprise/${companyId}/import`, {
    multipart: {
      fichier: {
        name: "gros.csv",
        mimeType: "text/csv",
        buffer: Buffer.alloc(10 * 1024 * 1024 + 100, "a"),
      },
    },
    maxRedirects: 0,
  });
  expect(tooBig.status()).toBe(400);
  expect(await tooBig.text()).toContain("Le fichier dépasse 10 Mo");
  // Far too big: refused from its announced length, and the answer still reaches the browser.
  const huge = await page.request.post(`/entreprise/${companyId}/import/envoi`, {
    multipart: {
      fichier: {
        name: "enorme.csv",
        mimeType: "text/csv",
        buffer: Buffer.alloc(40 * 1024 * 1024, "a"),
      },
    },
  });
  expect(huge.status()).toBe(400);
  expect(await huge.json()).toEqual({
    error: "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
  });
  const wrongType = await page.request.post(`/entreprise/${companyId}/import/envoi`, {
    multipart: { fichier: { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("x") } },
  });
  expect(wrongType.status()).toBe(400);
  expect(await wrongType.json()).toEqual({
    error: "Seuls les fichiers .csv et .xlsx sont acceptés.",
  });
  expect(realisationsOf(companyId)).toBe(before);
  await context.close();
});

test("un classeur .xlsx se lit à part (worker) ; une bombe de décompression est refusée en français", async ({
  page,
}) => {
  const companyId = await companyHome(page, DEMO.company);
  const before = realisationsOf(companyId);
  // An honest workbook, as a spreadsheet saves it: its rows reach the preview.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Réalisations");
  sheet.addRow(HEADER.split(";"));
  for (const row of goodRows) sheet.addRow(row.split(";").map((c, i) => (i === 5 ? Number(c) : c)));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.goto(`/entreprise/${companyId}/import`);
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "realisations.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: xlsx,
  });
  await page.getByRole("button", { name: "Envoyer et prévisualiser" }).click();
  await expect(page).toHaveURL(/\/import\?brouillon=/);
  await expect(page.getByText("2 lignes prêtes, 0 ligne en erreur")).toBeVisible();

  // 200 MB in a small file that declares 1,000 bytes: refused, the server still answers.
  const bomb = await bombPart("xl/worksheets/sheet1.xml", {
    head: `${SHEET_HEAD}${rowXml(1, HEADER.split(";"))}`,
    chunk: "          \n",
    tail: SHEET_TAIL,
    bytes: 200 * 1024 * 1024,
  });
  const refused = await page.request.post(`/entreprise/${companyId}/import/envoi`, {
    multipart: {
      fichier: {
        name: "bombe.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(zipOf(workbookParts(bomb))),
      },
    },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({
    error:
      "Le fichier est trop volumineux une fois décompressé : gardez une seule feuille de réalisations, ou envoyez un fichier CSV.",
  });
  expect((await page.request.get("/healthz")).status()).toBe(200);
  expect(realisationsOf(companyId)).toBe(before);
});

test("une autre entreprise ne peut ni importer ni confirmer pour cette entreprise", async ({
  page,
  browser,
}) => {
  const companyId = await companyHome(page, DEMO.company);
  await page.goto(`/entreprise/${companyId}/import`);
  await upload(page, "Fichier à importer", "a-voler.csv", fixedFile);
  const draftId = new URL(page.url()).searchParams.get("brouillon")!;

  const context = await browser.newContext();
  const intruder = await context.newPage();
  const intruderCompany = await companyHome(intruder, "dirigeant.nord@demo.test");
  expect(intruderCompany).not.toBe(companyId);
  const before = { realisations: realisationsOf(companyId), drafts: drafts(), batches: batches() };
  const file = { name: "intrus.csv", mimeType: "text/csv", buffer: fixedFile };
  for (const url of [`/entreprise/${companyId}/import`, `/entreprise/${companyId}/import/envoi`]) {
    const response = await intruder.request.post(url, {
      multipart: { fichier: file },
      maxRedirects: 0,
    });
    expect(response.status(), url).toBe(403);
  }
  const confirm = await intruder.request.post(`/entreprise/${companyId}/import`, {
    form: { intent: "confirmer", brouillon: draftId, importerQuandMeme: "on" },
    maxRedirects: 0,
  });
  expect(confirm.status()).toBe(403);
  // Through their own company's URL, this company's draft is not found.
  const viaOwn = await intruder.request.post(`/entreprise/${intruderCompany}/import`, {
    form: { intent: "confirmer", brouillon: draftId, importerQuandMeme: "on" },
    maxRedirects: 0,
  });
  expect(viaOwn.status()).toBe(404);
  expect(
    (await intruder.request.get(`/entreprise/${companyId}/import?brouillon=${draftId}`)).status(),
  ).toBe(403);
  expect((await intruder.request.get(`/entreprise/${companyId}/import/modele.xlsx`)).status()).toBe(
    403,
  );
  expect({ realisations: realisationsOf(companyId), drafts: drafts(), batches: batches() }).toEqual(
    before,
  );
  await context.close();
});

test("un gros fichier montre la progression de son envoi, puis l'aperçu", async ({ page }) => {
  const companyId = await companyHome(page, DEMO.company);
  await page.goto(`/entreprise/${companyId}/import`);
  const rows = Array.from(
    { length: 3000 },
    (_, i) =>
      `${frDaysAgo(1 + (i % 300))};Stage;Jeunes de moins de 26 ans;;;1;;Ligne ${i} ${stamp}`,
  );
  const big = csv(rows);
  // Slow the upload down (about 2 seconds) so that the progress can be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: big.length / 2,
  });
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "gros.csv",
    mimeType: "text/csv",
    buffer: big,
  });
  await page.getByRole("button", { name: "Envoyer et prévisualiser" }).click();
  const progress = page.getByRole("progressbar", { name: /Envoi du fichier : \d+ %/ });
  await expect(progress).toBeVisible();
  await expect(page.getByRole("button", { name: "Annuler l'envoi" })).toBeVisible();
  await expect(page).toHaveURL(/\/import\?brouillon=/, { timeout: 20_000 });
  await expect(page.getByText(/^3\s000 lignes prêtes, 0 ligne en erreur$/)).toBeVisible();
  await expect(page.getByText(/Seules les 200 premières lignes prêtes/)).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
});

test("à 390 px, les erreurs se lisent sans défilement ; les mêmes lignes en .xlsx sont signalées", async ({
  page,
  axe,
}) => {
  fs.mkdirSync("/tmp/shots-imports", { recursive: true });
  const companyId = await companyHome(page, DEMO.company);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/entreprise/${companyId}/import`);
  const row = `${frDaysAgo(20)};Stage;Bénéficiaires du RSA;;;1;Non;Doublon e2e ${stamp}`;
  await upload(
    page,
    "Fichier à importer",
    "trimestre.csv",
    csv([row, `${frDaysAgo(4)};Stage;Public inconnu;;;deux;Peut-être;`]),
  );
  const errors = page.getByRole("region", { name: "Erreurs à corriger dans le fichier" });
  const message = errors.getByText("Public : « Public inconnu » ne fait pas partie de la liste", {
    exact: false,
  });
  await expect(message).toBeVisible();
  // The message fits in the screen's width, and the page itself does not scroll sideways.
  const box = (await message.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // In the table, the status (and its errors) comes right after the line number.
  await expect(page.getByRole("columnheader").nth(1)).toHaveText("Statut");
  const table = page.getByRole("region", { name: /Tableau des lignes du fichier/ });
  await expect(table).toHaveAttribute("tabindex", "0");
  await axe(page);
  await page.screenshot({ path: "/tmp/shots-imports/apercu-erreurs-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/shots-imports/apercu-erreurs-1280.png", fullPage: true });

  // The corrected CSV is imported; then the same row from Excel is recognised.
  await upload(page, "Fichier corrigé", "trimestre.csv", csv([row]));
  await page.getByRole("button", { name: "Confirmer l'import de 1 ligne" }).click();
  await expect(page).toHaveURL(new RegExp(`/entreprise/${companyId}$`));
  const before = realisationsOf(companyId);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Réalisations");
  sheet.addRow(HEADER.split(";"));
  sheet.addRow(row.split(";").map((v, i) => (i === 5 ? Number(v) : v)));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.goto(`/entreprise/${companyId}/import`);
  await upload(page, "Fichier à importer", "trimestre-excel.xlsx", xlsx);
  await expect(
    page.getByText(
      /Les mêmes lignes ont déjà été importées, depuis le fichier « trimestre\.csv », le .+ par Claire Dumont/,
    ),
  ).toBeVisible();
  await expect(page.getByLabel("Importer quand même")).toBeVisible();
  await axe(page);
  await page.screenshot({ path: "/tmp/shots-imports/apercu-doublon-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await axe(page);
  await page.screenshot({ path: "/tmp/shots-imports/apercu-doublon-390.png", fullPage: true });
  expect(realisationsOf(companyId)).toBe(before);

  // A cumulative file: the old row is pointed out; the new one names its commitment by the label
  // the template's "Engagements" sheet gives.
  const template = new ExcelJS.Workbook();
  const templateResponse = await page.request.get(`/entreprise/${companyId}/import/modele.xlsx`);
  await template.xlsx.load((await templateResponse.body()) as never);
  const label = String(template.getWorksheet("Engagements")!.getCell("A2").value);
  const ambition = label.replace(/^\d{4} — /, "");
  await page.goto(`/entreprise/${companyId}/import`);
  await upload(
    page,
    "Fichier à importer",
    "cumul.csv",
    Buffer.from(
      `\uFEFF${HEADER};Engagement\r\n${row};\r\n${frDaysAgo(2)};Stage;Bénéficiaires du RSA;;;1;Non;;${label}\r\n`,
      "utf8",
    ),
  );
  await expect(
    page.getByText(
      "Une ligne de ce fichier est identique à une réalisation déjà importée (ligne 2).",
    ),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /^3 Prête/ })).toContainText(ambition.slice(0, 40));
  await axe(page);
  await page.screenshot({ path: "/tmp/shots-imports/apercu-cumul-390.png", fullPage: true });
});
