import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount } from "./db";

// Every form of the foundation, fed with wrong, oversized and injection-shaped values:
// always a 4xx with a French message, never a 5xx, and nothing written.

function writeCounts() {
  const count = (table: string) => dbCount(`SELECT COUNT(*) AS n FROM "${table}"`);
  return {
    invitations: count("Invitation"),
    outbox: count("EmailOutbox"),
    users: count("User"),
    roles: count("RoleAssignment"),
    resetTokens: count("PasswordResetToken"),
  };
}

const HUGE = "x".repeat(20_000);
const INJECTIONS = [
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "\u0000",
  "{{7*7}}",
];

async function post(request: APIRequestContext, url: string, form: Record<string, string>) {
  const response = await request.post(url, { form, maxRedirects: 0 });
  expect(response.status(), `${url} ${JSON.stringify(form).slice(0, 100)}`).toBeLessThan(500);
  return response;
}

async function homeId(page: Page, email: string, pattern: RegExp) {
  await signIn(page, email);
  await expect(page).toHaveURL(pattern);
  return new URL(page.url()).pathname.split("/")[2];
}

test("public forms refuse bad input in French and write nothing", async ({ request }) => {
  const before = writeCounts();
  for (const email of ["", "pas-une-adresse", HUGE, ...INJECTIONS]) {
    const response = await post(request, "/mot-de-passe-oublie", { email });
    expect(response.status()).toBe(400);
  }
  for (const form of [
    { password: "court", confirm: "court" },
    { password: "une phrase de passe solide", confirm: "une autre phrase" },
    { password: HUGE, confirm: HUGE },
  ]) {
    expect((await post(request, "/reinitialiser-mot-de-passe/jeton-invente", form)).status()).toBe(
      400,
    );
  }
  const badToken = await post(request, "/reinitialiser-mot-de-passe/jeton-invente", {
    password: "une phrase de passe solide",
    confirm: "une phrase de passe solide",
  });
  expect(badToken.status()).toBe(400);
  expect(await badToken.text()).toContain("Ce lien n'est plus valable");
  const badInvitation = await post(request, "/invitation/jeton-invente", {
    name: "Intrus",
    password: "une phrase de passe solide",
    confirm: "une phrase de passe solide",
  });
  expect(badInvitation.status()).toBe(400);
  expect(await badInvitation.text()).toContain("Cette invitation n'est plus valable.");
  expect((await request.get("/api/stats?departement=%27%20OR%201%3D1")).status()).toBe(400);
  expect(writeCounts()).toEqual(before);
});

test("company team invitations: bad input and foreign companies refused", async ({ page }) => {
  const companyId = await homeId(page, DEMO.company, /\/entreprise\//);
  const before = writeCounts();
  for (const form of [
    { email: "", name: "" },
    { email: "pas-une-adresse", name: "Jean Test" },
    { email: `${HUGE}@exemple.fr`, name: "Jean Test" },
    { email: "jean@exemple.fr", name: HUGE },
    ...INJECTIONS.map((value) => ({ email: value, name: value })),
  ]) {
    const response = await post(page.request, `/entreprise/${companyId}/equipe`, form);
    expect(response.status()).toBe(400);
  }
  // Another company's id in the URL: refused before anything is read or written.
  const other = await post(page.request, "/entreprise/cm-autre-entreprise/equipe", {
    email: "jean@exemple.fr",
    name: "Jean Test",
  });
  expect(other.status()).toBe(403);
  expect((await page.request.get("/entreprise/cm-autre-entreprise")).status()).toBe(403);
  // Nor may a company user reach the animator's or the admin's actions.
  expect(
    (
      await post(page.request, "/admin/invitations", {
        email: "a@b.fr",
        name: "A B",
        role: "ADMIN",
      })
    ).status(),
  ).toBe(403);
  expect((await post(page.request, "/admin/emails", {})).status()).toBe(403);
  expect(writeCounts()).toEqual(before);
});

test("club invitations: bad input and other clubs refused", async ({ page }) => {
  const clubId = await homeId(page, DEMO.animator, /\/club\//);
  const before = writeCounts();
  for (const form of [
    { email: "jean@exemple.fr", name: "Jean Test", companyId: "" },
    { email: "jean@exemple.fr", name: "Jean Test", companyId: "' OR 1=1 --" },
    { email: "jean@exemple.fr", name: "Jean Test", companyId: HUGE },
    { email: "<script>", name: "Jean Test", companyId: "x" },
  ]) {
    expect((await post(page.request, `/club/${clubId}/invitations`, form)).status()).toBe(400);
  }
  expect(
    (
      await post(page.request, "/club/cm-autre-club/invitations", {
        email: "jean@exemple.fr",
        name: "Jean Test",
        companyId: "x",
      })
    ).status(),
  ).toBe(403);
  expect((await page.request.get("/club/cm-autre-club")).status()).toBe(403);
  expect(writeCounts()).toEqual(before);
});

test("admin invitations: unknown roles, clubs and départements refused", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const before = writeCounts();
  const forms: Array<Record<string, string>> = [
    { email: "jean@exemple.fr", name: "Jean Test", role: "SUPERADMIN" },
    { email: "jean@exemple.fr", name: "Jean Test", role: "COMPANY" },
    { email: "jean@exemple.fr", name: "Jean Test", role: "ANIMATOR", clubId: "" },
    { email: "jean@exemple.fr", name: "Jean Test", role: "ANIMATOR", clubId: "cm-inconnu" },
    { email: "jean@exemple.fr", name: "Jean Test", role: "PREFECTURE", departementCode: "999" },
    { email: "jean@exemple.fr", name: "Jean Test", role: "PREFECTURE", departementCode: HUGE },
  ];
  for (const form of forms) {
    const response = await post(page.request, "/admin/invitations", form);
    expect(response.status()).toBe(400);
  }
  expect(writeCounts()).toEqual(before);

  // A valid one goes through, and shows in the pending list.
  await page.goto("/admin/invitations");
  await page.getByLabel("Adresse e-mail").fill("agent.ddets@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Agent DDETS");
  await page.getByLabel("Rôle").selectOption("PREFECTURE");
  await page.getByLabel("Département (pour la préfecture)").selectOption("59");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Invitation envoyée à agent.ddets@exemple.fr",
  );
  await expect(page.getByRole("cell", { name: "agent.ddets@exemple.fr" })).toBeVisible();
  expect(writeCounts().invitations).toBe(before.invitations + 1);
});
