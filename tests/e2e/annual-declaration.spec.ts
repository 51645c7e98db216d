// Issue 15 point 4: the annual declaration campaign end to end. The prefecture opens a
// campaign (a wrong deadline is refused in French and writes nothing); the demo company reviews
// its year and attests it; a realisation declared afterwards in that year flags the attestation;
// the animator sees it among the members and reminds the company, whose e-mail leads to the year.
// Issue 15 point 5: the prefecture draws a verification sample, the company drawn answers with
// a file, the prefecture records a correction and exports the sample.
import fs from "node:fs";
import { dbCount as count, dbRow } from "./db";
import { DEMO, expect, linkIn, signIn, test } from "./fixtures";

test("a campaign is opened, the year attested, an edit flagged, the animator reminds", async ({
  page,
  browser,
  axe,
  mailbox,
}) => {
  // Three people's steps in one story: more than one ordinary journey's time.
  test.setTimeout(300_000);
  // The prefecture: the demo's campaign for last year is under way; it opens this year's.
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  await page.getByRole("link", { name: "Campagne de déclaration" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Campagne de déclaration annuelle" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /^Attestations \d{4} par club/ })).toBeVisible();
  await axe(page);
  const campaigns = () => count(`SELECT COUNT(*) AS n FROM "DeclarationCampaign"`);
  const before = campaigns();
  const thisYear = new Date().getUTCFullYear();
  await page.getByLabel("Année déclarée").selectOption(String(thisYear));
  await page.getByLabel("Date limite").fill(`${thisYear - 1}-12-31`);
  await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(page.getByText("La date limite doit être postérieure à aujourd'hui.")).toBeVisible();
  expect(campaigns()).toBe(before);
  await axe(page);
  await page.getByLabel("Date limite").fill(`${thisYear + 1}-01-31`);
  await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(page.getByRole("status")).toContainText(`Campagne ${thisYear} ouverte`);
  expect(campaigns()).toBe(before + 1);
  await page.goto("/prefecture/62");
  await expect(
    page.getByText(`Déclarations ${thisYear} attestées : 0 entreprise membre sur`),
  ).toBeVisible();

  // The company: its dashboard asks; it reviews last year and attests it.
  const year = thisYear - 1;
  const company = await browser.newContext();
  const leader = await company.newPage();
  await signIn(leader, DEMO.company);
  await expect(leader).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(leader.url()).pathname;
  const companyId = companyUrl.split("/")[2];
  await expect(
    leader.getByText(`Déclaration annuelle ${year} : à attester avant le`),
  ).toBeVisible();
  await leader.getByRole("link", { name: `Relire et attester ${year}` }).click();
  await expect(
    leader.getByRole("heading", { level: 1, name: `Déclaration annuelle ${year}` }),
  ).toBeVisible();
  await expect(
    leader.getByRole("table", { name: `Réalisations ${year} par type d'action` }),
  ).toBeVisible();
  await axe(leader);
  await leader.getByLabel(`J'atteste l'exactitude de ces déclarations pour ${year}.`).check();
  await leader.getByRole("button", { name: `Attester l'année ${year}` }).click();
  await expect(leader.getByRole("status")).toContainText(`l'année ${year} est attestée`);
  expect(
    dbRow<{ attestedByName: string; editedAt: string | null }>(
      `SELECT "attestedByName", "editedAt" FROM "Attestation" WHERE "companyId" = ? AND year = ?`,
      companyId,
      year,
    ),
  ).toEqual({ attestedByName: "Claire Dumont", editedAt: null });

  // A realisation of that year declared afterwards: the attestation is flagged.
  await leader.goto(`${companyUrl}/realisations/nouvelle`);
  await leader.getByLabel("Date").fill(`${year}-11-15`);
  await leader.getByLabel("Type d'action").selectOption("IMMERSION");
  await leader.getByLabel("Public").selectOption("RSA");
  await leader.getByLabel("Nombre (personnes)").fill("1");
  await leader.getByRole("button", { name: "Enregistrer" }).click();
  await expect(leader.getByRole("status")).toContainText("Réalisation enregistrée");
  await leader.goto(companyUrl);
  await expect(
    leader.getByText(`Vos déclarations ${year} ont changé depuis leur attestation.`),
  ).toBeVisible();
  await leader.goto(`${companyUrl}/declaration/${year}`);
  await expect(
    leader.getByText(/après l'attestation : elles doivent être attestées à nouveau/),
  ).toBeVisible();
  await company.close();

  // The animator: the company is listed as changed since; the reminder leads to the year.
  const club = await browser.newContext();
  const animator = await club.newPage();
  await signIn(animator, DEMO.animator);
  await expect(animator).toHaveURL(/\/club\/[^/]+$/);
  await animator
    .getByRole("navigation", { name: "Espace du club" })
    .getByRole("link", { name: "Attestations" })
    .click();
  await expect(
    animator.getByRole("heading", { level: 1, name: "Attestations annuelles" }),
  ).toBeVisible();
  await animator.getByRole("link", { name: String(year), exact: true }).click();
  const box = animator.getByRole("checkbox", { name: "Transports Delattre", exact: true });
  await expect(box).toHaveAccessibleDescription(
    /Modifiée depuis l'attestation · attestée par Claire Dumont/,
  );
  await axe(animator);
  await box.check();
  await animator.getByRole("button", { name: "Relancer les membres cochés" }).click();
  await expect(animator.getByRole("status")).toContainText(
    "Relance envoyée à 1 entreprise : Transports Delattre",
  );
  const to =
    dbRow<{ contactEmail: string | null }>(
      `SELECT m."contactEmail" FROM "ClubMembership" m JOIN "Company" c ON c.id = m."companyId" WHERE c.id = ?`,
      companyId,
    ).contactEmail ?? DEMO.company;
  const email = await mailbox.waitForMessage({ to, subject: "attend de vos nouvelles" }, 20_000);
  expect(linkIn(email.text, "/declaration/").pathname).toBe(`${companyUrl}/declaration/${year}`);
  expect(email.html).toContain(`Relire et attester ${year}`);
  await club.close();
});

test("the prefecture draws a verification sample; the company drawn answers with a file; a correction is recorded and exported", async ({
  page,
  browser,
  axe,
}) => {
  test.setTimeout(300_000);
  // A campaign for the year before last, which the demo company attests: the only candidate.
  const year = new Date().getUTCFullYear() - 2;
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  await page.goto("/prefecture/62/campagne");
  await page.getByLabel("Année déclarée").selectOption(String(year));
  await page.getByLabel("Date limite").fill(`${year + 3}-01-31`);
  await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(page.getByRole("status")).toContainText(`Campagne ${year} ouverte`);

  const company = await browser.newContext();
  const leader = await company.newPage();
  await signIn(leader, DEMO.company);
  await expect(leader).toHaveURL(/\/entreprise\/[^/]+$/);
  const companyUrl = new URL(leader.url()).pathname;
  await leader.goto(`${companyUrl}/declaration/${year}`);
  await leader.getByLabel(`J'atteste l'exactitude de ces déclarations pour ${year}.`).check();
  await leader.getByRole("button", { name: `Attester l'année ${year}` }).click();
  await expect(leader.getByRole("status")).toContainText(`l'année ${year} est attestée`);

  // The draw: half of each club's standing attestations, one at least.
  await page.goto("/prefecture/62");
  await page.getByRole("link", { name: "Vérification", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Vérification des déclarations" }),
  ).toBeVisible();
  await page.getByLabel("Année", { exact: true }).selectOption(String(year));
  await page.getByLabel("Part par club").selectOption("50");
  await page.getByRole("button", { name: "Tirer l'échantillon" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Échantillon tiré : 1 entreprise sur 1 ayant attesté",
  );
  await expect(page.getByRole("heading", { level: 2, name: `Échantillon ${year}` })).toBeVisible();
  await axe(page);

  // The company sees the request on its dashboard and answers; a phone number is refused.
  await leader.goto(companyUrl);
  await expect(
    leader.getByText(
      `La préfecture vérifie vos déclarations ${year} : votre entreprise a été tirée au sort.`,
    ),
  ).toBeVisible();
  await leader.getByRole("link", { name: "Répondre à la préfecture" }).click();
  await expect(
    leader.getByRole("heading", { level: 1, name: `Vérification des déclarations ${year}` }),
  ).toBeVisible();
  await axe(leader);
  const answered = () =>
    count(`SELECT COUNT(*) AS n FROM "VerificationCheck" WHERE "answeredAt" IS NOT NULL`);
  const before = answered();
  await leader.getByLabel("Votre réponse").fill("Appelez Mme Martin au 06 12 34 56 78.");
  await leader.getByRole("button", { name: "Envoyer à la préfecture" }).click();
  await expect(leader.getByText(/numéro de téléphone/)).toBeVisible();
  expect(answered()).toBe(before);
  await leader.getByLabel("Votre réponse").fill("Voici le tableau de nos recrutements de l'année.");
  await leader.getByLabel("Pièce justificative (facultative)").setInputFiles({
    name: "recrutements.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("type;personnes\nRecrutement;4\n"),
  });
  await leader.getByRole("button", { name: "Envoyer à la préfecture" }).click();
  await expect(leader.getByRole("status")).toContainText("Réponse envoyée à la préfecture");
  expect(answered()).toBe(before + 1);
  await company.close();

  // The prefecture downloads the file, records a correction, exports the sample.
  await page.reload();
  const card = page.getByRole("listitem").filter({ hasText: "Transports Delattre" });
  const download = page.waitForEvent("download");
  await card.getByRole("link", { name: "Télécharger la pièce « recrutements.csv »" }).click();
  expect((await download).suggestedFilename()).toBe("recrutements.csv");
  await card.getByLabel("Résultat").selectOption("CORRECTED");
  await card.getByRole("button", { name: "Enregistrer le résultat" }).click();
  await expect(page.getByText("Indiquez le nombre de personnes corrigé.")).toBeVisible();
  const again = page.getByRole("listitem").filter({ hasText: "Transports Delattre" });
  await again.getByLabel("Résultat").selectOption("CORRECTED");
  await again.getByLabel("Personnes après correction").fill("3");
  await again.getByLabel("Note").fill("Un CDD de trois mois compté comme recrutement durable.");
  await again.getByRole("button", { name: "Enregistrer le résultat" }).click();
  await expect(page.getByRole("status")).toContainText("Résultat enregistré");
  const exported = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter l'échantillon (CSV)" }).click();
  const text = fs.readFileSync(await (await exported).path(), "utf8");
  expect(text).toContain(`Vérification des déclarations ${year} — département 62`);
  expect(text).toContain("Corrigée;3;Un CDD de trois mois compté comme recrutement durable.");
});
