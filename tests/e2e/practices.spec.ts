// The good-practice feed, end to end: a member posts a practice (Markdown, an image), another
// member of the club reads it, gives kudos and comments; a member of another club does not see
// it; hostile Markdown stays inert. Then the weekly digest: once on the SMTP server, never twice.
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount, dbRow } from "./db";

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const TITLE = `Tutorat des nouveaux embauchés ${Date.now()}`;
const BODY = `Chaque nouvel embauché a un **tuteur volontaire** pendant trois mois.

- un point chaque semaine
- une grille simple

<script>window.__pwned = 1</script>
[un lien piégé](javascript:window.__pwned=2) et <img src=x onerror="window.__pwned=3">`;

/** Another person of a member company of the Pas-de-Calais club (not the demo leader). */
function otherMember62() {
  return dbRow<{ email: string }>(
    `SELECT u.email FROM "User" u
       JOIN "RoleAssignment" r ON r."userId" = u.id AND r.role = 'COMPANY'
       JOIN "ClubMembership" m ON m."companyId" = r."companyId" AND m.status = 'MEMBER'
       JOIN "Club" c ON c.id = m."clubId" AND c."departementCode" = '62'
     WHERE u.email <> ? ORDER BY u.email LIMIT 1`,
    DEMO.company,
  ).email;
}

/** Signs in and waits until the user's home is shown. */
async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

test.describe.configure({ mode: "serial" });

let practiceUrl = "";

test("a member shares a practice with Markdown and an image; Markdown stays inert", async ({
  page,
  axe,
}) => {
  await signInAs(page, DEMO.company);
  await page.goto("/pratiques");
  await expect(page.getByRole("heading", { level: 1, name: "Bonnes pratiques" })).toBeVisible();
  await axe(page);
  await page.getByRole("link", { name: "Partager une pratique" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Partager une bonne pratique" }),
  ).toBeVisible();
  await axe(page);

  // A file that is not an image is refused by its bytes, whatever its name says; nothing written.
  const before = dbCount(`SELECT COUNT(*) AS n FROM "Practice"`);
  await page.getByLabel("Titre").fill(TITLE);
  await page.getByLabel(/Ce que vous faites/).fill(BODY);
  await page.getByLabel("Image 1", { exact: true }).setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("<svg onload=alert(1)></svg>"),
  });
  await page.getByLabel("Description de l'image 1").fill("Un tuteur et un nouvel embauché");
  await page.getByRole("button", { name: "Partager la pratique" }).click();
  await expect(page.getByRole("alert")).toContainText("PNG, JPEG ou WebP");
  expect(dbCount(`SELECT COUNT(*) AS n FROM "Practice"`)).toBe(before);

  await page.getByLabel("Titre").fill(TITLE);
  await page.getByLabel(/Ce que vous faites/).fill(BODY);
  await page.getByLabel("Qui peut la lire ?").selectOption("CLUB");
  await page.getByLabel("Demandeurs d'emploi de longue durée").check();
  await page.getByLabel("Inclusion et recrutement").check();
  await page
    .getByLabel("Image 1", { exact: true })
    .setInputFiles({ name: "tuteur.png", mimeType: "image/png", buffer: PNG });
  await page.getByLabel("Description de l'image 1").fill("Un tuteur et un nouvel embauché");
  await page.getByRole("button", { name: "Partager la pratique" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  practiceUrl = new URL(page.url()).pathname;
  const article = page.locator("article");
  await expect(article.locator("strong")).toHaveText("tuteur volontaire");
  await expect(article.getByRole("listitem").first()).toHaveText("un point chaque semaine");
  // Inert: no script element, no javascript: link, no event handler; nothing ran.
  expect(await article.locator("script").count()).toBe(0);
  expect(await article.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await article.locator("[onerror]").count()).toBe(0);
  await expect(article).toContainText("<script>window.__pwned = 1</script>");
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // The image is served (to this member) and decodes.
  const image = article.getByRole("img", { name: "Un tuteur et un nouvel embauché" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await axe(page);
  // It is among "Mes pratiques".
  await page.getByRole("link", { name: "Toutes les bonnes pratiques" }).click();
  await page.getByRole("link", { name: "Mes pratiques" }).click();
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
});

test("another member of the club sees it, gives kudos and comments", async ({ page, axe }) => {
  const email = otherMember62();
  await signInAs(page, email);
  await page.goto("/pratiques");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  const kudos = page.getByRole("button", { name: /^Inspirant/ });
  await expect(kudos).toHaveText("Inspirant (0)");
  await kudos.click();
  await expect(kudos).toHaveAttribute("aria-pressed", "true");
  await expect(kudos).toHaveText("Inspirant ✓ (1)");
  // Undo, then again: one per person.
  await kudos.click();
  await expect(kudos).toHaveText("Inspirant (0)");
  await kudos.click();
  await expect(kudos).toHaveText("Inspirant ✓ (1)");
  const practiceId = practiceUrl.split("/").pop();
  await expect
    .poll(() => dbCount(`SELECT COUNT(*) AS n FROM "Kudos" WHERE "practiceId" = ?`, practiceId))
    .toBe(1);

  await page.getByLabel("Votre commentaire").fill("Bonne idée, nous allons **essayer** !");
  await page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByRole("status")).toContainText("commentaire est publié");
  await expect(page.locator("#commentaires li strong")).toHaveText("essayer");
  await page.getByRole("button", { name: "Nous l'avons essayée aussi" }).click();
  await expect(page.getByRole("button", { name: "Nous l'avons essayée ✓" })).toBeVisible();
  await axe(page);
});

test("a member of another club does not see a club-only practice", async ({ page }) => {
  await signInAs(page, "dirigeant.nord@demo.test");
  await page.goto(`/pratiques?q=${encodeURIComponent("Tutorat embauchés")}`);
  await expect(page.getByRole("heading", { level: 2, name: /pratique.* trouvée/ })).toBeVisible();
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  const direct = await page.goto(practiceUrl);
  expect(direct?.status()).toBe(404);
  const image = await page.request.get(
    `${practiceUrl}/images/${dbRow<{ id: string }>(`SELECT id FROM "PracticeImage" ORDER BY "createdAt" DESC LIMIT 1`).id}`,
  );
  expect(image.status()).toBe(404);
  // And cannot give kudos to it by posting directly.
  const post = await page.request.post(`${practiceUrl}?index`, { form: { intent: "kudos" } });
  expect(post.status()).toBe(404);
});

test("the weekly digest arrives once with the week's practices", async ({ page, mailbox, axe }) => {
  // The animator features the practice.
  await signInAs(page, DEMO.animator);
  await page.goto(practiceUrl);
  await page.getByRole("button", { name: "Mettre à la une" }).click();
  await expect(page.getByRole("status")).toContainText("à la une");
  await page.goto(
    `/club/${dbRow<{ id: string }>(`SELECT id FROM "Club" WHERE "departementCode" = '62' LIMIT 1`).id}/pratiques`,
  );
  await expect(page.getByRole("heading", { level: 2, name: "Pratiques du club" })).toBeVisible();
  await axe(page);

  // The operator runs the scheduler's due jobs (what the timers do on their own).
  await page.context().clearCookies();
  await signInAs(page, DEMO.admin);
  await page.goto("/admin/taches");
  await axe(page);
  await page.getByRole("button", { name: "Lancer les tâches dues maintenant" }).click();
  await expect(page.getByRole("status")).toContainText("Tâches dues lancées");
  const digest = await mailbox.waitForMessage(
    { to: DEMO.company, subject: /^La semaine de « / },
    30_000,
  );
  expect(digest.text).toContain("À la une cette semaine");
  expect(digest.text).toContain(TITLE);
  expect(digest.text).toMatch(/Les plus appréciées[\s\S]*1 « inspirant »/);
  // RFC 8058 one-click unsubscribe headers (mailparser folds List-* headers: read the raw lines).
  const header = (name: string) =>
    digest.parsed.headerLines.find((h) => h.key === name)?.line ?? "";
  expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(header("list-unsubscribe")).toMatch(/<http[^>]+\/lettre\/desabonnement\/[^>]+>/);
  const queued = dbCount(
    `SELECT COUNT(*) AS n FROM "EmailOutbox" WHERE template = 'practice-digest'`,
  );

  // Again: nothing new is queued or sent.
  await page.getByRole("button", { name: "Lancer les tâches dues maintenant" }).click();
  await expect(page.getByRole("status")).toContainText("0 e-mail(s)");
  expect(
    dbCount(`SELECT COUNT(*) AS n FROM "EmailOutbox" WHERE template = 'practice-digest'`),
  ).toBe(queued);
  await expect
    .poll(
      () =>
        dbCount(
          `SELECT COUNT(*) AS n FROM "EmailOutbox" WHERE template = 'practice-digest' AND status <> 'SENT'`,
        ),
      { timeout: 30_000 },
    )
    .toBe(0);
  expect(
    mailbox.messages.filter(
      (m) => m.to.includes(DEMO.company) && m.subject.startsWith("La semaine de"),
    ),
  ).toHaveLength(1);

  // The digest's own unsubscribe (separate from the reminders').
  const link = new URL(/Se désabonner : (\S+)/.exec(digest.text)![1]);
  await page.goto(link.pathname);
  await axe(page);
  await page.getByRole("button", { name: "Confirmer le désabonnement" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /désabonné\(e\) de la lettre/ }),
  ).toBeVisible();
  expect(
    dbRow<{ digestOptOut: number }>(
      `SELECT "digestOptOut" FROM "User" WHERE email = ?`,
      DEMO.company,
    ).digestOptOut,
  ).toBe(1);
});

test("a member reports it, the animator hides it; the author edits their own", async ({
  page,
  axe,
}) => {
  const reporter = otherMember62();
  await signInAs(page, reporter);
  await page.goto(practiceUrl);
  await page.getByText("Signaler un problème aux animateurs").click();
  await page.getByLabel("Ce qui pose problème").fill("Ce texte contient un lien étrange.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("status")).toContainText("examineront votre signalement");
  // A member may not moderate: the form is absent, a forged post is refused.
  await expect(page.getByRole("button", { name: "Masquer la pratique" })).toHaveCount(0);
  const forged = await page.request.post(`${practiceUrl}?index`, { form: { intent: "hide" } });
  expect(forged.status()).toBe(403);

  await page.context().clearCookies();
  await signInAs(page, DEMO.animator);
  const clubUrl = new URL(page.url()).pathname;
  await page.goto(`${clubUrl}/pratiques`);
  await expect(page.getByRole("heading", { name: "Signalements à traiter (1)" })).toBeVisible();
  await expect(page.getByText("Ce texte contient un lien étrange.")).toBeVisible();
  await axe(page);
  await page.getByRole("link", { name: "Voir et masquer si besoin" }).click();
  await page.getByRole("button", { name: "Masquer la pratique" }).click();
  await expect(page.getByRole("status")).toContainText("masquée");
  await page.goto(`${clubUrl}/pratiques`);
  await expect(page.getByRole("heading", { name: "Signalements à traiter (0)" })).toBeVisible();

  // Hidden: the reporter no longer sees it; its author still does, and edits it.
  await page.context().clearCookies();
  await signInAs(page, reporter);
  expect((await page.goto(practiceUrl))?.status()).toBe(404);
  await page.context().clearCookies();
  await signInAs(page, DEMO.company);
  await page.goto(practiceUrl);
  await expect(page.getByText("Masquée par les animateurs")).toBeVisible();
  await page.getByRole("link", { name: "Modifier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier la pratique" })).toBeVisible();
  await axe(page);
  await page.getByLabel("Titre").fill(`${TITLE} (corrigé)`);
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${TITLE} (corrigé)` })).toBeVisible();
  // The image is still there.
  await expect(page.getByRole("img", { name: "Un tuteur et un nouvel embauché" })).toBeVisible();
});

test("an opted-in company's public page; milestones on the dashboard", async ({ page, axe }) => {
  const opted = dbRow<{ id: string; name: string }>(
    `SELECT id, name FROM "Company" WHERE "publicPage" = 1 ORDER BY name LIMIT 1`,
  );
  const notOpted = dbRow<{ id: string }>(
    `SELECT id FROM "Company" WHERE "publicPage" = 0 ORDER BY name LIMIT 1`,
  );
  const shown = await page.goto(`/entreprises/${opted.id}`);
  expect(shown?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: opted.name })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Ses engagements pour l'inclusion" }),
  ).toBeVisible();
  await axe(page);
  expect((await page.goto(`/entreprises/${notOpted.id}`))?.status()).toBe(404);

  await signInAs(page, DEMO.company);
  await expect(page.getByRole("heading", { level: 2, name: "Mes étapes" })).toBeVisible();
  await expect(page.getByText("Premier engagement")).toBeVisible();
});
