// Issue 16, points 1 and 2, "done when" (decision 027): with a local OpenID provider with
// ProConnect's shapes configured (tests/utils/proconnect-provider.ts), a person invited as a
// prefecture agent links ProConnect from the invitation, signs out of both Engagés and ProConnect,
// then signs in with ProConnect from the sign-in page; with the provider down, the sign-in page
// says so in French and the password form still works. An app instance of its own (its own port
// and SQLite file, with the ProConnect settings); axe on the pages with the button.
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase, removeDatabase, startApp, type AppProcess } from "../utils/app-process";
import { startTestProConnect, type TestProConnect } from "../utils/proconnect-provider";
import { DEMO, DEMO_PASSWORD, expect, linkIn, test } from "./fixtures";
import { E2E_PORT, E2E_SMTP_PORT } from "./ports";

test.describe.configure({ mode: "serial" });

const port = E2E_PORT + 6;
/** The provider's port: PROCONNECT_TEST_PORT, else 60 above the journeys' app. */
const providerPort = Number(process.env.PROCONNECT_TEST_PORT ?? E2E_PORT + 60);
const base = `http://localhost:${port}`;
const dbPath = path.resolve(`tests/.tmp/proconnect-${E2E_PORT}.db`);
const AGENT = {
  sub: "agent-pas-de-calais",
  email: "camille.durand@pas-de-calais.gouv.test",
  given_name: "Camille",
  usual_name: "Durand",
  siret: "13000548100010",
};

let provider: TestProConnect;
let app: AppProcess | undefined;

function count(sql: string, ...params: string[]) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  provider = await startTestProConnect({ appUrl: base, port: providerPort });
  provider.identities.set(AGENT.sub, AGENT);
  removeDatabase(dbPath);
  const options = {
    dbPath,
    port,
    smtpUrl: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    env: {
      SCHEDULER: "false",
      PROCONNECT_DISCOVERY_URL: provider.discoveryUrl,
      PROCONNECT_CLIENT_ID: provider.clientId,
      PROCONNECT_CLIENT_SECRET: provider.clientSecret,
    },
  };
  prepareDatabase(options);
  app = await startApp(options);
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
});

test("a prefecture agent invited by the admin links ProConnect, signs out of both, signs in again", async ({
  page,
  browser,
  mailbox,
  axe,
}) => {
  test.setTimeout(180_000);
  // The admin invites the agent (password sign-in keeps working).
  await page.goto(`${base}/login`);
  await page.getByLabel("Adresse e-mail").fill(DEMO.admin);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(`${base}/admin`);
  await page.goto(`${base}/admin/invitations`);
  await page.getByLabel("Adresse e-mail").fill(AGENT.email);
  await page.getByLabel("Nom et prénom").fill("Camille Durand");
  await page.getByLabel("Rôle").selectOption("PREFECTURE");
  await page.getByLabel("Département (pour la préfecture)").selectOption("62");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation envoyée à ${AGENT.email}`);
  const email = await mailbox.waitForMessage({ to: AGENT.email, subject: "Invitation" }, 30_000);
  const acceptUrl = linkIn(email.text, "/invitation/");
  expect(acceptUrl.origin).toBe(base);

  // The agent opens the invitation and chooses ProConnect.
  const context = await browser.newContext();
  const agent = await context.newPage();
  await agent.goto(acceptUrl.href);
  await expect(agent.getByRole("link", { name: "S'identifier avec ProConnect" })).toBeVisible();
  await axe(agent);
  await agent.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await expect(agent).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await agent.getByLabel("Adresse e-mail professionnelle").fill(AGENT.email);
  await agent.getByRole("button", { name: "Continuer" }).click();
  await expect(agent).toHaveURL(`${base}/prefecture/62`);
  expect(count("SELECT COUNT(*) AS n FROM ProConnectIdentity WHERE sub = ?", AGENT.sub)).toBe(1);
  expect(
    count(
      `SELECT COUNT(*) AS n FROM RoleAssignment r JOIN User u ON u.id = r.userId
       WHERE u.email = ? AND r.role = 'PREFECTURE' AND r.departementCode = '62'`,
      AGENT.email,
    ),
  ).toBe(1);

  // Signing out ends both sessions: back home with a message saying so.
  await agent.goto(`${base}/logout`);
  await agent.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(agent).toHaveURL(`${base}/`);
  await expect(agent.getByRole("status")).toContainText(
    "Vous êtes déconnecté(e) d'Engagés et de ProConnect.",
  );

  // A later sign-in from the sign-in page: ProConnect asks again (its session ended).
  await agent.goto(`${base}/login`);
  await axe(agent);
  await agent.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await expect(agent).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await agent.getByLabel("Adresse e-mail professionnelle").fill(AGENT.email);
  await agent.getByRole("button", { name: "Continuer" }).click();
  await expect(agent).toHaveURL(`${base}/prefecture/62`);
  expect(count("SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'PROCONNECT_SIGN_IN'")).toBe(1);
  await context.close();
});

test("an unknown ProConnect identity is refused in French; a provider that is down too, and the password still works", async ({
  page,
}) => {
  const stranger = { ...AGENT, sub: "inconnu", email: "inconnu@exemple.gouv.test" };
  provider.identities.set(stranger.sub, stranger);
  const sessions = count("SELECT COUNT(*) AS n FROM Session");
  await page.goto(`${base}/login`);
  await page.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await page.getByLabel("Adresse e-mail professionnelle").fill(stranger.email);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(`${base}/login`);
  await expect(page.getByRole("status")).toContainText(
    `Aucun compte Engagés n'est ouvert pour l'adresse ${stranger.email}`,
  );
  expect(count("SELECT COUNT(*) AS n FROM User WHERE email = ?", stranger.email)).toBe(0);
  expect(count("SELECT COUNT(*) AS n FROM Session")).toBe(sessions);

  await provider.close();
  await page.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await expect(page).toHaveURL(`${base}/login`);
  await expect(page.getByRole("status")).toContainText("ProConnect ne répond pas pour le moment");
  await page.getByLabel("Adresse e-mail").fill(DEMO.prefecture);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(`${base}/prefecture/62`);
});
