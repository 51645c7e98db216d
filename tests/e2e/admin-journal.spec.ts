import { DEMO, expect, signIn, test } from "./fixtures";

// The audit journal, end to end: a company records a realisation, the administrator finds it in
// /admin/journal through the filters, with who did it and the values written; other roles are
// refused.

test("le journal des modifications montre qui a changé quoi, filtré, et seulement aux administrateurs", async ({
  page,
  axe,
}) => {
  await signIn(page, DEMO.company);
  await expect(page).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyId = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/entreprise/${companyId}/realisations/nouvelle`);
  await page.getByLabel("Type d'action").selectOption("IMMERSION");
  await page.getByLabel("Public").selectOption("RSA");
  await page.getByLabel("Nombre (personnes)").fill("7");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réalisation enregistrée");

  // Not for a company.
  const refused = await page.goto("/admin/journal");
  expect(refused?.status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Journal des modifications" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Journal des modifications" }),
  ).toBeVisible();
  await axe(page);

  await page.getByLabel("Type d'objet").selectOption({ label: "Réalisation" });
  await page.getByLabel("Entreprise").fill("Transports Delattre");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/objet=Realisation/);
  const latest = page.getByRole("listitem").first();
  await expect(latest).toContainText("Création — Réalisation");
  await expect(latest).toContainText("entreprise : Transports Delattre");
  await expect(latest).toContainText(DEMO.company);
  await expect(latest.getByRole("row", { name: /nombre/ })).toContainText("7");
  await expect(latest.getByRole("row", { name: /type d'action/ })).toContainText(
    "Immersion (PMSMP)",
  );
  await axe(page);

  // A date that does not exist is explained, not an error page.
  await page.goto("/admin/journal?du=2026-02-30");
  await expect(page.getByRole("alert")).toContainText("La date de début n'existe pas");
});
