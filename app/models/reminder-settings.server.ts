// A club's reminder cap and the log of the reminders it sent.

import { updateClubAudited } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { REMINDER_CAP_MAX_DAYS, REMINDER_CAP_MIN_DAYS, ReminderError } from "./reminders.server";

// ---------------------------------------------------------------- settings and log

/** Changes the club's cap (7–365 days), audited. Returns the previous value. */
export async function setReminderCap(actorId: string, clubId: string, days: number) {
  if (!Number.isInteger(days) || days < REMINDER_CAP_MIN_DAYS || days > REMINDER_CAP_MAX_DAYS) {
    throw new ReminderError(
      `Le délai entre deux relances doit être un nombre entier de jours, entre ${REMINDER_CAP_MIN_DAYS} et ${REMINDER_CAP_MAX_DAYS}.`,
    );
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.club.findUniqueOrThrow({
      where: { id: clubId },
      select: { reminderCapDays: true },
    });
    if (before.reminderCapDays === days) return before.reminderCapDays;
    await updateClubAudited(tx, {
      actorId,
      action: "UPDATE",
      clubId,
      before: { reminderCapDays: before.reminderCapDays },
      after: { reminderCapDays: days },
    });
    return before.reminderCapDays;
  });
}

/** The club's reminders, latest first, with the state of each e-mail. */
export async function listReminderLog(clubId: string, take = 100) {
  const [reminders, total] = await Promise.all([
    prisma.reminder.findMany({
      where: { clubId },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        createdAt: true,
        campaignKey: true,
        emailId: true,
        company: { select: { name: true } },
        sentBy: { select: { name: true } },
      },
    }),
    prisma.reminder.count({ where: { clubId } }),
  ]);
  const emails = await prisma.emailOutbox.findMany({
    where: { id: { in: reminders.map((r) => r.emailId).filter((id): id is string => !!id) } },
    select: { id: true, to: true, status: true, sentAt: true },
  });
  return {
    total,
    entries: reminders.map((r) => {
      const email = emails.find((e) => e.id === r.emailId);
      return {
        id: r.id,
        createdAt: r.createdAt,
        companyName: r.company.name,
        sentBy: r.sentBy?.name ?? null,
        campaignKey: r.campaignKey,
        to: email?.to ?? null,
        emailStatus: email?.status ?? null,
        emailSentAt: email?.sentAt ?? null,
      };
    }),
  };
}
