// The quarterly reminder campaign: during a quarter's first days the scheduler reminds each
// club's silent members, once per club and quarter.

import { prisma } from "~/utils/db.server";
import { runOnce } from "~/utils/scheduler.server";
import { PARIS, zoneOfDepartement, type TimeZone } from "~/utils/time/zones";
import { DAY_MS, calendarDay } from "~/utils/time/wall-clock";
import {
  CAMPAIGN_WINDOW_DAYS,
  DEFAULT_REMINDER_MESSAGE,
  campaignInviter,
  queueReminder,
  recipientsOf,
  silentWhere,
} from "./reminders.server";

// ---------------------------------------------------------------- the quarterly campaign

/** The quarter ("2026-Q4") when `now` (in the club's zone) is in its first 7 days, else null. */
export function campaignQuarter(now: Date, zone: TimeZone = PARIS): string | null {
  const [year, month, day] = calendarDay(now, zone).split("-").map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  if (month !== firstMonth || day > CAMPAIGN_WINDOW_DAYS) return null;
  return `${year}-Q${quarter}`;
}

/**
 * Sends the campaign's reminder to one club's silent members, skipping those reminded within the
 * cap (or already in this campaign), in one transaction. Safe to run again: the campaign key is
 * unique per member and the e-mails are deduplicated.
 */
export async function sendCampaign(clubId: string, campaignKey: string, now = new Date()) {
  const inviter = await campaignInviter(clubId);
  return prisma.$transaction(async (tx) => {
    const club = await tx.club.findUniqueOrThrow({
      where: { id: clubId },
      select: { id: true, name: true, reminderCapDays: true },
    });
    const silent = await tx.clubMembership.findMany({
      where: silentWhere(clubId, now),
      select: {
        id: true,
        contactName: true,
        contactEmail: true,
        companyId: true,
        company: { select: { name: true } },
      },
    });
    const companyIds = silent.map((m) => m.companyId);
    const capStart = new Date(now.getTime() - club.reminderCapDays * DAY_MS);
    const [held, recipientOf] = await Promise.all([
      tx.reminder.findMany({
        where: {
          clubId,
          companyId: { in: companyIds },
          OR: [{ createdAt: { gt: capStart } }, { campaignKey }],
        },
        select: { companyId: true },
      }),
      recipientsOf(tx, companyIds),
    ]);
    let sent = 0;
    for (const m of silent) {
      const { to, hasPeople } = recipientOf(m.companyId, m.contactEmail);
      if (!to || held.some((h) => h.companyId === m.companyId)) continue;
      await queueReminder(tx, {
        club,
        membership: m,
        to,
        hasPeople,
        inviter,
        message: DEFAULT_REMINDER_MESSAGE,
        sentBy: null,
        campaignKey,
        now,
      });
      sent++;
    }
    return sent;
  });
}

/**
 * The scheduler's job: during a quarter's first 7 days in each club's own zone, the club's
 * campaign, once. Returns the Paris quarter (the usual one), the clubs run and the e-mails queued.
 */
export async function runReminderCampaigns(now = new Date()) {
  // A closed club's members are no longer reminded (decision 015).
  const clubs = await prisma.club.findMany({
    where: { closedAt: null },
    select: { id: true, departementCode: true },
    orderBy: { createdAt: "asc" },
  });
  let ran = 0;
  let sent = 0;
  for (const club of clubs) {
    const quarter = campaignQuarter(now, zoneOfDepartement(club.departementCode));
    if (!quarter) continue;
    const done = await runOnce(
      `reminder-campaign:${club.id}:${quarter}`,
      async () => {
        sent += await sendCampaign(club.id, quarter, now);
      },
      now,
    );
    if (done) ran++;
  }
  return { quarter: campaignQuarter(now), clubs: ran, sent };
}
