// The prefecture's département dashboard, as prefecture@demo.test (Pas-de-Calais, 62): the
// figures follow the filters (URL and SQL on the database file), the drill-down into a club,
// the XLSX export read back, 59 refused (403); the admin's national table. Axe on every page.
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbRow as one } from "./db";

/** "1 234" (with the narrow spaces of fr-FR) → 1234. */
const toNumber = (text: string | null) => Number((text ?? "").replace(/[^\d-]/g, ""));

async function keyFigure(page: Page, label: string) {
  const card = page
    .locator("#chiffres-cles ~ div .card, #chiffres-cles ~ * .card")
    .filter({ has: page.getByText(label, { exact: true }) })
    .first();
  return toNumber(await card.locator("p.text-3xl").textContent());
}

const YEAR = new Date().getUTCFullYear() - 1;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR + 1}-01-01`;
const realisationsSql = (extra = "", ...params: unknown[]) =>
  one<{ n: number }>(
    `SELECT COUNT(*) n FROM Realisation WHERE departementCode = '62' AND date >= ? AND date < ? ${extra}`,
    FROM,
    TO,
    ...params,
  ).n;

test("the prefecture dashboard, its filters, drill-down and XLSX export", async ({ page, axe }) => {
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pas-de-Calais (62)" })).toBeVisible();
  await axe(page);

  // The year filter, then a public: the URL keeps them and the figure follows SQL.
  await page.getByLabel("Année", { exact: true }).selectOption(String(YEAR));
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(new RegExp(`annee=${YEAR}`));
  // Polled: the URL changes as the navigation ends, the figures a moment later.
  await expect.poll(() => keyFigure(page, "Réalisations déclarées")).toBe(realisationsSql());

  await page.getByLabel("Public", { exact: true }).selectOption("DELD");
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/public=DELD/);
  const expected = realisationsSql("AND publicCategoryCode = ?", "DELD");
  expect(expected).toBeLessThan(realisationsSql());
  await expect.poll(() => keyFigure(page, "Réalisations déclarées")).toBe(expected);
  await expect(page.getByRole("table", { name: /Tendance mensuelle/ })).toBeVisible();
  await axe(page);

  // Attested declarations only (decision 030): the companies whose attestation of the year stands.
  await page.getByLabel("Déclarations", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/attestees=1/);
  const attested = realisationsSql(
    `AND publicCategoryCode = ? AND EXISTS (SELECT 1 FROM Attestation a
       WHERE a.companyId = Realisation.companyId AND a.year = ? AND a.editedAt IS NULL)`,
    "DELD",
    YEAR,
  );
  expect(attested).toBeGreaterThan(0);
  expect(attested).toBeLessThan(expected);
  await expect.poll(() => keyFigure(page, "Réalisations déclarées")).toBe(attested);
  await expect(page.getByText(/déclarations : Attestées seulement/)).toBeVisible();
  await axe(page);
  await page.getByLabel("Déclarations", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).not.toHaveURL(/attestees=1/);

  // Drill-down into the club.
  const club = one<{ id: string; name: string }>(
    "SELECT id, name FROM Club WHERE departementCode = '62' ORDER BY name LIMIT 1",
  );
  await page.getByRole("link", { name: club.name }).click();
  await expect(page).toHaveURL(new RegExp(`/prefecture/62/clubs/${club.id}`));
  await expect(page.getByRole("heading", { level: 1, name: club.name })).toBeVisible();
  const members = one<{ n: number }>(
    "SELECT COUNT(DISTINCT companyId) n FROM ClubMembership WHERE clubId = ? AND status IN ('MEMBER','LEFT')",
    club.id,
  ).n;
  await expect(page.getByRole("heading", { name: `Entreprises (${members})` })).toBeVisible();
  await axe(page);

  // The XLSX export of the filtered view.
  const response = await page.request.get(`/prefecture/62/export.xlsx?annee=${YEAR}&public=DELD`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as never);
  expect(workbook.worksheets[0].name).toBe("Filtres");
  const keySheet = workbook.getWorksheet("Chiffres clés")!;
  let exported = -1;
  keySheet.eachRow((row) => {
    if (row.getCell(1).value === "Réalisations déclarées") exported = Number(row.getCell(2).value);
  });
  expect(exported).toBe(expected);
  expect(workbook.getWorksheet("Entreprises")).toBeTruthy();

  // 59 is refused.
  const refused = await page.goto("/prefecture/59");
  expect(refused?.status()).toBe(403);
  expect((await page.request.get("/prefecture/59/export.xlsx")).status()).toBe(403);
});

test("the admin's national view", async ({ page, axe }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Vue nationale" })).toBeVisible();
  const table = page.getByRole("table", { name: /Chiffres de chaque département/ });
  await expect(table.getByRole("row", { name: /Pas-de-Calais/ })).toBeVisible();
  await table.getByRole("link", { name: /Réalisations/ }).click();
  await expect(page).toHaveURL(/tri=realisations&ordre=desc/);
  await axe(page);
  // The clubs in three numbers; their table is the Clubs page's.
  const clubs = page.getByRole("region", { name: "Clubs" });
  await expect(clubs).toContainText(/\d+ clubs? dans \d+ départements?, \d+ adhésions? en cours\./);
  await clubs.getByRole("link", { name: "Voir les clubs et leurs membres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clubs" })).toBeVisible();
});
