// Clubs seen and run by the national administration: create, edit, close and reopen a club
// (decision 015). Every write is audited in the same transaction; the routes check `admin`.

import { audit, updateClubAudited } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { ClubInput } from "~/utils/schemas/club";

export class ClubAdminError extends Error {
  constructor(
    message: string,
    readonly field?: keyof ClubInput,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

const ADMIN_SELECT = {
  id: true,
  name: true,
  description: true,
  departementCode: true,
  createdAt: true,
  closedAt: true,
  departement: { select: { name: true } },
  roles: {
    where: { role: "ANIMATOR" },
    select: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

type AdminClubRow = {
  id: string;
  name: string;
  description: string;
  departementCode: string;
  createdAt: Date;
  closedAt: Date | null;
  departement: { name: string };
  roles: { user: { name: string; email: string } }[];
};

/** A club as the admin pages show it; its members counted by ClubMemberCount (decision 035). */
const view = (club: AdminClubRow, memberCount: number) => ({
  id: club.id,
  name: club.name,
  description: club.description,
  departementCode: club.departementCode,
  departementName: club.departement.name,
  createdAt: club.createdAt,
  closedAt: club.closedAt,
  animators: club.roles.map((r) => r.user),
  memberCount,
});

/** Every club, by département then name, with its animators and its current member count. */
export async function listClubsForAdmin() {
  const [clubs, counts] = await Promise.all([
    prisma.club.findMany({
      orderBy: [{ departementCode: "asc" }, { name: "asc" }],
      select: ADMIN_SELECT,
    }),
    prisma.clubMemberCount.findMany(),
  ]);
  const members = new Map(counts.map((c) => [c.clubId, c.members]));
  return clubs.map((club) => view(club, members.get(club.id) ?? 0));
}

export async function getClubForAdmin(clubId: string) {
  const [club, count] = await Promise.all([
    prisma.club.findUnique({ where: { id: clubId }, select: ADMIN_SELECT }),
    prisma.clubMemberCount.findUnique({ where: { clubId } }),
  ]);
  return club ? view(club, count?.members ?? 0) : null;
}

/**
 * The country's clubs in three numbers for the national view: clubs, départements with a club,
 * current memberships (a company member of two clubs counts twice). One query: the member counts
 * are read from ClubMemberCount (kept by triggers, decision 035); `/admin/clubs` lists the clubs.
 */
export async function countClubsAndMembers() {
  const [row] = await prisma.$queryRaw<
    Array<{
      clubs: number | bigint;
      departements: number | bigint;
      members: number | bigint | null;
    }>
  >`
    SELECT COUNT(*) AS "clubs", COUNT(DISTINCT c."departementCode") AS "departements",
      SUM(COALESCE(n."members", 0)) AS "members"
    FROM "Club" c LEFT JOIN "ClubMemberCount" n ON n."clubId" = c."id"`;
  return {
    clubs: Number(row.clubs),
    departements: Number(row.departements),
    members: Number(row.members ?? 0),
  };
}

/** The clubs still open (a closed club takes no new animator, decision 015), for a select. */
export function listOpenClubs() {
  return prisma.club.findMany({
    where: { closedAt: null },
    orderBy: [{ departementCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, departementCode: true },
  });
}

export async function clubExists(clubId: string) {
  return (await prisma.club.findUnique({ where: { id: clubId }, select: { id: true } })) !== null;
}

/** How many commitments the club holds: once it has one, its département is locked. */
export function countClubCommitments(clubId: string) {
  return prisma.commitment.count({ where: { clubId } });
}

async function assertValid(input: ClubInput, exceptClubId?: string) {
  const departement = await prisma.departement.findUnique({
    where: { code: input.departementCode },
    select: { code: true },
  });
  if (!departement) {
    throw new ClubAdminError("Ce département n'existe pas.", "departementCode");
  }
  // Two clubs of one département with the same name would be indistinguishable in every list.
  const homonym = await prisma.club.findFirst({
    where: {
      departementCode: input.departementCode,
      name: input.name,
      ...(exceptClubId ? { id: { not: exceptClubId } } : {}),
    },
    select: { id: true },
  });
  if (homonym) {
    throw new ClubAdminError("Un club de ce département porte déjà ce nom.", "name");
  }
}

export async function createClub(actorId: string, input: ClubInput) {
  await assertValid(input);
  return prisma.$transaction(async (tx) => {
    const fields = {
      name: input.name,
      departementCode: input.departementCode,
      description: input.description,
    };
    const club = await tx.club.create({ data: fields, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "CREATE",
      entityType: "Club",
      entityId: club.id,
      clubId: club.id,
      after: fields,
    });
    return club.id;
  });
}

/**
 * Changes a club's name, description or département. The département is fixed once the club has
 * declarations: they carry it for the département's figures, which must not move.
 */
export async function updateClub(actorId: string, clubId: string, input: ClubInput) {
  const before = await prisma.club.findUnique({
    where: { id: clubId },
    select: { name: true, departementCode: true, description: true },
  });
  if (!before) throw new ClubAdminError("Ce club n'existe pas.", undefined, 404);
  await assertValid(input, clubId);
  if (input.departementCode !== before.departementCode) {
    const declarations =
      (await prisma.commitment.count({ where: { clubId } })) +
      (await prisma.realisation.count({ where: { clubId } }));
    if (declarations > 0) {
      throw new ClubAdminError(
        "Ce club a déjà des déclarations : son département ne peut plus changer (les chiffres du département en dépendent).",
        "departementCode",
      );
    }
  }
  const after = {
    name: input.name,
    departementCode: input.departementCode,
    description: input.description,
  };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
    (key) => after[key] !== before[key],
  );
  if (changed.length === 0) return false;
  await prisma.$transaction(async (tx) => {
    await tx.club.update({ where: { id: clubId }, data: after });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "Club",
      entityId: clubId,
      clubId,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
  });
  return true;
}

/**
 * Closes a club (decision 015): its history and figures stay; it takes no new members, meetings,
 * reminders or invitations, and its pending invitations are withdrawn.
 */
export async function closeClub(actorId: string, clubId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const club = await tx.club.findUnique({ where: { id: clubId }, select: { closedAt: true } });
    if (!club) throw new ClubAdminError("Ce club n'existe pas.", undefined, 404);
    if (club.closedAt) throw new ClubAdminError("Ce club est déjà fermé.");
    await tx.club.update({ where: { id: clubId }, data: { closedAt: now } });
    const pending = { clubId, acceptedAt: null, revokedAt: null };
    const withdrawn = await tx.invitation.findMany({ where: pending, select: { id: true } });
    await tx.invitation.updateMany({ where: pending, data: { revokedAt: now } });
    await audit(tx, {
      actorId,
      action: "CLOSE_CLUB",
      entityType: "Club",
      entityId: clubId,
      clubId,
      before: { closedAt: null },
      after: { closedAt: now, withdrawnInvitations: withdrawn.map((i) => i.id) },
    });
    return withdrawn.length;
  });
}

/** Reopens a closed club (a mistake, or a club starting again): everything works again. */
export async function reopenClub(actorId: string, clubId: string) {
  return prisma.$transaction(async (tx) => {
    const club = await tx.club.findUnique({ where: { id: clubId }, select: { closedAt: true } });
    if (!club) throw new ClubAdminError("Ce club n'existe pas.", undefined, 404);
    if (!club.closedAt) throw new ClubAdminError("Ce club est déjà ouvert.");
    await updateClubAudited(tx, {
      actorId,
      action: "REOPEN_CLUB",
      clubId,
      before: { closedAt: club.closedAt },
      after: { closedAt: null },
    });
  });
}
