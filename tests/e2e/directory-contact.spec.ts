// Writing to another member from the directory (issue 18, point 8), end to end: the demo
// company finds the Métallerie de l'Artois by a French word's other form, opens « Écrire à… »,
// is stopped by a phone number in its message (the text stays for correction), sends a fixed
// message once even when clicking twice, finds the form empty afterwards, and the Métallerie's
// people receive the e-mail on the test SMTP server, Reply-To the sender. Axe on every state.
import { dbCount, dbRow } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

const METALLERIE = "contact@metallerie-de-l-artois.demo.test";

test("the directory's contact action: a message e-mailed to a member, Reply-To the sender", async ({
  page,
  axe,
  mailbox,
}) => {
  // Five axe passes at two widths: about 40 s on a quiet machine.
  test.setTimeout(180_000);
  const company = dbRow<{ id: string; name: string }>(
    `SELECT c.id, c.name FROM RoleAssignment r JOIN User u ON u.id = r.userId
     JOIN Company c ON c.id = r.companyId WHERE u.email = ? AND r.role = 'COMPANY'`,
    DEMO.company,
  );
  await signIn(page, DEMO.company);
  await expect(page).not.toHaveURL(/\/login/);

  // "soudeur" finds the card that seeks "soudeurs" and offers "soudure" (stems).
  await page.goto(`/entreprise/${company.id}/annuaire?q=soudeur`);
  const card = page.getByRole("listitem").filter({
    has: page.getByRole("heading", { name: "Métallerie de l'Artois" }),
  });
  await expect(card).toBeVisible();
  await axe(page);

  await card.getByText("Écrire à Métallerie de l'Artois").click();
  const message = card.getByLabel("Votre message à Métallerie de l'Artois");
  await expect(message).toBeVisible();
  await axe(page);

  // A phone number: refused in French, the text kept for correction, nothing sent.
  const before = dbCount(
    `SELECT COUNT(*) AS n FROM CompanyContact WHERE fromCompanyId = ?`,
    company.id,
  );
  await message.fill("Bonjour, appelez notre alternant au 06 12 34 56 78 pour la visite.");
  await card.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(card.getByText(/numéro de téléphone/)).toBeVisible();
  await expect(message).toHaveValue(/06 12 34 56 78/);
  await axe(page);

  // Fixed, then sent with a double click: one message, and the form empties.
  await message.fill(
    "Bonjour, nous cherchons aussi des soudeurs : pourrions-nous visiter votre atelier en janvier ?",
  );
  await card.getByRole("button", { name: "Envoyer le message" }).dblclick();
  await expect(page.getByText("Votre message est envoyé.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/entreprise/${company.id}/annuaire\\?q=soudeur$`));
  await card.getByText("Écrire à Métallerie de l'Artois").click();
  await expect(message).toHaveValue("");
  await axe(page);

  const email = await mailbox.waitForMessage(
    { to: METALLERIE, subject: `Annuaire des membres : ${company.name} vous écrit` },
    30_000,
  );
  expect(email.text).toContain("pourrions-nous visiter votre atelier en janvier");
  expect(JSON.stringify(email.headers.get("reply-to"))).toContain(DEMO.company);
  expect(
    dbCount(`SELECT COUNT(*) AS n FROM CompanyContact WHERE fromCompanyId = ?`, company.id),
  ).toBe(before + 1);
});
