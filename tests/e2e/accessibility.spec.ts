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

// The non-conformities the statement used to list, each checked now that it is fixed.
test.describe("fixed non-conformities (RGAA 10.11, 11.10, 8.6, 7.1)", () => {
  const ROLES = [null, DEMO.company, DEMO.animator, DEMO.prefecture, DEMO.admin] as const;
  /** One page per route shape (ids collapsed), downloads and sign-out left out. */
  const shapeOf = (p: string) => p.split("?")[0].replace(/\/[a-z0-9]{20,}(?=\/|$)/g, "/:id");
  const SKIP = /logout|\.xlsx|\.csv|calendrier|images|desabonnement|reponse|\/dev\//;

  for (const role of ROLES) {
    test(`no page scrolls sideways at 320 px (${role ?? "anonymous"})`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: 320, height: 800 });
      let start = "/";
      if (role) {
        await signIn(page, role);
        await page.waitForURL((u) => !u.pathname.startsWith("/login"));
        start = new URL(page.url()).pathname;
      }
      const queue = [start, "/", "/stats", "/accessibilite", "/pratiques", "/page-inexistante"];
      const seen = new Set<string>();
      const wide: string[] = [];
      while (queue.length && seen.size < 45) {
        const next = queue.shift()!;
        if (SKIP.test(next) || seen.has(shapeOf(next))) continue;
        seen.add(shapeOf(next));
        await page.goto(next);
        const { scrollWidth, clientWidth, links } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          links: [...document.querySelectorAll("a[href^='/']")].map(
            (a) => a.getAttribute("href") ?? "",
          ),
        }));
        if (scrollWidth > clientWidth) wide.push(`${next} (${scrollWidth} px)`);
        queue.push(...links);
      }
      expect(seen.size).toBeGreaterThan(role ? 8 : 4);
      expect(wide, "pages plus larges que l'écran à 320 px").toEqual([]);
    });
  }

  test("an error page says which error in its title", async ({ page }) => {
    await page.goto("/cette-page-n-existe-pas");
    await expect(page).toHaveTitle("Page introuvable — Engagés");
    await signIn(page, DEMO.company);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await expect(page).toHaveTitle("Accès refusé — Engagés");
  });

  test("required fields are marked before sending", async ({ page }) => {
    await signIn(page, DEMO.company);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto(`${new URL(page.url()).pathname}/realisations/nouvelle`);
    await expect(
      page.getByText("Les champs marqués d'un astérisque * sont obligatoires."),
    ).toBeVisible();
    // The asterisk is seen, not heard: the control says "required" itself.
    const date = page.getByLabel("Date", { exact: true });
    await expect(date).toHaveAttribute("required", "");
    const mark = page.locator(
      `label[for="${await date.getAttribute("id")}"] + [aria-hidden="true"]`,
    );
    await expect(mark).toHaveText("*");
  });

  test("the commune list stays closed once a commune is chosen from the keyboard", async ({
    page,
  }) => {
    await signIn(page, DEMO.company);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto(`${new URL(page.url()).pathname}/profil`);
    const commune = page.getByRole("combobox", { name: "Commune" });
    await commune.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Lens");
    await expect(page.getByRole("option", { name: /^Lens \(62300\)/ })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(commune).toHaveValue("Lens (62300)");
    await expect(commune).toHaveAttribute("aria-expanded", "false");
    // It used to close, then open again by itself a moment later.
    await page.waitForTimeout(800);
    await expect(commune).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox")).toHaveCount(0);
  });
});
