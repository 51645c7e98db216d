// Issue 17, point 3, "done when": a club of La Réunion (974, UTC+4 all year) has its meeting
// invited at its own hour. The animator types 9:00; the page, the invitation e-mail received by
// the test SMTP server and its .ics all mean 9:00 in Saint-Denis, 05:00 UTC — not 9:00 in Paris.
// The club, its animator and a member company with its leader are added to the journeys'
// database for this test (the demo data has no overseas club).
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { parseIcs } from "../utils/meeting-ics-parse";
import { DEMO, expect, signIn, test } from "./fixtures";
import { dbRow as row } from "./db";
import { E2E_DB_PATH } from "./ports";

/** A club of 974 with an animator and one member company whose leader has an account. */
function addReunionClub() {
  const stamp = Date.now();
  const ids = {
    club: `tz-club-${stamp}`,
    company: `tz-company-${stamp}`,
    animator: `tz-animator-${stamp}`,
    leader: `tz-leader-${stamp}`,
  };
  const emails = {
    animator: `animateur-974-${stamp}@demo.test`,
    leader: `dirigeant-974-${stamp}@demo.test`,
  };
  const db = new Database(path.resolve(E2E_DB_PATH));
  db.pragma("busy_timeout = 5000");
  try {
    // The demo password's hash, so the new accounts sign in like the demo ones.
    const { passwordHash } = db
      .prepare(`SELECT "passwordHash" FROM "User" WHERE email = ?`)
      .get(DEMO.animator) as { passwordHash: string };
    const now = Date.now();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Club" (id, name, "departementCode", "createdAt") VALUES (?, ?, '974', ?)`,
      ).run(ids.club, `Club de Saint-Denis ${stamp}`, now);
      db.prepare(
        `INSERT INTO "Company" (id, siret, siren, name, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        ids.company,
        String(stamp).padStart(14, "9").slice(-14),
        String(stamp).slice(-9),
        "Océan Indien Services",
        now,
        now,
      );
      db.prepare(
        `INSERT INTO "ClubMembership" (id, "companyId", "clubId", status, "joinedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'MEMBER', ?, ?, ?)`,
      ).run(randomUUID(), ids.company, ids.club, now, now, now);
      const user = db.prepare(
        `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      );
      user.run(ids.animator, emails.animator, "Léa Payet", passwordHash, now, now);
      user.run(ids.leader, emails.leader, "Marc Hoarau", passwordHash, now, now);
      const role = db.prepare(
        `INSERT INTO "RoleAssignment" (id, "userId", role, "companyId", "clubId", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
      );
      role.run(randomUUID(), ids.animator, "ANIMATOR", null, ids.club, now);
      role.run(randomUUID(), ids.leader, "COMPANY", ids.company, null, now);
    })();
  } finally {
    db.close();
  }
  return { clubId: ids.club, emails };
}

test("a club of La Réunion schedules its meeting at 9:00 in Saint-Denis: page, e-mail and .ics say 9:00 there, 05:00 UTC", async ({
  page,
  mailbox,
  axe,
}) => {
  test.setTimeout(120_000);
  const { clubId, emails } = addReunionClub();
  await signIn(page, emails.animator);
  await expect(page).toHaveURL(new RegExp(`/club/${clubId}$`));

  await page.goto(`/club/${clubId}/reunions/nouvelle`);
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle réunion" })).toBeVisible();
  // The form says in which hour the times are typed.
  await expect(page.getByText("Date et heure de La Réunion.").first()).toBeVisible();
  await axe(page);

  // A day a month ahead (the browser runs on Paris time: what it shows must not matter).
  const day = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
  const title = `Petit-déjeuner de l'inclusion ${Date.now()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Début").fill(`${day}T09:00`);
  await page.getByLabel("Fin").fill(`${day}T11:00`);
  await page.getByLabel("Lieu").fill("CCI Réunion, Saint-Denis");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("status")).toContainText("La réunion est créée");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByText("de 09\u00a0h\u00a000 à 11\u00a0h\u00a000, heure de La Réunion"),
  ).toBeVisible();
  await axe(page);

  const meetingId = new URL(page.url()).pathname.split("/").pop()!;
  const saved = row<{ startsAt: number; endsAt: number }>(
    `SELECT "startsAt", "endsAt" FROM "Meeting" WHERE id = ?`,
    meetingId,
  );
  expect(new Date(saved.startsAt).toISOString()).toBe(`${day}T05:00:00.000Z`);
  expect(new Date(saved.endsAt).toISOString()).toBe(`${day}T07:00:00.000Z`);

  await page.getByRole("link", { name: "Inviter les membres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inviter les membres" })).toBeVisible();
  await axe(page);
  await page.getByRole("button", { name: "Inviter toutes les entreprises membres" }).click();
  await expect(page.getByRole("status")).toContainText("invitation(s) envoyée(s)");

  // The invitation, through the real SMTP server: 9:00 in La Réunion, and 05:00 UTC in the .ics.
  const message = await mailbox.waitForMessage({ to: emails.leader, subject: title }, 30_000);
  expect(message.text).toContain("de 09\u00a0h\u00a000 à 11\u00a0h\u00a000, heure de La Réunion");
  expect(message.html).toContain("heure de La Réunion");
  const attachment = message.attachments.find((a) => a.contentType === "text/calendar");
  expect(attachment, "pièce jointe text/calendar").toBeTruthy();
  const event = parseIcs(attachment!.content.toString("utf8")).components.find(
    (c) => c.name === "VEVENT",
  )!;
  const compact = day.replaceAll("-", "");
  expect(event.get("DTSTART")).toBe(`${compact}T050000Z`);
  expect(event.get("DTEND")).toBe(`${compact}T070000Z`);

  // The edit form shows the club's hour back, not Paris's.
  await page.goto(`/club/${clubId}/reunions/${meetingId}/modifier`);
  await expect(page.getByLabel("Début")).toHaveValue(`${day}T09:00`);
  await expect(page.getByLabel("Fin")).toHaveValue(`${day}T11:00`);
});
