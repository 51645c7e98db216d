// Club meetings: created and changed by the club's animators, read by its members. Every
// query is scoped by the club of the URL (a meeting id of another club is "not found"), every
// write is audited. Invitations, answers and e-mails: meeting-invitations.server.ts.

import { randomBytes } from "node:crypto";
import { assertClubOpen } from "~/models/club-status.server";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { clubCalendarIcs, type IcsMeeting } from "~/utils/meeting-ics.server";
import { type TimeZone } from "~/utils/time/zones";
import { parseLocal } from "~/utils/time/wall-clock";
import type { CurrentUser } from "~/utils/permissions.server";
import type { MeetingFormValue } from "~/utils/schemas/meeting";
import { emailField } from "~/utils/validation";
import { z } from "zod";
import { clubZone } from "./club-zone.server";
import { MeetingError, requireClubMeeting } from "./meeting-invitations.server";
import { queueMeetingNotices } from "./meeting-notices.server";

export { MeetingError };

const MEETING_SELECT = {
  id: true,
  clubId: true,
  title: true,
  startsAt: true,
  endsAt: true,
  place: true,
  videoUrl: true,
  agenda: true,
  minutes: true,
  minutesPublishedAt: true,
  reminderSentAt: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** One meeting of the club, with its featured practices; null if it is not this club's. */
export async function getClubMeeting(clubId: string, meetingId: string) {
  return prisma.meeting.findFirst({
    where: { id: meetingId, clubId },
    select: {
      ...MEETING_SELECT,
      club: { select: { name: true, departementCode: true } },
      practices: {
        where: { practice: { hiddenAt: null } },
        orderBy: { practice: { title: "asc" } },
        select: {
          practice: {
            select: { id: true, title: true, body: true, company: { select: { name: true } } },
          },
        },
      },
    },
  });
}

/** The club's meetings: coming (or going on) soonest first, past ones latest first. */
export async function listClubMeetings(clubId: string, now = new Date()) {
  const meetings = await prisma.meeting.findMany({
    where: { clubId },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      place: true,
      videoUrl: true,
      cancelledAt: true,
      minutes: true,
      minutesPublishedAt: true,
      invitations: { select: { rsvp: true, attended: true } },
    },
  });
  const withCounts = meetings.map(({ invitations, ...m }) => ({
    ...m,
    counts: {
      invited: invitations.length,
      yes: invitations.filter((i) => i.rsvp === "YES").length,
      no: invitations.filter((i) => i.rsvp === "NO").length,
      maybe: invitations.filter((i) => i.rsvp === "MAYBE").length,
      attended: invitations.filter((i) => i.attended).length,
    },
  }));
  return {
    upcoming: withCounts.filter((m) => m.endsAt > now),
    past: withCounts.filter((m) => m.endsAt <= now).reverse(),
  };
}

/** The instants the form's wall-clock times mean in the club's zone. */
function instants(value: MeetingFormValue, zone: TimeZone) {
  const start = parseLocal(value.startsAt, zone);
  const end = parseLocal(value.endsAt, zone);
  // The schema already refused these; a second guard for callers that skip it.
  if (!start.ok) throw new MeetingError("Date de début invalide.", "startsAt");
  if (!end.ok) throw new MeetingError("Date de fin invalide.", "endsAt");
  if (end.date <= start.date) throw new MeetingError("La fin doit être après le début.", "endsAt");
  return { startsAt: start.date, endsAt: end.date };
}

function fieldsOf(value: MeetingFormValue, zone: TimeZone) {
  return {
    title: value.title.trim(),
    ...instants(value, zone),
    place: (value.place ?? "").trim(),
    videoUrl: value.videoUrl?.trim() || null,
    agenda: (value.agenda ?? "").trim(),
  };
}

export async function createMeeting(actor: CurrentUser, clubId: string, value: MeetingFormValue) {
  const fields = fieldsOf(value, await clubZone(clubId));
  return prisma.$transaction(async (tx) => {
    await assertClubOpen(tx, clubId, (message) => new MeetingError(message));
    const meeting = await tx.meeting.create({
      data: { clubId, createdById: actor.id, ...fields },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "CREATE",
      entityType: "Meeting",
      entityId: meeting.id,
      clubId,
      after: fields,
    });
    return meeting.id;
  });
}

/**
 * Changes a meeting. When its date, time or place changes before it ends, the people invited
 * are told by e-mail with an updated .ics (same transaction). Returns how many were told.
 */
export async function updateMeeting(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  value: MeetingFormValue,
  now = new Date(),
) {
  const before = await prisma.meeting.findFirst({
    where: { id: meetingId, clubId },
    select: MEETING_SELECT,
  });
  if (!before) throw new MeetingError("Cette réunion n'existe pas dans ce club.");
  if (before.cancelledAt) throw new MeetingError("Une réunion annulée ne se modifie plus.");
  const fields = fieldsOf(value, await clubZone(clubId));
  const rescheduled =
    fields.startsAt.getTime() !== before.startsAt.getTime() ||
    fields.endsAt.getTime() !== before.endsAt.getTime() ||
    fields.place !== before.place ||
    fields.videoUrl !== before.videoUrl;
  return prisma.$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id: meetingId },
      // A new date means a new reminder.
      data: {
        ...fields,
        ...(fields.startsAt.getTime() !== before.startsAt.getTime()
          ? { reminderSentAt: null }
          : {}),
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "UPDATE",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      before: {
        title: before.title,
        startsAt: before.startsAt,
        endsAt: before.endsAt,
        place: before.place,
        videoUrl: before.videoUrl,
        agenda: before.agenda,
      },
      after: fields,
    });
    if (!rescheduled || fields.endsAt <= now) return 0;
    return queueMeetingNotices(tx, meetingId, "updated");
  });
}

/** Cancels a meeting that has not ended; every invitee is told by e-mail (same transaction). */
export async function cancelMeeting(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  now = new Date(),
) {
  const meeting = await requireClubMeeting(clubId, meetingId);
  if (meeting.cancelledAt) throw new MeetingError("Cette réunion est déjà annulée.");
  if (meeting.endsAt <= now) throw new MeetingError("Une réunion terminée ne s'annule plus.");
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.meeting.updateMany({
      where: { id: meetingId, cancelledAt: null },
      data: { cancelledAt: now },
    });
    if (claimed.count === 0) throw new MeetingError("Cette réunion est déjà annulée.");
    await audit(tx, {
      actorId: actor.id,
      action: "CANCEL",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      after: { cancelledAt: now },
    });
    return queueMeetingNotices(tx, meetingId, "cancelled");
  });
}

// ---------------------------------------------------------------- practices

/** The club's good practices an animator may feature at a meeting (hidden ones left out). */
export async function listClubPractices(clubId: string) {
  return prisma.practice.findMany({
    where: { clubId, hiddenAt: null },
    orderBy: [{ featuredAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, title: true, company: { select: { name: true } } },
  });
}

/** Sets the practices featured at the meeting (replacing the previous choice). */
export async function setMeetingPractices(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  practiceIds: string[],
) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, clubId },
    select: { id: true, practices: { select: { practiceId: true } } },
  });
  if (!meeting) throw new MeetingError("Cette réunion n'existe pas dans ce club.");
  const ids = [...new Set(practiceIds)];
  const valid = await prisma.practice.count({
    where: { id: { in: ids }, clubId, hiddenAt: null },
  });
  if (valid !== ids.length) {
    throw new MeetingError("Choisissez des bonnes pratiques du club.", "practiceIds");
  }
  await prisma.$transaction(async (tx) => {
    await tx.meetingPractice.deleteMany({ where: { meetingId } });
    if (ids.length > 0) {
      await tx.meetingPractice.createMany({
        data: ids.map((practiceId) => ({ meetingId, practiceId })),
      });
    }
    await audit(tx, {
      actorId: actor.id,
      action: "UPDATE_PRACTICES",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      before: meeting.practices.map((p) => p.practiceId),
      after: ids,
    });
  });
}

// ---------------------------------------------------------------- attendance and minutes

/** Attendance and minutes are taken from the start of the meeting. */
export function meetingHasStarted(meeting: { startsAt: Date }, now = new Date()) {
  return meeting.startsAt <= now;
}

/** Attendance is noted for a meeting of this club that has started and was not cancelled. */
async function assertAttendanceOpen(clubId: string, meetingId: string, now: Date) {
  const meeting = await requireClubMeeting(clubId, meetingId);
  if (meeting.cancelledAt) throw new MeetingError("Cette réunion a été annulée.");
  if (!meetingHasStarted(meeting, now)) {
    throw new MeetingError("Les présences se notent à partir du début de la réunion.");
  }
}

/**
 * Saves who attended: the ticked invitations attended, the others did not. One transaction,
 * audited with the counts (and the ids that changed).
 */
export async function saveAttendance(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  attendedIds: string[],
  now = new Date(),
) {
  await assertAttendanceOpen(clubId, meetingId, now);
  const ids = new Set(attendedIds);
  return prisma.$transaction(async (tx) => {
    const invitations = await tx.meetingInvitation.findMany({
      where: { meetingId },
      select: { id: true, attended: true },
    });
    const known = new Set(invitations.map((i) => i.id));
    if ([...ids].some((id) => !known.has(id))) {
      throw new MeetingError("Cochez uniquement des personnes invitées à cette réunion.");
    }
    const present = invitations.filter((i) => ids.has(i.id)).map((i) => i.id);
    const absent = invitations.filter((i) => !ids.has(i.id)).map((i) => i.id);
    await tx.meetingInvitation.updateMany({
      where: { meetingId, id: { in: present } },
      data: { attended: true },
    });
    await tx.meetingInvitation.updateMany({
      where: { meetingId, id: { in: absent } },
      data: { attended: false },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "ATTENDANCE",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      before: {
        present: invitations.filter((i) => i.attended === true).map((i) => i.id),
      },
      after: { present, absent: absent.length },
    });
    return { present: present.length, absent: absent.length };
  });
}

/** The club's MEMBER companies, for the walk-in form. */
export function listMemberCompanies(clubId: string) {
  return prisma.clubMembership
    .findMany({
      where: { clubId, status: "MEMBER" },
      orderBy: { company: { name: "asc" } },
      select: { company: { select: { id: true, name: true } } },
    })
    .then((rows) => rows.map((r) => r.company));
}

/** Someone of a member company who came without an invitation (or has no account). */
export const walkInSchema = z.object({
  companyId: z
    .string({ error: "Choisissez l'entreprise de la personne." })
    .trim()
    .min(1, "Choisissez l'entreprise de la personne.")
    .max(64, "Choisissez une entreprise membre du club."),
  email: emailField,
  // A member company's contact, never a person hired: the club's own attendance list.
  name: z
    .string()
    .trim()
    .max(100, "Le nom doit compter 100 caractères au plus.")
    .optional()
    .transform((name) => name || null),
});

/**
 * Notes present someone who was not invited — a colleague of a member company, with or without
 * an account — by their company and address: their invitation row is created, attended. Someone
 * already on the list is simply marked present. Refused (MeetingError with the field, nothing
 * written) for a bad address, a company that is not a MEMBER of this club, a meeting that is
 * cancelled or has not started. One transaction, audited.
 */
export async function addWalkIn(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  raw: { companyId?: unknown; email?: unknown; name?: unknown },
  now = new Date(),
) {
  await assertAttendanceOpen(clubId, meetingId, now);
  const parsed = walkInSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MeetingError(issue.message, String(issue.path[0] ?? "email"));
  }
  const { companyId, name } = parsed.data;
  const email = parsed.data.email.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const membership = await tx.clubMembership.findFirst({
      where: { clubId, companyId, status: "MEMBER" },
      select: { company: { select: { name: true } } },
    });
    if (!membership) {
      throw new MeetingError("Choisissez une entreprise membre du club.", "companyId");
    }
    const existing = await tx.meetingInvitation.findUnique({
      where: { meetingId_email: { meetingId, email } },
      select: { id: true, attended: true },
    });
    // A person of that company with an account is linked to it (their own list of meetings).
    const person = await tx.user.findFirst({
      where: { email, roles: { some: { role: "COMPANY", companyId } } },
      select: { id: true, name: true },
    });
    const invitation = existing
      ? await tx.meetingInvitation.update({
          where: { id: existing.id },
          data: { attended: true },
          select: { id: true },
        })
      : await tx.meetingInvitation.create({
          data: {
            meetingId,
            email,
            companyId,
            userId: person?.id ?? null,
            name: person ? null : name,
            attended: true,
          },
          select: { id: true },
        });
    await audit(tx, {
      actorId: actor.id,
      action: "WALK_IN",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      companyId,
      before: existing ? { invitationId: existing.id, attended: existing.attended } : undefined,
      after: { invitationId: invitation.id, email, companyId, attended: true },
    });
    return {
      added: existing === null,
      name: person?.name ?? name ?? email,
      companyName: membership.company.name,
    };
  });
}

export type MinutesIntent = "save" | "publish" | "unpublish";

/** Saves the minutes (Markdown); publishing shows them to the members, unpublishing hides them. */
export async function saveMinutes(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  minutes: string,
  intent: MinutesIntent,
  now = new Date(),
) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, clubId },
    select: {
      id: true,
      startsAt: true,
      cancelledAt: true,
      minutes: true,
      minutesPublishedAt: true,
    },
  });
  if (!meeting) throw new MeetingError("Cette réunion n'existe pas dans ce club.");
  if (meeting.cancelledAt) throw new MeetingError("Cette réunion a été annulée.");
  if (!meetingHasStarted(meeting, now)) {
    throw new MeetingError("Le compte rendu s'écrit à partir du début de la réunion.");
  }
  const text = minutes.trim();
  if (intent === "publish" && !text) {
    throw new MeetingError("Écrivez le compte rendu avant de le publier.", "minutes");
  }
  const minutesPublishedAt =
    intent === "publish"
      ? (meeting.minutesPublishedAt ?? now)
      : intent === "unpublish"
        ? null
        : meeting.minutesPublishedAt;
  await prisma.$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id: meetingId },
      data: { minutes: text || null, minutesPublishedAt },
    });
    await audit(tx, {
      actorId: actor.id,
      action: intent === "save" ? "UPDATE_MINUTES" : intent.toUpperCase() + "_MINUTES",
      entityType: "Meeting",
      entityId: meetingId,
      clubId,
      before: { minutes: meeting.minutes, publishedAt: meeting.minutesPublishedAt },
      after: { minutes: text || null, publishedAt: minutesPublishedAt },
    });
  });
  return { published: minutesPublishedAt !== null };
}

// ---------------------------------------------------------------- subscribable calendar

/** The club's calendar token, created (random, 32 bytes) the first time it is needed. */
export async function ensureCalendarToken(clubId: string, actorId: string | null) {
  const club = await prisma.club.findUnique({
    where: { id: clubId },
    select: { calendarToken: true },
  });
  if (!club) throw new MeetingError("Ce club n'existe pas.");
  if (club.calendarToken) return club.calendarToken;
  // Two first visits at once: the first write wins (and is audited), both read it back.
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.club.updateMany({
      where: { id: clubId, calendarToken: null },
      data: { calendarToken: randomBytes(32).toString("base64url") },
    });
    if (count === 0) return;
    // The token itself is a secret: the log says that it exists, not what it is.
    await audit(tx, {
      actorId,
      action: "CREATE_CALENDAR_TOKEN",
      entityType: "Club",
      entityId: clubId,
      clubId,
      before: { calendarToken: null },
      after: { calendarToken: "créée" },
    });
  });
  const saved = await prisma.club.findUniqueOrThrow({
    where: { id: clubId },
    select: { calendarToken: true },
  });
  return saved.calendarToken!;
}

/** A new token: the previous address stops working (e.g. after someone left the club). */
export async function regenerateCalendarToken(actor: CurrentUser, clubId: string) {
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.club.update({ where: { id: clubId }, data: { calendarToken: token } });
    await audit(tx, {
      actorId: actor.id,
      action: "REGENERATE_CALENDAR_TOKEN",
      entityType: "Club",
      entityId: clubId,
      clubId,
    });
  });
  return token;
}

/**
 * The club's calendar (every meeting not cancelled), or null when the token is not the club's.
 * No sign-in: the token is the key; it carries no personal data (no invitees, no answers).
 */
export async function clubCalendarFor(clubId: string, token: string) {
  if (!token) return null;
  const club = await prisma.club.findFirst({
    where: { id: clubId, calendarToken: token },
    select: {
      id: true,
      name: true,
      roles: {
        where: { role: "ANIMATOR" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!club) return null;
  const meetings = await prisma.meeting.findMany({
    where: { clubId, cancelledAt: null },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      place: true,
      videoUrl: true,
      agenda: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  const fallback = club.roles[0]?.user ?? { name: club.name, email: "no-reply@engages.invalid" };
  const events: IcsMeeting[] = meetings.map((m) => ({
    ...m,
    clubId,
    clubName: club.name,
    cancelledAt: null,
    organizer: m.createdBy ?? fallback,
  }));
  return clubCalendarIcs(club.name, events);
}
