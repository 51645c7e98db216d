// Personal data in free texts (decision 019), in the browser: a comment giving a phone number is
// refused in French and nothing is written; a comment naming someone is published only once its
// author ticks « Envoyer quand même ». The pages stay accessible (axe) with the error shown.
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount, dbRow } from "./db";

const PHONE_COMMENT = "Pour en parler, appelez Léa au 06 12 34 56 78.";
const NAMED_COMMENT = `Merci à Mme Martin, notre tutrice, pour son accueil (${Date.now()}).`;

/** A visible practice of the Pas-de-Calais club, which the demo leader may comment. */
function practiceOf62() {
  return dbRow<{ id: string }>(
    `SELECT p.id FROM "Practice" p JOIN "Club" c ON c.id = p."clubId"
     WHERE c."departementCode" = '62' AND p."hiddenAt" IS NULL ORDER BY p."createdAt" LIMIT 1`,
  ).id;
}

/** Signs the demo leader in and opens a practice; returns its comment counter. */
async function openPractice(page: Page) {
  await signIn(page, DEMO.company);
  await expect(page).not.toHaveURL(/\/login/);
  const practiceId = practiceOf62();
  await page.goto(`/pratiques/${practiceId}`);
  return () => dbCount(`SELECT COUNT(*) AS n FROM "Comment" WHERE "practiceId" = ?`, practiceId);
}

const publish = (page: Page) =>
  page.getByRole("button", { name: "Publier le commentaire" }).click();

test("a comment with a phone number is refused in French and nothing is written", async ({
  page,
  axe,
}) => {
  const comments = await openPractice(page);
  const before = comments();
  const field = page.getByLabel("Votre commentaire");
  await expect(
    page.getByText("Ni nom, ni téléphone, ni e-mail, ni date de naissance"),
  ).toBeVisible();
  await field.fill(PHONE_COMMENT);
  await publish(page);
  const error = page.locator("#comment-body-error");
  await expect(error).toContainText(
    "Ce texte semble contenir un numéro de téléphone (« 06 12 34 56 78 »)",
  );
  await expect(error).toContainText(
    "Engagés ne conserve aucune donnée personnelle sur les personnes recrutées",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(PHONE_COMMENT);
  // A phone number cannot be confirmed: no « Envoyer quand même ».
  await expect(page.getByLabel("Envoyer quand même")).toHaveCount(0);
  expect(comments()).toBe(before);
  await axe(page);
});

test("a comment naming someone is published once « Envoyer quand même » is ticked", async ({
  page,
  axe,
}) => {
  const comments = await openPractice(page);
  const before = comments();
  await page.getByLabel("Votre commentaire").fill(NAMED_COMMENT);
  await publish(page);
  await expect(page.locator("#comment-body-error")).toContainText(
    "Ce texte semble nommer une personne (« Mme Martin »)",
  );
  expect(comments()).toBe(before);
  await axe(page);
  await page.getByLabel("Envoyer quand même").check();
  await publish(page);
  await expect(page.getByRole("status")).toContainText("commentaire est publié");
  await expect(page.locator("#commentaires")).toContainText(NAMED_COMMENT);
  expect(comments()).toBe(before + 1);
});

test("the privacy page says what free texts refuse and when hidden comments go", async ({
  page,
  axe,
}) => {
  await page.goto("/donnees-personnelles");
  await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
  await expect(page.getByText("supprimé définitivement 30 jours après son masquage")).toBeVisible();
  await axe(page);
});
