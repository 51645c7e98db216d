import { DEMO, expect, linkIn, signIn, test } from "./fixtures";

test("an animator invites a company contact, who accepts by e-mail and signs in", async ({
  page,
  mailbox,
  axe,
  browser,
}) => {
  await signIn(page, DEMO.animator);
  await page.getByRole("link", { name: "Inviter une entreprise" }).click();
  await axe(page);

  // Bad input first: French errors, nothing sent.
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Saisissez une adresse e-mail valide")).toBeVisible();

  await page.getByLabel("Adresse e-mail").fill("nouvelle.rh@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Sophie Lemaire");
  await page.getByLabel("Entreprise").selectOption({ index: 2 });
  const companyName = await page.getByLabel("Entreprise").locator("option:checked").textContent();
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Invitation envoyée à nouvelle.rh@exemple.fr",
  );

  const email = await mailbox.waitForMessage(
    { to: "nouvelle.rh@exemple.fr", subject: "Invitation" },
    20_000,
  );
  expect(email.text).toContain(companyName ?? "");
  const acceptUrl = linkIn(email.text, "/invitation/");

  // The invitee, in a fresh browser, accepts and chooses a password.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(acceptUrl.pathname);
  await expect(invitee.getByRole("heading", { level: 1, name: "Rejoindre Engagés" })).toBeVisible();
  await axe(invitee);
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("court");
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(
    invitee.getByText("Le mot de passe doit faire au moins 12 caractères."),
  ).toBeVisible();
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
  await invitee.getByLabel("Confirmer le mot de passe").fill("une phrase de passe solide");
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invitee).toHaveURL(/\/entreprise\/[^/]+$/);
  await expect(
    invitee.getByRole("heading", { level: 1, name: "Mon tableau de bord" }),
  ).toBeVisible();

  // The link is single-use.
  await invitee.goto(acceptUrl.pathname);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(
    "Invitation expirée ou déjà utilisée",
  );
  await context.close();

  // And the new account signs in with its password.
  const again = await browser.newContext();
  const second = await again.newPage();
  await signIn(second, "nouvelle.rh@exemple.fr", "une phrase de passe solide");
  await expect(second).toHaveURL(/\/entreprise\/[^/]+$/);
  await again.close();
});

test("an animator cannot invite for a company of another club", async ({ page, request }) => {
  await signIn(page, DEMO.animator);
  await expect(page).toHaveURL(/\/club\/[^/]+$/);
  const clubUrl = page.url();
  // A company of the Nord club, guessed from the admin's view is not needed: any foreign id is refused.
  const response = await page.request.post(`${new URL(clubUrl).pathname}/invitations`, {
    form: {
      intent: "invite",
      email: "intrus@exemple.fr",
      name: "Intrus Test",
      companyId: "company-of-another-club",
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Vous ne pouvez pas inviter une personne à ce rôle.");
  // Signed out, the same post is refused.
  const anonymous = await request.post(`${new URL(clubUrl).pathname}/invitations`, {
    form: { email: "x@exemple.fr", name: "X Y", companyId: "x" },
    maxRedirects: 0,
  });
  expect(anonymous.status()).toBe(302);
});

test("password reset by e-mailed single-use link", async ({ page, mailbox }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill(DEMO.prefecture);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");
  const email = await mailbox.waitForMessage(
    { to: DEMO.prefecture, subject: "Réinitialisation" },
    20_000,
  );
  const resetUrl = linkIn(email.text, "/reinitialiser-mot-de-passe/");
  await page.goto(resetUrl.pathname);
  await page.getByLabel("Nouveau mot de passe").fill("demo-engages-2026");
  await page.getByLabel("Confirmer le mot de passe").fill("demo-engages-2026");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Votre mot de passe a été changé");
  await page.goto(resetUrl.pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lien expiré");
});

test("an invitation opened while another account is signed in asks to sign out first", async ({
  page,
  mailbox,
  axe,
}) => {
  await signIn(page, DEMO.animator);
  await page.getByRole("link", { name: "Inviter une entreprise" }).click();
  await page.getByLabel("Adresse e-mail").fill("autre.compte@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Paul Autre");
  await page.getByLabel("Entreprise").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation envoyée");
  const email = await mailbox.waitForMessage({ to: "autre.compte@exemple.fr" }, 20_000);
  const acceptUrl = linkIn(email.text, "/invitation/");

  // Still signed in as the animator: a clear French page, no form to create the account.
  await page.goto(acceptUrl.pathname);
  await expect(
    page.getByText(
      `Vous êtes connecté(e) en tant que ${DEMO.animator} ; déconnectez-vous pour accepter cette invitation.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer mon compte" })).toHaveCount(0);
  await axe(page);

  // Signing out comes back to the link, which can now be accepted.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(acceptUrl.pathname);
  await expect(page.getByRole("button", { name: "Créer mon compte" })).toBeVisible();
});
