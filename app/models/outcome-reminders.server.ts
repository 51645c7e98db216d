// The e-mail sent when a company's outcomes fall due (issue 15, decision 029): once per set of
// outcomes due, to the same people and under the same rules as the reminders — a member (not a
// prospect, not gone) of an open club, not opted out, with people who sign in, not reminded by
// the club within its cap (reminders.server.ts), and at most one such e-mail per cap period. It
// is no relance: it does not hold back the animators' reminders. The outbox row, keyed by club,
// company and newest due day, is its record.

import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import {
  FOLLOWED_ACTION_TYPES,
  OUTCOME_MILESTONES,
  ASKED_FOR_MONTHS,
  addMonths,
} from "~/utils/outcomes";
import { PARIS } from "~/utils/time/zones";
import { calendarDay } from "~/utils/time/wall-clock";
import { runOnce } from "~/utils/scheduler.server";
import { listOutcomesToGive } from "./outcomes.server";
import { recipientsOf } from "./reminders.server";
import { DAY_MS } from "~/utils/time/wall-clock";
import { unsubscribeUrl } from "./reminder-unsubscribe.server";

/** How often the scheduler looks (the work itself runs once a day, in Paris). */
export const OUTCOME_EMAILS_EVERY_MS = 60 * 60_000;

/** Companies with a followed realisation old enough to have an outcome due on `today`. */
async function companiesWithFollowed(today: string) {
  const longest = Math.max(...OUTCOME_MILESTONES);
  const rows = await prisma.realisation.groupBy({
    by: ["companyId"],
    where: {
      actionTypeCode: { in: [...FOLLOWED_ACTION_TYPES] },
      unit: "PEOPLE",
      date: {
        gt: new Date(`${addMonths(today, -(ASKED_FOR_MONTHS + longest) - 1)}T00:00:00Z`),
        lte: new Date(`${addMonths(today, -Math.min(...OUTCOME_MILESTONES) + 1)}T00:00:00Z`),
      },
    },
  });
  return rows.map((r) => r.companyId);
}

/** Sends the e-mail to one company if it has outcomes newly due and may be reminded. */
async function remindCompany(companyId: string, now: Date) {
  const due = await listOutcomesToGive(companyId, now);
  if (due.length === 0) return false;
  const newest = due.reduce((d, o) => (o.dueOn > d ? o.dueOn : d), "");
  const prefix = `outcomes-due:${companyId}:`;
  return prisma.$transaction(async (tx) => {
    const membership = await tx.clubMembership.findFirst({
      where: { companyId, status: "MEMBER", remindersOptOut: false, club: { closedAt: null } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        contactEmail: true,
        company: { select: { name: true } },
        club: { select: { id: true, name: true, reminderCapDays: true } },
      },
    });
    if (!membership) return false;
    const { club } = membership;
    const capStart = new Date(now.getTime() - club.reminderCapDays * DAY_MS);
    const { to, hasPeople } = (await recipientsOf(tx, [companyId]))(
      companyId,
      membership.contactEmail,
    );
    const [reminded, told] = await Promise.all([
      tx.reminder.findFirst({
        where: { clubId: club.id, companyId, createdAt: { gt: capStart } },
        select: { id: true },
      }),
      // The same outcomes already told (the outbox's unique key), or this kind of e-mail sent to
      // this address within the cap (its index on the recipient).
      tx.emailOutbox.findFirst({
        where: {
          OR: [
            { dedupeKey: `${prefix}${newest}` },
            { to: to ?? "", template: "outcomes-due", createdAt: { gt: capStart } },
          ],
        },
        select: { id: true },
      }),
    ]);
    const held = reminded || told;
    // Without people who sign in, the form cannot be filled: the quarterly reminder invites them.
    if (held || !to || !hasPeople) return false;
    await queueEmail(tx, {
      template: "outcomes-due",
      to,
      dedupeKey: `${prefix}${newest}`,
      data: {
        clubName: club.name,
        companyName: membership.company.name,
        due: due.length,
        late: due.filter((d) => d.late).length,
        url: `${env.APP_URL}/entreprise/${companyId}/suivi`,
        unsubscribeUrl: unsubscribeUrl(membership.id),
      },
    });
    return true;
  });
}

/** The scheduler's job: once a day (Paris), each company whose outcomes fell due is told. */
export async function sendOutcomeEmails(now = new Date()) {
  const today = calendarDay(now, PARIS);
  let sent = 0;
  await runOnce(
    `outcomes-due:${today}`,
    async () => {
      for (const companyId of await companiesWithFollowed(today)) {
        if (await remindCompany(companyId, now)) sent++;
      }
    },
    now,
  );
  return sent;
}
