// The e-mails about a meeting after its invitations: the update when its date or place changes,
// the cancellation, and the reminder two days before. Queued in the outbox with a dedupeKey.

import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { meetingIcsAttachment, meetingInvitationIcs } from "~/utils/meeting-ics.server";
import type { RsvpAnswer } from "~/utils/rsvp-links.server";
import {
  FRESH_INVITATION_MS,
  REMINDER_WINDOW_MS,
  RSVP_CHOICE_LABELS,
  loadMailMeeting,
  rsvpLinks,
} from "./meeting-invitations.server";

// ---------------------------------------------------------------- notices

/**
 * Queues, inside the caller's transaction, the e-mail telling every invitee that the meeting
 * changed (date, time or place: a new .ics with a higher SEQUENCE) or was cancelled
 * (METHOD:CANCEL). Returns how many were queued.
 */
export async function queueMeetingNotices(
  tx: Tx,
  meetingId: string,
  kind: "updated" | "cancelled",
): Promise<number> {
  const { ics, facts, organizer } = await loadMailMeeting(tx, meetingId);
  const invitations = await tx.meetingInvitation.findMany({
    where: {
      meetingId,
      // An update goes to those who received the invitation; a cancellation also to those who
      // answered in the app.
      ...(kind === "updated" ? { sentAt: { not: null } } : {}),
    },
    select: { id: true, email: true, name: true, userId: true, user: { select: { name: true } } },
  });
  for (const invitation of invitations) {
    const attachment = meetingIcsAttachment(
      meetingInvitationIcs(ics, {
        email: invitation.email,
        name: invitation.user?.name ?? invitation.name,
      }),
      kind === "cancelled" ? "CANCEL" : "REQUEST",
    );
    if (kind === "cancelled") {
      await queueEmail(tx, {
        template: "meeting-cancelled",
        to: invitation.email,
        data: { meeting: facts, organizerName: organizer.name },
        attachments: [attachment],
        dedupeKey: `meeting-cancelled:${meetingId}:${invitation.email}`,
      });
    } else {
      await queueEmail(tx, {
        template: "meeting-updated",
        to: invitation.email,
        data: {
          meeting: facts,
          rsvp: rsvpLinks(invitation.id, ics.endsAt),
          viewInApp: invitation.userId !== null,
        },
        attachments: [attachment],
        dedupeKey: `meeting-updated:${meetingId}:${invitation.email}:${ics.updatedAt.getTime()}`,
      });
    }
  }
  return invitations.length;
}

// ---------------------------------------------------------------- reminders

/**
 * The scheduler's job: for each meeting starting within 48 hours whose reminder has not gone,
 * reminds the invitees who did not answer "no" (except those invited within the last day), and
 * marks the reminder sent, in one transaction per meeting. Running it again does nothing: the
 * meeting is claimed through reminderSentAt and each e-mail has a dedupeKey.
 */
export async function sendDueMeetingReminders(now = new Date()) {
  const due = await prisma.meeting.findMany({
    where: {
      reminderSentAt: null,
      cancelledAt: null,
      startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_WINDOW_MS) },
      // Not before someone is invited: later invitees would get no reminder.
      invitations: { some: {} },
    },
    select: { id: true },
    orderBy: { startsAt: "asc" },
  });
  let meetings = 0;
  let emails = 0;
  for (const { id } of due) {
    const sent = await prisma.$transaction(async (tx) => {
      const claimed = await tx.meeting.updateMany({
        where: { id, reminderSentAt: null, cancelledAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count === 0) return null;
      const { facts, ics } = await loadMailMeeting(tx, id);
      const invitees = await tx.meetingInvitation.findMany({
        where: { meetingId: id, rsvp: { not: "NO" } },
        select: { id: true, email: true, rsvp: true, sentAt: true, userId: true },
      });
      let queued = 0;
      for (const invitee of invitees) {
        if (invitee.sentAt && now.getTime() - invitee.sentAt.getTime() < FRESH_INVITATION_MS) {
          continue;
        }
        const current = invitee.rsvp as RsvpAnswer | "PENDING";
        await queueEmail(tx, {
          template: "meeting-reminder",
          to: invitee.email,
          data: {
            meeting: facts,
            currentAnswer: current === "PENDING" ? null : RSVP_CHOICE_LABELS[current],
            rsvp: rsvpLinks(invitee.id, ics.endsAt),
            viewInApp: invitee.userId !== null,
          },
          // Per meeting, date and person: a meeting moved to a new date gets a new reminder.
          dedupeKey: `meeting-reminder:${id}:${ics.startsAt.getTime()}:${invitee.email}`,
        });
        queued++;
      }
      return queued;
    });
    if (sent === null) continue;
    meetings++;
    emails += sent;
  }
  return { meetings, emails };
}
