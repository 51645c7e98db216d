// Comments hidden by the animators are deleted for good once they have stayed hidden for
// HIDDEN_COMMENTS_KEPT_DAYS days: long enough to undo a mistaken hiding, short enough that what
// was hidden (often personal data, decision 019) does not linger. The scheduler runs it daily.
// A hidden practice is not deleted: its company still reads it and may correct or delete it.

import { DAY_MS, calendarDay } from "~/utils/time/wall-clock";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { HIDDEN_COMMENTS_KEPT_DAYS } from "~/utils/retention";
import { runOnce } from "~/utils/scheduler.server";

/** Comments deleted per transaction, so that a large backlog never holds the database long. */
const BATCH = 200;

/**
 * Deletes the comments hidden before `now` minus the delay, with the reports about them, each
 * deletion audited (by no one: the scheduler) without its text. Idempotent: a second call finds
 * nothing more. Returns how many comments went.
 */
export async function purgeHiddenComments(now = new Date()) {
  const hiddenBefore = new Date(now.getTime() - HIDDEN_COMMENTS_KEPT_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await prisma.$transaction(async (tx) => {
      const due = await tx.comment.findMany({
        where: { hiddenAt: { lt: hiddenBefore } },
        orderBy: { hiddenAt: "asc" },
        take: BATCH,
        select: {
          id: true,
          practiceId: true,
          hiddenAt: true,
          createdAt: true,
          practice: { select: { companyId: true, clubId: true } },
        },
      });
      const ids = due.map((c) => c.id);
      await tx.practiceReport.deleteMany({ where: { commentId: { in: ids } } });
      await tx.comment.deleteMany({ where: { id: { in: ids } } });
      for (const c of due) {
        await audit(tx, {
          actorId: null,
          action: "PURGE_HIDDEN_COMMENT",
          entityType: "Comment",
          entityId: c.id,
          companyId: c.practice.companyId,
          clubId: c.practice.clubId,
          before: { practiceId: c.practiceId, createdAt: c.createdAt, hiddenAt: c.hiddenAt },
        });
      }
      return due.length;
    });
    purged += batch;
    if (batch < BATCH) return purged;
  }
}

/** The scheduler's job: the purge once per Paris day (its run is listed at /admin/taches). */
export async function runHiddenCommentsPurge(now = new Date()) {
  let purged = 0;
  await runOnce(
    `hidden-comments-purge:${calendarDay(now)}`,
    async () => {
      purged = await purgeHiddenComments(now);
    },
    now,
  );
  return purged;
}
