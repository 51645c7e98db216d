import fs from "node:fs";
import ExcelJS from "exceljs";
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect, linkIn, signIn, test } from "./fixtures";
import { dbCount as count, dbRows as sql } from "./db";

// The company space's profile, team, annual report and export, as the demo company leader;
// and the same URLs refused to the leader of a company of another club (Nord, 59).

const NORD_LEADER = "dirigeant.nord@demo.test";

type CompanyRow = {
  id: string;
  name: string;
  siret: string;
  siren: string;
  nafCode: string | null;
  nafLabel: string | null;
  headcountBracket: string | null;
  communeCode: string | null;
  website: string | null;
  publicPage: number;
  headOfficeId: string | null;
  updatedAt: string;
};

const companyRow = (id: string) => sql<CompanyRow>(`SELECT * FROM Company WHERE id = ?`, id)[0];

/** Signs in and returns the id of the user's company (their home). */
async function signInToCompany(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2];
}

/** The profile form as the app posts it, from a database row. */
function profileForm(row: CompanyRow): Record<string, string> {
  return {
    intent: "profile",
    name: row.name,
    siret: row.siret,
    nafCode: row.nafCode ?? "",
    headcountBracket: row.headcountBracket ?? "",
    communeCode: row.communeCode ?? "",
    website: row.website ?? "",
    ...(row.publicPage ? { publicPage: "on" } : {}),
  };
}

const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

async function post(request: APIRequestContext, url: string, form: Record<string, string>) {
  return request.post(url, { form, maxRedirects: 0 });
}

test("the leader edits the profile with the keyboard through the comboboxes", async ({
  page,
  axe,
}) => {
  const companyId = await signInToCompany(page, DEMO.company);
  const original = companyRow(companyId);
  const auditBefore = count(`SELECT COUNT(*) AS n FROM AuditLog WHERE companyId = ?`, companyId);

  // From the team page (the dashboard is another developer's): the company tabs lead there.
  await page.goto(`/entreprise/${companyId}/equipe`);
  await page
    .getByRole("navigation", { name: "Espace entreprise" })
    .getByRole("link", { name: "Profil" })
    .click();
  await expect(page).toHaveURL(`/entreprise/${companyId}/profil`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Profil de l'entreprise" }),
  ).toBeVisible();
  const naf = page.getByRole("combobox", { name: "Code NAF / APE" });
  await expect(naf).toHaveValue(`${original.nafCode} — ${original.nafLabel}`);
  await axe(page);

  // NAF code: type words of the activity, pick with the arrow keys and Enter.
  await naf.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("fret de proximit");
  const nafOption = page.getByRole("option", { name: /49\.41B/ });
  await expect(nafOption).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(naf).toHaveValue("49.41B — Transports routiers de fret de proximité");

  // Commune: type the beginning of the name, the list comes from /api/communes.
  const commune = page.getByRole("combobox", { name: "Commune" });
  await commune.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Lens");
  await expect(page.getByRole("option", { name: /^Lens \(62300\)/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(commune).toHaveValue("Lens (62300)");

  await page.getByLabel("Tranche d'effectif salarié").selectOption("21");
  await page.getByLabel("Site internet (facultatif)").fill("www.delattre-transports.fr");
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await expect(page.getByRole("status")).toHaveText("Profil enregistré.");

  const saved = companyRow(companyId);
  expect(saved).toMatchObject({
    nafCode: "49.41B",
    nafLabel: "Transports routiers de fret de proximité",
    communeCode: "62498",
    headcountBracket: "21",
    website: "https://www.delattre-transports.fr",
    siret: original.siret,
    name: original.name,
  });
  const audit = sql<{ action: string; before: string; after: string }>(
    `SELECT action, before, after FROM AuditLog WHERE companyId = ? AND entityType = 'Company' ORDER BY createdAt DESC LIMIT 1`,
    companyId,
  )[0];
  expect(audit.action).toBe("UPDATE");
  expect(JSON.parse(audit.before)).toMatchObject({ nafCode: original.nafCode });
  expect(JSON.parse(audit.after)).toMatchObject({ nafCode: "49.41B", communeCode: "62498" });
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Commune" })).toHaveValue("Lens (62300)");

  // The SIRET is shown read-only, with why (decision 013); posted anyway (here another
  // company's), it is refused with that explanation, nothing changed.
  await expect(page.getByLabel("SIRET")).toHaveAttribute("readonly", "");
  await expect(page.getByText("il ne peut pas être modifié ici", { exact: false })).toBeVisible();
  const establishment = sql<{ siret: string }>(
    `SELECT siret FROM Company WHERE headOfficeId = ?`,
    companyId,
  )[0];
  const refused = await post(page.request, `/entreprise/${companyId}/profil`, {
    ...profileForm(saved),
    siret: establishment.siret,
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("il ne peut pas être modifié ici");
  // A SIRET whose check digit is wrong, and a hostile website.
  const wrongKey = original.siret.slice(0, 13) + String((Number(original.siret[13]) + 1) % 10);
  const hostile: Array<Record<string, string>> = [
    { ...profileForm(saved), siret: wrongKey },
    { ...profileForm(saved), website: "javascript:alert(1)" },
    { ...profileForm(saved), nafCode: "' OR 1=1 --" },
    { ...profileForm(saved), communeCode: "<script>" },
    { ...profileForm(saved), name: "x".repeat(20_000) },
    { intent: "profile" },
  ];
  for (const form of hostile) {
    const response = await post(page.request, `/entreprise/${companyId}/profil`, form);
    expect(response.status()).toBe(400);
  }
  expect(companyRow(companyId)).toEqual(saved);

  // The establishment (Calais) is listed under its head office.
  await expect(page.getByRole("table", { name: /Établissements rattachés/ })).toContainText(
    "agence de Calais",
  );

  // Back to the demo values, for the other journeys.
  const restore = await post(
    page.request,
    `/entreprise/${companyId}/profil`,
    profileForm(original),
  );
  expect(restore.status()).toBe(302);
  const restored = companyRow(companyId);
  expect({ ...restored, updatedAt: "" }).toEqual({ ...original, updatedAt: "" });
  expect(count(`SELECT COUNT(*) AS n FROM AuditLog WHERE companyId = ?`, companyId)).toBe(
    auditBefore + 2,
  );
});

test("the annual report shows the database's figures and prints without the frame", async ({
  page,
  axe,
}) => {
  const companyId = await signInToCompany(page, DEMO.company);
  const year = new Date().getFullYear();
  await page.goto(`/entreprise/${companyId}/rapport?annee=${year}`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Rapport annuel ${year} — Transports Delattre` }),
  ).toBeVisible();
  await axe(page);

  // Figures computed here with SQL, independently of the app.
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const totals = sql<{ n: number; people: number }>(
    `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN unit = 'PEOPLE' THEN quantity END), 0) AS people
     FROM Realisation WHERE companyId = ? AND date >= ? AND date < ?`,
    companyId,
    from,
    to,
  )[0];
  expect(totals.n).toBeGreaterThan(0);
  const brief = page.getByRole("region", { name: `L'année ${year} en bref` });
  await expect(brief.getByRole("definition").first()).toHaveText(/\d/);
  expect(digits(await brief.getByRole("definition").nth(0).textContent())).toBe(totals.n);
  expect(digits(await brief.getByRole("definition").nth(1).textContent())).toBe(totals.people);

  const hires = sql<{ q: number; n: number }>(
    `SELECT COALESCE(SUM(quantity), 0) AS q, COUNT(*) AS n FROM Realisation
     WHERE companyId = ? AND actionTypeCode = 'HIRE' AND date >= ? AND date < ?`,
    companyId,
    from,
    to,
  )[0];
  const hireRow = page
    .getByRole("table", { name: `Réalisations ${year} par type d'action` })
    .getByRole("row", { name: /^Recrutement/ });
  await expect(hireRow.getByRole("cell").nth(0)).toHaveText(String(hires.n));
  expect(digits(await hireRow.getByRole("cell").nth(1).textContent())).toBe(hires.q);

  const monthTable = page.getByRole("table", { name: `Réalisations ${year} mois par mois` });
  await expect(monthTable.getByRole("row")).toHaveCount(1 + 12 + 1);
  const commitments = count(
    `SELECT COUNT(*) AS n FROM "Commitment" WHERE companyId = ? AND year = ?`,
    companyId,
    year,
  );
  await expect(
    page
      .getByRole("table", { name: /Engagements de l'année/ })
      .locator("tbody")
      .getByRole("row"),
  ).toHaveCount(commitments);

  // Another year through the selector.
  await page.getByLabel("Année", { exact: true }).selectOption(String(year - 1));
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`annee=${year - 1}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Rapport annuel ${year - 1}`);

  // Printed: no site header, no tabs, no buttons.
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Espace entreprise" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
});

test("the export holds the company's own data, read back with exceljs", async ({ page }) => {
  const companyId = await signInToCompany(page, DEMO.company);
  const company = companyRow(companyId);
  await page.goto(`/entreprise/${companyId}/rapport`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Toutes nos données (XLSX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^engages-${company.siret}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
  );
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    "À propos",
    "Entreprise",
    "Engagements",
    "Réalisations",
    "Suivis renseignés",
    `Devenir des personnes ${new Date().getUTCFullYear()}`,
    "Équipe",
    "Journal",
  ]);
  const cells = (name: string) => {
    const values: string[] = [];
    workbook.getWorksheet(name)!.eachRow((row) => {
      row.eachCell((cell) => values.push(String(cell.text)));
    });
    return values;
  };
  expect(cells("Entreprise")).toContain(company.siret);
  expect(cells("Équipe")).toContain(DEMO.company);
  const realisations = count(
    `SELECT COUNT(*) AS n FROM Realisation WHERE companyId = ?`,
    companyId,
  );
  expect(realisations).toBeGreaterThan(0);
  expect(workbook.getWorksheet("Réalisations")!.actualRowCount - 1).toBe(realisations);
  const commitments = count(
    `SELECT COUNT(*) AS n FROM "Commitment" WHERE companyId = ?`,
    companyId,
  );
  expect(workbook.getWorksheet("Engagements")!.actualRowCount - 1).toBe(commitments);

  // No other company of another club appears anywhere.
  const others = sql<{ siret: string; name: string }>(
    `SELECT siret, name FROM Company WHERE id <> ? AND (headOfficeId IS NULL OR headOfficeId <> ?)`,
    companyId,
    companyId,
  );
  const everything = workbook.worksheets.flatMap((s) => cells(s.name)).join("\n");
  for (const other of others) expect(everything).not.toContain(other.siret);
  const otherUsers = sql<{ email: string }>(
    `SELECT u.email FROM User u JOIN RoleAssignment r ON r.userId = u.id
     WHERE r.role = 'COMPANY' AND r.companyId <> ?`,
    companyId,
  );
  for (const user of otherUsers) expect(everything).not.toContain(user.email);
});

test("the team: invite, remove through the dialog, revoke; the last member cannot leave", async ({
  page,
  axe,
  mailbox,
  browser,
}) => {
  const companyId = await signInToCompany(page, DEMO.company);
  await page.goto(`/entreprise/${companyId}/equipe`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon équipe" })).toBeVisible();
  await expect(page.getByText("Vous êtes la dernière personne de l'équipe")).toBeVisible();
  await axe(page);

  // Leaving anyway (a forged POST): refused in French, nothing deleted.
  const roles = () =>
    count(`SELECT COUNT(*) AS n FROM RoleAssignment WHERE companyId = ?`, companyId);
  const before = roles();
  const leave = await post(page.request, `/entreprise/${companyId}/equipe`, { intent: "leave" });
  expect(leave.status()).toBe(400);
  expect(await leave.text()).toContain("dernière personne de l");
  expect(roles()).toBe(before);

  // A colleague joins…
  await page.getByLabel("Adresse e-mail").fill("collegue.rh@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Inès Collègue");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Invitation envoyée à collegue.rh@exemple.fr",
  );
  const email = await mailbox.waitForMessage({ to: "collegue.rh@exemple.fr" }, 20_000);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(linkIn(email.text, "/invitation/").pathname);
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
  await invitee.getByLabel("Confirmer le mot de passe").fill("une phrase de passe solide");
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invitee).toHaveURL(/\/entreprise\/[^/]+$/);
  await context.close();
  expect(roles()).toBe(before + 1);

  // …and is removed after a confirmation dialog.
  await page.reload();
  await page.getByRole("button", { name: "Retirer Inès Collègue de l'équipe" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Retirer Inès Collègue de l'équipe ?" });
  await expect(dialog).toBeVisible();
  await axe(page);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(dialog).toBeHidden();
  expect(roles()).toBe(before + 1);
  await page.getByRole("button", { name: "Retirer Inès Collègue de l'équipe" }).click();
  await dialog.getByRole("button", { name: "Retirer de l'équipe" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Inès Collègue n'a plus accès à l'espace de l'entreprise.",
  );
  expect(roles()).toBe(before);
  expect(
    count(
      `SELECT COUNT(*) AS n FROM AuditLog WHERE companyId = ? AND action = 'REMOVE_MEMBER'`,
      companyId,
    ),
  ).toBe(1);

  // A pending invitation is revoked.
  await page.getByLabel("Adresse e-mail").fill("pas.venu@exemple.fr");
  await page.getByLabel("Nom et prénom").fill("Paul Absent");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("cell", { name: "pas.venu@exemple.fr", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Révoquer l'invitation de pas.venu@exemple.fr" }).click();
  // Confirmed first (RGAA 11.12): until then the invitation stands.
  const confirm = page.getByRole("alertdialog", {
    name: "Révoquer l'invitation de pas.venu@exemple.fr ?",
  });
  expect(
    count(
      `SELECT COUNT(*) AS n FROM Invitation WHERE email = 'pas.venu@exemple.fr' AND revokedAt IS NOT NULL`,
    ),
  ).toBe(0);
  await confirm.getByRole("button", { name: "Révoquer l'invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "L'invitation de pas.venu@exemple.fr est révoquée.",
  );
  await expect(page.getByRole("cell", { name: "pas.venu@exemple.fr", exact: true })).toBeHidden();
  expect(
    count(
      `SELECT COUNT(*) AS n FROM Invitation WHERE email = 'pas.venu@exemple.fr' AND revokedAt IS NOT NULL`,
    ),
  ).toBe(1);
});

test("a company of another club (Nord) is refused every page and action (403)", async ({
  page,
  request,
}) => {
  const delattre = sql<{ id: string }>(
    `SELECT c.id FROM Company c JOIN RoleAssignment r ON r.companyId = c.id
     JOIN User u ON u.id = r.userId WHERE u.email = ?`,
    DEMO.company,
  )[0].id;
  await signInToCompany(page, NORD_LEADER);
  const snapshot = () => ({
    company: companyRow(delattre),
    audit: count(`SELECT COUNT(*) AS n FROM AuditLog`),
    roles: count(`SELECT COUNT(*) AS n FROM RoleAssignment`),
    invitations: count(`SELECT COUNT(*) AS n FROM Invitation WHERE revokedAt IS NULL`),
  });
  const before = snapshot();
  const base = `/entreprise/${delattre}`;
  for (const url of ["profil", "equipe", "rapport", "rapport?annee=2025", "export.xlsx"]) {
    const response = await page.request.get(`${base}/${url}`, { maxRedirects: 0 });
    expect(response.status(), url).toBe(403);
    expect(response.headers()["content-disposition"]).toBeUndefined();
  }
  const anyInvitation = sql<{ id: string }>(`SELECT id FROM Invitation LIMIT 1`)[0]?.id ?? "x";
  const anyRole = sql<{ id: string }>(
    `SELECT id FROM RoleAssignment WHERE companyId = ?`,
    delattre,
  )[0].id;
  const posts: Array<[string, Record<string, string>]> = [
    ["profil", { ...profileForm(before.company), name: "Piraté" }],
    ["profil", { intent: "link-head-office", headOfficeSiret: before.company.siret }],
    ["profil", { intent: "unlink-head-office" }],
    ["equipe", { email: "intrus@exemple.fr", name: "Intrus" }],
    ["equipe", { intent: "remove-member", id: anyRole }],
    ["equipe", { intent: "leave" }],
    ["equipe", { intent: "revoke-invitation", id: anyInvitation }],
    ["rapport", {}],
    ["export.xlsx", {}],
  ];
  for (const [url, form] of posts) {
    const response = await post(page.request, `${base}/${url}`, form);
    expect(response.status(), `POST ${url} ${JSON.stringify(form).slice(0, 60)}`).toBe(403);
  }
  expect(snapshot()).toEqual(before);

  // The communes API: signed-in users only, and only well-formed département codes.
  expect((await page.request.get("/api/communes?q=len&departement=62")).status()).toBe(200);
  const communes = await (await page.request.get("/api/communes?q=len&departement=62")).json();
  expect(communes[0]).toEqual({
    code: "62498",
    name: "Lens",
    postcodes: ["62300"],
    departementCode: "62",
  });
  expect((await page.request.get("/api/communes?q=len&departement=' OR 1=1")).status()).toBe(400);
  expect((await request.get("/api/communes?q=len")).status()).toBe(401);
});
