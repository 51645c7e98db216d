// A member company writes to another from the directory (issue 18, point 8). The message goes
// through the e-mail outbox, to the card's contact address or else the company's people, with
// Reply-To the sender so that the answer comes straight back; the row it leaves counts for the
// sending company's daily quota and the journal. The caller checked directory:contact.

import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { enforceQuota, QUOTAS } from "~/utils/quotas.server";

export type ContactSender = { userId: string; name: string; email: string; companyId: string };

/** A refusal the sender can act on (nobody to write to), shown on the form. */
export class CompanyContactError extends Error {}

/** Where a company's directory messages go: its card's address, or else its people's. */
async function recipientsOf(tx: Tx, companyId: string) {
  const card = await tx.directoryCard.findUnique({
    where: { companyId },
    select: { contactEmail: true },
  });
  if (card?.contactEmail) return [card.contactEmail];
  const roles = await tx.roleAssignment.findMany({
    where: { role: "COMPANY", companyId },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(roles.map((r) => r.user.email))];
}

/**
 * Sends the message in one transaction: the quota (20 a day per sending company, counted in the
 * transaction so that two requests cannot both take the last place), the row, one outbox e-mail
 * per recipient, the audit entry. Returns how many addresses it went to.
 */
export async function contactCompany(
  sender: ContactSender,
  toCompanyId: string,
  message: string,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    // The sending company's row, locked until the commit (PostgreSQL; SQLite's transactions are
    // serial anyway): two sends of the same company count one after the other.
    await tx.$executeRaw`UPDATE "Company" SET "updatedAt" = "updatedAt" WHERE "id" = ${sender.companyId}`;
    await enforceQuota(QUOTAS.companyContacts, (since) =>
      tx.companyContact.count({
        where: { fromCompanyId: sender.companyId, createdAt: { gte: since } },
      }),
    );
    const [from, to] = await Promise.all([
      tx.company.findUniqueOrThrow({ where: { id: sender.companyId }, select: { name: true } }),
      tx.company.findUniqueOrThrow({ where: { id: toCompanyId }, select: { name: true } }),
    ]);
    const addresses = await recipientsOf(tx, toCompanyId);
    if (addresses.length === 0) {
      throw new CompanyContactError(
        `${to.name} n'a pas encore de personne inscrite sur Engagés ni d'adresse de contact : votre message ne peut pas lui parvenir. L'animateur de votre club peut vous mettre en relation.`,
      );
    }
    const contact = await tx.companyContact.create({
      data: { fromCompanyId: sender.companyId, toCompanyId, senderId: sender.userId },
      select: { id: true },
    });
    for (const address of addresses) {
      await queueEmail(tx, {
        template: "company-contact",
        to: address,
        replyTo: sender.email,
        dedupeKey: `company-contact:${contact.id}:${address}`,
        data: {
          senderCompanyName: from.name,
          senderName: sender.name,
          recipientCompanyName: to.name,
          message,
          directoryUrl: `${env.APP_URL}/entreprise/${toCompanyId}/annuaire`,
        },
      });
    }
    await audit(tx, {
      actorId: sender.userId,
      action: "CONTACT",
      entityType: "CompanyContact",
      entityId: contact.id,
      companyId: sender.companyId,
      after: { toCompanyId, recipients: addresses.length },
    });
    return addresses.length;
  });
}
