// Issue 15: the demo company is asked what became of the people it hired or welcomed 6 and 12
// months ago; a wrong total is refused in French and writes nothing, a right one is saved.
import { dbCount as count, dbRow } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

test("the company leader reports the outcome of a past hire from « À suivre »", async ({
  page,
  axe,
}) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  await expect(page.getByText(/^À suivre : \d+ suivis? à renseigner/)).toBeVisible();
  await page.getByRole("link", { name: "Renseigner les suivis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "À suivre" })).toBeVisible();
  await axe(page);

  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("form") })
    .first();
  const heading = (await first.getByRole("heading", { level: 2 }).textContent()) ?? "";
  const people = Number(heading.match(/(\d+) personnes?/)?.[1]);
  expect(people).toBeGreaterThan(0);
  const realisationId = await first.locator('input[name="realisationId"]').inputValue();
  const months = Number(await first.locator('input[name="months"]').inputValue());
  const outcomes = () =>
    count(
      `SELECT COUNT(*) AS n FROM "RealisationOutcome" WHERE "realisationId" = ? AND months = ?`,
      realisationId,
      months,
    );
  const before = outcomes();

  // One person too many: refused, in French, nothing written.
  await first.getByLabel("Toujours dans l'entreprise").fill(String(people));
  await first.getByLabel("Situation inconnue").fill("1");
  await first.getByRole("button", { name: "Enregistrer ce suivi" }).click();
  await expect(
    page.getByText(
      `Les situations doivent totaliser ${people} personne${people > 1 ? "s" : ""} (vous en indiquez ${people + 1}).`,
    ),
  ).toBeVisible();
  expect(outcomes()).toBe(before);
  await axe(page);

  // The right total: saved, and the item leaves the list.
  const again = page
    .locator("li", { has: page.locator(`input[value="${realisationId}"]`) })
    .first();
  await again.getByLabel("Situation inconnue").fill("0");
  await again.getByLabel("Toujours dans l'entreprise").fill(String(people - 1));
  await again.getByLabel("De nouveau en recherche d'emploi").fill("1");
  await again.getByRole("button", { name: "Enregistrer ce suivi" }).click();
  await expect(page.getByRole("status")).toContainText("Suivi enregistré");
  expect(outcomes()).toBe(1);
  expect(
    dbRow<{ stillInCompany: number; jobSeeking: number; people: number }>(
      `SELECT "stillInCompany", "jobSeeking", people FROM "RealisationOutcome" WHERE "realisationId" = ? AND months = ?`,
      realisationId,
      months,
    ),
  ).toEqual({ stillInCompany: people - 1, jobSeeking: 1, people });
  await expect(
    page.locator(
      `form:has(input[name="realisationId"][value="${realisationId}"]):has(input[name="months"][value="${months}"])`,
    ),
  ).toHaveCount(0);
});
