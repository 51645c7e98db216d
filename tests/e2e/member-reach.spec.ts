// Members without an account (issue 18, point 3), as animateur@demo.test: an unreachable member
// gets its contact's address, the animator invites it and a member known only by its contact;
// the contact receives the invitation on the SMTP server, answers from the link in a fresh
// browser that never signed in, and the animator sees the answer; a walk-in of a member company
// is noted present by company and address.
import { parseIcs } from "../utils/meeting-ics-parse";
import { toLocalInput } from "../../app/utils/time/wall-clock";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount as count, dbRow as row } from "./db";

/**
 * A member of the 62 club known only by its contact: no person yet. Chosen when the journey
 * runs, since earlier journeys on the same database give some seeded members their first person.
 */
function contactOnlyMember(except: string[]) {
  return row<{ name: string }>(
    `SELECT c.name FROM ClubMembership m
     JOIN Company c ON c.id = m.companyId JOIN Club k ON k.id = m.clubId
     WHERE k.departementCode = '62' AND m.status = 'MEMBER' AND m.contactEmail IS NOT NULL
       AND c.name NOT IN (${except.map(() => "?").join(", ")})
       AND NOT EXISTS (SELECT 1 FROM RoleAssignment r WHERE r.companyId = c.id)
     ORDER BY c.name LIMIT 1`,
    ...except,
  ).name;
}

function membershipOf(companyName: string) {
  return row<{ id: string; companyId: string; contactEmail: string | null }>(
    `SELECT m.id, m.companyId, m.contactEmail FROM ClubMembership m
     JOIN Company c ON c.id = m.companyId JOIN Club k ON k.id = m.clubId
     WHERE c.name = ? AND k.departementCode = '62'`,
    companyName,
  );
}

test("a member without an account answers an invitation; a walk-in is noted present", async ({
  page,
  browser,
  mailbox,
  axe,
}) => {
  // A long journey (two browsers, an e-mail, axe at two widths on five pages).
  test.setTimeout(180_000);
  const unreachable = "Électricité Lensoise";
  const walkInCompany = "Plasturgie du Littoral";
  const contactOnly = contactOnlyMember([unreachable, walkInCompany]);
  const contactMember = membershipOf(contactOnly);
  expect(contactMember.contactEmail).toBeTruthy();
  expect(membershipOf(unreachable).contactEmail).toBeNull();

  await signIn(page, DEMO.animator);
  await expect(page).toHaveURL(/\/club\/[^/]+$/);
  const clubUrl = new URL(page.url()).pathname;

  // A meeting going on now (started a quarter of an hour ago): invitations and attendance.
  await page.goto(`${clubUrl}/reunions/nouvelle`);
  const title = `Réunion des membres sans compte ${Date.now()}`;
  const start = new Date(Math.floor((Date.now() - 15 * 60_000) / 60_000) * 60_000);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Début").fill(toLocalInput(start));
  await page.getByLabel("Fin").fill(toLocalInput(new Date(start.getTime() + 3 * 3600_000)));
  await page.getByLabel("Lieu").fill("Maison de l'entreprise, Lens");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const meetingUrl = new URL(page.url()).pathname;
  const meetingId = meetingUrl.split("/").pop()!;

  await page.getByRole("link", { name: "Inviter les membres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inviter les membres" })).toBeVisible();
  const members = page.getByRole("group", { name: /Pour inviter une partie seulement/ });
  await expect(
    members.getByRole("checkbox", { name: new RegExp(contactOnly) }),
  ).toHaveAccessibleName(new RegExp(`contact sans compte : ${contactMember.contactEmail}`));
  const unreachableSection = page.getByRole("region", {
    name: /Sans compte ni adresse de contact/,
  });
  await expect(unreachableSection.getByRole("heading", { name: unreachable })).toBeVisible();
  await expect(members.getByRole("checkbox", { name: new RegExp(unreachable) })).toHaveCount(0);
  await axe(page);

  // The unreachable member's contact: a bad address is refused in French, nothing written.
  const contactEmail = unreachableSection.getByLabel(`Adresse e-mail — contact de ${unreachable}`);
  await contactEmail.fill("laurent.caron(at)lensoise");
  await unreachableSection
    .getByRole("button", { name: `Enregistrer le contact : ${unreachable}` })
    .click();
  await expect(
    unreachableSection.getByText(
      "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
    ),
  ).toBeVisible();
  expect(membershipOf(unreachable).contactEmail).toBeNull();
  await axe(page);
  await contactEmail.fill("laurent.caron@lensoise.demo.test");
  await unreachableSection
    .getByLabel(`Nom et prénom (facultatif) — contact de ${unreachable}`)
    .fill("Laurent Caron");
  await unreachableSection
    .getByRole("button", { name: `Enregistrer le contact : ${unreachable}` })
    .click();
  await expect(page.getByRole("status")).toContainText(
    `Contact de ${unreachable} enregistré : laurent.caron@lensoise.demo.test.`,
  );
  expect(membershipOf(unreachable).contactEmail).toBe("laurent.caron@lensoise.demo.test");

  // Both are now invited, at their contacts' addresses.
  await members.getByRole("checkbox", { name: new RegExp(contactOnly) }).check();
  await members.getByRole("checkbox", { name: new RegExp(unreachable) }).check();
  await page.getByRole("button", { name: "Inviter la sélection" }).click();
  await expect(page.getByRole("status")).toContainText("2 invitation(s) envoyée(s)");
  expect(
    count(
      `SELECT COUNT(*) n FROM MeetingInvitation WHERE meetingId = ? AND userId IS NULL AND sentAt IS NOT NULL`,
      meetingId,
    ),
  ).toBe(2);

  // The contact's invitation arrives, with the .ics and the signed links, and no sign-in link.
  const message = await mailbox.waitForMessage(
    { to: contactMember.contactEmail!, subject: title },
    30_000,
  );
  expect(message.subject).toBe(`Invitation : ${title}`);
  const ics = message.attachments.find((a) => a.contentType === "text/calendar");
  expect(ics, "pièce jointe text/calendar").toBeTruthy();
  expect(parseIcs(ics!.content.toString("utf8")).get("METHOD")).toBe("REQUEST");
  expect(message.text).toContain("pas besoin de compte Engagés pour répondre");
  expect(message.text).not.toContain("Voir la réunion dans Engagés");
  expect(message.text).not.toContain(meetingUrl);

  // A fresh browser, never signed in, follows "Peut-être" and confirms.
  const maybeLink = new URL(/Peut-être : (\S+)/.exec(message.text)![1]);
  const visitor = await browser.newContext();
  const contact = await visitor.newPage();
  const shown = await contact.goto(maybeLink.pathname);
  expect(shown?.status()).toBe(200);
  await expect(contact).toHaveURL(maybeLink.pathname);
  await expect(contact.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    contact.getByText(`Invitation adressée à ${contactMember.contactEmail}, pour ${contactOnly}.`),
  ).toBeVisible();
  await expect(contact.getByText("pas besoin de compte Engagés")).toBeVisible();
  // The page leads nowhere that needs an account (the site's header keeps its usual link).
  await expect(
    contact.getByRole("main").getByRole("link", { name: /connecter|Voir la réunion/i }),
  ).toHaveCount(0);
  await axe(contact);
  await contact.getByRole("button", { name: "Confirmer ma réponse : Peut-être" }).click();
  await expect(contact.getByRole("status")).toContainText("« Peut-être »");
  await visitor.close();
  expect(
    row<{ rsvp: string }>(
      `SELECT rsvp FROM MeetingInvitation WHERE meetingId = ? AND email = ?`,
      meetingId,
      contactMember.contactEmail,
    ).rsvp,
  ).toBe("MAYBE");

  // The animator sees the answer.
  await page.reload();
  const invitees = page.getByRole("table", { name: "Personnes invitées et leur réponse" });
  const contactRow = invitees.getByRole("row").filter({ hasText: contactMember.contactEmail! });
  await expect(contactRow).toContainText("contact sans compte");
  await expect(contactRow).toContainText("Peut-être");
  await expect(invitees.getByRole("row").filter({ hasText: "Laurent Caron" })).toContainText(
    "Pas encore répondu",
  );

  // Attendance: a person of a member company who was not invited, noted present.
  await page.goto(`${meetingUrl}/presences`);
  await expect(page.getByRole("heading", { level: 1, name: "Noter les présences" })).toBeVisible();
  const walkIn = page.getByRole("region", { name: "Ajouter une personne présente" });
  await walkIn.getByLabel("Entreprise membre").selectOption({ label: walkInCompany });
  await walkIn.getByLabel("Adresse e-mail").fill("olivier.dupuis@plasturgie");
  await walkIn.getByLabel("Nom et prénom (facultatif)").fill("Olivier Dupuis");
  const rowsBefore = count(
    `SELECT COUNT(*) n FROM MeetingInvitation WHERE meetingId = ?`,
    meetingId,
  );
  await walkIn.getByRole("button", { name: "Ajouter aux présents" }).click();
  await expect(
    walkIn.getByText("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."),
  ).toBeVisible();
  // The form keeps what was typed; nothing was written.
  await expect(walkIn.getByLabel("Nom et prénom (facultatif)")).toHaveValue("Olivier Dupuis");
  expect(count(`SELECT COUNT(*) n FROM MeetingInvitation WHERE meetingId = ?`, meetingId)).toBe(
    rowsBefore,
  );
  await axe(page);
  await walkIn.getByLabel("Adresse e-mail").fill("olivier.dupuis@plasturgie.demo.test");
  await walkIn.getByRole("button", { name: "Ajouter aux présents" }).click();
  await expect(page.getByRole("status")).toContainText(
    `Olivier Dupuis (${walkInCompany}) est noté(e) présent(e).`,
  );
  await expect(page.getByRole("checkbox", { name: /Olivier Dupuis/ })).toBeChecked();
  const walkInRow = row<{ attended: number; userId: string | null; companyId: string }>(
    `SELECT attended, userId, companyId FROM MeetingInvitation WHERE meetingId = ? AND email = ?`,
    meetingId,
    "olivier.dupuis@plasturgie.demo.test",
  );
  expect(walkInRow).toEqual({
    attended: 1,
    userId: null,
    companyId: membershipOf(walkInCompany).companyId,
  });
  await axe(page);

  // Saving the list keeps the walk-in present.
  await page.getByRole("button", { name: "Enregistrer les présences" }).click();
  await expect(page.getByRole("status")).toContainText("Présences enregistrées : 1 présent(s)");
  expect(
    count(
      `SELECT COUNT(*) n FROM AuditLog WHERE entityId = ? AND action IN ('WALK_IN', 'ATTENDANCE')`,
      meetingId,
    ),
  ).toBe(2);
});
