// Passerelles, end to end: Transports Delattre needs 3 welders near Lens for 6 months, the
// Métallerie de l'Artois (Liévin) has 2 welders to lend; each sees the other proposed first,
// the contact e-mail reaches the test SMTP server (Reply-To the sender), the host concludes,
// and the loan shows in the club's and the prefecture's figures. The Nord club sees none of it.
// Axe on every page visited.
import type { Page } from "@playwright/test";
import { dbCount, dbRow } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";
import { expectRequiredFieldsMarked } from "./required-fields";
import { REQUIRED_FIELDS } from "../../app/utils/required-field-lists";

const LENDER = "contact@metallerie-de-l-artois.demo.test";
const NORD = "dirigeant.nord@demo.test";

const isoInDays = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n))
    .toISOString()
    .slice(0, 10);
};
const START = isoInDays(14);
const END = isoInDays(14 + 182);

const companyOf = (email: string) =>
  dbRow<{ id: string }>(
    `SELECT r.companyId AS id FROM RoleAssignment r JOIN User u ON u.id = r.userId
     WHERE u.email = ? AND r.role = 'COMPANY'`,
    email,
  ).id;

/** Signs in and waits for the user's space (signIn alone does not wait for the redirect). */
async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

async function postWelders(
  page: Page,
  companyId: string,
  post: { kind: string; trade: string; headcount: string; commune?: string },
) {
  await page.goto(`/entreprise/${companyId}/passerelles`);
  await page.getByRole("link", { name: "Publier une annonce" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Publier une annonce" })).toBeVisible();
  // The commune's combobox, once hydrated, is the last field to mark (RGAA 11.10).
  await expect(page.getByRole("combobox", { name: "Lieu (commune)" })).toBeVisible();
  await expectRequiredFieldsMarked(
    page.locator("main form[method=post]"),
    REQUIRED_FIELDS.passerellePost,
  );
  await page.getByLabel(post.kind).check();
  await page.getByLabel("Prêt de main-d'œuvre temporaire").check();
  await page.getByLabel("Famille de métiers (ROME)").selectOption("H29");
  await page.getByLabel("Métier", { exact: true }).fill(post.trade);
  await page.getByLabel("Nombre de personnes").fill(post.headcount);
  await page.getByLabel("Du", { exact: true }).fill(START);
  await page.getByLabel("Au", { exact: true }).fill(END);
  if (post.commune) {
    const commune = page.getByRole("combobox", { name: "Lieu (commune)" });
    await commune.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(post.commune);
    await expect(page.getByRole("option", { name: /^Lens \(62300\)/ })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(commune).toHaveValue("Lens (62300)");
  }
  await page.getByLabel("Tous les clubs de mon département").check();
  await page.getByRole("button", { name: "Publier l’annonce" }).click();
  await expect(page.getByText("Votre annonce est publiée.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/entreprise/${companyId}/passerelles/[^/]+$`));
  return page.url().split("/").pop()!;
}

/** The "Prêt de main-d'œuvre" quantity of the action-type table of a figures page. */
async function loanFigure(page: Page) {
  const table = page.getByRole("table", { name: /par type d'action/i }).first();
  // The URL changes a moment before the page renders: read the table once it is there.
  await expect(table).toBeVisible();
  const row = table.getByRole("row").filter({ has: page.getByText("Prêt de main-d'œuvre") });
  if ((await row.count()) === 0) return 0;
  return Number(
    ((await row.first().getByRole("cell").first().textContent()) ?? "").replace(/\D/g, ""),
  );
}

test("a welders' passerelle near Lens: proposals, contact e-mail, conclusion, figures", async ({
  page,
  axe,
  mailbox,
}) => {
  test.setTimeout(180_000);
  const hostId = companyOf(DEMO.company);
  const lenderId = companyOf(LENDER);
  const clubId = dbRow<{ id: string }>("SELECT id FROM Club WHERE departementCode = '62'").id;

  // Figures before, as the animator (club) and the prefecture.
  await signInAs(page, DEMO.animator);
  await page.goto(`/club/${clubId}/chiffres`);
  const clubBefore = await loanFigure(page);
  await signOut(page);
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  const prefectureBefore = await loanFigure(page);
  await signOut(page);

  // The host company posts its need, at Lens.
  await signInAs(page, DEMO.company);
  await page
    .getByRole("navigation", { name: "Espace entreprise" })
    .getByRole("link", { name: "Passerelles" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Passerelles" })).toBeVisible();
  await axe(page);
  const needId = await postWelders(page, hostId, {
    kind: "Besoin de personnel",
    trade: "Soudeur",
    headcount: "3",
    commune: "Lens",
  });
  await axe(page);
  await signOut(page);

  // The lender posts its availability at Liévin (its own commune): the need comes first.
  await signInAs(page, LENDER);
  const offerId = await postWelders(page, lenderId, {
    kind: "Personnel disponible",
    trade: "Soudeur TIG",
    headcount: "2",
  });
  const first = page.getByTestId("proposal").first();
  await expect(
    first.getByRole("heading", { name: "Besoin de personnel : 3 × Soudeur" }),
  ).toBeVisible();
  await expect(first.getByText("Transports Delattre —")).toBeVisible();
  await expect(first.getByText("Même intercommunalité (EPCI) : Lens")).toBeVisible();
  await expect(
    first.getByText("Même famille de métiers : Mécanique, travail des métaux et outillage (H29)"),
  ).toBeVisible();
  await axe(page);

  // The lender contacts the host through the app.
  await expectRequiredFieldsMarked(first.locator("form"), REQUIRED_FIELDS.passerelleContact);
  await first
    .getByLabel("Votre message")
    .fill("Bonjour, nous pouvons vous prêter deux soudeurs TIG.");
  await first.getByRole("button", { name: "Contacter Transports Delattre" }).click();
  await expect(page.getByText("Votre message est envoyé.")).toBeVisible();
  const email = await mailbox.waitForMessage(
    { to: DEMO.company, subject: "Passerelles : Métallerie de l'Artois vous contacte" },
    30_000,
  );
  expect(email.text).toContain("nous pouvons vous prêter deux soudeurs TIG");
  expect(JSON.stringify(email.headers.get("reply-to"))).toContain(LENDER);
  await signOut(page);

  // The host sees the lender proposed first on its need, and the match to conclude.
  await signInAs(page, DEMO.company);
  await page.goto(`/entreprise/${hostId}/passerelles/${needId}`);
  const proposal = page.getByTestId("proposal").first();
  await expect(
    proposal.getByRole("heading", { name: "Personnel disponible : 2 × Soudeur TIG" }),
  ).toBeVisible();
  await expect(proposal.getByText("Déjà en relation.")).toBeVisible();
  await page.getByText("Marquer comme conclue").click();
  await expectRequiredFieldsMarked(
    page.locator("details[open] form"),
    REQUIRED_FIELDS.passerelleConclude,
  );
  await page.getByLabel("Nombre de personnes").last().fill("2");
  // No public chosen: a French error, nothing written.
  await page.getByRole("button", { name: "Conclure la passerelle" }).click();
  await expect(page.getByText("Choisissez le public concerné.")).toBeVisible();
  expect(
    dbCount(
      "SELECT COUNT(*) n FROM PasserelleMatch WHERE status = 'CONCLUDED' AND needPostId = ?",
      needId,
    ),
  ).toBe(0);
  await page.getByLabel("Public concerné").selectOption("DELD");
  await page.getByRole("button", { name: "Conclure la passerelle" }).click();
  await expect(page.getByText("Passerelle conclue : 2 personnes")).toBeVisible();
  await axe(page);
  const match = dbRow<{ realisationId: string }>(
    "SELECT realisationId FROM PasserelleMatch WHERE needPostId = ? AND offerPostId = ? AND status = 'CONCLUDED'",
    needId,
    offerId,
  );
  const realisation = dbRow<{ companyId: string; actionTypeCode: string; quantity: number }>(
    "SELECT companyId, actionTypeCode, quantity FROM Realisation WHERE id = ?",
    match.realisationId,
  );
  expect(realisation).toEqual({ companyId: hostId, actionTypeCode: "WORKFORCE_LOAN", quantity: 2 });

  // The directory shows the lender's card to the host.
  await page
    .getByRole("navigation", { name: "Espace entreprise" })
    .getByRole("link", { name: "Annuaire" })
    .click();
  await page.getByLabel("Famille de métiers (ROME)").selectOption("H29");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("heading", { name: "Métallerie de l'Artois" })).toBeVisible();
  await axe(page);
  await signOut(page);

  // The figures count the loan: club (animator, who also sees the board) and prefecture.
  await signInAs(page, DEMO.animator);
  await page.goto(`/club/${clubId}/passerelles`);
  await expect(page.getByRole("cell", { name: "Conclue : 2 personnes" })).toBeVisible();
  await axe(page);
  await page.goto(`/club/${clubId}/chiffres`);
  expect(await loanFigure(page)).toBe(clubBefore + 2);
  await signOut(page);
  await signIn(page, DEMO.prefecture);
  await expect(page).toHaveURL(/\/prefecture\/62$/);
  expect(await loanFigure(page)).toBe(prefectureBefore + 2);
  await signOut(page);

  // The Nord club sees none of the 62 posts, even those opened to the département.
  await signInAs(page, NORD);
  const nordId = companyOf(NORD);
  await page.goto(`/entreprise/${nordId}/passerelles`);
  await expect(page.getByRole("heading", { level: 1, name: "Passerelles" })).toBeVisible();
  await expect(page.getByText("Soudeur")).toHaveCount(0);
  await expect(page.getByText("Préparateur de commandes")).toHaveCount(0);
  const refused = await page.goto(`/entreprise/${nordId}/passerelles/${needId}`);
  expect(refused?.status()).toBe(404);
  const notTheirs = await page.goto(`/entreprise/${hostId}/passerelles`);
  expect(notTheirs?.status()).toBe(403);
});
