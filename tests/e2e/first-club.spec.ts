// Issue 18, point 1, "done when": on an EMPTY production database — migrations and reference
// data, no demo data (DEMO_DATA=false), the first administrator made by `npm run admin:create` as
// the README's go-live recipe says — that admin creates the first club from the admin screens and
// invites its animator, whose e-mail reaches the test SMTP server; the animator accepts and lands
// on the club. A second app instance of its own, on its own SQLite file and port. axe on the admin
// pages (at the journey's width and at 320 px).
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import {
  ROOT,
  prepareDatabase,
  removeDatabase,
  startApp,
  type AppProcess,
} from "../utils/app-process";
import { expect, linkIn, test } from "./fixtures";
import { E2E_PORT, E2E_SMTP_PORT } from "./ports";

test.describe.configure({ mode: "serial" });

const port = E2E_PORT + 3;
const base = `http://localhost:${port}`;
const dbPath = path.resolve(`tests/.tmp/first-club-${E2E_PORT}.db`);
const ADMIN_EMAIL = "operateur@exemple.fr";
const ADMIN_PASSWORD = "une phrase de passe pour la mise en service";
const options = {
  dbPath,
  port,
  smtpUrl: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  env: { DEMO_DATA: "false", SCHEDULER: "false" },
};

function count(sql: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let app: AppProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  removeDatabase(dbPath);
  // What `npm start` does first, with demo data turned off as in a real deployment.
  prepareDatabase(options);
  execFileSync("npm", ["run", "--silent", "admin:create", "--", ADMIN_EMAIL, "Camille Opérateur"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${dbPath}`,
      ADMIN_PASSWORD,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  app = await startApp(options);
});

test.afterAll(async () => {
  await app?.stop();
});

test("on an empty production database, the first admin creates a club and invites its animator", async ({
  page,
  browser,
  mailbox,
  axe,
}) => {
  test.setTimeout(300_000);
  // Empty indeed: reference data only, one account (the admin), no club, no company.
  expect(count("SELECT COUNT(*) AS n FROM Club")).toBe(0);
  expect(count("SELECT COUNT(*) AS n FROM Company")).toBe(0);
  expect(count("SELECT COUNT(*) AS n FROM User")).toBe(1);
  expect(count("SELECT COUNT(*) AS n FROM Departement")).toBe(101);

  await page.goto(`${base}/login`);
  await page.getByLabel("Adresse e-mail").fill(ADMIN_EMAIL);
  await page.getByLabel("Mot de passe").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(`${base}/admin`);
  await axe(page);

  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Clubs" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Clubs" })).toBeVisible();
  await axe(page);
  await page.getByLabel("Département", { exact: true }).selectOption("29");
  await page.getByLabel("Nom du club").fill("Les entreprises s'engagent en Finistère");
  await page.getByRole("button", { name: "Créer le club" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Le club « Les entreprises s'engagent en Finistère » est créé",
  );
  await expect(
    page.getByRole("heading", { level: 1, name: "Les entreprises s'engagent en Finistère" }),
  ).toBeVisible();
  await axe(page);
  expect(count("SELECT COUNT(*) AS n FROM Club WHERE departementCode = '29'")).toBe(1);
  const clubPath = new URL(page.url()).pathname;
  const clubId = clubPath.split("/").pop();

  await page.getByLabel("Adresse e-mail").fill("animatrice.finistere@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Nolwenn Le Gall");
  await page.getByRole("button", { name: "Inviter l'animateur" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Invitation envoyée à animatrice.finistere@exemple.fr",
  );
  const email = await mailbox.waitForMessage(
    { to: "animatrice.finistere@exemple.fr", subject: "Invitation" },
    30_000,
  );
  expect(email.text).toContain("Les entreprises s'engagent en Finistère");
  const acceptUrl = linkIn(email.text, "/invitation/");
  // The e-mailed link points at this instance (its APP_URL), not at the journeys' demo app.
  expect(acceptUrl.origin).toBe(base);

  const context = await browser.newContext();
  const animator = await context.newPage();
  await animator.goto(acceptUrl.href);
  await animator.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
  await animator.getByLabel("Confirmer le mot de passe").fill("une phrase de passe solide");
  await animator.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(animator).toHaveURL(`${base}/club/${clubId}`);
  await expect(
    animator.getByRole("heading", { level: 1, name: "Les entreprises s'engagent en Finistère" }),
  ).toBeVisible();
  await context.close();
  expect(count("SELECT COUNT(*) AS n FROM User")).toBe(2);

  // The admin's list now shows the club with its animator.
  await page.goto(`${base}/admin/clubs`);
  await expect(page.getByRole("row", { name: /Finistère/ })).toContainText("Nolwenn Le Gall");
});
