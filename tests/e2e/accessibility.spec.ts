import { DEMO, expect, signIn, test } from "./fixtures";

// What the accessibility statement promises, checked in the browser (issue 18, point 9).
test.describe("accessibility statement and keyboard use", () => {
  test("the statement gives the RGAA's sections and the footer says the status", async ({
    page,
    axe,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page).toHaveTitle("Déclaration d'accessibilité — Engagés");
    for (const section of [
      "État de conformité",
      "Résultats des tests",
      "Contenus non accessibles",
      "Établissement de cette déclaration",
      "Retour d'information et contact",
      "Voies de recours",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByText("partiellement conforme", { exact: true })).toBeVisible();
    await expect(page.getByText("Libre réponse 71120")).toBeVisible();
    await axe(page);
  });

  test("a table wider than the screen scrolls from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(page, DEMO.prefecture);
    const region = page.getByRole("region", { name: "Tendance mensuelle sur 24 mois" });
    await region.focus();
    await expect(region).toBeFocused();
    const wider = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(wider, "the trend table is wider than 320 px").toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  test("after a navigation the focus is on the new page's heading and its title is announced", async ({
    page,
  }) => {
    await signIn(page, DEMO.company);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Espace entreprise" })
      .getByRole("link", { name: "Profil" })
      .click();
    const heading = page.getByRole("heading", { level: 1, name: "Profil de l'entreprise" });
    await expect(heading).toBeFocused();
    const title = await page.title();
    await expect(page.locator("p[aria-live=polite]")).toHaveText(title);
  });
});
