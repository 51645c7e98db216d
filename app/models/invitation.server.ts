// Invitations: someone allowed to (see canInvite) invites a person to take a role with a scope;
// the person accepts through a single-use, expiring e-mailed link by choosing a password.

import { assertClubOpen } from "~/models/club-status.server";
import { audit, type AuditEntry } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { ROLE_LABELS, type Role } from "~/utils/domain";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { canInvite, loadCurrentUser, type CurrentUser } from "~/utils/permissions.server";
import { enforceQuota, QUOTAS } from "~/utils/quotas.server";
import { createToken, hashToken } from "~/utils/tokens.server";

export const INVITATION_VALIDITY_DAYS = 14;

export type InvitationInput = {
  email: string;
  name: string;
  role: Role;
  companyId?: string | null;
  clubId?: string | null;
  departementCode?: string | null;
};

export class InvitationError extends Error {}

async function describeScope(input: InvitationInput) {
  if (input.role === "COMPANY" && input.companyId) {
    const company = await prisma.company.findUnique({
      where: { id: input.companyId },
      select: { name: true },
    });
    return `pour l'entreprise ${company?.name ?? ""}`;
  }
  if (input.role === "ANIMATOR" && input.clubId) {
    const club = await prisma.club.findUnique({
      where: { id: input.clubId },
      select: { name: true },
    });
    return `pour animer le club « ${club?.name ?? ""} »`;
  }
  if (input.role === "PREFECTURE" && input.departementCode) {
    const d = await prisma.departement.findUnique({
      where: { code: input.departementCode },
      select: { name: true },
    });
    return `pour suivre les chiffres du département ${d?.name ?? ""} (${input.departementCode})`;
  }
  return `avec le rôle « ${ROLE_LABELS[input.role]} »`;
}

/** Creates an invitation and queues its e-mail in one transaction. */
export async function inviteUser(inviter: CurrentUser, raw: InvitationInput) {
  const input: InvitationInput = {
    ...raw,
    email: raw.email.trim().toLowerCase(),
    companyId: raw.role === "COMPANY" ? raw.companyId : null,
    clubId: raw.role === "ANIMATOR" || raw.role === "COMPANY" ? raw.clubId : null,
    departementCode: raw.role === "PREFECTURE" ? raw.departementCode : null,
  };
  if (!(await canInvite(inviter, input))) {
    throw new InvitationError("Vous ne pouvez pas inviter une personne à ce rôle.");
  }
  if (input.clubId) {
    await assertClubOpen(prisma, input.clubId, (message) => new InvitationError(message));
  }
  const existingRole = await prisma.roleAssignment.findFirst({
    where: {
      user: { email: input.email },
      role: input.role,
      companyId: input.companyId ?? null,
      clubId: input.role === "ANIMATOR" ? input.clubId : null,
      departementCode: input.departementCode ?? null,
    },
    select: { id: true },
  });
  if (existingRole) throw new InvitationError("Cette personne a déjà ce rôle.");

  const roleDescription = await describeScope(input);
  return prisma.$transaction((tx) => sendInvitation(tx, inviter, input, roleDescription));
}

/**
 * Inside the caller's transaction, with `input` already allowed and normalised: the senders'
 * quotas, the invitation and its e-mail ("…vous invite <roleDescription>").
 */
export async function sendInvitation(
  tx: Tx,
  inviter: CurrentUser,
  input: InvitationInput,
  roleDescription: string,
) {
  const sentSince = (where: object) => (since: Date) =>
    tx.invitation.count({ where: { ...where, createdAt: { gte: since } } });
  await enforceQuota(QUOTAS.invitationsPerInviter, sentSince({ invitedById: inviter.id }));
  await enforceQuota(QUOTAS.invitationsPerAddress, sentSince({ email: input.email }));
  const created = await recordInvitation(tx, input, {
    inviterId: inviter.id,
    actorId: inviter.id,
  });
  await queueEmail(tx, {
    template: "invitation",
    to: input.email,
    data: {
      inviterName: inviter.name,
      roleDescription,
      acceptUrl: created.acceptUrl,
      expiresInDays: INVITATION_VALIDITY_DAYS,
    },
  });
  return { id: created.id, email: input.email };
}

/**
 * Inside the caller's transaction, with `input` already allowed (canInvite) and normalised: the
 * invitation row, replacing a pending one for the same person and scope, and its audit entry.
 * Returns the link that accepts it, for the caller's e-mail. `inviterId` is the person on whose
 * authority it holds (checked again when it is opened: stillAuthorised); `actorId` who acted,
 * null for the scheduler.
 */
export async function recordInvitation(
  tx: Tx,
  input: InvitationInput,
  by: { inviterId: string; actorId: string | null; via?: string },
) {
  const { token, tokenHash } = createToken();
  const pending = {
    email: input.email,
    role: input.role,
    companyId: input.companyId ?? null,
    departementCode: input.departementCode ?? null,
    acceptedAt: null,
    revokedAt: null,
  };
  const replaced = await tx.invitation.findMany({ where: pending, select: { id: true } });
  await tx.invitation.updateMany({ where: pending, data: { revokedAt: new Date() } });
  const created = await tx.invitation.create({
    data: {
      email: input.email,
      name: input.name.trim(),
      role: input.role,
      companyId: input.companyId ?? null,
      clubId: input.clubId ?? null,
      departementCode: input.departementCode ?? null,
      tokenHash,
      invitedById: by.inviterId,
      expiresAt: new Date(Date.now() + INVITATION_VALIDITY_DAYS * 24 * 3600_000),
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: by.actorId,
    action: "INVITE",
    entityType: "Invitation",
    entityId: created.id,
    companyId: input.companyId,
    clubId: input.clubId,
    ...(replaced.length > 0 ? { before: { replacedInvitations: replaced.map((r) => r.id) } } : {}),
    after: {
      email: input.email,
      role: input.role,
      companyId: input.companyId,
      clubId: input.clubId,
      departementCode: input.departementCode,
      ...(by.via ? { via: by.via } : {}),
    },
  });
  return { id: created.id, acceptUrl: `${env.APP_URL}/invitation/${token}` };
}

/**
 * An invitation holds only while its author may still send it (decision 013): a person removed
 * from the company, an animator whose company has since got its own people or left the club,
 * no longer lets anyone in. A company invitation with no known author is void.
 */
async function stillAuthorised(invitation: {
  role: string;
  companyId: string | null;
  clubId: string | null;
  departementCode: string | null;
  invitedById: string | null;
}) {
  if (!invitation.invitedById) return invitation.role !== "COMPANY";
  const inviter = await loadCurrentUser(invitation.invitedById);
  return inviter !== null && canInvite(inviter, { ...invitation, role: invitation.role as Role });
}

/** A pending, unexpired invitation for a token, or null. */
export function findOpenInvitation(token: string) {
  return findOpenInvitationByHash(hashToken(token));
}

/** The same, from the token's hash (kept by a ProConnect sign-in started from the link). */
export async function findOpenInvitationByHash(tokenHash: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      companyId: true,
      clubId: true,
      departementCode: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      company: { select: { name: true } },
      club: { select: { name: true } },
      departement: { select: { name: true } },
      invitedById: true,
      invitedBy: { select: { name: true } },
    },
  });
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt < new Date() ||
    !(await stillAuthorised(invitation))
  ) {
    return null;
  }
  const existingUser = await prisma.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true },
  });
  return { ...invitation, existingUserId: existingUser?.passwordHash ? existingUser.id : null };
}

/**
 * How the invitee accepts: a new password (creates the account, or sets the password of an
 * account that had none), the existing account signed in, or ProConnect (decision 027: the
 * account of the invited address, created without a password when there is none, and `then`
 * links the identity in the same transaction).
 */
export type Acceptance =
  | { name: string; password: string }
  | { existingUserId: string }
  | { name: string; proConnect: (tx: Tx, userId: string) => Promise<void> };

/**
 * Accepts an invitation: creates the account (or uses the existing one), grants the role,
 * marks the invitation used. All or nothing. Returns the user id.
 */
export async function acceptInvitation(token: string, account: Acceptance) {
  return acceptInvitationByHash(hashToken(token), account);
}

export async function acceptInvitationByHash(tokenHash: string, account: Acceptance) {
  const invitation = await findOpenInvitationByHash(tokenHash);
  if (!invitation) throw new InvitationError("Cette invitation n'est plus valable.");
  const passwordHash = "password" in account ? await hashPassword(account.password) : null;
  return prisma.$transaction(async (tx) => {
    // Claim the invitation first: a second acceptance of the same link finds it used.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new InvitationError("Cette invitation a déjà été utilisée.");

    let userId: string;
    if ("existingUserId" in account) {
      if (account.existingUserId !== invitation.existingUserId) {
        throw new InvitationError("Cette invitation a été envoyée à une autre adresse e-mail.");
      }
      userId = account.existingUserId;
    } else if ("proConnect" in account) {
      const user = await tx.user.upsert({
        where: { email: invitation.email },
        create: { email: invitation.email, name: account.name.trim(), passwordHash: null },
        update: {},
        select: { id: true },
      });
      userId = user.id;
    } else {
      const user = await tx.user.upsert({
        where: { email: invitation.email },
        create: { email: invitation.email, name: account.name.trim(), passwordHash },
        update: { name: account.name.trim(), passwordHash },
        select: { id: true },
      });
      userId = user.id;
    }
    const scope = {
      companyId: invitation.companyId,
      clubId: invitation.role === "ANIMATOR" ? invitation.clubId : null,
      departementCode: invitation.departementCode,
    };
    const existing = await tx.roleAssignment.findFirst({
      where: { userId, role: invitation.role, ...scope },
      select: { id: true },
    });
    // Both journal entries of an acceptance: by the new member, in the invitation's scope.
    const journal = (
      entry: Pick<AuditEntry, "action" | "entityType" | "entityId" | "before" | "after">,
    ) => audit(tx, { actorId: userId, companyId: scope.companyId, clubId: scope.clubId, ...entry });
    await journal({
      action: "ACCEPT",
      entityType: "Invitation",
      entityId: invitation.id,
      before: { acceptedAt: null },
      after: { acceptedAt: new Date(), userId, roleAlreadyHeld: Boolean(existing) },
    });
    if (!existing) {
      const role = await tx.roleAssignment.create({
        data: { userId, role: invitation.role, ...scope },
        select: { id: true },
      });
      await journal({
        action: "GRANT_ROLE",
        entityType: "RoleAssignment",
        entityId: role.id,
        after: { role: invitation.role, ...scope, invitationId: invitation.id },
      });
    }
    if ("proConnect" in account) await account.proConnect(tx, userId);
    return userId;
  });
}

export async function listPendingInvitations(where: {
  companyId?: string;
  clubId?: string;
  roles?: Role[];
}) {
  return prisma.invitation.findMany({
    where: {
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(where.companyId ? { companyId: where.companyId } : {}),
      ...(where.clubId ? { clubId: where.clubId } : {}),
      ...(where.roles ? { role: { in: where.roles } } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      company: { select: { name: true } },
      club: { select: { name: true } },
      departementCode: true,
    },
  });
}
