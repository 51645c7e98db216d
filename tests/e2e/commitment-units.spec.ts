// Issue 18, points 2 and 7: hours of volunteering cannot be linked to a commitment counted in
// people (the form explains it, the server refuses it in French, nothing is written), so the
// commitment's progress is unaffected; an animator reads the company's name, not "Mon tableau
// de bord". axe at 1280 and 390 px on each page.
import type { Page } from "@playwright/test";
import { dbCount as count } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

const MISMATCH =
  "Cet engagement se compte en personnes, or « Heures de bénévolat » se compte en heures : choisissez un type d'action compté en personnes, ou aucun engagement.";

async function axeAtBothWidths(page: Page, axe: (page: Page) => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await axe(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("hours are not counted as people: the link is refused in French, progress unchanged", async ({
  page,
  axe,
}) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(page.url()).pathname;

  await page.goto(`${companyUrl}/engagements/nouveau`);
  await page.getByLabel("Thème").selectOption("INCLUSION");
  await page.getByLabel("Type d'action").selectOption("HIRE");
  await page
    .getByLabel("Votre ambition, en quelques mots")
    .fill("Recruter quatre personnes en CDI : les heures de bénévolat se comptent à part.");
  await page.getByRole("checkbox", { name: "Demandeurs d'emploi de longue durée" }).check();
  await page.getByLabel("Objectif chiffré (facultatif)").fill("4");
  await page.getByRole("button", { name: "Déclarer l'engagement" }).click();
  await expect(page.getByRole("status")).toContainText("Votre engagement est déclaré");
  await expect(page.getByText("0 sur 4 personnes")).toBeVisible();
  const commitmentUrl = new URL(page.url()).pathname;

  // From the commitment, try to record 5 hours of volunteering against it.
  await page.getByRole("link", { name: "Enregistrer une réalisation" }).click();
  const commitmentField = page.getByLabel("Engagement concerné (facultatif)");
  await expect(commitmentField).toHaveAccessibleDescription(
    "Cet engagement se compte en personnes : seules les actions comptées en personnes peuvent y être rattachées.",
  );
  await page.getByLabel("Type d'action").selectOption("VOLUNTEERING");
  // The form explains the mismatch before posting…
  await expect(commitmentField).toHaveAccessibleDescription(MISMATCH);
  await page.getByLabel("Nombre (heures)").fill("5");
  const before = count(`SELECT COUNT(*) AS n FROM "Realisation"`);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  // …and the server refuses it on the commitment field, writing nothing.
  await expect(page.getByText(MISMATCH)).toBeVisible();
  await expect(commitmentField).toHaveAttribute("aria-invalid", "true");
  expect(count(`SELECT COUNT(*) AS n FROM "Realisation"`)).toBe(before);
  await axeAtBothWidths(page, axe);

  // Without a commitment, the hours are recorded.
  await commitmentField.selectOption("");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réalisation enregistrée");
  expect(count(`SELECT COUNT(*) AS n FROM "Realisation"`)).toBe(before + 1);

  // The commitment still reads 0 of 4 people, on its page and on the dashboard.
  await page.goto(commitmentUrl);
  await expect(page.getByText("0 sur 4 personnes")).toBeVisible();
  await axeAtBothWidths(page, axe);
  await page.goto(companyUrl);
  const card = page.getByRole("listitem").filter({ hasText: "Recruter quatre personnes en CDI" });
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
});

test("an animator reads the company's name, not « Mon tableau de bord »", async ({ page, axe }) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Mon tableau de bord" })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, DEMO.animator);
  await expect(page).toHaveURL(/\/club\//);
  await page.goto(companyUrl);
  await expect(
    page.getByRole("heading", { level: 1, name: "Tableau de bord de Transports Delattre" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Mes / })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Espace de Transports Delattre" }),
  ).toBeVisible();
  await expect(page).toHaveTitle("Tableau de bord de Transports Delattre — Engagés");
  await axeAtBothWidths(page, axe);

  await page
    .getByRole("navigation", { name: "Espace de Transports Delattre" })
    .getByRole("link", { name: "Engagements" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Engagements de Transports Delattre" }),
  ).toBeVisible();
  await axeAtBothWidths(page, axe);
});
