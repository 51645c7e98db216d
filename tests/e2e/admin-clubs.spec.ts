// Issue 18, point 1: the national admin creates a club, invites its animator, who accepts the
// e-mailed invitation and lands on the club's home; the admin then opens next year's catalogue
// and closes the club. axe on the new pages at 1280 and 390 px.
import type { Page } from "@playwright/test";
import { DEMO, expect, linkIn, signIn, test } from "./fixtures";
import { dbCount, dbRow } from "./db";

const WIDTHS = [1280, 390];

async function axeAtWidths(page: Page, axe: (page: Page) => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await axe(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the admin creates a club and invites its animator, who lands on the club's home", async ({
  page,
  mailbox,
  axe,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Clubs" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Clubs" })).toBeVisible();
  await axeAtWidths(page, axe);

  // Bad input first: French errors, nothing created.
  const clubsBefore = dbCount("SELECT COUNT(*) AS n FROM Club");
  await page.getByLabel("Nom du club").fill("Club des Landes");
  await page.getByRole("button", { name: "Créer le club" }).click();
  await expect(page.getByText("Choisissez le département du club.")).toBeVisible();
  expect(dbCount("SELECT COUNT(*) AS n FROM Club")).toBe(clubsBefore);

  await page.getByLabel("Département", { exact: true }).selectOption("40");
  await page.getByLabel("Description (facultative)").fill("Les entreprises engagées des Landes.");
  await page.getByRole("button", { name: "Créer le club" }).click();
  await expect(page.getByRole("status")).toContainText("Le club « Club des Landes » est créé");
  await expect(page.getByRole("heading", { level: 1, name: "Club des Landes" })).toBeVisible();
  await expect(page.getByText("Ce club n'a pas encore d'animateur.")).toBeVisible();
  await axeAtWidths(page, axe);
  const club = dbRow<{ id: string; departementCode: string }>(
    "SELECT id, departementCode FROM Club WHERE name = ?",
    "Club des Landes",
  );
  expect(club.departementCode).toBe("40");

  await page.getByLabel("Adresse e-mail").fill("animatrice.landes@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Louise Darrigade");
  await page.getByRole("button", { name: "Inviter l'animateur" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Invitation envoyée à animatrice.landes@exemple.fr",
  );
  const email = await mailbox.waitForMessage(
    { to: "animatrice.landes@exemple.fr", subject: "Invitation" },
    20_000,
  );
  expect(email.text).toContain("Club des Landes");
  const acceptUrl = linkIn(email.text, "/invitation/");

  // The animator, in a fresh browser, accepts and lands on the club's home.
  const context = await browser.newContext();
  const animator = await context.newPage();
  await animator.goto(acceptUrl.pathname);
  await animator.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
  await animator.getByLabel("Confirmer le mot de passe").fill("une phrase de passe solide");
  await animator.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(animator).toHaveURL(new RegExp(`/club/${club.id}$`));
  await expect(animator.getByRole("heading", { level: 1, name: "Club des Landes" })).toBeVisible();

  // The admin's list shows the animator.
  await page.goto("/admin/clubs");
  const row = page.getByRole("row", { name: /Club des Landes/ });
  await expect(row).toContainText("Louise Darrigade");
  await expect(row).toContainText("Ouvert");

  // Closing asks for confirmation, then keeps the club readable.
  await page.getByRole("link", { name: "Club des Landes" }).click();
  await page.getByLabel("Je confirme la fermeture du club « Club des Landes »").check();
  await page.getByRole("button", { name: "Fermer le club" }).click();
  await expect(page.getByRole("status")).toContainText("Le club est fermé.");
  await expect(page.getByText("Un club fermé n'accueille plus de nouvel animateur.")).toBeVisible();
  await page.goto("/admin/clubs");
  await expect(page.getByRole("row", { name: /Club des Landes/ })).toContainText("Fermé le");
  // The animator still reads the club, and is told it is closed.
  await animator.reload();
  await expect(
    animator.getByText("Ce club a été fermé par l'administration nationale"),
  ).toBeVisible();
  await context.close();
});

test("the admin opens next year's catalogue and a company can declare for it", async ({
  page,
  axe,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue annuel" })).toBeVisible();
  await axeAtWidths(page, axe);
  const newest = dbRow<{ year: number }>("SELECT MAX(year) AS year FROM CatalogueEntry").year;
  const next = newest + 1;

  // Before: the company's form does not offer that year.
  const context = await browser.newContext();
  const company = await context.newPage();
  await signIn(company, DEMO.company);
  await expect(company).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyPath = new URL(company.url()).pathname;
  await company.goto(`${companyPath}/engagements/nouveau`);
  await expect(company.getByLabel("Année").locator(`option[value="${next}"]`)).toHaveCount(0);

  await page.getByRole("button", { name: `Ouvrir l'année ${next}` }).click();
  await expect(page.getByRole("status")).toContainText(`Le catalogue ${next} est ouvert`);
  await expect(page.getByRole("heading", { level: 2, name: `Catalogue ${next}` })).toBeVisible();

  await company.goto(`${companyPath}/engagements/nouveau?annee=${next}`);
  await expect(company.getByLabel("Année")).toHaveValue(String(next));
  await company.getByLabel("Thème").selectOption("INCLUSION");
  await company.getByLabel("Type d'action").selectOption("HIRE");
  await company.getByRole("checkbox", { name: "Demandeurs d'emploi de longue durée" }).check();
  await company
    .getByLabel("Votre ambition, en quelques mots")
    .fill("Recruter trois personnes éloignées de l'emploi l'an prochain.");
  await company.getByRole("button", { name: "Déclarer l'engagement" }).click();
  await expect(company.getByRole("status")).toContainText("Votre engagement est déclaré");
  expect(dbCount('SELECT COUNT(*) AS n FROM "Commitment" WHERE year = ?', next)).toBe(1);
  await context.close();
});
