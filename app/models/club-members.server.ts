// A club's members and prospects, as its animators manage them: enter a prospect (a new record,
// or a join request when its SIRET is already known: decision 013), invite its first person,
// follow it up to its first declaration, mark it a member, mark a member as having left. Every
// change of a membership runs in one transaction with its audit entry (before and after);
// leaving keeps the membership row and every past realisation (they keep their clubId), so the
// club's past figures do not move.
// Refusals are MembershipError with a French message (and the form field concerned), never a 500.

import { z } from "zod";
import { assertClubOpen } from "~/models/club-status.server";
import { siretField } from "~/models/company-profile.server";
import { InvitationError, inviteUser } from "~/models/invitation.server";
import { JoinRequestError, requestToJoin } from "~/models/join-request.server";
import {
  MEMBERSHIP_FIELDS,
  membershipSnapshot as snapshot,
} from "~/models/membership-snapshot.server";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { QuotaExceeded } from "~/utils/quotas.server";
import type { MembershipStatus } from "~/utils/domain";
import {
  companyPeopleCount,
  firstMembershipOf,
  type CurrentUser,
} from "~/utils/permissions.server";
import { sirenOf } from "~/utils/siret";
import { emailField, personNameField } from "~/utils/validation";

export class MembershipError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- the prospect form

export const prospectSchema = z.object({
  siret: siretField,
  name: z
    .string({ error: "Indiquez le nom de l'entreprise." })
    .trim()
    .min(2, "Le nom doit compter au moins 2 caractères.")
    .max(120, "Le nom doit compter 120 caractères au plus."),
  communeCode: z
    .string()
    .trim()
    .max(10, "Indiquez le code INSEE de la commune (5 caractères, par exemple 62041).")
    .regex(
      /^(\d{5}|2[AB]\d{3})$/i,
      "Indiquez le code INSEE de la commune (5 caractères, par exemple 62041).",
    )
    .transform((code) => code.toUpperCase())
    .optional(),
  contactName: personNameField,
  contactEmail: emailField,
  invite: z.boolean().optional().default(false),
});

export type ProspectInput = z.infer<typeof prospectSchema>;

const STATUS_NAMES: Record<MembershipStatus, string> = {
  PROSPECT: "prospect",
  MEMBER: "membre",
  LEFT: "ancien membre",
};

/**
 * Enters a prospect (decision 013), in one transaction with its audit entries:
 * - an unknown SIRET: a new company, unclaimed, and its PROSPECT membership with the contact;
 * - the club's own record that left it, still without people: a prospect again;
 * - any other known company: no access at all, but a join request its own people answer.
 */
export async function createProspect(actorId: string, clubId: string, input: ProspectInput) {
  await assertClubOpen(prisma, clubId, (message) => new MembershipError(message));
  if (input.communeCode) {
    const commune = await prisma.commune.findUnique({
      where: { code: input.communeCode },
      select: { code: true },
    });
    if (!commune) {
      throw new MembershipError(
        "Cette commune n'existe pas : vérifiez son code INSEE (par exemple 62041 pour Arras).",
        "communeCode",
      );
    }
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.company.findUnique({
      where: { siret: input.siret },
      select: { id: true, name: true },
    });
    if (existing) {
      const current = await tx.clubMembership.findUnique({
        where: { companyId_clubId: { companyId: existing.id, clubId } },
        select: { status: true },
      });
      if (current && current.status !== "LEFT") {
        throw new MembershipError(
          `${existing.name} (SIRET ${input.siret}) est déjà ${STATUS_NAMES[current.status as MembershipStatus]} du club.`,
          "siret",
        );
      }
      const ownLeftRecord =
        current !== null &&
        (await firstMembershipOf(existing.id, tx))?.clubId === clubId &&
        (await companyPeopleCount(existing.id, tx)) === 0;
      if (!ownLeftRecord) {
        await sendJoinRequest(tx, actorId, clubId, existing);
        return {
          kind: "join-request" as const,
          membershipId: null,
          companyId: existing.id,
          companyName: existing.name,
        };
      }
    }
    const company =
      existing ??
      (await tx.company.create({
        data: {
          siret: input.siret,
          siren: sirenOf(input.siret),
          name: input.name,
          communeCode: input.communeCode ?? null,
        },
        select: { id: true, name: true },
      }));
    if (!existing) {
      await audit(tx, {
        actorId,
        action: "CREATE",
        entityType: "Company",
        entityId: company.id,
        companyId: company.id,
        clubId,
        after: { siret: input.siret, name: input.name, communeCode: input.communeCode ?? null },
      });
    }
    const contact = {
      contactName: input.contactName,
      contactEmail: input.contactEmail.toLowerCase(),
    };
    const current = await tx.clubMembership.findUnique({
      where: { companyId_clubId: { companyId: company.id, clubId } },
      select: MEMBERSHIP_FIELDS,
    });
    const membership = current
      ? await tx.clubMembership.update({
          where: { id: current.id },
          data: { status: "PROSPECT", leftAt: null, ...contact },
          select: MEMBERSHIP_FIELDS,
        })
      : await tx.clubMembership.create({
          data: { companyId: company.id, clubId, status: "PROSPECT", ...contact },
          select: MEMBERSHIP_FIELDS,
        });
    await audit(tx, {
      actorId,
      action: current ? "UPDATE" : "CREATE",
      entityType: "ClubMembership",
      entityId: membership.id,
      companyId: company.id,
      clubId,
      before: current ? snapshot(current) : undefined,
      after: snapshot(membership),
    });
    return {
      kind: existing ? ("back-as-prospect" as const) : ("created" as const),
      membershipId: membership.id,
      companyId: company.id,
      companyName: company.name,
    };
  });
}

/** A join request from the club, with the refusals as MembershipError on the SIRET field. */
async function sendJoinRequest(
  tx: Tx,
  actorId: string,
  clubId: string,
  company: { id: string; name: string },
) {
  const actor = await tx.user.findUniqueOrThrow({
    where: { id: actorId },
    select: { id: true, name: true },
  });
  try {
    await requestToJoin(tx, actor, clubId, company);
  } catch (error) {
    if (error instanceof JoinRequestError) throw new MembershipError(error.message, "siret");
    throw error;
  }
}

// ---------------------------------------------------------------- changes of status

async function membershipOfClub(tx: Tx, clubId: string, membershipId: string) {
  const membership = await tx.clubMembership.findFirst({
    where: { id: membershipId, clubId },
    select: {
      ...MEMBERSHIP_FIELDS,
      companyId: true,
      clubId: true,
      company: { select: { name: true } },
    },
  });
  if (!membership) {
    throw new MembershipError("Cette entreprise n'est pas dans ce club.", undefined, 404);
  }
  return membership;
}

/** Inside the caller's transaction: the membership goes from one of `from` to `to`, audited. */
async function changeStatus(
  tx: Tx,
  actorId: string,
  before: Awaited<ReturnType<typeof membershipOfClub>>,
  from: MembershipStatus[],
  to: MembershipStatus,
  refusal: (companyName: string, status: MembershipStatus) => string,
  now: Date,
) {
  if (!from.includes(before.status as MembershipStatus)) {
    throw new MembershipError(refusal(before.company.name, before.status as MembershipStatus));
  }
  const after = await tx.clubMembership.update({
    where: { id: before.id },
    data:
      to === "MEMBER"
        ? { status: "MEMBER", joinedAt: now, leftAt: null }
        : { status: "LEFT", leftAt: now },
    select: MEMBERSHIP_FIELDS,
  });
  await audit(tx, {
    actorId,
    action: "UPDATE",
    entityType: "ClubMembership",
    entityId: before.id,
    companyId: before.companyId,
    clubId: before.clubId,
    before: snapshot(before),
    after: snapshot(after),
  });
  return { companyName: before.company.name, companyId: before.companyId };
}

/**
 * A prospect joins the club (joinedAt: now) — only the club's own record that has no people yet.
 * A company with people of its own (or entered by another club) decides itself: it gets a join
 * request instead, and becomes a member when its people accept it (decision 013).
 */
export async function markAsMember(
  actorId: string,
  clubId: string,
  membershipId: string,
  now = new Date(),
): Promise<{ companyName: string; companyId: string; joinRequested: boolean }> {
  return prisma.$transaction(async (tx) => {
    await assertClubOpen(tx, clubId, (message) => new MembershipError(message));
    const membership = await membershipOfClub(tx, clubId, membershipId);
    const ownUnclaimed =
      (await firstMembershipOf(membership.companyId, tx))?.clubId === clubId &&
      (await companyPeopleCount(membership.companyId, tx)) === 0;
    if (membership.status === "PROSPECT" && !ownUnclaimed) {
      await sendJoinRequest(tx, actorId, clubId, {
        id: membership.companyId,
        name: membership.company.name,
      });
      return {
        companyName: membership.company.name,
        companyId: membership.companyId,
        joinRequested: true,
      };
    }
    const changed = await changeStatus(
      tx,
      actorId,
      membership,
      ["PROSPECT"],
      "MEMBER",
      (name, status) => `${name} n'est pas un prospect du club (c'est un ${STATUS_NAMES[status]}).`,
      now,
    );
    return { ...changed, joinRequested: false };
  });
}

/**
 * A member (or a prospect who gave up) leaves the club: leftAt is set, the membership and the
 * company's past realisations stay, so the club's past figures are unchanged.
 */
export function markAsLeft(
  actorId: string,
  clubId: string,
  membershipId: string,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) =>
    changeStatus(
      tx,
      actorId,
      await membershipOfClub(tx, clubId, membershipId),
      ["MEMBER", "PROSPECT"],
      "LEFT",
      (name) => `${name} a déjà quitté le club.`,
      now,
    ),
  );
}

/**
 * Invites a prospect's (or member's) contact to create the company's account: its first person,
 * for the club's own record only (canInvite decides; decision 013).
 */
export async function inviteMembershipContact(
  inviter: CurrentUser,
  clubId: string,
  membershipId: string,
) {
  const membership = await prisma.clubMembership.findFirst({
    where: { id: membershipId, clubId },
    select: {
      status: true,
      contactName: true,
      contactEmail: true,
      companyId: true,
      company: { select: { name: true } },
    },
  });
  if (!membership) {
    throw new MembershipError("Cette entreprise n'est pas dans ce club.", undefined, 404);
  }
  if (membership.status === "LEFT") {
    throw new MembershipError(`${membership.company.name} a quitté le club : pas d'invitation.`);
  }
  if ((await companyPeopleCount(membership.companyId)) > 0) {
    throw new MembershipError(
      `${membership.company.name} a déjà son équipe sur Engagés : ce sont ses membres qui invitent leurs collègues.`,
    );
  }
  if (!membership.contactEmail) {
    throw new MembershipError(
      `Aucune adresse e-mail de contact pour ${membership.company.name} : invitez une personne depuis la page « Inviter une entreprise ».`,
    );
  }
  try {
    await inviteUser(inviter, {
      email: membership.contactEmail,
      name: membership.contactName ?? membership.company.name,
      role: "COMPANY",
      companyId: membership.companyId,
      clubId,
    });
  } catch (error) {
    if (error instanceof InvitationError || error instanceof QuotaExceeded) {
      throw new MembershipError(`${membership.company.name} : ${error.message}`);
    }
    throw error;
  }
  return { email: membership.contactEmail, companyName: membership.company.name };
}

// ---------------------------------------------------------------- the contact

/** The contact of a membership: the address is required (it is what makes the company
 * reachable), the name optional. */
export const membershipContactSchema = z.object({
  contactEmail: emailField,
  contactName: z
    .string()
    .trim()
    .max(100, "Le nom doit compter 100 caractères au plus.")
    .optional()
    .transform((name) => name || null),
});

/**
 * The animator sets the contact the club knows a company by: who gets its meeting invitations
 * and reminders while it has no people of its own (and who may be invited to create its
 * account). Validated here, so that no caller writes a bad address; audited with the membership's
 * snapshot; nothing written when nothing changes.
 */
export async function updateMembershipContact(
  actorId: string,
  clubId: string,
  membershipId: string,
  raw: { contactEmail?: unknown; contactName?: unknown },
) {
  const parsed = membershipContactSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MembershipError(issue.message, String(issue.path[0] ?? "contactEmail"));
  }
  const contact = {
    contactEmail: parsed.data.contactEmail.toLowerCase(),
    contactName: parsed.data.contactName,
  };
  return prisma.$transaction(async (tx) => {
    await assertClubOpen(tx, clubId, (message) => new MembershipError(message));
    const before = await membershipOfClub(tx, clubId, membershipId);
    if (before.status === "LEFT") {
      throw new MembershipError(
        `${before.company.name} a quitté le club : son contact ne change plus.`,
      );
    }
    const result = { companyName: before.company.name, email: contact.contactEmail };
    if (
      before.contactEmail === contact.contactEmail &&
      before.contactName === contact.contactName
    ) {
      return { ...result, changed: false };
    }
    const after = await tx.clubMembership.update({
      where: { id: before.id },
      data: contact,
      select: MEMBERSHIP_FIELDS,
    });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "ClubMembership",
      entityId: before.id,
      companyId: before.companyId,
      clubId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return { ...result, changed: true };
  });
}

// ---------------------------------------------------------------- reading

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
