// Password reset by e-mailed, single-use, expiring link. The request page answers the same
// whether the address exists or not, so it cannot be used to discover accounts.

import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { createToken, hashToken } from "~/utils/tokens.server";

export const RESET_VALIDITY_MINUTES = 60;
/** At most this many reset e-mails per account per hour. */
export const MAX_RESETS_PER_HOUR = 3;

export async function requestPasswordReset(emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) return;
  const recent = await prisma.passwordResetToken.count({
    where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 3600_000) } },
  });
  if (recent >= MAX_RESETS_PER_HOUR) return;
  const { token, tokenHash } = createToken();
  await prisma.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + RESET_VALIDITY_MINUTES * 60_000),
      },
    });
    await queueEmail(tx, {
      template: "password-reset",
      to: email,
      data: {
        name: user.name,
        resetUrl: `${env.APP_URL}/reinitialiser-mot-de-passe/${token}`,
        expiresInMinutes: RESET_VALIDITY_MINUTES,
      },
    });
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
