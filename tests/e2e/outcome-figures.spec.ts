// Issue 15: the demo company reports the outcome due on a past hire; the rate it moves shows on
// the club's and the prefecture's dashboards and in the club's export, as plain SQL counts it.
import ExcelJS from "exceljs";
import { dbCount, dbRow } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

const year = new Date().getUTCFullYear();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** People whose 6-month outcome of a hire, work-study or loan was given, due this year (plain SQL). */
function employed6People(where: string, param: string) {
  const today = new Date();
  const cut = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6, today.getUTCDate() + 1),
  );
  const to = [isoDay(cut), `${year}-07-01`].sort()[0];
  return dbCount(
    `SELECT COALESCE(SUM(o.people), 0) AS n FROM "RealisationOutcome" o
     JOIN "Realisation" r ON r.id = o."realisationId"
     WHERE o.months = 6 AND r."actionTypeCode" IN ('HIRE', 'WORK_STUDY', 'WORKFORCE_LOAN')
       AND r.date >= ? AND r.date < ? AND ${where}`,
    `${year - 1}-07-01`,
    to,
    param,
  );
}

/** "sur N pers." of the total's « En emploi à 6 mois » cell. */
async function shownPeople(page: import("@playwright/test").Page) {
  const table = page.getByRole("table", { name: "Devenir des personnes : ensemble" });
  const cell = table.locator("tbody tr").first().locator("td").first();
  const text = (await cell.textContent()) ?? "";
  return Number(text.match(/sur ([\d\s  ]+) pers\./)?.[1].replace(/\D/g, "") ?? NaN);
}

test("a reported outcome moves the club's and the prefecture's rates and the export", async ({
  page,
  axe,
}) => {
  test.slow(); // three roles, three pages checked by axe at several widths
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  await page.getByRole("link", { name: "Renseigner les suivis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "À suivre" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Devenir des personnes" }),
  ).toBeVisible();

  // A hire whose 6-month outcome fell due this year.
  const item = page
    .getByRole("listitem")
    .filter({
      has: page.getByRole("heading", { level: 2, name: /^Recrutement .* suivi à 6 mois$/ }),
    })
    .filter({ hasText: new RegExp(`à renseigner depuis le .*${year}`) })
    .first();
  const realisationId = await item.locator('input[name="realisationId"]').inputValue();
  const { people, clubId } = dbRow<{ people: number; clubId: string }>(
    `SELECT quantity AS people, "clubId" FROM "Realisation" WHERE id = ?`,
    realisationId,
  );
  const clubBefore = employed6People(`r."clubId" = ?`, clubId);
  await item.getByLabel("Toujours dans l'entreprise").fill(String(people));
  await item.getByRole("button", { name: "Enregistrer ce suivi" }).click();
  await expect(page.getByRole("status")).toContainText("Suivi enregistré");
  const clubAfter = employed6People(`r."clubId" = ?`, clubId);
  expect(clubAfter).toBe(clubBefore + people);

  // The club's figures: the rate rests on the people just reported.
  await page.context().clearCookies();
  await signIn(page, DEMO.animator);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(`/club/${clubId}/chiffres?annee=${year}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "Devenir des personnes" }),
  ).toBeVisible();
  expect(await shownPeople(page)).toBe(clubAfter);
  await axe(page);

  // …and its export.
  const response = await page.request.get(`/club/${clubId}/chiffres.xlsx?annee=${year}`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Devenir des personnes")!;
  expect(sheet.getRow(2).getCell(2).value).toBe("Ensemble");
  expect(sheet.getRow(2).getCell(4).value).toBe(clubAfter);

  // The prefecture's dashboard for the département.
  await page.context().clearCookies();
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  await page.goto(`/prefecture/62?annee=${year}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "Devenir des personnes" }),
  ).toBeVisible();
  expect(await shownPeople(page)).toBe(employed6People(`r."departementCode" = ?`, "62"));
  await axe(page);
});
