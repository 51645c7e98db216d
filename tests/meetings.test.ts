// Club meetings on a real SQLite database: Paris time, invitations with their .ics (parsed back),
// signed RSVP links (valid, tampered, expired), the reminder job (idempotent), cancellation,
// attendance and minutes, the subscribable calendar.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import {
  inviteToMeeting,
  listInvitableCompanies,
  MeetingError,
} from "~/models/meeting-invitations.server";
import { sendDueMeetingReminders } from "~/models/meeting-notices.server";
import { answerAsMember, recordLinkAnswer } from "~/models/meeting-answers.server";
import { cancelMeeting, createMeeting, updateMeeting } from "~/models/meeting.server";
import { ensureCalendarToken, regenerateCalendarToken } from "~/models/meeting-calendar.server";
import { saveAttendance } from "~/models/meeting-attendance.server";
import { saveMinutes } from "~/models/meeting-minutes.server";
import { setMeetingPractices } from "~/models/meeting-practices.server";
import { loader as calendarLoader } from "~/routes/club.$clubId.calendrier.$token";
import { action as rsvpAction, loader as rsvpLoader } from "~/routes/reunion.reponse.$token";
import { prisma } from "~/utils/db.server";
import { meetingInvitationIcs, meetingUid } from "~/utils/meeting-ics.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { toLocalInput } from "~/utils/time/wall-clock";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import { loadCurrentUser, type CurrentUser } from "~/utils/permissions.server";
import { createRsvpToken, verifyRsvpToken } from "~/utils/rsvp-links.server";
import { meetingSchema } from "~/utils/schemas/meeting";
import { appRequest } from "./utils/session";
import { icsUtcDate, parseIcs } from "./utils/meeting-ics-parse";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function current(userId: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(userId);
  if (!user) throw new Error("utilisateur introuvable");
  return user;
}

async function buildWorld() {
  const club = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  const otherClub = await insertClub(prisma, { name: "Club de Lille", departementCode: "59" });
  const person = async (name: string, email: string, scope?: Parameters<typeof grantRole>[2]) => {
    const user = await insertUser(prisma, { name, email });
    if (scope) await grantRole(prisma, user.id, scope);
    return user;
  };
  const companyA = await insertCompany(prisma, { name: "Alpha Transports" });
  const companyB = await insertCompany(prisma, { name: "Bêta Propreté" });
  const noAccount = await insertCompany(prisma, { name: "Gamma Sans Compte" });
  const prospect = await insertCompany(prisma, { name: "Prospect Delta" });
  const left = await insertCompany(prisma, { name: "Epsilon Partie" });
  const otherCompany = await insertCompany(prisma, { name: "Nord Numérique", communeCode: null });
  await addMembership(prisma, { companyId: companyA.id, clubId: club.id });
  await addMembership(prisma, { companyId: companyB.id, clubId: club.id });
  await addMembership(prisma, { companyId: noAccount.id, clubId: club.id });
  await addMembership(prisma, { companyId: prospect.id, clubId: club.id, status: "PROSPECT" });
  await addMembership(prisma, { companyId: left.id, clubId: club.id, status: "LEFT" });
  await addMembership(prisma, { companyId: otherCompany.id, clubId: otherClub.id });

  const animator = await person("Julie Animatrice", "animatrice@arras.test", {
    role: "ANIMATOR",
    clubId: club.id,
  });
  const otherAnimator = await person("Sam Nord", "animateur@lille.test", {
    role: "ANIMATOR",
    clubId: otherClub.id,
  });
  const leaderA = await person("Anne Alpha", "Anne@Alpha.test", {
    role: "COMPANY",
    companyId: companyA.id,
  });
  const colleagueA = await person("Alex Alpha", "alex@alpha.test", {
    role: "COMPANY",
    companyId: companyA.id,
  });
  const leaderB = await person("Bruno Bêta", "bruno@beta.test", {
    role: "COMPANY",
    companyId: companyB.id,
  });
  const prospectUser = await person("Paul Prospect", "paul@delta.test", {
    role: "COMPANY",
    companyId: prospect.id,
  });
  const leftUser = await person("Eve Partie", "eve@epsilon.test", {
    role: "COMPANY",
    companyId: left.id,
  });
  const otherLeader = await person("Nina Nord", "nina@nord.test", {
    role: "COMPANY",
    companyId: otherCompany.id,
  });
  const practice = await insertPractice(prisma, {
    companyId: companyA.id,
    clubId: club.id,
    title: "Recruter sans CV",
  });
  const hiddenPractice = await insertPractice(prisma, {
    companyId: companyA.id,
    clubId: club.id,
    title: "Masquée",
    hiddenAt: new Date(),
  });
  const otherPractice = await insertPractice(prisma, {
    companyId: otherCompany.id,
    clubId: otherClub.id,
    title: "Du Nord",
  });
  return {
    club,
    otherClub,
    companyA,
    companyB,
    noAccount,
    prospect,
    otherCompany,
    animator: await current(animator.id),
    otherAnimator: await current(otherAnimator.id),
    leaderA: await current(leaderA.id),
    colleagueA: await current(colleagueA.id),
    leaderB: await current(leaderB.id),
    prospectUser: await current(prospectUser.id),
    leftUser: await current(leftUser.id),
    otherLeader: await current(otherLeader.id),
    practice,
    hiddenPractice,
    otherPractice,
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

/** A meeting of the club through the model, `daysAhead` from now, 2 hours long. */
async function newMeeting(daysAhead = 14, overrides: Partial<Record<string, string>> = {}) {
  const start = new Date(Date.now() + daysAhead * DAY);
  const end = new Date(start.getTime() + 2 * HOUR);
  return createMeeting(w.animator, w.club.id, {
    title: "Petit-déjeuner : recruter autrement",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(end),
    place: "CCI Artois, salle du conseil, Arras",
    videoUrl: "https://visio.exemple.fr/club-62",
    agenda: "1. Tour de table\n2. Témoignage ; échanges, questions",
    ...overrides,
  });
}

function outbox(where: { template?: string; to?: string; dedupeKeyStart?: string } = {}) {
  return prisma.emailOutbox.findMany({
    where: {
      ...(where.template ? { template: where.template } : {}),
      ...(where.to ? { to: where.to } : {}),
      ...(where.dedupeKeyStart ? { dedupeKey: { startsWith: where.dedupeKeyStart } } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
}

type Attachment = { filename: string; contentType: string; content: string };
const attachmentsOf = (row: { attachments: string }) => JSON.parse(row.attachments) as Attachment[];
const icsOf = (row: { attachments: string }) =>
  parseIcs(Buffer.from(attachmentsOf(row)[0].content, "base64").toString("utf8"));

/** Status and body of what a loader/action returned or threw (Response, data(), plain). */
async function outcome(run: () => Promise<unknown>) {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    value = error;
  }
  if (value instanceof Response) return { status: value.status, body: null as unknown };
  const maybe = value as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (maybe?.type === "DataWithResponseInit") {
    return { status: maybe.init?.status ?? 200, body: maybe.data };
  }
  return { status: 200, body: value };
}

// ---------------------------------------------------------------- Paris time

// The conversions themselves (DST, zones) are tested in tests/time.test.ts.
describe("Paris time", () => {
  test("the form schema explains in French what is wrong", () => {
    const result = meetingSchema().safeParse({
      title: "Réunion",
      startsAt: "2026-03-29T02:30",
      endsAt: "2026-03-29T01:00",
      place: "",
      videoUrl: "http://visio.exemple.fr",
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages.join("\n")).toContain("startsAt: Cette heure n'existe pas en France");
    expect(messages.join("\n")).toContain("videoUrl: Indiquez une adresse commençant par https://");
    const noPlace = meetingSchema().safeParse({
      title: "Réunion",
      startsAt: "2026-12-10T09:00",
      endsAt: "2026-12-10T11:00",
      place: " ",
    });
    expect(noPlace.error!.issues[0]).toMatchObject({
      path: ["place"],
      message: "Indiquez le lieu de la réunion, ou un lien de visioconférence.",
    });
    const backwards = meetingSchema().safeParse({
      title: "Réunion",
      startsAt: "2026-12-10T11:00",
      endsAt: "2026-12-10T09:00",
      place: "Arras",
    });
    expect(backwards.error!.issues[0]).toMatchObject({
      path: ["endsAt"],
      message: "La fin doit être après le début.",
    });
  });

  test("the French wording of a meeting's time", () => {
    expect(
      formatMeetingWhen(new Date("2026-12-10T08:00:00Z"), new Date("2026-12-10T10:30:00Z")),
    ).toBe("jeudi 10 décembre 2026, de 09\u00a0h\u00a000 à 11\u00a0h\u00a030");
  });
});

// ---------------------------------------------------------------- a club of La Réunion

describe("a club of La Réunion (974, UTC+4)", () => {
  test("its 9:00 meeting is typed, stored, sent and put in the calendar at 9:00 in Saint-Denis", async () => {
    const club = await insertClub(prisma, { name: "Club de Saint-Denis", departementCode: "974" });
    const company = await insertCompany(prisma, { name: "Océan Indien Services" });
    await addMembership(prisma, { companyId: company.id, clubId: club.id });
    const animatorRow = await insertUser(prisma, {
      name: "Léa Réunion",
      email: "lea@reunion.test",
    });
    await grantRole(prisma, animatorRow.id, { role: "ANIMATOR", clubId: club.id });
    const leader = await insertUser(prisma, { name: "Marc Océan", email: "marc@ocean.test" });
    await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
    const animator = await current(animatorRow.id);

    // 02:30 on the last Sunday of March exists in La Réunion (no daylight saving there).
    const zone = zoneOfDepartement("974");
    expect(
      meetingSchema(zone).safeParse({
        title: "Réunion",
        startsAt: "2030-03-31T02:30",
        endsAt: "2030-03-31T03:30",
        place: "Saint-Denis",
      }).success,
    ).toBe(true);

    const id = await createMeeting(animator, club.id, {
      title: "Petit-déjeuner de l'inclusion",
      startsAt: "2030-12-10T09:00",
      endsAt: "2030-12-10T11:00",
      place: "CCI Réunion, Saint-Denis",
      agenda: "",
    });
    const stored = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(stored.startsAt.toISOString()).toBe("2030-12-10T05:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2030-12-10T07:00:00.000Z");
    expect(toLocalInput(stored.startsAt, zone)).toBe("2030-12-10T09:00");

    await inviteToMeeting(animator, club.id, id, { all: true });
    const [mail] = await outbox({ dedupeKeyStart: `meeting-invitation:${id}:` });
    expect(mail.to).toBe("marc@ocean.test");
    const when =
      "mardi 10 décembre 2030, de 09\u00a0h\u00a000 à 11\u00a0h\u00a000, heure de La Réunion";
    expect(mail.text).toContain(when);
    const event = icsOf(mail).components[0];
    expect(event.get("DTSTART")).toBe("20301210T050000Z");
    expect(event.get("DTEND")).toBe("20301210T070000Z");

    // Moved to 14:00 by the edit form: the update says 14 h 00 in La Réunion.
    await updateMeeting(animator, club.id, id, {
      title: "Petit-déjeuner de l'inclusion",
      startsAt: "2030-12-10T14:00",
      endsAt: "2030-12-10T16:00",
      place: "CCI Réunion, Saint-Denis",
      agenda: "",
    });
    const [update] = await outbox({ template: "meeting-updated", to: "marc@ocean.test" });
    expect(update.text).toContain("de 14\u00a0h\u00a000 à 16\u00a0h\u00a000, heure de La Réunion");
    expect(icsOf(update).components[0].get("DTSTART")).toBe("20301210T100000Z");
  });
});

// ---------------------------------------------------------------- invitations and .ics

describe("invitations", () => {
  test("lists the MEMBER companies only, with their people", async () => {
    const id = await newMeeting();
    const companies = await listInvitableCompanies(w.club.id, id);
    expect(companies.map((c) => [c.name, c.people, c.invited])).toEqual([
      ["Alpha Transports", 2, 0],
      ["Bêta Propreté", 1, 0],
      ["Gamma Sans Compte", 0, 0],
    ]);
  });

  test("invites every member's people in one go, each with an e-mail and a valid .ics; again does nothing", async () => {
    const id = await newMeeting();
    const first = await inviteToMeeting(w.animator, w.club.id, id, { all: true });
    expect(first).toEqual({ invited: 3, already: 0 });
    const rows = await prisma.meetingInvitation.findMany({
      where: { meetingId: id },
      orderBy: { email: "asc" },
    });
    expect(rows.map((r) => [r.email, r.companyId, r.rsvp, r.sentAt !== null])).toEqual([
      ["alex@alpha.test", w.companyA.id, "PENDING", true],
      ["anne@alpha.test", w.companyA.id, "PENDING", true],
      ["bruno@beta.test", w.companyB.id, "PENDING", true],
    ]);
    const mails = await outbox({ dedupeKeyStart: `meeting-invitation:${id}:` });
    expect(mails.map((m) => m.to).sort()).toEqual([
      "alex@alpha.test",
      "anne@alpha.test",
      "bruno@beta.test",
    ]);
    // Prospects, companies that left and other clubs are not invited.
    for (const email of ["paul@delta.test", "eve@epsilon.test", "nina@nord.test"]) {
      expect(await outbox({ to: email, template: "meeting-invitation" })).toHaveLength(0);
    }

    const mail = mails.find((m) => m.to === "anne@alpha.test")!;
    expect(mail.subject).toBe("Invitation : Petit-déjeuner : recruter autrement");
    expect(mail.text).toContain("Je viens : http://localhost:3000/reunion/reponse/");
    expect(mail.text).toContain("Je ne viens pas : http://localhost:3000/reunion/reponse/");
    expect(mail.text).toContain("Peut-être : http://localhost:3000/reunion/reponse/");
    expect(mail.text).toContain("Où : CCI Artois, salle du conseil, Arras");
    expect(mail.html).toContain("Je ne viens pas</a>");

    const [attachment] = attachmentsOf(mail);
    expect(attachment.filename).toBe("invitation.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const calendar = icsOf(mail);
    expect(calendar.get("VERSION")).toBe("2.0");
    expect(calendar.get("METHOD")).toBe("REQUEST");
    expect(calendar.components).toHaveLength(1);
    const event = calendar.components[0];
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(event.name).toBe("VEVENT");
    expect(event.get("UID")).toBe(meetingUid(id));
    expect(event.get("SUMMARY")).toBe("Petit-déjeuner : recruter autrement");
    expect(event.get("DTSTART")).toMatch(/Z$/);
    expect(icsUtcDate(event.get("DTSTART")).getTime()).toBe(meeting.startsAt.getTime());
    expect(icsUtcDate(event.get("DTEND")).getTime()).toBe(meeting.endsAt.getTime());
    expect(event.get("LOCATION")).toBe("CCI Artois, salle du conseil, Arras");
    expect(event.get("URL")).toBe(`http://localhost:3000/club/${w.club.id}/reunions/${id}`);
    expect(event.get("DESCRIPTION")).toContain("1. Tour de table\n2. Témoignage ; échanges");
    expect(event.get("DESCRIPTION")).toContain(
      "Visioconférence : https://visio.exemple.fr/club-62",
    );
    expect(event.get("STATUS")).toBe("CONFIRMED");
    const organizer = event.all("ORGANIZER")[0];
    expect(organizer.value.toLowerCase()).toBe("mailto:animatrice@arras.test");
    expect(organizer.params.CN).toBe("Julie Animatrice (Club d'Arras)");
    const attendee = event.all("ATTENDEE")[0];
    expect(attendee.value.toLowerCase()).toBe("mailto:anne@alpha.test");
    expect(attendee.params.RSVP).toBe("FALSE");

    const audits = await prisma.auditLog.count({
      where: { entityType: "Meeting", entityId: id, action: "INVITE" },
    });
    expect(audits).toBe(1);

    // Re-inviting: no new row, no new e-mail.
    const second = await inviteToMeeting(w.animator, w.club.id, id, { all: true });
    expect(second).toEqual({ invited: 0, already: 3 });
    expect(await prisma.meetingInvitation.count({ where: { meetingId: id } })).toBe(3);
    expect(await outbox({ dedupeKeyStart: `meeting-invitation:${id}:` })).toHaveLength(3);
  });

  test("a selection invites only those companies; a colleague added later is invited next time", async () => {
    const id = await newMeeting();
    expect(
      await inviteToMeeting(w.animator, w.club.id, id, { all: false, companyIds: [w.companyB.id] }),
    ).toEqual({ invited: 1, already: 0 });
    const newcomer = await insertUser(prisma, { name: "Bob Bêta", email: "bob@beta.test" });
    await grantRole(prisma, newcomer.id, { role: "COMPANY", companyId: w.companyB.id });
    expect(await inviteToMeeting(w.animator, w.club.id, id, { all: true })).toEqual({
      invited: 3,
      already: 1,
    });
    await prisma.roleAssignment.deleteMany({ where: { userId: newcomer.id } });
  });

  test("refuses companies outside the club's members, empty selections, ended or cancelled meetings", async () => {
    const id = await newMeeting();
    for (const companyIds of [[w.prospect.id], [w.otherCompany.id], [], [w.noAccount.id]]) {
      await expect(
        inviteToMeeting(w.animator, w.club.id, id, { all: false, companyIds }),
      ).rejects.toBeInstanceOf(MeetingError);
    }
    // A meeting id of another club under this club: not found, nothing written.
    const foreign = await insertMeeting(prisma, { clubId: w.otherClub.id });
    await expect(inviteToMeeting(w.animator, w.club.id, foreign.id, { all: true })).rejects.toThrow(
      "Cette réunion n'existe pas dans ce club.",
    );
    const past = await newMeeting(-3);
    await expect(inviteToMeeting(w.animator, w.club.id, past, { all: true })).rejects.toThrow(
      "Cette réunion est terminée.",
    );
    expect(await prisma.meetingInvitation.count({ where: { meetingId: { in: [id, past] } } })).toBe(
      0,
    );
  });
});

// ---------------------------------------------------------------- RSVP links

describe("RSVP links", () => {
  test("a token verifies; any change to it, or its expiry, does not", () => {
    const expiresAt = new Date(Date.now() + DAY);
    const token = createRsvpToken("cinvitation0000000000001", "YES", expiresAt);
    const ok = verifyRsvpToken(token);
    expect(ok).toMatchObject({ ok: true, invitationId: "cinvitation0000000000001", answer: "YES" });
    const [id, slug, expiry, signature] = token.split(".");
    for (const tampered of [
      [id, "non", expiry, signature].join("."), // another answer
      ["cinvitation0000000000002", slug, expiry, signature].join("."), // another invitation
      [id, slug, String(Number(expiry) + 3600), signature].join("."), // a longer life
      [id, slug, expiry, signature.slice(0, -2) + (signature.endsWith("A") ? "BB" : "AA")].join(
        ".",
      ),
      [id, slug, expiry].join("."),
      `${token}.extra`,
      "",
      "n'importe quoi",
    ]) {
      expect(verifyRsvpToken(tampered), tampered).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verifyRsvpToken(token, new Date(expiresAt.getTime() + 1000))).toMatchObject({
      ok: false,
      reason: "expired",
    });
  });

  test("GET shows a confirmation and changes nothing; POST records; tampered → 400; expired → 410", async () => {
    const id = await newMeeting(10);
    await inviteToMeeting(w.animator, w.club.id, id, { all: false, companyIds: [w.companyB.id] });
    const invitation = await prisma.meetingInvitation.findUniqueOrThrow({
      where: { meetingId_email: { meetingId: id, email: "bruno@beta.test" } },
    });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    // The token of the e-mail's "Peut-être" link is the one the page accepts.
    const mail = (await outbox({ dedupeKeyStart: `meeting-invitation:${id}:bruno` }))[0];
    const maybeUrl = /Peut-être : (\S+)/.exec(mail.text)![1];
    const token = maybeUrl.split("/").pop()!;
    expect(token).toBe(createRsvpToken(invitation.id, "MAYBE", meeting.endsAt));

    const path = `/reunion/reponse/${token}`;
    const get = await outcome(() =>
      rsvpLoader({ request: appRequest(path), params: { token }, context: {} }),
    );
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ state: "open", answer: "MAYBE", email: "bruno@beta.test" });
    expect(
      (await prisma.meetingInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).rsvp,
    ).toBe("PENDING");

    const post = await outcome(() =>
      rsvpAction({
        request: appRequest(path, { method: "POST", body: new URLSearchParams() }),
        params: { token },
        context: {},
      }),
    );
    expect(post.status).toBe(200);
    expect(post.body).toMatchObject({ state: "open", done: true, answer: "MAYBE" });
    const answered = await prisma.meetingInvitation.findUniqueOrThrow({
      where: { id: invitation.id },
    });
    expect(answered.rsvp).toBe("MAYBE");
    expect(answered.rsvpAt).toBeInstanceOf(Date);

    // Tampered: the answer changed by hand.
    const tampered = token.replace(".peut-etre.", ".oui.");
    for (const run of [rsvpLoader, rsvpAction]) {
      const result = await outcome(() =>
        run({
          request: appRequest(`/reunion/reponse/${tampered}`, {
            method: run === rsvpAction ? "POST" : "GET",
          }),
          params: { token: tampered },
          context: {},
        }),
      );
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ state: "invalid" });
    }
    // Expired: well signed, but past its expiry.
    const expired = createRsvpToken(invitation.id, "NO", new Date(Date.now() - 1000));
    const late = await outcome(() =>
      rsvpAction({
        request: appRequest(`/reunion/reponse/${expired}`, { method: "POST" }),
        params: { token: expired },
        context: {},
      }),
    );
    expect(late.status).toBe(410);
    expect((late.body as { message: string }).message).toContain("Ce lien a expiré");
    expect(
      (await prisma.meetingInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).rsvp,
    ).toBe("MAYBE");

    // A cancelled meeting: 410, nothing changes.
    await cancelMeeting(w.animator, w.club.id, id);
    const yes = createRsvpToken(invitation.id, "YES", meeting.endsAt);
    const cancelled = await outcome(() =>
      rsvpAction({
        request: appRequest(`/reunion/reponse/${yes}`, { method: "POST" }),
        params: { token: yes },
        context: {},
      }),
    );
    expect(cancelled.status).toBe(410);
    expect((cancelled.body as { message: string }).message).toBe("Cette réunion a été annulée.");
    expect(
      (await prisma.meetingInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).rsvp,
    ).toBe("MAYBE");
    await expect(recordLinkAnswer(invitation.id, "YES")).rejects.toThrow("annulée");
  });

  test("a member answers in the app; a colleague not invited gets a row; others are refused", async () => {
    const id = await newMeeting(12);
    await inviteToMeeting(w.animator, w.club.id, id, { all: false, companyIds: [w.companyA.id] });
    await answerAsMember(w.leaderA, w.club.id, id, "YES");
    await answerAsMember(w.leaderB, w.club.id, id, "NO");
    const rows = await prisma.meetingInvitation.findMany({
      where: { meetingId: id },
      orderBy: { email: "asc" },
      select: { email: true, rsvp: true, sentAt: true },
    });
    expect(rows.map((r) => [r.email, r.rsvp, r.sentAt !== null])).toEqual([
      ["alex@alpha.test", "PENDING", true],
      ["anne@alpha.test", "YES", true],
      ["bruno@beta.test", "NO", false],
    ]);
    for (const user of [w.prospectUser, w.leftUser, w.otherLeader, w.animator]) {
      await expect(answerAsMember(user, w.club.id, id, "YES")).rejects.toThrow(
        "Seules les personnes des entreprises membres du club peuvent répondre.",
      );
    }
  });
});

// ---------------------------------------------------------------- reminders

describe("reminder job", () => {
  test("reminds, two days before, those who did not say no; a second run sends nothing", async () => {
    const now = new Date();
    const soon = await insertMeeting(prisma, {
      clubId: w.club.id,
      title: "Réunion dans 30 heures",
      startsAt: new Date(now.getTime() + 30 * HOUR),
      createdById: w.animator.id,
      invitations: [
        { email: "anne@alpha.test", rsvp: "YES", sentAt: new Date(now.getTime() - 10 * DAY) },
        { email: "alex@alpha.test", rsvp: "NO", sentAt: new Date(now.getTime() - 10 * DAY) },
        { email: "bruno@beta.test", rsvp: "PENDING", sentAt: new Date(now.getTime() - 10 * DAY) },
        { email: "maybe@beta.test", rsvp: "MAYBE", sentAt: new Date(now.getTime() - 9 * DAY) },
        // Invited an hour ago: the invitation is fresh enough.
        { email: "fresh@beta.test", rsvp: "PENDING", sentAt: new Date(now.getTime() - HOUR) },
        // Answered in the app, never e-mailed.
        { email: "app@beta.test", rsvp: "YES", sentAt: null },
      ],
    });
    const later = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() + 60 * HOUR),
      invitations: [{ email: "anne@alpha.test", sentAt: new Date(now.getTime() - DAY * 5) }],
    });
    const cancelled = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() + 20 * HOUR),
      invitations: [{ email: "anne@alpha.test", sentAt: new Date(now.getTime() - DAY * 5) }],
    });
    await prisma.meeting.update({ where: { id: cancelled.id }, data: { cancelledAt: now } });
    const nobodyYet = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() + 20 * HOUR),
    });

    const first = await sendDueMeetingReminders(now);
    expect(first.emails).toBe(4);
    const reminders = await outbox({ dedupeKeyStart: `meeting-reminder:${soon.id}:` });
    expect(reminders.map((r) => r.to).sort()).toEqual([
      "anne@alpha.test",
      "app@beta.test",
      "bruno@beta.test",
      "maybe@beta.test",
    ]);
    const anne = reminders.find((r) => r.to === "anne@alpha.test")!;
    expect(anne.subject).toBe("Rappel : Réunion dans 30 heures");
    expect(anne.text).toContain("Votre réponse : « Je viens »");
    expect(reminders.find((r) => r.to === "bruno@beta.test")!.text).toContain(
      "Vous n'avez pas encore répondu",
    );
    const sentAt = (await prisma.meeting.findUniqueOrThrow({ where: { id: soon.id } }))
      .reminderSentAt;
    expect(sentAt?.getTime()).toBe(now.getTime());
    for (const id of [later.id, cancelled.id, nobodyYet.id]) {
      expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).reminderSentAt).toBeNull();
      expect(await outbox({ dedupeKeyStart: `meeting-reminder:${id}:` })).toHaveLength(0);
    }

    // Second run (five minutes later): nothing new.
    const second = await sendDueMeetingReminders(new Date(now.getTime() + 5 * 60_000));
    expect(second).toEqual({ meetings: 0, emails: 0 });
    expect(await outbox({ dedupeKeyStart: `meeting-reminder:${soon.id}:` })).toHaveLength(4);

    // Even if the mark were lost (a crash between two runs), the dedupeKeys hold.
    await prisma.meeting.update({ where: { id: soon.id }, data: { reminderSentAt: null } });
    await sendDueMeetingReminders(new Date(now.getTime() + 10 * 60_000));
    expect(await outbox({ dedupeKeyStart: `meeting-reminder:${soon.id}:` })).toHaveLength(4);
  });

  test("two runs at the same time send each reminder once", async () => {
    const now = new Date();
    const m = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() + 40 * HOUR),
      invitations: [{ email: "anne@alpha.test", sentAt: new Date(now.getTime() - 5 * DAY) }],
    });
    const runs = await Promise.all([sendDueMeetingReminders(now), sendDueMeetingReminders(now)]);
    expect(runs.map((r) => r.emails).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await outbox({ dedupeKeyStart: `meeting-reminder:${m.id}:` })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- changes and cancellation

describe("changes and cancellation", () => {
  test("moving a meeting tells the invitees with an updated .ics (same UID, higher SEQUENCE)", async () => {
    const id = await newMeeting(20);
    await inviteToMeeting(w.animator, w.club.id, id, { all: false, companyIds: [w.companyB.id] });
    const invitation = icsOf((await outbox({ dedupeKeyStart: `meeting-invitation:${id}:` }))[0]);
    // The .ics SEQUENCE counts the seconds since the meeting's creation: created a minute ago,
    // without waiting for the clock to tick.
    await prisma.meeting.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    const start = new Date(Date.now() + 21 * DAY);
    // Only the agenda changes: nobody is told.
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    const same = {
      title: meeting.title,
      startsAt: toLocalInput(meeting.startsAt),
      endsAt: toLocalInput(meeting.endsAt),
      place: meeting.place,
      videoUrl: meeting.videoUrl ?? undefined,
      agenda: "Nouvel ordre du jour",
    };
    expect(await updateMeeting(w.animator, w.club.id, id, same)).toBe(0);
    const told = await updateMeeting(w.animator, w.club.id, id, {
      ...same,
      startsAt: toLocalInput(start),
      endsAt: toLocalInput(new Date(start.getTime() + HOUR)),
      place: "Hôtel de ville, Arras",
    });
    expect(told).toBe(1);
    const [update] = await outbox({ dedupeKeyStart: `meeting-updated:${id}:` });
    expect(update.to).toBe("bruno@beta.test");
    expect(update.text).toContain("Où : Hôtel de ville, Arras");
    const event = icsOf(update).components[0];
    const before = invitation.components[0];
    expect(event.get("UID")).toBe(before.get("UID"));
    expect(Number(event.get("SEQUENCE"))).toBeGreaterThan(Number(before.get("SEQUENCE")));
    expect(event.get("LOCATION")).toBe("Hôtel de ville, Arras");
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "UPDATE" } })).toBe(2);
  });

  test("cancelling tells every invitee with METHOD:CANCEL, once", async () => {
    const id = await newMeeting(15);
    await inviteToMeeting(w.animator, w.club.id, id, { all: true });
    expect(await cancelMeeting(w.animator, w.club.id, id)).toBe(3);
    const mails = await outbox({ dedupeKeyStart: `meeting-cancelled:${id}:` });
    expect(mails).toHaveLength(3);
    expect(mails[0].subject).toBe("Annulation : Petit-déjeuner : recruter autrement");
    const calendar = icsOf(mails[0]);
    expect(attachmentsOf(mails[0])[0].contentType).toContain("method=CANCEL");
    expect(calendar.get("METHOD")).toBe("CANCEL");
    expect(calendar.components[0].get("STATUS")).toBe("CANCELLED");
    expect(calendar.components[0].get("UID")).toBe(meetingUid(id));
    await expect(cancelMeeting(w.animator, w.club.id, id)).rejects.toThrow("déjà annulée");
    expect(await outbox({ dedupeKeyStart: `meeting-cancelled:${id}:` })).toHaveLength(3);
    // No reminder, no invitation for a cancelled meeting.
    await expect(inviteToMeeting(w.animator, w.club.id, id, { all: true })).rejects.toThrow(
      "annulée",
    );
  });
});

// ---------------------------------------------------------------- attendance, minutes, practices

describe("attendance, minutes and practices", () => {
  test("attendance is saved for invitees only, in one transaction, audited; not before the start", async () => {
    const future = await newMeeting(3);
    await inviteToMeeting(w.animator, w.club.id, future, { all: true });
    await expect(saveAttendance(w.animator, w.club.id, future, [])).rejects.toThrow(
      "à partir du début",
    );

    const now = new Date();
    const ongoing = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() - HOUR),
      endsAt: new Date(now.getTime() + HOUR),
      invitations: [{ email: "anne@alpha.test" }, { email: "bruno@beta.test" }],
    });
    const other = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() - HOUR),
      invitations: [{ email: "intrus@beta.test" }],
    });
    const [anne, bruno] = ongoing.invitations.sort((a, b) => a.email.localeCompare(b.email));
    // An invitation of another meeting: refused, nothing written.
    await expect(
      saveAttendance(w.animator, w.club.id, ongoing.id, [anne.id, other.invitations[0].id]),
    ).rejects.toThrow("Cochez uniquement des personnes invitées");
    expect(
      await prisma.meetingInvitation.count({
        where: { meetingId: ongoing.id, attended: { not: null } },
      }),
    ).toBe(0);

    expect(await saveAttendance(w.animator, w.club.id, ongoing.id, [anne.id])).toEqual({
      present: 1,
      absent: 1,
    });
    const saved = await prisma.meetingInvitation.findMany({
      where: { meetingId: ongoing.id },
      orderBy: { email: "asc" },
    });
    expect(saved.map((i) => [i.email, i.attended])).toEqual([
      ["anne@alpha.test", true],
      ["bruno@beta.test", false],
    ]);
    expect(bruno.id).toBeTruthy();
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: ongoing.id, action: "ATTENDANCE" },
    });
    expect(entry.actorId).toBe(w.animator.id);
    expect(JSON.parse(entry.after!)).toEqual({ present: [anne.id], absent: 1 });
  });

  test("minutes: draft, then published, then unpublished; never for a meeting of another club", async () => {
    const now = new Date();
    const m = await insertMeeting(prisma, {
      clubId: w.club.id,
      startsAt: new Date(now.getTime() - 3 * HOUR),
    });
    await saveMinutes(w.animator, w.club.id, m.id, "## Brouillon", "save");
    let row = await prisma.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect([row.minutes, row.minutesPublishedAt]).toEqual(["## Brouillon", null]);
    await expect(saveMinutes(w.animator, w.club.id, m.id, "  ", "publish")).rejects.toThrow(
      "Écrivez le compte rendu",
    );
    await saveMinutes(w.animator, w.club.id, m.id, "## Compte rendu\n\nMerci à tous.", "publish");
    row = await prisma.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.minutesPublishedAt).toBeInstanceOf(Date);
    await saveMinutes(w.animator, w.club.id, m.id, row.minutes!, "unpublish");
    row = await prisma.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.minutesPublishedAt).toBeNull();
    expect(
      await prisma.auditLog.count({ where: { entityId: m.id, action: { endsWith: "_MINUTES" } } }),
    ).toBe(3);
    await expect(
      saveMinutes(w.otherAnimator, w.otherClub.id, m.id, "pirate", "publish"),
    ).rejects.toThrow("n'existe pas dans ce club");
  });

  test("featured practices: the club's visible ones only", async () => {
    const id = await newMeeting(5);
    await setMeetingPractices(w.animator, w.club.id, id, [w.practice.id]);
    expect(await prisma.meetingPractice.count({ where: { meetingId: id } })).toBe(1);
    for (const ids of [[w.otherPractice.id], [w.hiddenPractice.id]]) {
      await expect(setMeetingPractices(w.animator, w.club.id, id, ids)).rejects.toThrow(
        "Choisissez des bonnes pratiques du club.",
      );
    }
    await setMeetingPractices(w.animator, w.club.id, id, []);
    expect(await prisma.meetingPractice.count({ where: { meetingId: id } })).toBe(0);
  });
});

// ---------------------------------------------------------------- subscribable calendar

describe("club calendar", () => {
  test("a valid VCALENDAR of the meetings not cancelled; a wrong token is a 404", async () => {
    const token = await ensureCalendarToken(w.club.id, null);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureCalendarToken(w.club.id, null)).toBe(token);
    const kept = await newMeeting(30, { title: "Assemblée annuelle, bilan ; engagements" });
    const dropped = await newMeeting(31);
    await cancelMeeting(w.animator, w.club.id, dropped);

    const call = (clubId: string, segment: string) =>
      calendarLoader({
        request: appRequest(`/club/${clubId}/calendrier/${segment}`),
        params: { clubId, token: segment },
        context: {},
      }) as Promise<Response>;

    const response = await call(w.club.id, `${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const calendar = parseIcs(await response.text());
    expect(calendar.get("METHOD")).toBe("PUBLISH");
    expect(calendar.get("X-WR-CALNAME")).toBe("Réunions — Club d'Arras");
    const uids = calendar.components.map((e) => e.get("UID"));
    expect(uids).toContain(meetingUid(kept));
    expect(uids).not.toContain(meetingUid(dropped));
    const event = calendar.components.find((e) => e.get("UID") === meetingUid(kept))!;
    expect(event.get("SUMMARY")).toBe("Assemblée annuelle, bilan ; engagements");
    // Only this club's meetings, and no personal data.
    expect(calendar.components.every((e) => e.all("ATTENDEE").length === 0)).toBe(true);

    for (const [clubId, segment] of [
      [w.club.id, "wrong-token.ics"],
      [w.club.id, token], // without .ics
      [w.otherClub.id, `${token}.ics`], // the token of another club
      [w.club.id, ".ics"],
    ]) {
      expect((await call(clubId, segment)).status, segment).toBe(404);
    }

    const renewed = await regenerateCalendarToken(w.animator, w.club.id);
    expect(renewed).not.toBe(token);
    expect((await call(w.club.id, `${token}.ics`)).status).toBe(404);
    expect((await call(w.club.id, `${renewed}.ics`)).status).toBe(200);
  });

  test("the .ics of one invitation parses back with the meeting in UTC", () => {
    const ics = meetingInvitationIcs(
      {
        id: "cmeeting000000000000000001",
        clubId: "cclub",
        clubName: "Club, test ; virgules",
        title: "Réunion d'hiver",
        startsAt: new Date("2026-12-10T08:00:00Z"),
        endsAt: new Date("2026-12-10T10:00:00Z"),
        place: "",
        videoUrl: "https://visio.exemple.fr/hiver",
        agenda: "",
        cancelledAt: null,
        createdAt: new Date("2026-11-01T10:00:00Z"),
        updatedAt: new Date("2026-11-01T10:00:00Z"),
        organizer: { name: "Julie", email: "julie@exemple.fr" },
      },
      { email: "anne@alpha.test" },
    );
    const event = parseIcs(ics).components[0];
    expect(event.get("DTSTART")).toBe("20261210T080000Z");
    expect(event.get("DTEND")).toBe("20261210T100000Z");
    // No place: the video link is the location.
    expect(event.get("LOCATION")).toBe("https://visio.exemple.fr/hiver");
    expect(event.get("SEQUENCE")).toBe("0");
    expect(event.all("ORGANIZER")[0].params.CN).toBe("Julie (Club, test ; virgules)");
  });
});
