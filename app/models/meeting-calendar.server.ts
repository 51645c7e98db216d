// A club's subscribable calendar: a secret address (token) that serves every meeting not
// cancelled as iCalendar, without sign-in and without personal data.

import { randomBytes } from "node:crypto";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { clubCalendarIcs, type IcsMeeting } from "~/utils/meeting-ics.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { MEETING_FACTS, MeetingError } from "./meeting-invitations.server";

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
      ...MEETING_FACTS,
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
