// The good practices an animator features at a club meeting (shown on its page and in the
// invitation), chosen among the club's visible ones; audited.

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { MeetingError, requireClubMeeting } from "./meeting-invitations.server";

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
  const meeting = await requireClubMeeting(clubId, meetingId, {
    practices: { select: { practiceId: true } },
  });
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
