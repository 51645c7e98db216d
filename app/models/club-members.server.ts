// A club's memberships as its animators change them: a prospect becomes a member, a member
// leaves, the contact is invited or changed. Every change runs in one transaction with its audit
// entry (before and after); leaving keeps the membership row and every past realisation (they
// keep their clubId), so the club's past figures do not move. Entering a prospect:
// club-prospects.server.ts; the lists of the pages: club-member-lists.server.ts.
// Refusals are MembershipError with a French message (and the form field concerned), never a 500.

import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { assertClubOpen } from "~/models/club-status.server";
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
import { emailField } from "~/utils/validation";

export class MembershipError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

/** The words for a membership's status in a sentence. */
export const STATUS_NAMES: Record<MembershipStatus, string> = {
  PROSPECT: "prospect",
  MEMBER: "membre",
  LEFT: "ancien membre",
};

/** A join request from the club, with the refusals as MembershipError on the SIRET field. */
export async function sendJoinRequest(
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

/** Inside the caller's transaction: writes a change to a membership with its audit entry. */
async function updateMembership(
  tx: Tx,
  actorId: string,
  before: Awaited<ReturnType<typeof membershipOfClub>>,
  data: Prisma.ClubMembershipUpdateInput,
) {
  const after = await tx.clubMembership.update({
    where: { id: before.id },
    data,
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
  await updateMembership(
    tx,
    actorId,
    before,
    to === "MEMBER"
      ? { status: "MEMBER", joinedAt: now, leftAt: null }
      : { status: "LEFT", leftAt: now },
  );
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
    await updateMembership(tx, actorId, before, contact);
    return { ...result, changed: true };
  });
}
