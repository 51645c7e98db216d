// A company's team: removing a colleague, leaving the company, revoking an invitation. Each
// write runs in a transaction with its audit entry; refusals are CompanyProfileError.

import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { CompanyProfileError } from "./company-profile.server";

// ---------------------------------------------------------------- team

/**
 * Deletes a team member's role, audited as `action` with `before`; refused with `lastOne` when
 * that person is the team's last: a company always keeps someone to answer for it.
 */
async function takeOffTeam(
  tx: Tx,
  companyId: string,
  roleId: string,
  change: { lastOne: string; actorId: string; action: string; before: Record<string, unknown> },
) {
  const teamSize = await tx.roleAssignment.count({ where: { companyId, role: "COMPANY" } });
  if (teamSize <= 1) throw new CompanyProfileError(change.lastOne);
  await tx.roleAssignment.delete({ where: { id: roleId } });
  await audit(tx, {
    actorId: change.actorId,
    action: change.action,
    entityType: "RoleAssignment",
    entityId: roleId,
    companyId,
    before: change.before,
  });
}

/** Removes a colleague's access to the company (never one's own: see leaveCompany). */
export async function removeTeamMember(actorId: string, companyId: string, roleId: string) {
  return prisma.$transaction(async (tx) => {
    const role = await tx.roleAssignment.findFirst({
      where: { id: roleId, companyId, role: "COMPANY" },
      select: { id: true, userId: true, user: { select: { name: true, email: true } } },
    });
    if (!role) throw new CompanyProfileError("Cette personne ne fait pas partie de l'équipe.");
    if (role.userId === actorId) {
      throw new CompanyProfileError(
        "Vous ne pouvez pas vous retirer vous-même ainsi : utilisez « Quitter l'entreprise ».",
      );
    }
    await takeOffTeam(tx, companyId, role.id, {
      lastOne: "La dernière personne de l'équipe ne peut pas être retirée.",
      actorId,
      action: "REMOVE_MEMBER",
      before: { userId: role.userId, name: role.user.name, email: role.user.email },
    });
    return role.user;
  });
}

/** The actor leaves the company's team; the last member cannot leave. */
export async function leaveCompany(actorId: string, companyId: string) {
  return prisma.$transaction(async (tx) => {
    const role = await tx.roleAssignment.findFirst({
      where: { userId: actorId, companyId, role: "COMPANY" },
      select: { id: true, company: { select: { name: true } } },
    });
    if (!role) throw new CompanyProfileError("Vous ne faites pas partie de cette équipe.");
    await takeOffTeam(tx, companyId, role.id, {
      lastOne:
        "Vous êtes la dernière personne de l'équipe : vous ne pouvez pas quitter l'entreprise. Invitez d'abord un ou une collègue qui prendra le relais.",
      actorId,
      action: "LEAVE",
      before: { userId: actorId },
    });
    return { companyName: role.company?.name ?? "" };
  });
}

/** Revokes a pending invitation to the company's team. */
export async function revokeCompanyInvitation(
  actorId: string,
  companyId: string,
  invitationId: string,
) {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, companyId, role: "COMPANY", acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, clubId: true },
    });
    if (!invitation) throw new CompanyProfileError("Cette invitation n'est plus en attente.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actorId,
      action: "REVOKE",
      entityType: "Invitation",
      entityId: invitation.id,
      companyId,
      clubId: invitation.clubId,
      before: { email: invitation.email },
    });
    return invitation;
  });
}
