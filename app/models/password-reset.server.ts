// Password reset by e-mailed, single-use, expiring link. The request page answers the same, with
// the same work, whether the address exists or not, so it cannot be used to discover accounts.

import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { createToken, hashToken } from "~/utils/tokens.server";

export const RESET_VALIDITY_MINUTES = 60;
/** At most this many reset e-mails per account per hour. */
export const MAX_RESETS_PER_HOUR = 3;

/**
 * Asks for a reset link. The request only records the address — one row, whatever the address —
 * so its answer and its database work are the same whether an account exists or not, and its
 * timing cannot tell (OWASP: answer at once, do the work asynchronously). A job sends the link.
 */
export async function requestPasswordReset(emailInput: string) {
  await prisma.passwordResetRequest.create({ data: { email: emailInput.trim().toLowerCase() } });
}

/** The job: answers the waiting requests, oldest first. Returns how many links were sent. */
export async function processPasswordResetRequests() {
  const waiting = await prisma.passwordResetRequest.findMany({
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, email: true },
  });
  let sent = 0;
  for (const request of waiting) {
    if (await answerResetRequest(request)) sent++;
  }
  return sent;
}

/** A link to an account with a password (at most 3 an hour), nothing to any other address. */
async function answerResetRequest(request: { id: string; email: string }) {
  return prisma.$transaction(async (tx) => {
    // Claimed by deleting it, with the link in the same transaction: sent once, or not at all.
    const claimed = await tx.passwordResetRequest.deleteMany({ where: { id: request.id } });
    if (claimed.count === 0) return false;
    const user = await tx.user.findUnique({
      where: { email: request.email },
      select: { id: true, name: true, passwordHash: true },
    });
    if (!user?.passwordHash) return false;
    const recent = await tx.passwordResetToken.count({
      where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 3600_000) } },
    });
    if (recent >= MAX_RESETS_PER_HOUR) return false;
    const { token, tokenHash } = createToken();
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + RESET_VALIDITY_MINUTES * 60_000),
      },
    });
    await queueEmail(tx, {
      template: "password-reset",
      to: request.email,
      data: {
        name: user.name,
        resetUrl: `${env.APP_URL}/reinitialiser-mot-de-passe/${token}`,
        expiresInMinutes: RESET_VALIDITY_MINUTES,
      },
    });
    return true;
  });
}

/** The user id of a usable reset token, or null. */
export async function findResetToken(token: string) {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.usedAt || row.expiresAt < new Date()) return null;
  return row;
}

/** Marks the token used; false if it was used meanwhile (single use, even under a race). */
export async function consumeResetToken(id: string) {
  const result = await prisma.passwordResetToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return result.count === 1;
}
