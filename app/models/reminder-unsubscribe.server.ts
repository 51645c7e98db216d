// The signed unsubscribe link of every reminder e-mail (no sign-in needed) and the opt-out it
// leads to.

import { audit } from "~/utils/audit.server";
import { signedId, verifiedId } from "~/utils/signatures.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// ---------------------------------------------------------------- unsubscribe tokens

const UNSUBSCRIBE_PURPOSE = "engages:reminders-opt-out:v1";

/** The unsubscribe token of a membership: its id and an HMAC of it (no expiry, no sign-in). */
export function unsubscribeToken(membershipId: string) {
  return signedId(UNSUBSCRIBE_PURPOSE, membershipId);
}

export function unsubscribeUrl(membershipId: string) {
  return `${env.APP_URL}/desabonnement/${unsubscribeToken(membershipId)}`;
}

/** The membership id of a valid token, or null when it was altered. */
export function verifyUnsubscribeToken(token: string): string | null {
  return verifiedId(UNSUBSCRIBE_PURPOSE, token);
}

/** What the unsubscribe page shows, for a valid token. */
export async function findUnsubscription(token: string) {
  const membershipId = verifyUnsubscribeToken(token);
  if (!membershipId) return null;
  return prisma.clubMembership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      remindersOptOut: true,
      company: { select: { name: true } },
      club: { select: { name: true } },
    },
  });
}

/** Opts the membership out of reminders (idempotent, audited). Null for a bad token. */
export async function optOutOfReminders(token: string) {
  const membershipId = verifyUnsubscribeToken(token);
  if (!membershipId) return null;
  return prisma.$transaction(async (tx) => {
    const membership = await tx.clubMembership.findUnique({
      where: { id: membershipId },
      select: {
        id: true,
        clubId: true,
        companyId: true,
        remindersOptOut: true,
        company: { select: { name: true } },
        club: { select: { name: true } },
      },
    });
    if (!membership) return null;
    if (!membership.remindersOptOut) {
      await tx.clubMembership.update({
        where: { id: membership.id },
        data: { remindersOptOut: true },
      });
      await audit(tx, {
        actorId: null,
        action: "UPDATE",
        entityType: "ClubMembership",
        entityId: membership.id,
        companyId: membership.companyId,
        clubId: membership.clubId,
        before: { remindersOptOut: false },
        after: { remindersOptOut: true, via: "lien de désabonnement" },
      });
    }
    return { companyName: membership.company.name, clubName: membership.club.name };
  });
}
