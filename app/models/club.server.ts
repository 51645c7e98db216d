import { prisma } from "~/utils/db.server";
import type { MemberActivity } from "~/utils/domain";

/** A member is "active" when it declared something within this many days. */
export const ACTIVE_WINDOW_DAYS = 92;

export async function getClub(clubId: string) {
  return prisma.club.findUnique({
    where: { id: clubId },
    select: {
      id: true,
      name: true,
      description: true,
      departementCode: true,
      departement: { select: { name: true } },
    },
  });
}

/** Every company of the club at a glance: status, commitments of the year, last declaration. */
export async function listMembersAtAGlance(clubId: string, year: number, now = new Date()) {
  const memberships = await prisma.clubMembership.findMany({
    where: { clubId },
    orderBy: { company: { name: "asc" } },
    select: {
      id: true,
      status: true,
      joinedAt: true,
      leftAt: true,
      company: { select: { id: true, name: true, commune: { select: { name: true } } } },
    },
  });
  const companyIds = memberships.map((m) => m.company.id);
  const [lastRealisations, commitmentCounts] = await Promise.all([
    prisma.realisation.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds } },
      _max: { createdAt: true },
    }),
    prisma.commitment.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds }, clubId, year },
      _count: { _all: true },
    }),
  ]);
  const activeSince = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * 24 * 3600_000);
  return memberships.map((m) => {
    const last = lastRealisations.find((r) => r.companyId === m.company.id)?._max.createdAt ?? null;
    const activity: MemberActivity =
      m.status === "LEFT"
        ? "LEFT"
        : m.status === "PROSPECT"
          ? "PROSPECT"
          : last && last >= activeSince
            ? "ACTIVE"
            : "SILENT";
    return {
      membershipId: m.id,
      company: m.company,
      activity,
      lastDeclaration: last,
      commitments: commitmentCounts.find((c) => c.companyId === m.company.id)?._count._all ?? 0,
    };
  });
}
