import { toLocalInput } from "../../app/utils/time/wall-clock";
import { icsUtcDate, parseIcs } from "../utils/meeting-ics-parse";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbCount as count, dbRow as row } from "./db";

test("the animator creates a meeting and invites the members; a member answers from the e-mail; attendance and minutes reach the members", async ({
  page,
  browser,
  mailbox,
  axe,
}) => {
  // A long journey (two browsers, e-mails, attendance, minutes, axe on each page): about 50 s on
  // a quiet machine, which the default 60 s leaves too little room for.
  test.setTimeout(180_000);
  await signIn(page, DEMO.animator);
  await expect(page).toHaveURL(/\/club\/[^/]+$/);
  const clubUrl = new URL(page.url()).pathname;

  await page.goto(`${clubUrl}/reunions`);
  await expect(page.getByRole("heading", { level: 1, name: "Réunions du club" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Espace du club" })
      .getByRole("link", { name: "Réunions" }),
  ).toHaveAttribute("aria-current", "page");
  await axe(page);

  await page.getByRole("link", { name: "Nouvelle réunion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle réunion" })).toBeVisible();
  await axe(page);
  // Bad input: French errors, nothing saved.
  const meetingsBefore = count(`SELECT COUNT(*) AS n FROM "Meeting"`);
  await page.getByLabel("Titre").fill("");
  await page.getByLabel("Lieu").fill("");
  await page.getByLabel("Lien de visioconférence (facultatif)").fill("http://pas-securise.test");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByText("Donnez un titre à la réunion")).toBeVisible();
  await expect(page.getByText("Indiquez une adresse commençant par https://")).toBeVisible();
  expect(count(`SELECT COUNT(*) AS n FROM "Meeting"`)).toBe(meetingsBefore);

  // A meeting going on now (started a quarter of an hour ago), so that attendance can be taken.
  const title = `Réunion d'étape ${Date.now()}`;
  const start = new Date(Math.floor((Date.now() - 15 * 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + 3 * 3600_000);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Début").fill(toLocalInput(start));
  await page.getByLabel("Fin").fill(toLocalInput(end));
  await page.getByLabel("Lieu").fill("CCI Artois, salle du conseil, Arras");
  await page.getByLabel("Lien de visioconférence (facultatif)").fill("");
  await page.getByLabel("Ordre du jour").fill("1. Tour de table\n2. Préparation du forum");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("status")).toContainText("La réunion est créée");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await axe(page);
  const meetingUrl = new URL(page.url()).pathname;
  const meetingId = meetingUrl.split("/").pop()!;
  const saved = row<{ startsAt: number; endsAt: number }>(
    `SELECT "startsAt", "endsAt" FROM "Meeting" WHERE id = ?`,
    meetingId,
  );
  expect(new Date(saved.startsAt).toISOString()).toBe(start.toISOString());

  await page.getByRole("link", { name: "Inviter les membres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inviter les membres" })).toBeVisible();
  await axe(page);
  await page.getByRole("button", { name: "Inviter toutes les entreprises membres" }).click();
  await expect(page.getByRole("status")).toContainText("invitation(s) envoyée(s)");
  const invited = count(
    `SELECT COUNT(*) AS n FROM "MeetingInvitation" WHERE "meetingId" = ?`,
    meetingId,
  );
  expect(invited).toBeGreaterThan(1);
  // Again: no duplicate.
  await page.getByRole("button", { name: "Inviter toutes les entreprises membres" }).click();
  await expect(page.getByRole("status")).toContainText("déjà invitées");
  expect(
    count(`SELECT COUNT(*) AS n FROM "MeetingInvitation" WHERE "meetingId" = ?`, meetingId),
  ).toBe(invited);

  // The invitation arrives on the SMTP server, with a valid .ics.
  const message = await mailbox.waitForMessage({ to: DEMO.company, subject: title }, 30_000);
  expect(message.subject).toBe(`Invitation : ${title}`);
  const attachment = message.attachments.find((a) => a.contentType === "text/calendar");
  expect(attachment, "pièce jointe text/calendar").toBeTruthy();
  expect(attachment!.filename).toBe("invitation.ics");
  const calendar = parseIcs(attachment!.content.toString("utf8"));
  expect(calendar.get("METHOD")).toBe("REQUEST");
  const event = calendar.components.find((c) => c.name === "VEVENT")!;
  expect(event.get("SUMMARY")).toBe(title);
  expect(event.get("DTSTART")).toMatch(/^\d{8}T\d{6}Z$/);
  expect(icsUtcDate(event.get("DTSTART")).toISOString()).toBe(start.toISOString());
  expect(icsUtcDate(event.get("DTEND")).toISOString()).toBe(end.toISOString());
  expect(event.get("LOCATION")).toBe("CCI Artois, salle du conseil, Arras");

  // The "Je viens" link, followed signed out in another browser.
  const yesLink = new URL(/Je viens : (\S+)/.exec(message.text)![1]);
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  const tampered = yesLink.pathname.replace(/\.oui\./, ".non.");
  const refused = await anonymous.goto(tampered);
  expect(refused?.status()).toBe(400);
  await expect(
    anonymous.getByRole("heading", { level: 1, name: "Lien non valable" }),
  ).toBeVisible();

  const shown = await anonymous.goto(yesLink.pathname);
  expect(shown?.status()).toBe(200);
  await expect(anonymous.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await axe(anonymous);
  const rsvpOf = () =>
    row<{ rsvp: string }>(
      `SELECT rsvp FROM "MeetingInvitation" WHERE "meetingId" = ? AND email = ?`,
      meetingId,
      DEMO.company,
    ).rsvp;
  // Opening the link (as a mail scanner would) answers nothing.
  expect(rsvpOf()).toBe("PENDING");
  // Without JavaScript (a plain form post), "Peut-être" from the same page's other links.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(yesLink.pathname);
  await plain.getByRole("link", { name: "Peut-être" }).click();
  await plain.getByRole("button", { name: "Confirmer ma réponse : Peut-être" }).click();
  await expect(plain.getByRole("status")).toContainText("« Peut-être »");
  expect(rsvpOf()).toBe("MAYBE");
  await noScript.close();

  await anonymous.getByRole("button", { name: "Confirmer ma réponse : Je viens" }).click();
  await expect(anonymous.getByRole("status")).toContainText("votre réponse est enregistrée");
  expect(rsvpOf()).toBe("YES");
  await visitor.close();

  // Attendance.
  await page.goto(meetingUrl);
  await page.getByRole("link", { name: "Noter les présences" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Noter les présences" })).toBeVisible();
  await axe(page);
  const checkbox = page.getByRole("checkbox", { name: /Claire Dumont/ });
  await expect(checkbox).toBeChecked();
  await page.getByRole("button", { name: "Enregistrer les présences" }).click();
  await expect(page.getByRole("status")).toContainText("Présences enregistrées : 1 présent(s)");
  expect(
    row<{ attended: number }>(
      `SELECT attended FROM "MeetingInvitation" WHERE "meetingId" = ? AND email = ?`,
      meetingId,
      DEMO.company,
    ).attended,
  ).toBe(1);
  expect(
    count(
      `SELECT COUNT(*) AS n FROM "AuditLog" WHERE "entityId" = ? AND action = 'ATTENDANCE'`,
      meetingId,
    ),
  ).toBe(1);

  // Minutes, published.
  await page.getByRole("link", { name: "Écrire le compte rendu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compte rendu" })).toBeVisible();
  await axe(page);
  await page
    .getByLabel("Compte rendu (Markdown)")
    .fill(
      "## Relevé de décisions\n\n- Forum de l'alternance à Calais\n- **Une offre** par membre\n\n<script>alert('x')</script>",
    );
  await page.getByRole("button", { name: "Publier aux membres" }).click();
  await expect(page.getByRole("status")).toContainText("Compte rendu publié");
  await expect(page.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();

  // The member sees the minutes on the meetings page.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, DEMO.company);
  await expect(member).toHaveURL(/\/entreprise\//);
  await member.goto(`${clubUrl}/reunions`);
  await expect(member.getByRole("heading", { level: 1, name: "Réunions du club" })).toBeVisible();
  const card = member.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByRole("button", { name: "Je viens" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await card.getByText("Compte rendu", { exact: true }).click();
  await expect(card.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();
  await expect(card.getByText("Forum de l'alternance à Calais")).toBeVisible();
  // The script was shown as text, never run.
  await expect(card.getByText("<script>alert('x')</script>")).toBeVisible();
  // Past meetings of the demo with their published minutes.
  await expect(member.getByRole("heading", { name: "Réunions passées" })).toBeVisible();
  await axe(member);
  await member.goto(meetingUrl);
  await expect(member.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();
  await expect(member.getByRole("link", { name: "Noter les présences" })).toHaveCount(0);
  await axe(member);
  await memberContext.close();
});

test("the Nord club's animator gets 403 on the Pas-de-Calais club's meeting pages and actions", async ({
  page,
  browser,
  request,
}) => {
  const { clubId, nordClubId } = row<{ clubId: string; nordClubId: string }>(
    `SELECT (SELECT id FROM "Club" WHERE "departementCode" = '62' LIMIT 1) AS clubId,
            (SELECT id FROM "Club" WHERE "departementCode" = '59' LIMIT 1) AS nordClubId`,
  );
  const { id: meetingId } = row<{ id: string }>(
    `SELECT id FROM "Meeting" WHERE "clubId" = ? AND "cancelledAt" IS NULL ORDER BY "startsAt" DESC LIMIT 1`,
    clubId,
  );
  const base = `/club/${clubId}/reunions`;
  const snapshot = () =>
    JSON.stringify([
      count(`SELECT COUNT(*) AS n FROM "AuditLog"`),
      count(`SELECT COUNT(*) AS n FROM "EmailOutbox"`),
      count(`SELECT COUNT(*) AS n FROM "Meeting"`),
      count(`SELECT COUNT(*) AS n FROM "MeetingInvitation"`),
      row(`SELECT "cancelledAt", "minutes", title FROM "Meeting" WHERE id = ?`, meetingId),
    ]);
  const before = snapshot();

  await signIn(page, "animateur.nord@demo.test");
  await expect(page).toHaveURL(/\/club\/[^/]+$/);
  for (const url of [
    base,
    `${base}/nouvelle`,
    `${base}/${meetingId}`,
    `${base}/${meetingId}/modifier`,
    `${base}/${meetingId}/invitations`,
    `${base}/${meetingId}/presences`,
    `${base}/${meetingId}/compte-rendu`,
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(403);
  }
  await page.goto(`${base}/${meetingId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();

  for (const [url, form] of [
    [base, { intent: "regenerate-calendar" }],
    [base, { intent: "rsvp", meetingId, answer: "YES" }],
    [
      `${base}/nouvelle`,
      {
        intent: "save",
        title: "Pirate",
        startsAt: "2030-01-10T09:00",
        endsAt: "2030-01-10T10:00",
        place: "Lille",
      },
    ],
    [`${base}/${meetingId}`, { intent: "rsvp", answer: "NO" }],
    [`${base}/${meetingId}/modifier`, { intent: "cancel", confirm: "on" }],
    [`${base}/${meetingId}/invitations`, { intent: "all" }],
    [`${base}/${meetingId}/presences`, { attended: "x" }],
    [`${base}/${meetingId}/compte-rendu`, { intent: "publish", minutes: "Piraté" }],
  ] as const) {
    const response = await page.request.post(url, { form: { ...form }, maxRedirects: 0 });
    expect(response.status(), `POST ${url}`).toBe(403);
  }
  // The 62 meeting under the Nord club's own address: not found, never its data.
  const foreign = await page.request.get(`/club/${nordClubId}/reunions/${meetingId}`);
  expect(foreign.status()).toBe(404);
  expect(snapshot()).toBe(before);

  // The subscribable calendar: its address is on the meetings page; no sign-in, the token is the key.
  const owner = await browser.newContext();
  const animator = await owner.newPage();
  await signIn(animator, DEMO.animator);
  await expect(animator).toHaveURL(/\/club\/[^/]+$/);
  await animator.goto(base);
  const calendarUrl = new URL(
    await animator.getByLabel("Adresse de l'agenda du club").inputValue(),
  );
  await owner.close();
  expect(calendarUrl.pathname).toMatch(new RegExp(`^/club/${clubId}/calendrier/[\\w-]{43}\\.ics$`));
  expect((await request.get(`/club/${clubId}/calendrier/mauvais-jeton.ics`)).status()).toBe(404);
  expect(
    (
      await request.get(
        `/club/${nordClubId}${calendarUrl.pathname.slice(`/club/${clubId}`.length)}`,
      )
    ).status(),
  ).toBe(404);
  const feed = await request.get(calendarUrl.pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const calendar = parseIcs(await feed.text());
  expect(calendar.get("METHOD")).toBe("PUBLISH");
  expect(calendar.components.length).toBeGreaterThan(3);
});
