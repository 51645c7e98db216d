// Who attended a club meeting: the invitees ticked present, and walk-ins of member companies
// noted by company and address. Open from the meeting's start, unless it was cancelled; audited.

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { emailField } from "~/utils/validation";
import { z } from "zod";
import {
  MeetingError,
  recordMeetingInvitation,
  requireClubMeeting,
} from "./meeting-invitations.server";
import { meetingHasStarted } from "./meeting.server";

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
    const invitation = await recordMeetingInvitation(
      tx,
      existing?.id ?? null,
      { meetingId, email, companyId, userId: person?.id ?? null, name },
      { attended: true },
    );
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
