// A club meeting's minutes (Markdown): written from the meeting's start, published to the
// club's members or withdrawn; audited.

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { MeetingError, requireClubMeeting } from "./meeting-invitations.server";
import { meetingHasStarted } from "./meeting.server";

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
  const meeting = await requireClubMeeting(clubId, meetingId, {
    startsAt: true,
    cancelledAt: true,
    minutes: true,
    minutesPublishedAt: true,
  });
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
