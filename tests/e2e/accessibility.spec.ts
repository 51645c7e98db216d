import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { expectRequiredFieldsMarked } from "./required-fields";
import { REQUIRED_FIELDS } from "../../app/utils/required-field-lists";

/** Signs in and returns the role's home path (/entreprise/:id, /club/:id…). */
async function home(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return new URL(page.url()).pathname;
}

// What the accessibility statement promises, checked in the browser (issue 18, point 9).
test.describe("accessibility statement and keyboard use", () => {
  test("the statement gives the RGAA's sections and the footer says the status", async ({
    page,
    axe,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Accessibilité : non conforme" }).click();
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
    // Without an audit measuring the rate of criteria met, the RGAA's status is "non conforme".
    await expect(page.getByText("non conforme", { exact: true })).toBeVisible();
    await expect(
      page.getByText("Aucune non-conformité relevée par l'audit interne ne reste à corriger."),
    ).toBeVisible();
    // A way to reach the operator (CONTACT_EMAIL, by default contact@ the site's host)…
    const contact = page
      .getByRole("region", { name: "Retour d'information et contact" })
      .getByRole("link", { name: /^contact@/ });
    await expect(contact).toHaveAttribute("href", /^mailto:contact@/);
    // …and each of the Défenseur des droits' paths.
    const appeal = page.getByRole("region", { name: "Voies de recours" });
    await expect(appeal.getByRole("link", { name: "formulaire en ligne" })).toHaveAttribute(
      "href",
      "https://formulaire.defenseurdesdroits.fr/",
    );
    await expect(
      appeal.getByRole("link", { name: /délégué du Défenseur des droits/ }),
    ).toBeVisible();
    await expect(appeal.getByText("09 69 39 00 00")).toBeVisible();
    await expect(appeal.getByText("Libre réponse 71120")).toBeVisible();
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
  const SKIP = /logout|\.xlsx|\.csv|calendrier|images|pieces|desabonnement|reponse|\/dev\//;

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

  // The main forms are covered by the test above and their journeys; the Passerelles post, answer
  // and conclusion forms by passerelles.spec.ts. Axe at 1280 and 320 px on each page.
  test("required fields are marked on a company's secondary forms", async ({ page, axe }) => {
    test.setTimeout(180_000);
    const company = await home(page, DEMO.company);

    await page.goto(`${company}/profil`);
    await expectRequiredFieldsMarked(page.locator("form#profil"), REQUIRED_FIELDS.companyProfile);
    const headOffice = page.locator("form#siege");
    if ((await headOffice.count()) > 0) {
      await expectRequiredFieldsMarked(headOffice, REQUIRED_FIELDS.headOffice);
    }
    await axe(page);

    await page.goto(`${company}/annuaire/ma-fiche`);
    await expectRequiredFieldsMarked(
      page.locator("main form[method=post]"),
      REQUIRED_FIELDS.directoryCard,
    );
    await axe(page);

    await page.goto(`${company}/annuaire`);
    await page
      .locator("summary", { hasText: /^Écrire à/ })
      .first()
      .click();
    await expectRequiredFieldsMarked(
      page.locator("details[open] form"),
      REQUIRED_FIELDS.companyContact,
    );
    await axe(page);

    // A practice of another company: it can be commented on and reported.
    await page.goto("/pratiques");
    const practices = (
      await page
        .locator("main a[href^='/pratiques/']")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
    ).filter((href) => /^\/pratiques\/[a-z0-9]+$/.test(href) && !href.endsWith("nouvelle"));
    let reported = false;
    for (const practice of practices) {
      await page.goto(practice);
      const report = page.getByText("Signaler un problème aux animateurs");
      if (!(await report.isVisible())) continue;
      await expectRequiredFieldsMarked(
        page.locator("form").filter({ has: page.getByLabel("Votre commentaire") }),
        REQUIRED_FIELDS.comment,
      );
      await report.click();
      await expectRequiredFieldsMarked(page.locator("details[open] form"), REQUIRED_FIELDS.report);
      await axe(page);
      reported = true;
      break;
    }
    expect(reported, "une pratique d'une autre entreprise").toBe(true);
  });

  test("required fields are marked on the animator's and the admin's secondary forms", async ({
    page,
    axe,
  }) => {
    test.setTimeout(180_000);
    const club = await home(page, DEMO.animator);

    await page.goto(`${club}/membres`);
    await expectRequiredFieldsMarked(page.locator("form#prospect"), REQUIRED_FIELDS.prospect);
    await page
      .locator("summary", { hasText: /(Ajouter|Modifier) le contact/ })
      .first()
      .click();
    await expectRequiredFieldsMarked(
      page.locator("details[open] form"),
      REQUIRED_FIELDS.membershipContact,
    );
    await axe(page);
    // The prospects' SIRETs, to find a company without people as the admin.
    const sirets = (
      await page
        .getByRole("region", { name: /^Prospects/ })
        .locator(".tabular-nums")
        .allTextContents()
    ).map((s) => s.replace(/\D/g, ""));

    await page.goto(`${club}/relances`);
    await expectRequiredFieldsMarked(
      page.locator("form").filter({ has: page.getByLabel("Message de la relance") }),
      REQUIRED_FIELDS.reminderSend,
    );
    await expectRequiredFieldsMarked(
      page
        .locator("form")
        .filter({ has: page.getByRole("button", { name: "Enregistrer le délai" }) }),
      REQUIRED_FIELDS.reminderSettings,
    );
    await axe(page);

    await page.goto(`${club}/reunions`);
    await page
      .getByRole("link", {
        name: "Rencontre du club : bilan des engagements et accueil des nouveaux membres",
      })
      .first()
      .click();
    await page.waitForURL(/\/reunions\/[^/]+$/);
    await page.goto(`${new URL(page.url()).pathname}/presences`);
    await expectRequiredFieldsMarked(
      page.getByRole("region", { name: "Ajouter une personne présente" }).locator("form"),
      REQUIRED_FIELDS.walkIn,
    );
    await axe(page);

    await page.context().clearCookies();
    await home(page, DEMO.admin);
    let invitable = false;
    for (const siret of sirets) {
      await page.goto(`/admin/entreprises?siret=${siret}`);
      const card = page.locator("section[aria-labelledby=fiche]");
      invitable = await card.getByLabel("Nom et prénom").isVisible();
      if (!invitable) continue;
      await expectRequiredFieldsMarked(card, {
        ...REQUIRED_FIELDS.adminChangeSiret,
        ...REQUIRED_FIELDS.adminInviteFirst,
      });
      await axe(page);
      break;
    }
    expect(invitable, "un prospect sans personne, à inviter depuis l'administration").toBe(true);
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
