// Emulation without shaming (docs/design.md, 4th principle): milestones a company sees on its own
// dashboard, the "this month in the club" block of the club home (what went well, never who is
// behind), and the opt-in public page of a company.

import { prisma } from "~/utils/db.server";
import { commitmentUnit } from "~/utils/commitment-unit";
import { ACTION_TYPES } from "~/utils/domain";
import { renderMarkdown } from "~/utils/markdown.server";
import { clubZone } from "~/models/club-zone.server";
import { DAY_MS, calendarDay, startOfMonth } from "~/utils/time/wall-clock";
import { COMMITMENT_HEADLINE, NEWEST_COMMITMENTS_FIRST } from "./commitment-selects.server";
import { COMMITMENT_UNIT_SQL } from "./commitment-progress.server";

const HIRE_ACTIONS = ACTION_TYPES.filter((a) => a.isHire).map((a) => a.code);

/**
 * When each commitment's target was reached: the declaration time at which the running total of
 * its realisations in its unit first reached the target. Commitments not reached are absent.
 */
async function targetsReachedAt(where: { companyId: string }) {
  const commitments = await prisma.commitment.findMany({
    where: { ...where, targetQuantity: { gt: 0 }, status: { not: "ABANDONED" } },
    select: {
      id: true,
      companyId: true,
      ambition: true,
      targetQuantity: true,
      targetUnit: true,
      actionTypeCode: true,
      company: { select: { name: true } },
      realisations: {
        orderBy: { createdAt: "asc" },
        select: { quantity: true, unit: true, createdAt: true },
      },
    },
  });
  const reached: Array<{ id: string; companyName: string; ambition: string; at: Date }> = [];
  for (const c of commitments) {
    const unit = commitmentUnit(c);
    let total = 0;
    // Only realisations in the commitment's unit count (commitment-progress.server.ts).
    for (const r of c.realisations.filter((r) => r.unit === unit)) {
      total += r.quantity;
      if (total >= c.targetQuantity!) {
        reached.push({
          id: c.id,
          companyName: c.company.name,
          ambition: c.ambition,
          at: r.createdAt,
        });
        break;
      }
    }
  }
  return reached.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The club's commitments whose target was reached between `since` and `now` (targetsReachedAt's
 * rule), computed in SQL for those with a realisation declared meanwhile only: a big club has
 * thousands of commitments and tens of thousands of realisations, read on every visit otherwise.
 */
async function clubTargetsReached(clubId: string, since: Date, now: Date) {
  const rows = await prisma.$queryRaw<
    Array<{ id: string; companyName: string; ambition: string; at: Date | string }>
  >`
    SELECT x."id", x."companyName", x."ambition", MIN(x."createdAt") AS "at"
    FROM (
      SELECT c."id", co."name" AS "companyName", c."ambition", c."targetQuantity", r."createdAt",
        SUM(r."quantity") OVER (PARTITION BY c."id" ORDER BY r."createdAt", r."id") AS "total"
      -- The few commitments with a realisation declared meanwhile come first (CROSS JOIN keeps
      -- SQLite from scanning all the club's commitments instead).
      FROM (SELECT DISTINCT r2."commitmentId" AS "id" FROM "ClubMembership" m
          JOIN "Realisation" r2 ON r2."companyId" = m."companyId"
          WHERE m."clubId" = ${clubId} AND r2."createdAt" >= ${since} AND r2."createdAt" <= ${now}
            AND r2."commitmentId" IS NOT NULL) t
        CROSS JOIN "Commitment" c JOIN "Company" co ON co."id" = c."companyId"
        JOIN "Realisation" r ON r."commitmentId" = c."id" AND r."unit" = ${COMMITMENT_UNIT_SQL}
      WHERE c."id" = t."id" AND c."clubId" = ${clubId} AND c."targetQuantity" > 0
        AND c."status" <> 'ABANDONED'
    ) x
    WHERE x."total" >= x."targetQuantity"
    GROUP BY x."id", x."companyName", x."ambition"`;
  return rows
    .map((r) => ({
      id: r.id,
      companyName: r.companyName,
      ambition: r.ambition,
      at: new Date(r.at),
    }))
    .filter((r) => r.at >= since && r.at <= now)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The quarter ("2026-T4") of an instant, Paris time (a company may be in several clubs). */
function quarterOf(date: Date) {
  const [year, month] = calendarDay(date).split("-").map(Number);
  return `${year}-T${Math.floor((month - 1) / 3) + 1}`;
}

export type Milestone = { key: string; label: string; hint: string; reachedAt: string | null };

/** The company's milestones: reached (with the date) or still ahead, with what it takes. */
export async function companyMilestones(companyId: string, now = new Date()): Promise<Milestone[]> {
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
  const [firstCommitment, firstHire, reached, recent] = await Promise.all([
    prisma.commitment.findFirst({
      where: { companyId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.realisation.findFirst({
      where: { companyId, actionTypeCode: { in: HIRE_ACTIONS } },
      orderBy: { date: "asc" },
      select: { date: true },
    }),
    targetsReachedAt({ companyId }),
    prisma.realisation.findMany({
      where: { companyId, createdAt: { gte: yearAgo, lte: now } },
      select: { createdAt: true },
    }),
  ]);
  // A year of regular declarations: something declared in each of the last four quarters
  // (the current one included), so a company is not penalised for a quiet month.
  const quarters = new Set(recent.map((r) => quarterOf(r.createdAt)));
  const lastFour = [0, 1, 2, 3].map((i) => quarterOf(new Date(now.getTime() - i * 91 * DAY_MS)));
  const regular = lastFour.every((q) => quarters.has(q));
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  return [
    {
      key: "first-commitment",
      label: "Premier engagement",
      hint: "Déclarez un engagement : une action, des publics, une ambition.",
      reachedAt: iso(firstCommitment?.createdAt),
    },
    {
      key: "first-hire",
      label: "Premier recrutement",
      hint: "Enregistrez un recrutement ou un contrat en alternance.",
      reachedAt: iso(firstHire?.date),
    },
    {
      key: "target-reached",
      label: "Objectif atteint",
      hint: "Atteignez l'objectif chiffré d'un de vos engagements.",
      reachedAt: iso(reached[0]?.at),
    },
    {
      key: "regular-year",
      label: "Une année de déclarations régulières",
      hint: "Déclarez au moins une réalisation à chaque trimestre pendant un an.",
      reachedAt: regular ? now.toISOString() : null,
    },
  ];
}

/** "This month in the club" (the club's calendar month): new members, targets reached, featured practices. */
export async function clubThisMonth(clubId: string, now = new Date()) {
  const since = startOfMonth(now, await clubZone(clubId));
  const [newMembers, reached, featured] = await Promise.all([
    prisma.clubMembership.findMany({
      where: { clubId, status: "MEMBER", joinedAt: { gte: since, lte: now } },
      orderBy: { joinedAt: "asc" },
      select: { company: { select: { id: true, name: true } } },
    }),
    clubTargetsReached(clubId, since, now),
    prisma.practice.findMany({
      where: { clubId, hiddenAt: null, featuredAt: { not: null } },
      orderBy: { featuredAt: "desc" },
      take: 3,
      select: { id: true, title: true, company: { select: { name: true } } },
    }),
  ]);
  return {
    newMembers: newMembers.map((m) => m.company),
    targetsReached: reached.map((r) => ({
      id: r.id,
      companyName: r.companyName,
      ambition: r.ambition,
    })),
    featured: featured.map((p) => ({ id: p.id, title: p.title, companyName: p.company.name })),
  };
}

/** A company's public page, or null when it did not opt in (then the page is a 404). */
export async function publicCompanyPage(companyId: string) {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      publicPage: true,
      nafLabel: true,
      website: true,
      commune: { select: { name: true } },
      memberships: {
        where: { status: "MEMBER" },
        select: { club: { select: { name: true } } },
      },
      commitments: {
        where: { visibility: "PUBLIC", status: { in: ["ACTIVE", "ACHIEVED"] } },
        orderBy: NEWEST_COMMITMENTS_FIRST,
        select: {
          ...COMMITMENT_HEADLINE,
          targetQuantity: true,
          targetUnit: true,
          theme: { select: { label: true } },
          actionType: { select: { label: true } },
        },
      },
      practices: {
        where: { visibility: "ALL", hiddenAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, body: true, createdAt: true },
      },
    },
  });
  if (!company?.publicPage) return null;
  const { practices, memberships, ...rest } = company;
  return {
    ...rest,
    clubs: memberships.map((m) => m.club.name),
    practices: practices.map((p) => ({
      id: p.id,
      title: p.title,
      // Shown under the practice's own h3 on the public company page.
      bodyHtml: renderMarkdown(p.body, { headingLevel: 4 }),
      createdAt: p.createdAt.toISOString(),
    })),
  };
}
