// The answers to a meeting invitation: from the e-mail's signed link or from a member's page,
// and whether an answer is still open.

import { prisma } from "~/utils/db.server";
import type { IcsMeeting } from "~/utils/meeting-ics.server";
import type { CurrentUser } from "~/utils/permissions.server";
import type { RsvpAnswer } from "~/utils/rsvp-links.server";
import { zoneOfDepartement, type TimeZone } from "~/utils/time/zones";
import { MEETING_FACTS, MeetingError, requireClubMeeting } from "./meeting-invitations.server";

// ---------------------------------------------------------------- answers

export type RsvpLinkTarget = {
  invitationId: string;
  email: string;
  rsvp: string;
  /** Signs in to Engagés (a company's person): the meeting's page is also theirs to open. */
  hasAccount: boolean;
  companyName: string | null;
  meeting: Pick<
    IcsMeeting,
    | "id"
    | "clubId"
    | "clubName"
    | "title"
    | "startsAt"
    | "endsAt"
    | "place"
    | "videoUrl"
    | "cancelledAt"
  > & {
    /** The club's zone, in which the meeting's time is shown. */
    zone: TimeZone;
  };
};

/** The invitation a (verified) link points to, with its meeting; null when it is gone. */
export async function findRsvpLinkTarget(invitationId: string): Promise<RsvpLinkTarget | null> {
  const invitation = await prisma.meetingInvitation.findUnique({
    where: { id: invitationId },
    select: {
      id: true,
      email: true,
      rsvp: true,
      userId: true,
      company: { select: { name: true } },
      meeting: {
        select: {
          ...MEETING_FACTS,
          clubId: true,
          cancelledAt: true,
          club: { select: { name: true, departementCode: true } },
        },
      },
    },
  });
  if (!invitation) return null;
  const { club, ...meeting } = invitation.meeting;
  return {
    invitationId: invitation.id,
    email: invitation.email,
    rsvp: invitation.rsvp,
    hasAccount: invitation.userId !== null,
    companyName: invitation.company?.name ?? null,
    meeting: { ...meeting, clubName: club.name, zone: zoneOfDepartement(club.departementCode) },
  };
}

/** Why an answer cannot be taken any more, or null when it can. */
export function answerClosedReason(
  meeting: { cancelledAt: Date | null; endsAt: Date },
  now = new Date(),
) {
  if (meeting.cancelledAt) return "Cette réunion a été annulée.";
  if (meeting.endsAt <= now)
    return "Cette réunion est terminée : il n'est plus possible de répondre.";
  return null;
}

/** Records the answer of a (verified) link. Idempotent: the same answer twice changes nothing. */
export async function recordLinkAnswer(invitationId: string, answer: RsvpAnswer, now = new Date()) {
  const target = await findRsvpLinkTarget(invitationId);
  if (!target) throw new MeetingError("Cette invitation n'existe plus.");
  const closed = answerClosedReason(target.meeting, now);
  if (closed) throw new MeetingError(closed);
  if (target.rsvp !== answer) {
    await prisma.meetingInvitation.update({
      where: { id: invitationId },
      data: { rsvp: answer, rsvpAt: now },
    });
  }
  return target;
}

/**
 * A signed-in member answers in the app. Someone not invited (a colleague who joined since) may
 * answer too when their company is a MEMBER of the club: their invitation row is created.
 */
export async function answerAsMember(
  user: CurrentUser,
  clubId: string,
  meetingId: string,
  answer: RsvpAnswer,
  now = new Date(),
) {
  const meeting = await requireClubMeeting(clubId, meetingId);
  const closed = answerClosedReason(meeting, now);
  if (closed) throw new MeetingError(closed);
  const email = user.email.toLowerCase();
  const existing = await prisma.meetingInvitation.findFirst({
    where: { meetingId, OR: [{ userId: user.id }, { email }] },
    select: { id: true },
  });
  if (existing) {
    await prisma.meetingInvitation.update({
      where: { id: existing.id },
      data: { rsvp: answer, rsvpAt: now },
    });
    return;
  }
  const companyIds = user.roles.filter((r) => r.role === "COMPANY").map((r) => r.companyId!);
  const membership = await prisma.clubMembership.findFirst({
    where: { clubId, status: "MEMBER", companyId: { in: companyIds } },
    orderBy: { company: { name: "asc" } },
    select: { companyId: true },
  });
  if (!membership) {
    throw new MeetingError(
      "Seules les personnes des entreprises membres du club peuvent répondre.",
    );
  }
  await prisma.meetingInvitation.upsert({
    where: { meetingId_email: { meetingId, email } },
    create: {
      meetingId,
      email,
      userId: user.id,
      companyId: membership.companyId,
      rsvp: answer,
      rsvpAt: now,
    },
    update: { rsvp: answer, rsvpAt: now },
  });
}

/** The signed-in user's invitation to each of these meetings (by account or e-mail address). */
export async function myInvitations(user: CurrentUser, meetingIds: string[]) {
  const rows = await prisma.meetingInvitation.findMany({
    where: {
      meetingId: { in: meetingIds },
      OR: [{ userId: user.id }, { email: user.email.toLowerCase() }],
    },
    select: { meetingId: true, rsvp: true, attended: true },
  });
  return new Map(rows.map((r) => [r.meetingId, r]));
}

/** May this user answer for themselves (invited, or a person of a MEMBER company)? */
export async function canAnswerInClub(user: CurrentUser, clubId: string) {
  const companyIds = user.roles.filter((r) => r.role === "COMPANY").map((r) => r.companyId!);
  if (companyIds.length === 0) return false;
  const membership = await prisma.clubMembership.findFirst({
    where: { clubId, status: "MEMBER", companyId: { in: companyIds } },
    select: { id: true },
  });
  return membership !== null;
}
