// Issue 16 point 3, "done when" (decision 028): an animator adds a member by typing a SIRET and
// the form is prefilled from a local SIRENE register (tests/utils/sirene-register.ts); with the
// register down, a French note, manual entry works and nothing wrong is written. The choice also
// works without JavaScript. An app instance of its own (port, SQLite file, SIRENE_API_URL).
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { prepareDatabase, removeDatabase, startApp, type AppProcess } from "../utils/app-process";
import { DEMO_REGISTER, startTestRegister, type TestRegister } from "../utils/sirene-register";
import { withLuhnCheckDigit } from "../../app/utils/siret";
import { DEMO, DEMO_PASSWORD, expect, linkIn, test } from "./fixtures";
import { E2E_PORT, E2E_SMTP_PORT } from "./ports";

// The members page is long: axe at two widths takes a while on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const port = E2E_PORT + 8;
const base = `http://localhost:${port}`;
const dbPath = path.resolve(`tests/.tmp/sirene-${E2E_PORT}.db`);
const BAKERY = "81765432000016";

let register: TestRegister;
let app: AppProcess | undefined;

function one<T>(sql: string, ...params: string[]) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  register = await startTestRegister(structuredClone(DEMO_REGISTER));
  removeDatabase(dbPath);
  const options = {
    dbPath,
    port,
    smtpUrl: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    env: { SCHEDULER: "false", SIRENE_API_URL: register.url, SIRENE_TIMEOUT_MS: "1000" },
  };
  prepareDatabase(options);
  app = await startApp(options);
});

test.afterAll(async () => {
  await app?.stop();
  await register?.close();
});

async function signInAs(page: Page, email: string, landing: RegExp) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(landing);
}

/** Sends the prospect form with a contact, without the invitation. */
async function addProspect(page: Page, contact: string, email: string, added: string) {
  await page.getByLabel("Nom et prénom du contact").fill(contact);
  await page.getByLabel("Adresse e-mail du contact").fill(email);
  await page.getByLabel(/Envoyer tout de suite/).uncheck();
  await page.getByRole("button", { name: "Ajouter le prospect" }).click();
  await expect(page.getByText(`${added} est ajoutée aux prospects du club.`)).toBeVisible();
}

async function membersPage(page: Page) {
  await signInAs(page, DEMO.animator, /\/club\/[^/]+$/);
  await page.goto(`${page.url()}/membres`);
  await expect(page.getByRole("heading", { level: 1, name: "Membres et prospects" })).toBeVisible();
}

test("an animator types a SIRET, chooses the company, and adds it with the register's data", async ({
  page,
  axe,
}) => {
  await membersPage(page);
  await page
    .getByLabel("Rechercher l'entreprise dans le répertoire SIRENE")
    .fill("817 654 320 00016");
  await page.getByRole("button", { name: "Rechercher dans le répertoire SIRENE" }).click();
  const found = page.getByRole("list", { name: "Entreprises trouvées" });
  await expect(found).toContainText("BOULANGERIE SOLIDAIRE DU TERNOIS");
  await expect(found).toContainText(
    "NAF 10.71C · 10 à 19 salariés · SAINT-POL-SUR-TERNOISE (62130) · siège",
  );
  await axe(page);

  await found.getByRole("link", { name: /Choisir BOULANGERIE SOLIDAIRE DU TERNOIS/ }).click();
  await expect(
    page.getByText(/Formulaire prérempli — Données SIRENE du \d\d\/\d\d\/\d{4}/),
  ).toBeVisible();
  await expect(page.getByLabel("SIRET (14 chiffres)")).toHaveValue(BAKERY);
  await expect(page.getByLabel("Nom de l'entreprise")).toHaveValue(
    "BOULANGERIE SOLIDAIRE DU TERNOIS",
  );
  await expect(page.getByLabel("Commune (code INSEE, facultatif)")).toHaveValue("62767");
  await axe(page);
  // Still editable: the animator shortens the name.
  await page.getByLabel("Nom de l'entreprise").fill("Boulangerie solidaire du Ternois");
  await addProspect(
    page,
    "Hélène Martel",
    "helene.martel@boulangerie.test",
    "Boulangerie solidaire du Ternois",
  );
  expect(
    one(`SELECT name, nafCode, headcountBracket, communeCode FROM Company WHERE siret = ?`, BAKERY),
  ).toEqual({
    name: "Boulangerie solidaire du Ternois",
    nafCode: "10.71C",
    headcountBracket: "11",
    communeCode: "62767",
  });
});

test("without JavaScript the search and the choice work the same", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await membersPage(page);
  await page
    .getByLabel("Rechercher l'entreprise dans le répertoire SIRENE")
    .fill("ateliers de l'artois");
  await page.getByRole("button", { name: "Rechercher dans le répertoire SIRENE" }).click();
  const found = page.getByRole("list", { name: "Entreprises trouvées" });
  await expect(found.getByRole("listitem")).toHaveCount(3);
  await expect(found.getByRole("listitem").nth(2)).toContainText("établissement fermé");
  await found.getByRole("link", { name: /Choisir .* 55208131700026/ }).click();
  await expect(page.getByLabel("SIRET (14 chiffres)")).toHaveValue("55208131700026");
  await expect(page.getByLabel("Commune (code INSEE, facultatif)")).toHaveValue("62498");
  await context.close();
});

test("the register down: a French note, manual entry works, nothing wrong is written", async ({
  page,
  axe,
}) => {
  await membersPage(page);
  register.mode = "slow";
  register.slowMs = 5_000;
  const companies = one<{ n: number }>(`SELECT COUNT(*) n FROM Company`).n;
  await page
    .getByLabel("Rechercher l'entreprise dans le répertoire SIRENE")
    .fill("Atelier du Ternois");
  await page.getByRole("button", { name: "Rechercher dans le répertoire SIRENE" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Le répertoire SIRENE ne répond pas pour le moment" }),
  ).toBeVisible();
  await axe(page);
  register.mode = "rate-limited";
  await page
    .getByLabel("Rechercher l'entreprise dans le répertoire SIRENE")
    .fill("Atelier du Ternois 2");
  await page.getByRole("button", { name: "Rechercher dans le répertoire SIRENE" }).click();
  await expect(page.getByText("Le répertoire SIRENE ne répond pas pour le moment")).toBeVisible();
  // A mistyped SIRET is refused before any call.
  const calls = register.queries.length;
  await page.getByLabel("Rechercher l'entreprise dans le répertoire SIRENE").fill("81765432000017");
  await page.getByRole("button", { name: "Rechercher dans le répertoire SIRENE" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Ce numéro SIRET n'est pas valide" }),
  ).toBeVisible();
  expect(register.queries.length).toBe(calls);
  expect(one<{ n: number }>(`SELECT COUNT(*) n FROM Company`).n).toBe(companies);

  // Manual entry.
  await page.getByLabel("SIRET (14 chiffres)").fill("81765432000024");
  await page.getByLabel("Nom de l'entreprise").fill("Atelier du Ternois");
  await addProspect(page, "Paul Vasseur", "paul.vasseur@atelier.test", "Atelier du Ternois");
  expect(
    one(`SELECT name, nafCode, headcountBracket FROM Company WHERE siret = '81765432000024'`),
  ).toEqual({ name: "Atelier du Ternois", nafCode: null, headcountBracket: null });
  // Left for the refresh job.
  expect(
    one<{ n: number }>(`SELECT COUNT(*) n FROM SireneLookup WHERE pendingSince IS NOT NULL`).n,
  ).toBe(2);
  register.mode = "ok";
});

test("a head office sees its three establishments and the group total, detaches one and invites a new one", async ({
  page,
  browser,
  mailbox,
  axe,
}) => {
  await signInAs(page, DEMO.company, /\/entreprise\/[^/]+$/);
  const companyId = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`${base}/entreprise/${companyId}/profil`);
  await page.getByRole("link", { name: /Déclarations du groupe/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Siège et établissements" }),
  ).toBeVisible();
  const year = new Date().getUTCFullYear();
  const table = page.getByRole("table", {
    name: `Déclarations ${year} du siège et de ses établissements`,
  });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  for (const name of ["agence de Calais", "agence de Roubaix", "agence de Lille"]) {
    await expect(table).toContainText(name);
  }
  await expect(table).toContainText("(59)");
  await expect(table).toContainText("(62)");
  // The total is the plain sum of the group's declarations of the year, each once.
  const expected = one<{ n: number }>(
    `SELECT COUNT(*) n FROM Realisation r JOIN Company c ON c.id = r.companyId
      WHERE (c.id = ? OR c.headOfficeId = ?) AND r.date >= ? AND r.date < ?`,
    companyId,
    companyId,
    `${year}-01-01`,
    `${year + 1}-01-01`,
  ).n;
  const total = rows.last();
  await expect(total.getByRole("rowheader")).toHaveText("Total du groupe");
  await expect(total.locator("td").first()).toHaveText(
    new Intl.NumberFormat("fr-FR").format(expected),
  );
  await axe(page);

  await page
    .getByRole("button", { name: "Détacher Transports Delattre — agence de Lille" })
    .click();
  await page.getByRole("button", { name: "Détacher l'établissement" }).click();
  await expect(
    page.getByText("Transports Delattre — agence de Lille n'est plus rattaché à votre entreprise."),
  ).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(table).not.toContainText("agence de Lille");
  expect(
    one<{ n: number }>(
      `SELECT COUNT(*) n FROM AuditLog a JOIN Company c ON c.id = a.entityId
        WHERE a.action = 'UNLINK_HEAD_OFFICE' AND c.name = 'Transports Delattre — agence de Lille'`,
    ).n,
  ).toBe(1);
  await axe(page);

  // An establishment not yet on Engagés: entered, linked and its first person invited at once.
  const siren = one<{ siren: string }>(`SELECT siren FROM Company WHERE id = ?`, companyId).siren;
  const boulogne = withLuhnCheckDigit(`${siren}0099`);
  const invite = page.getByRole("region", { name: "Inviter un établissement pas encore inscrit" });
  await invite.getByLabel("SIRET de l'établissement").fill(boulogne);
  await invite
    .getByLabel("Nom de l'établissement")
    .fill("Transports Delattre — agence de Boulogne");
  await invite.getByLabel("Adresse e-mail").fill("boulogne@delattre.example");
  await invite.getByLabel("Nom et prénom").fill("Inès Boulanger");
  await invite.getByRole("button", { name: "Inscrire et inviter" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Transports Delattre — agence de Boulogne est rattaché à votre entreprise ; invitation envoyée à boulogne@delattre.example.",
  );
  await expect(rows).toHaveCount(5);
  await expect(table).toContainText("Invitation envoyée à boulogne@delattre.example");
  await axe(page);
  // The same SIRET again: a French refusal, nothing written.
  await invite.getByLabel("SIRET de l'établissement").fill(boulogne);
  await invite.getByLabel("Nom de l'établissement").fill("Doublon");
  await invite.getByLabel("Adresse e-mail").fill("autre@delattre.example");
  await invite.getByLabel("Nom et prénom").fill("Autre Personne");
  await invite.getByRole("button", { name: "Inscrire et inviter" }).click();
  await expect(
    invite.getByText(
      "Transports Delattre — agence de Boulogne est déjà rattaché à votre entreprise.",
    ),
  ).toBeVisible();
  expect(
    one<{ n: number }>(`SELECT COUNT(*) n FROM Invitation WHERE email = 'autre@delattre.example'`)
      .n,
  ).toBe(0);

  // The invited person creates the account and declares for the establishment.
  const email = await mailbox.waitForMessage(
    { to: "boulogne@delattre.example", subject: "Invitation" },
    20_000,
  );
  expect(email.text).toContain("l'établissement Transports Delattre — agence de Boulogne");
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(`${base}${linkIn(email.text, "/invitation/").pathname}`);
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
  await invitee.getByLabel("Confirmer le mot de passe").fill("une phrase de passe solide");
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invitee).toHaveURL(/\/entreprise\/[^/]+$/);
  await expect(
    invitee.getByRole("heading", { level: 1, name: "Mon tableau de bord" }),
  ).toBeVisible();
  // No club yet: the dashboard says how to join one.
  await expect(
    invitee.getByText("Transports Delattre — agence de Boulogne n'est membre d'aucun club."),
  ).toBeVisible();
  await axe(invitee);
  await invitee.screenshot({ path: "tests/.tmp/establishment-dashboard.png", fullPage: true });
  await context.close();
  await page.reload();
  await expect(table).not.toContainText("Invitation envoyée à boulogne@delattre.example");
});
