// The animator's club space, as animateur@demo.test (Pas-de-Calais, 62): a reminder to a silent
// member arrives once, with its unsubscribe link, and a second one within 30 days is refused;
// a prospect is added and invited; a member leaves; the club figures equal an independent SQL
// computation and their XLSX export opens; the Nord animator is refused everything (403).
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { DEMO, expect, linkIn, signIn, test } from "./fixtures";
import { dbCount as count, dbRow as one, dbRows as all } from "./db";
import { withLuhnCheckDigit } from "../../app/utils/siret";

/** "1 234" (with the narrow spaces of fr-FR) → 1234. */
const toNumber = (text: string | null) => Number((text ?? "").replace(/[^\d-]/g, ""));

async function signInAsAnimator(page: Page) {
  await signIn(page, DEMO.animator);
  await expect(page).toHaveURL(/\/club\/[^/]+$/);
  return new URL(page.url()).pathname;
}

function membershipOf(companyName: string) {
  return one<{ id: string; companyId: string; contactEmail: string; clubId: string }>(
    `SELECT m.id, m.companyId, m.contactEmail, m.clubId FROM ClubMembership m
     JOIN Company c ON c.id = m.companyId WHERE c.name = ?`,
    companyName,
  );
}

test("a reminder reaches a silent member once, with an unsubscribe link; a second is refused", async ({
  page,
  mailbox,
  axe,
  browser,
}) => {
  const clubUrl = await signInAsAnimator(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pas-de-Calais");
  await axe(page);

  const silent = "Cabinet Vasseur & Associés";
  const membership = membershipOf(silent);
  await page
    .getByRole("navigation", { name: "Espace du club" })
    .getByRole("link", { name: "Relances" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Relances" })).toBeVisible();
  await axe(page);
  // Proposed: silent members; not the one who opted out, nor the one who left.
  const proposed = page.getByRole("group", { name: "Membres à relancer" });
  await expect(proposed.getByRole("checkbox", { name: silent })).toBeVisible();
  await expect(proposed.getByRole("checkbox", { name: "Chocolaterie de la Lys" })).toHaveCount(0);
  await expect(
    proposed.getByRole("checkbox", { name: "Sécurité Gardiennage du Calaisis" }),
  ).toHaveCount(0);
  await expect(page.getByText("Désabonnés des relances")).toContainText(
    "Sécurité Gardiennage du Calaisis",
  );

  // Nothing chosen: a French error, nothing sent.
  await page.getByRole("button", { name: "Envoyer la relance" }).click();
  await expect(page.getByText("Cochez au moins un membre à relancer.")).toBeVisible();

  await proposed.getByRole("checkbox", { name: silent }).check();
  await expect(page.getByLabel("Message de la relance")).toHaveValue(/^Bonjour,/);
  await page.getByRole("button", { name: "Envoyer la relance" }).click();
  await expect(page.getByRole("status")).toContainText(
    `Relance envoyée à 1 entreprise : ${silent}`,
  );
  await axe(page);
  const log = page.getByRole("table", { name: "Journal des relances du club" });
  await expect(log.getByRole("row", { name: new RegExp(silent) })).toContainText(
    "Julien Carpentier",
  );

  const email = await mailbox.waitForMessage(
    { to: membership.contactEmail, subject: "attend de vos nouvelles" },
    20_000,
  );
  expect(email.text).toContain("Nous n'avons pas eu de nouvelles de vos actions");
  const unsubscribe = linkIn(email.text, "/desabonnement/");
  expect(email.html).toContain(unsubscribe.pathname);
  expect(
    count(
      `SELECT COUNT(*) n FROM Reminder WHERE companyId = ? AND sentById IS NOT NULL AND emailId IS NOT NULL`,
      membership.companyId,
    ),
  ).toBe(1);

  // A second attempt within 30 days: refused, naming the company and the date; no e-mail.
  await page.goto(`${clubUrl}/relances`);
  await proposed.getByRole("checkbox", { name: silent }).check();
  await page.getByRole("button", { name: "Envoyer la relance" }).click();
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText("Aucune relance n'a été envoyée.");
  await expect(refusal).toContainText(
    new RegExp(`L'entreprise ${silent} a déjà été relancée le \\d{1,2} \\S+ \\d{4}`),
  );
  await expect(refusal).toContainText("une seule relance par période de 30 jours");
  await axe(page);
  // Every e-mail to this address has left the outbox (a message is marked sent once the SMTP
  // server took it): the mailbox then holds all there will be.
  await expect
    .poll(
      () =>
        count(
          `SELECT COUNT(*) n FROM EmailOutbox WHERE "to" = ? AND status IN ('PENDING', 'SENDING')`,
          membership.contactEmail,
        ),
      { timeout: 30_000 },
    )
    .toBe(0);
  // Only reminders count: other journeys may invite this address to a meeting meanwhile.
  const reminders = mailbox.messages.filter(
    (m) => m.to.includes(membership.contactEmail) && m.subject.includes("attend de vos nouvelles"),
  );
  expect(reminders).toHaveLength(1);
  expect(count(`SELECT COUNT(*) n FROM Reminder WHERE companyId = ?`, membership.companyId)).toBe(
    1,
  );

  // The unsubscribe link works without signing in: a confirmation page, then one POST.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(unsubscribe.pathname);
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Se désabonner des relances" }),
  ).toBeVisible();
  await axe(visitor);
  expect(count(`SELECT remindersOptOut n FROM ClubMembership WHERE id = ?`, membership.id)).toBe(0);
  await visitor.getByRole("button", { name: "Confirmer le désabonnement" }).click();
  await expect(visitor.getByRole("status")).toContainText(`${silent} ne recevra plus de relances`);
  await axe(visitor);
  expect(count(`SELECT remindersOptOut n FROM ClubMembership WHERE id = ?`, membership.id)).toBe(1);
  // A tampered link is refused.
  const tampered = unsubscribe.pathname.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
  expect((await visitor.request.get(tampered)).status()).toBe(404);
  await context.close();

  await page.goto(`${clubUrl}/relances`);
  await expect(proposed.getByRole("checkbox", { name: silent })).toHaveCount(0);
});

test("the animator adds a prospect and invites it, then marks a member as left", async ({
  page,
  mailbox,
  axe,
}) => {
  // A long journey (a prospect, its invitation e-mail, a departure, axe on four pages at two
  // widths): 25–40 s on this 2-core machine, nearly two minutes when it is busy.
  test.setTimeout(180_000);
  const clubUrl = await signInAsAnimator(page);
  await page
    .getByRole("navigation", { name: "Espace du club" })
    .getByRole("link", { name: "Membres" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Membres et prospects" })).toBeVisible();
  await axe(page);

  const siret = withLuhnCheckDigit("8123456700012");
  const companiesBefore = count(`SELECT COUNT(*) n FROM Company`);
  // A SIRET with a wrong check digit first: a French error, nothing written.
  await page
    .getByLabel("SIRET (14 chiffres)")
    .fill(`${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`);
  await page.getByLabel("Nom de l'entreprise").fill("Atelier Vélo Solidaire");
  await page.getByLabel("Nom et prénom du contact").fill("Inès Roue");
  await page.getByLabel("Adresse e-mail du contact").fill("ines.roue@velo-solidaire.test");
  await page.getByRole("button", { name: "Ajouter le prospect" }).click();
  await expect(page.getByText("Ce numéro SIRET n'est pas valide")).toBeVisible();
  expect(count(`SELECT COUNT(*) n FROM Company`)).toBe(companiesBefore);
  await axe(page);

  await page.getByLabel("SIRET (14 chiffres)").fill(siret);
  await page.getByLabel("Commune (code INSEE, facultatif)").fill("62041");
  await expect(page.getByLabel(/Envoyer tout de suite/)).toBeChecked();
  await page.getByRole("button", { name: "Ajouter le prospect" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Atelier Vélo Solidaire est ajoutée aux prospects du club. Invitation envoyée à ines.roue@velo-solidaire.test.",
  );
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Atelier Vélo Solidaire" }) });
  await expect(card).toContainText("Invitée le");
  await expect(card).toContainText("Invitation non acceptée");
  await axe(page);
  const invitation = await mailbox.waitForMessage(
    { to: "ines.roue@velo-solidaire.test", subject: "Invitation" },
    20_000,
  );
  expect(invitation.text).toContain("Atelier Vélo Solidaire");
  linkIn(invitation.text, "/invitation/");
  const prospect = membershipOf("Atelier Vélo Solidaire");
  expect(
    one<{ status: string }>(`SELECT status FROM ClubMembership WHERE id = ?`, prospect.id),
  ).toEqual({
    status: "PROSPECT",
  });
  expect(
    count(
      `SELECT COUNT(*) n FROM AuditLog WHERE entityId = ? AND entityType = 'ClubMembership' AND action = 'CREATE'`,
      prospect.id,
    ),
  ).toBe(1);

  // A member leaves: confirmation, then its history and its past figures stay.
  const leaving = "Menuiserie Dufour & Fils";
  const member = membershipOf(leaving);
  const realisations = count(
    `SELECT COUNT(*) n FROM Realisation WHERE companyId = ? AND clubId = ?`,
    member.companyId,
    member.clubId,
  );
  expect(realisations).toBeGreaterThan(0);
  await page
    .locator("summary")
    .filter({ hasText: `Marquer comme parti : ${leaving}` })
    .click();
  await page.getByRole("button", { name: `Confirmer le départ de ${leaving}` }).click();
  await expect(page.getByRole("status")).toContainText(`${leaving} a quitté le club.`);
  await expect(page.getByRole("table", { name: "Anciens membres du club" })).toContainText(leaving);
  await axe(page);
  const after = one<{ status: string; leftAt: string | null }>(
    `SELECT status, leftAt FROM ClubMembership WHERE id = ?`,
    member.id,
  );
  expect(after.status).toBe("LEFT");
  expect(after.leftAt).not.toBeNull();
  expect(
    count(
      `SELECT COUNT(*) n FROM Realisation WHERE companyId = ? AND clubId = ?`,
      member.companyId,
      member.clubId,
    ),
  ).toBe(realisations);
  const audit = one<{ before: string; after: string }>(
    `SELECT before, after FROM AuditLog WHERE entityId = ? ORDER BY createdAt DESC LIMIT 1`,
    member.id,
  );
  expect([JSON.parse(audit.before).status, JSON.parse(audit.after).status]).toEqual([
    "MEMBER",
    "LEFT",
  ]);

  // Left: never proposed for a reminder; shown as such on the club home.
  await page.goto(`${clubUrl}/relances`);
  await expect(page.getByRole("checkbox", { name: leaving })).toHaveCount(0);
  await page.goto(`${clubUrl}?etat=parti`);
  await expect(page.getByRole("row", { name: new RegExp(leaving) })).toContainText("Parti");
  await axe(page);
});

test("the club home sorts and filters its members through the URL", async ({ page, axe }) => {
  const clubUrl = await signInAsAnimator(page);
  await page.getByLabel("État", { exact: true }).selectOption("silencieux");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/etat=silencieux/);
  const rows = page.getByRole("table").first().locator("tbody tr");
  await expect(rows.first()).toContainText("Silencieux");
  for (const text of await rows.allTextContents()) expect(text).toContain("Silencieux");
  await page.goto(`${clubUrl}?q=delattre&tri=progression`);
  await expect(rows).toHaveCount(2);
  await axe(page);
});

test("the club figures equal an independent SQL computation; the XLSX export opens", async ({
  page,
  axe,
}) => {
  const clubUrl = await signInAsAnimator(page);
  const clubId = clubUrl.split("/")[2];
  const year = new Date().getFullYear() - 1;
  await page.goto(`${clubUrl}/chiffres?annee=${year}`);
  await expect(page.getByRole("heading", { level: 1, name: "Chiffres du club" })).toBeVisible();
  await axe(page);
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;

  // By public (people), from the page's table and from SQL.
  const expected = all<{ label: string; q: number; n: number }>(
    `SELECT p.label, SUM(r.quantity) q, COUNT(*) n FROM Realisation r
     JOIN PublicCategory p ON p.code = r.publicCategoryCode
     WHERE r.clubId = ? AND r.unit = 'PEOPLE' AND r.date >= ? AND r.date < ?
     GROUP BY p.label`,
    clubId,
    from,
    to,
  );
  expect(expected.length).toBeGreaterThan(3);
  const table = page.getByRole("table", { name: "Chiffres : Personnes accompagnées par public" });
  const shown = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")),
    );
  expect(
    shown
      .map(([label, q, n]) => ({ label, q: toNumber(q), n: toNumber(n) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ).toEqual(expected.sort((a, b) => a.label.localeCompare(b.label)));

  // Key figures: realisations and people hired.
  const totals = one<{ n: number; hired: number }>(
    `SELECT COUNT(*) n, (SELECT SUM(r.quantity) FROM Realisation r
       JOIN ActionType a ON a.code = r.actionTypeCode
       WHERE r.clubId = @club AND a.isHire = 1 AND r.unit = 'PEOPLE' AND r.date >= @from AND r.date < @to) hired
     FROM Realisation WHERE clubId = @club AND date >= @from AND date < @to`,
    { club: clubId, from, to },
  );
  const card = (label: string) =>
    page
      .locator(".card")
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator("p")
      .nth(1);
  expect(toNumber(await card("Réalisations déclarées").textContent())).toBe(totals.n);
  expect(toNumber(await card("Personnes recrutées").textContent())).toBe(totals.hired);

  // Monthly trend: 24 months, the same counts as SQL.
  const months = all<{ n: number }>(
    `SELECT COUNT(*) n FROM Realisation WHERE clubId = ? AND date >= ? AND date < ?`,
    clubId,
    `${year - 1}-01-01`,
    to,
  );
  const trend = page.getByRole("table", { name: "Tendance mensuelle sur 24 mois" });
  await expect(trend.locator("tbody tr")).toHaveCount(24);
  const trendCounts = await trend.locator("tbody tr td:nth-of-type(2)").allTextContents();
  expect(trendCounts.reduce((s, t) => s + toNumber(t), 0)).toBe(months[0].n);

  // A quarter filter goes through the URL.
  await page.getByLabel("Période").selectOption("T2");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`annee=${year}&periode=T2`));
  await expect(page.getByText(`Le 2e trimestre ${year}`)).toBeVisible();

  // The export, for the whole year, opens with exceljs and holds the same numbers.
  const response = await page.request.get(`${clubUrl}/chiffres.xlsx?annee=${year}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain(`chiffres-club-${year}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    "Filtres",
    "Chiffres clés",
    "Par public",
    "Par type d'action",
    "Par type de contrat",
    "Par taille d'entreprise",
    "Par secteur",
    "Tendance mensuelle",
    "Devenir des personnes",
  ]);
  const sheet = workbook.getWorksheet("Par public")!;
  for (const row of expected) {
    const line = sheet.getRows(2, 11)!.find((r) => r.getCell(1).value === row.label)!;
    expect([line.getCell(2).value, line.getCell(3).value]).toEqual([row.q, row.n]);
  }
  expect(String(workbook.getWorksheet("Filtres")!.getCell("A7").value)).toBe("Date d'extraction");
});

test("the Nord animator is refused every page and action of the Pas-de-Calais club (403)", async ({
  page,
  browser,
}) => {
  const clubUrl = await signInAsAnimator(page);
  const clubId = clubUrl.split("/")[2];
  const member = membershipOf("Transports Delattre");
  const auditsBefore = count(`SELECT COUNT(*) n FROM AuditLog`);
  const remindersBefore = count(`SELECT COUNT(*) n FROM Reminder`);
  const capBefore = count(`SELECT reminderCapDays n FROM Club WHERE id = ?`, clubId);

  const context = await browser.newContext();
  const nord = await context.newPage();
  await signIn(nord, "animateur.nord@demo.test");
  await expect(nord).toHaveURL(/\/club\/[^/]+$/);
  const ownUrl = new URL(nord.url()).pathname;

  for (const url of [
    clubUrl,
    `${clubUrl}?etat=silencieux`,
    `${clubUrl}/membres`,
    `${clubUrl}/relances`,
    `${clubUrl}/chiffres`,
    `${clubUrl}/chiffres?annee=2025&periode=T1`,
    `${clubUrl}/chiffres.xlsx`,
    `${clubUrl}/invitations`,
  ]) {
    expect((await nord.request.get(url)).status(), url).toBe(403);
  }
  const posts: Array<[string, Record<string, string>]> = [
    [clubUrl, {}],
    [`${clubUrl}/membres`, { intent: "mark-left", membershipId: member.id }],
    [`${clubUrl}/membres`, { intent: "invite", membershipId: member.id }],
    [`${clubUrl}/membres`, { intent: "mark-member", membershipId: member.id }],
    [
      `${clubUrl}/membres`,
      {
        intent: "create-prospect",
        siret: withLuhnCheckDigit("9123456700012"),
        name: "Intrus SARL",
        contactName: "Jean Intrus",
        contactEmail: "intrus@exemple.test",
      },
    ],
    [`${clubUrl}/relances`, { intent: "send", membershipIds: member.id, message: "x".repeat(40) }],
    [`${clubUrl}/relances`, { intent: "settings", reminderCapDays: "7" }],
    [`${clubUrl}/chiffres`, {}],
    [`${clubUrl}/chiffres.xlsx`, {}],
    [
      `${clubUrl}/invitations`,
      { email: "x@exemple.test", name: "X Y", companyId: member.companyId },
    ],
  ];
  for (const [url, form] of posts) {
    const response = await nord.request.post(url, { form, maxRedirects: 0 });
    expect(response.status(), `POST ${url} ${form.intent ?? ""}`).toBe(403);
  }
  // A Pas-de-Calais membership posted to the Nord club's own pages: refused, nothing written.
  for (const [url, form] of [
    [`${ownUrl}/membres`, { intent: "mark-left", membershipId: member.id }],
    [`${ownUrl}/relances`, { intent: "send", membershipIds: member.id, message: "x".repeat(40) }],
  ] as const) {
    const response = await nord.request.post(url, { form, maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
  }
  expect(count(`SELECT COUNT(*) n FROM AuditLog`)).toBe(auditsBefore);
  expect(count(`SELECT COUNT(*) n FROM Reminder`)).toBe(remindersBefore);
  expect(count(`SELECT reminderCapDays n FROM Club WHERE id = ?`, clubId)).toBe(capBefore);
  expect(count(`SELECT COUNT(*) n FROM Company WHERE name = 'Intrus SARL'`)).toBe(0);
  expect(
    one<{ status: string }>(`SELECT status FROM ClubMembership WHERE id = ?`, member.id),
  ).toEqual({
    status: "MEMBER",
  });
  await context.close();
});

test("a company of another club, entered by its SIRET, gets a join request: no access until it accepts (decision 013)", async ({
  page,
  mailbox,
  axe,
  browser,
}) => {
  const clubUrl = await signInAsAnimator(page);
  const target = one<{ id: string; siret: string }>(
    `SELECT id, siret FROM Company WHERE name = 'Code Flandre'`,
  );
  const auditsBefore = count(`SELECT COUNT(*) n FROM AuditLog WHERE companyId = ?`, target.id);
  await page.goto(`${clubUrl}/membres`);
  await page.getByLabel("SIRET (14 chiffres)").fill(target.siret);
  await page.getByLabel("Nom de l'entreprise").fill("Code Flandre");
  await page.getByLabel("Nom et prénom du contact").fill("Pierre Pirate");
  await page.getByLabel("Adresse e-mail du contact").fill("pierre@pirate.test");
  await page.getByRole("button", { name: "Ajouter le prospect" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Cette entreprise est déjà inscrite : une demande d'adhésion lui a été envoyée.",
  );
  await expect(page.getByRole("heading", { name: /Demandes d'adhésion en attente/ })).toBeVisible();
  await axe(page);
  // No membership, no invitation, no access to its space, its team or its export.
  expect(
    count(
      `SELECT COUNT(*) n FROM ClubMembership m JOIN Club c ON c.id = m.clubId
       WHERE m.companyId = ? AND c.departementCode = '62'`,
      target.id,
    ),
  ).toBe(0);
  expect(count(`SELECT COUNT(*) n FROM Invitation WHERE email = 'pierre@pirate.test'`)).toBe(0);
  for (const path of ["", "/equipe", "/export.xlsx"]) {
    const response = await page.request.get(`/entreprise/${target.id}${path}`);
    expect(response.status(), path).toBe(403);
  }

  // The company's own leader is told by e-mail and on the dashboard, and declines.
  const mail = await mailbox.waitForMessage(
    { to: "dirigeant.nord@demo.test", subject: "Demande d'adhésion" },
    20_000,
  );
  expect(mail.text).toContain("Code Flandre");
  const context = await browser.newContext();
  const leader = await context.newPage();
  await signIn(leader, "dirigeant.nord@demo.test");
  await expect(leader.getByText(/demande à compter Code Flandre parmi ses membres/)).toBeVisible();
  await leader.getByRole("link", { name: "Accepter ou refuser la demande" }).click();
  await expect(
    leader.getByRole("heading", { name: "Demandes d'adhésion à un club" }),
  ).toBeVisible();
  await axe(leader);
  await leader.getByRole("button", { name: /^Refuser la demande du club/ }).click();
  await expect(leader.getByRole("status")).toContainText("est refusée");
  await context.close();

  expect((await page.request.get(`/entreprise/${target.id}`)).status()).toBe(403);
  expect(
    all<{ action: string }>(
      `SELECT action FROM AuditLog WHERE companyId = ? ORDER BY createdAt`,
      target.id,
    )
      .slice(-2)
      .map((a) => a.action),
  ).toEqual(["JOIN_REQUEST", "JOIN_DECLINE"]);
  expect(count(`SELECT COUNT(*) n FROM AuditLog WHERE companyId = ?`, target.id)).toBe(
    auditsBefore + 2,
  );
});
