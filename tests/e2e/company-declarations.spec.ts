import { dbCount as count, dbRow } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

test("the company leader declares a commitment of 5 hires, records 3 and sees 60 %", async ({
  page,
  axe,
}) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(page.url()).pathname;
  await axe(page);

  await page.getByRole("link", { name: "Déclarer un engagement" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Déclarer un engagement" }),
  ).toBeVisible();
  await axe(page);
  // Bad input first: French errors, nothing saved.
  const before = count(`SELECT COUNT(*) AS n FROM "Commitment"`);
  await page.getByRole("button", { name: "Déclarer l'engagement" }).click();
  await expect(page.getByText("Choisissez au moins un public.")).toBeVisible();
  await expect(page.getByText("Décrivez votre engagement en quelques mots")).toBeVisible();
  expect(count(`SELECT COUNT(*) AS n FROM "Commitment"`)).toBe(before);

  await page.getByLabel("Thème").selectOption("INCLUSION");
  await page.getByLabel("Type d'action").selectOption("HIRE");
  await page
    .getByLabel("Votre ambition, en quelques mots")
    .fill("Recruter cinq demandeurs d'emploi de longue durée en CDI sur nos postes de conducteur.");
  await page.getByRole("checkbox", { name: "Demandeurs d'emploi de longue durée" }).check();
  await page.getByLabel("Objectif chiffré (facultatif)").fill("5");
  await page.getByRole("button", { name: "Déclarer l'engagement" }).click();
  await expect(page.getByRole("status")).toContainText("Votre engagement est déclaré");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Recruter cinq demandeurs");
  await expect(page.getByText("0 sur 5 personnes")).toBeVisible();
  await expect(page.getByText("Déclaré par Claire Dumont")).toBeVisible();
  await axe(page);
  const commitmentUrl = new URL(page.url()).pathname;

  // Record 2 then 1 hires from the commitment (the form is prefilled from it).
  for (const quantity of ["2", "1"]) {
    await page.getByRole("link", { name: "Enregistrer une réalisation" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Enregistrer une réalisation" }),
    ).toBeVisible();
    await expect(page.getByLabel("Type d'action")).toHaveValue("HIRE");
    await expect(page.getByLabel("Public")).toHaveValue("DELD");
    await page.getByLabel("Nombre (personnes)").fill(quantity);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    // A hire needs a contract type: French error, nothing saved.
    await expect(page.getByText("Pour un recrutement, indiquez le type de contrat.")).toBeVisible();
    await page.getByLabel("Type de contrat").selectOption("CDI");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status")).toContainText("Réalisation enregistrée");
    await expect(page).toHaveURL(commitmentUrl);
  }
  await expect(page.getByText("3 sur 5 personnes")).toBeVisible();

  // The dashboard shows 60 % for it.
  await page.goto(companyUrl);
  const card = page.getByRole("listitem").filter({ hasText: "Recruter cinq demandeurs" });
  await expect(card.getByText("60 %")).toBeVisible();
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "60");

  // Status change is kept in the history.
  await page.goto(commitmentUrl);
  await page.getByLabel("État", { exact: true }).selectOption("ACHIEVED");
  await page.getByRole("button", { name: "Enregistrer l'état" }).click();
  await expect(page.getByRole("status")).toContainText("Atteint");
  await expect(page.getByText("État changé : En cours → Atteint par Claire Dumont")).toBeVisible();
});

test("a realisation is edited and deleted, each step in its history", async ({ page }) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(page.url()).pathname;
  await page.goto(`${companyUrl}/realisations/nouvelle`);
  await page.getByLabel("Type d'action").selectOption("IMMERSION");
  await page.getByLabel("Public").selectOption("RSA");
  await page.getByLabel("Nombre (personnes)").fill("4");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réalisation enregistrée");
  await page
    .getByRole("link", { name: /Modifier la réalisation/ })
    .first()
    .click();
  await page.getByLabel("Nombre (personnes)").fill("5");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("status")).toContainText("Réalisation modifiée");
  await page
    .getByRole("link", { name: /Modifier la réalisation/ })
    .first()
    .click();
  await expect(page.getByText("Modifié (nombre) par Claire Dumont")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  // The first click only asks for confirmation (RGAA 11.12): nothing is deleted yet.
  await page.getByRole("button", { name: "Supprimer cette réalisation" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Supprimer cette réalisation ?" });
  await expect(confirm).toBeVisible();
  expect(count(`SELECT COUNT(*) AS n FROM "Realisation" WHERE id = ?`, id)).toBe(1);
  await confirm.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page.getByRole("status")).toContainText("Réalisation supprimée");
  expect(count(`SELECT COUNT(*) AS n FROM "Realisation" WHERE id = ?`, id)).toBe(0);
  expect(
    count(`SELECT COUNT(*) AS n FROM "AuditLog" WHERE "entityId" = ? AND action = 'DELETE'`, id),
  ).toBe(1);
});

test("another company's user can neither read nor change any of it", async ({ page, browser }) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(page.url()).pathname;
  const companyId = companyUrl.split("/")[2];
  const commitment = dbRow<{ id: string }>(
    `SELECT id FROM "Commitment" WHERE "companyId" = ? LIMIT 1`,
    companyId,
  );
  const realisation = dbRow<{ id: string }>(
    `SELECT id FROM "Realisation" WHERE "companyId" = ? LIMIT 1`,
    companyId,
  );

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signIn(intruder, "dirigeant.nord@demo.test");
  await expect(intruder).toHaveURL(/\/entreprise\/[^/]+$/);
  const ownUrl = new URL(intruder.url()).pathname;
  const writesBefore = count(`SELECT COUNT(*) AS n FROM "AuditLog"`);

  for (const url of [
    companyUrl,
    `${companyUrl}/engagements`,
    `${companyUrl}/engagements/nouveau`,
    `${companyUrl}/engagements/${commitment.id}`,
    `${companyUrl}/engagements/${commitment.id}/modifier`,
    `${companyUrl}/realisations`,
    `${companyUrl}/realisations/nouvelle`,
    `${companyUrl}/realisations/${realisation.id}`,
  ]) {
    expect((await intruder.request.get(url)).status(), url).toBe(403);
  }
  const form = {
    date: "2026-01-10",
    actionTypeCode: "HIRE",
    publicCategoryCode: "DELD",
    contractType: "CDI",
    quantity: "1",
    qpv: "UNKNOWN",
  };
  for (const [url, body] of [
    [
      `${companyUrl}/engagements/nouveau`,
      {
        year: "2026",
        themeCode: "INCLUSION",
        actionTypeCode: "HIRE",
        publics: "DELD",
        ambition: "Un engagement pirate.",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
      },
    ],
    [`${companyUrl}/engagements/${commitment.id}`, { status: "ABANDONED" }],
    [`${companyUrl}/realisations/nouvelle`, form],
    [`${companyUrl}/realisations/${realisation.id}`, { intent: "delete" }],
  ] as const) {
    expect((await intruder.request.post(url, { form: body, maxRedirects: 0 })).status(), url).toBe(
      403,
    );
  }
  // Guessed ids under one's own company: not found, never the other company's rows.
  expect((await intruder.request.get(`${ownUrl}/engagements/${commitment.id}`)).status()).toBe(404);
  expect((await intruder.request.get(`${ownUrl}/realisations/${realisation.id}`)).status()).toBe(
    404,
  );
  const deleted = await intruder.request.post(`${ownUrl}/realisations/${realisation.id}`, {
    form: { intent: "delete" },
    maxRedirects: 0,
  });
  expect(deleted.status()).toBe(404);
  const hijack = await intruder.request.post(`${ownUrl}/realisations/nouvelle`, {
    form: { ...form, commitmentId: commitment.id },
    maxRedirects: 0,
  });
  expect(hijack.status()).toBe(400);
  expect(await hijack.text()).toContain(
    "Cet engagement n&#x27;existe pas pour votre entreprise.".replace("&#x27;", "'"),
  );
  expect(count(`SELECT COUNT(*) AS n FROM "AuditLog"`)).toBe(writesBefore);
  expect(count(`SELECT COUNT(*) AS n FROM "Realisation" WHERE id = ?`, realisation.id)).toBe(1);
  await other.close();
});
