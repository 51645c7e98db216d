import { DEMO, expect, signIn, test } from "./fixtures";

test.describe("sign-in and each role's home", () => {
  const homes = [
    { email: DEMO.company, url: /\/entreprise\/[^/]+$/, heading: "Mon tableau de bord" },
    {
      email: DEMO.animator,
      url: /\/club\/[^/]+$/,
      heading: "Club des entreprises inclusives du Pas-de-Calais",
    },
    { email: DEMO.prefecture, url: /\/prefecture\/62$/, heading: "Pas-de-Calais (62)" },
    { email: DEMO.admin, url: /\/admin$/, heading: "Vue nationale" },
  ];

  for (const home of homes) {
    test(`${home.email} lands on their home`, async ({ page, axe }) => {
      await signIn(page, home.email);
      await expect(page).toHaveURL(home.url);
      await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
      await axe(page);
    });
  }

  test("the public pages and the sign-in form are accessible", async ({ page, axe }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await axe(page);
    await page.goto("/stats?departement=62");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pas-de-Calais");
    await axe(page);
    await page.goto("/login");
    await axe(page);
  });

  test("a wrong password gives a French error and no session", async ({ page, axe }) => {
    await signIn(page, DEMO.company, "mauvais-mot-de-passe");
    await expect(page.getByRole("alert")).toContainText(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    await expect(page).toHaveURL(/\/login/);
    await axe(page);
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fespace/);
  });

  test("hostile input on the sign-in form gives a French error, never a 500", async ({
    request,
  }) => {
    for (const form of [
      { email: "' OR 1=1 --", password: "x" },
      { email: "a".repeat(5000) + "@x.fr", password: "x" },
      { email: "", password: "" },
      { email: "<script>alert(1)</script>", password: "<script>" },
    ]) {
      const response = await request.post("/login", { form, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(400);
    }
  });

  test("signed out, a private page sends to sign-in and back after it", async ({ page }) => {
    await page.goto("/prefecture/62");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprefecture%2F62/);
    await page.getByLabel("Adresse e-mail").fill(DEMO.prefecture);
    await page.getByLabel("Mot de passe").fill("demo-engages-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/prefecture\/62$/);
  });

  test("a company user is refused the prefecture and admin pages with a French 403", async ({
    page,
    axe,
  }) => {
    await signIn(page, DEMO.company);
    await expect(page).toHaveURL(/\/entreprise\//);
    const response = await page.goto("/prefecture/62");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await axe(page);
    expect((await page.goto("/admin"))?.status()).toBe(403);
    expect((await page.goto("/club/inexistant"))?.status()).toBe(403);
  });

  test("a prefecture user of 62 is refused 59", async ({ page }) => {
    await signIn(page, DEMO.prefecture);
    await expect(page).toHaveURL(/\/prefecture\/62$/);
    expect((await page.goto("/prefecture/59"))?.status()).toBe(403);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, DEMO.animator);
    await expect(page).toHaveURL(/\/club\//);
    // The account menu is a native disclosure (<details>): its summary opens it.
    await page.locator("summary", { hasText: "▾" }).click();
    await page
      .getByRole("list", { name: "Mon compte" })
      .getByRole("link", { name: "Se déconnecter" })
      .click();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL("/");
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/login/);
  });

  test("healthz answers ok", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
