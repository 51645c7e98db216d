// Club meetings: created and changed by the club's animators, read by its members. Every
// query is scoped by the club of the URL (a meeting id of another club is "not found"), every
// write is audited. Beside it: invitations (meeting-invitations), answers (meeting-answers),
// later e-mails (meeting-notices), featured practices (meeting-practices), attendance and
// walk-ins (meeting-attendance), minutes (meeting-minutes), the subscribable calendar
// (meeting-calendar).

import { assertClubOpen } from "~/models/club-status.server";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { type TimeZone } from "~/utils/time/zones";
import { parseLocal } from "~/utils/time/wall-clock";
import type { CurrentUser } from "~/utils/permissions.server";
import type { MeetingFormValue } from "~/utils/schemas/meeting";
import { clubZone } from "./club-zone.server";
import { MEETING_FACTS, MeetingError, requireClubMeeting } from "./meeting-invitations.server";
import { queueMeetingNotices } from "./meeting-notices.server";

export { MeetingError };

const MEETING_SELECT = {
  ...MEETING_FACTS,
  clubId: true,
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
      ...MEETING_FACTS,
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
  const before = await requireClubMeeting(clubId, meetingId, MEETING_SELECT);
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

/** Attendance and minutes are taken from the start of the meeting. */
export function meetingHasStarted(meeting: { startsAt: Date }, now = new Date()) {
  return meeting.startsAt <= now;
}
