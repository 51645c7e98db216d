// What a club's membership pages list: its prospects, members and former members with their
// follow-up, and the companies whose first person it may invite.

import { MEMBERSHIP_FIELDS } from "~/models/membership-snapshot.server";
import { prisma } from "~/utils/db.server";

/**
 * The club's prospects, members and former members, each with its follow-up: last invitation
 * (sent on, accepted on), account created (first COMPANY access), first declaration
 * (commitment or realisation) — all grouped in the database.
 */
export async function listClubMemberships(clubId: string) {
  const memberships = await prisma.clubMembership.findMany({
    where: { clubId },
    orderBy: { company: { name: "asc" } },
    select: {
      ...MEMBERSHIP_FIELDS,
      createdAt: true,
      company: {
        select: { id: true, name: true, siret: true, commune: { select: { name: true } } },
      },
    },
  });
  const companyIds = memberships.map((m) => m.company.id);
  const [invitations, accounts, firstRealisations, firstCommitments] = await Promise.all([
    prisma.invitation.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds }, role: "COMPANY" },
      _max: { createdAt: true, acceptedAt: true },
    }),
    prisma.roleAssignment.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds }, role: "COMPANY" },
      _min: { createdAt: true },
    }),
    prisma.realisation.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds } },
      _min: { createdAt: true },
    }),
    prisma.commitment.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds } },
      _min: { createdAt: true },
    }),
  ]);
  const earliest = (a: Date | null | undefined, b: Date | null | undefined) =>
    a && b ? (a < b ? a : b) : (a ?? b ?? null);
  const rows = memberships.map((m) => {
    const invitation = invitations.find((i) => i.companyId === m.company.id)?._max;
    return {
      ...m,
      invitedAt: invitation?.createdAt ?? null,
      acceptedAt: invitation?.acceptedAt ?? null,
      accountCreatedAt: accounts.find((a) => a.companyId === m.company.id)?._min.createdAt ?? null,
      firstDeclarationAt: earliest(
        firstRealisations.find((r) => r.companyId === m.company.id)?._min.createdAt,
        firstCommitments.find((c) => c.companyId === m.company.id)?._min.createdAt,
      ),
    };
  });
  return {
    prospects: rows.filter((m) => m.status === "PROSPECT"),
    members: rows.filter((m) => m.status === "MEMBER"),
    left: rows.filter((m) => m.status === "LEFT"),
  };
}

/**
 * The companies whose first person the club may invite (canInvite's rule, for the form): its
 * own records, still prospects or members, that have no people yet.
 */
export async function listInvitableCompanies(clubId: string) {
  const candidates = await prisma.clubMembership.findMany({
    where: {
      clubId,
      status: { in: ["PROSPECT", "MEMBER"] },
      company: { roles: { none: { role: "COMPANY" } } },
    },
    orderBy: { company: { name: "asc" } },
    select: { company: { select: { id: true, name: true } } },
  });
  const all = await prisma.clubMembership.findMany({
    where: { companyId: { in: candidates.map((c) => c.company.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { companyId: true, clubId: true },
  });
  const firstClub = new Map<string, string>();
  for (const m of all) if (!firstClub.has(m.companyId)) firstClub.set(m.companyId, m.clubId);
  return candidates.map((c) => c.company).filter((c) => firstClub.get(c.id) === clubId);
}
