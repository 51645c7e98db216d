// E-mails of the good-practice feed, sent by the scheduler:
// - the weekly digest of each club (featured and most appreciated practices of the last seven
//   days, next meeting, the club's progress), once per club and ISO week (runOnce key, and a
//   dedupeKey per person), with its own one-click unsubscribe (User.digestOptOut — not the
//   reminders' opt-out) and the RFC 8058 List-Unsubscribe headers;
// - the authors' batched news: once a day, one message per author about the kudos, comments and
//   "tried it too" their practices received the day before (Paris time: an author is no club's).
// A club's digest follows the club's own calendar (its week, its year, its meeting's hour).

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { PARIS, zoneOfDepartement, type TimeZone } from "~/utils/time/zones";
import { DAY_MS, calendarDay, startOfDay } from "~/utils/time/wall-clock";
import { formatDay } from "~/utils/format";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import { runOnce } from "~/utils/scheduler.server";
import { signedId, verifiedId } from "~/utils/signatures.server";

export const PRACTICE_EMAILS_EVERY_MS = 15 * 60_000;

// ---------------------------------------------------------------- periods

/** The ISO week (Monday to Sunday, in the zone) of an instant: "2026-W48", and its Monday. */
export function isoWeekOf(now: Date, zone: TimeZone = PARIS) {
  const [y, m, d] = calendarDay(now, zone).split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(date.getTime() - weekday * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  // The week belongs to the year of its Thursday, and counts from that year's first Thursday.
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7);
  return { key: `${weekYear}-W${String(week).padStart(2, "0")}`, monday };
}

// ---------------------------------------------------------------- unsubscribe

const DIGEST_OPT_OUT_PURPOSE = "engages:digest-opt-out:v1";

export function digestUnsubscribeUrl(userId: string) {
  return `${env.APP_URL}/lettre/desabonnement/${signedId(DIGEST_OPT_OUT_PURPOSE, userId)}`;
}

const verifyDigestToken = (token: string) => verifiedId(DIGEST_OPT_OUT_PURPOSE, token);

/** Who a valid token is for, and whether they already opted out; null for a bad token. */
export async function findDigestSubscription(token: string) {
  const userId = verifyDigestToken(token);
  if (!userId) return null;
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, digestOptOut: true },
  });
}

/** Stops the weekly digest for the token's person (idempotent, audited); null for a bad token. */
export async function optOutOfDigest(token: string) {
  const userId = verifyDigestToken(token);
  if (!userId) return null;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, digestOptOut: true },
    });
    if (!user) return null;
    if (!user.digestOptOut) {
      await tx.user.update({ where: { id: userId }, data: { digestOptOut: true } });
      await audit(tx, {
        actorId: null,
        action: "UPDATE",
        entityType: "User",
        entityId: userId,
        before: { digestOptOut: false },
        after: { digestOptOut: true, via: "lien de désabonnement" },
      });
    }
    return { email: user.email };
  });
}

// ---------------------------------------------------------------- weekly digest

/** What a club's digest says for the seven days before `now`; null when there is nothing new. */
export async function clubDigest(clubId: string, now: Date, zone: TimeZone = PARIS) {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const year = Number(calendarDay(now, zone).slice(0, 4));
  const practiceUrl = (id: string) => `${env.APP_URL}/pratiques/${id}`;
  const [club, featured, appreciated, newPractices, nextMeeting, members, realisations, achieved] =
    await Promise.all([
      prisma.club.findUniqueOrThrow({ where: { id: clubId }, select: { name: true } }),
      prisma.practice.findMany({
        where: { clubId, hiddenAt: null, featuredAt: { gte: since, lte: now } },
        orderBy: { featuredAt: "desc" },
        take: 5,
        select: { id: true, title: true, company: { select: { name: true } } },
      }),
      prisma.practice.findMany({
        where: { clubId, hiddenAt: null, kudos: { some: { createdAt: { gte: since, lte: now } } } },
        select: {
          id: true,
          title: true,
          company: { select: { name: true } },
          _count: { select: { kudos: { where: { createdAt: { gte: since, lte: now } } } } },
        },
      }),
      prisma.practice.count({
        where: { clubId, hiddenAt: null, createdAt: { gte: since, lte: now } },
      }),
      prisma.meeting.findFirst({
        where: { clubId, cancelledAt: null, startsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        select: { id: true, title: true, startsAt: true, endsAt: true },
      }),
      prisma.clubMembership.count({ where: { clubId, status: "MEMBER" } }),
      prisma.realisation.count({
        where: {
          clubId,
          date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
        },
      }),
      prisma.commitment.count({ where: { clubId, year, status: "ACHIEVED" } }),
    ]);
  const top = appreciated
    .sort((a, b) => b._count.kudos - a._count.kudos || a.title.localeCompare(b.title))
    .slice(0, 3);
  if (featured.length === 0 && top.length === 0 && newPractices === 0 && !nextMeeting) return null;
  return {
    clubName: club.name,
    featured: featured.map((p) => ({
      title: p.title,
      companyName: p.company.name,
      url: practiceUrl(p.id),
      kudos: 0,
    })),
    appreciated: top.map((p) => ({
      title: p.title,
      companyName: p.company.name,
      url: practiceUrl(p.id),
      kudos: p._count.kudos,
    })),
    newPractices,
    nextMeeting: nextMeeting
      ? {
          title: nextMeeting.title,
          when: formatMeetingWhen(nextMeeting.startsAt, nextMeeting.endsAt, zone),
          url: `${env.APP_URL}/club/${clubId}/reunions/${nextMeeting.id}`,
        }
      : null,
    progress: { members, realisations, achievedCommitments: achieved, year },
  };
}

/** Who gets a club's digest: people of its member companies and its animators, not opted out. */
async function digestRecipients(clubId: string) {
  const roles = await prisma.roleAssignment.findMany({
    where: {
      user: { digestOptOut: false },
      OR: [
        { role: "ANIMATOR", clubId },
        { role: "COMPANY", company: { memberships: { some: { clubId, status: "MEMBER" } } } },
      ],
    },
    select: { user: { select: { id: true, email: true } } },
  });
  return [...new Map(roles.map((r) => [r.user.id, r.user])).values()];
}

/** Queues one club's digest for the week (idempotent per person through the dedupeKey). */
async function sendClubDigest(
  clubId: string,
  zone: TimeZone,
  weekKey: string,
  weekLabel: string,
  now: Date,
) {
  const digest = await clubDigest(clubId, now, zone);
  if (!digest) return 0;
  const recipients = await digestRecipients(clubId);
  await prisma.$transaction(async (tx) => {
    for (const user of recipients) {
      const unsubscribeUrl = digestUnsubscribeUrl(user.id);
      await queueEmail(tx, {
        template: "practice-digest",
        to: user.email,
        data: { ...digest, weekLabel, feedUrl: `${env.APP_URL}/pratiques`, unsubscribeUrl },
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        dedupeKey: `practice-digest:${clubId}:${weekKey}:${user.id}`,
      });
    }
  });
  return recipients.length;
}

/**
 * The scheduler's job: each club's digest, once per ISO week, at the first run of the week
 * (Monday just after midnight in the club's zone, when the server runs), about the seven days
 * before. Returns the Paris week (the usual one) and how many e-mails were queued.
 */
export async function sendWeeklyDigests(now = new Date()) {
  const clubs = await prisma.club.findMany({
    select: { id: true, departementCode: true },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  for (const club of clubs) {
    const zone = zoneOfDepartement(club.departementCode);
    const week = isoWeekOf(now, zone);
    const weekLabel = `semaine du ${formatDay(week.monday)}`;
    await runOnce(
      `practice-digest:${club.id}:${week.key}`,
      async () => {
        sent += await sendClubDigest(club.id, zone, week.key, weekLabel, now);
      },
      now,
    );
  }
  return { week: isoWeekOf(now).key, sent };
}

// ---------------------------------------------------------------- authors' batched news

/** The scheduler's job: once a day, each author's news of the day before (Paris time). */
export async function sendAppreciationNews(now = new Date()) {
  const today = calendarDay(now);
  const yesterday = calendarDay(new Date(now.getTime() - DAY_MS));
  let sent = 0;
  await runOnce(
    `practice-appreciated:${yesterday}`,
    async () => {
      // The day before, as instants: from yesterday's Paris midnight to today's (23 or 25 hours
      // apart on the days the clocks change).
      const end = startOfDay(now);
      const start = startOfDay(new Date(end.getTime() - 1));
      const inDay = { gte: start, lt: end };
      const practices = await prisma.practice.findMany({
        where: {
          authorId: { not: null },
          // The digest's opt-out covers the authors' news too (one link in both).
          author: { digestOptOut: false },
          hiddenAt: null,
          OR: [
            { kudos: { some: { createdAt: inDay } } },
            { comments: { some: { createdAt: inDay, hiddenAt: null } } },
            { tried: { some: { createdAt: inDay } } },
          ],
        },
        select: {
          id: true,
          title: true,
          authorId: true,
          author: { select: { email: true } },
          kudos: { where: { createdAt: inDay }, select: { userId: true } },
          comments: { where: { createdAt: inDay, hiddenAt: null }, select: { authorId: true } },
          tried: { where: { createdAt: inDay }, select: { companyId: true } },
        },
      });
      const byAuthor = new Map<string, { email: string; items: typeof practices }>();
      for (const p of practices) {
        const entry = byAuthor.get(p.authorId!) ?? { email: p.author!.email, items: [] };
        entry.items.push(p);
        byAuthor.set(p.authorId!, entry);
      }
      await prisma.$transaction(async (tx) => {
        for (const [authorId, { email, items }] of byAuthor) {
          // The author's own reactions are no news to them.
          const lines = items
            .map((p) => ({
              title: p.title,
              url: `${env.APP_URL}/pratiques/${p.id}`,
              kudos: p.kudos.filter((k) => k.userId !== authorId).length,
              comments: p.comments.filter((c) => c.authorId !== authorId).length,
              tried: p.tried.length,
            }))
            .filter((l) => l.kudos + l.comments + l.tried > 0);
          if (lines.length === 0) continue;
          const unsubscribeUrl = digestUnsubscribeUrl(authorId);
          await queueEmail(tx, {
            template: "practice-appreciated",
            to: email,
            data: { practices: lines, unsubscribeUrl },
            headers: {
              "List-Unsubscribe": `<${unsubscribeUrl}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
            dedupeKey: `practice-appreciated:${yesterday}:${authorId}`,
          });
          sent++;
        }
      });
    },
    now,
  );
  return { day: today, sent };
}
