// Clean-up of rows that only matter for a while: expired sessions, sign-in attempts older than
// the throttling needs, used or expired reset tokens, expired import drafts, ProConnect sign-ins
// never finished. Run hourly.
import { LONGEST_WINDOW_MS } from "~/utils/rate-limit.server";
import { prisma } from "~/utils/db.server";

/** Sign-in attempts are kept this long (throttling looks at 15 minutes; the rest helps audits). */
export const LOGIN_ATTEMPTS_KEPT_DAYS = 30;

export async function purgeExpiredRows(now = new Date()) {
  const attemptsBefore = new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_DAYS * 24 * 3600_000);
  const hitsBefore = new Date(now.getTime() - LONGEST_WINDOW_MS);
  const [sessions, attempts, resetTokens, drafts, rateLimitHits, proConnectFlows] =
    await prisma.$transaction([
      prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
      prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: attemptsBefore } } }),
      prisma.passwordResetToken.deleteMany({
        where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] },
      }),
      prisma.importDraft.deleteMany({ where: { expiresAt: { lt: now } } }),
      prisma.rateLimitHit.deleteMany({ where: { at: { lt: hitsBefore } } }),
      prisma.proConnectFlow.deleteMany({ where: { expiresAt: { lt: now } } }),
    ]);
  return {
    sessions: sessions.count,
    loginAttempts: attempts.count,
    resetTokens: resetTokens.count,
    importDrafts: drafts.count,
    rateLimitHits: rateLimitHits.count,
    proConnectFlows: proConnectFlows.count,
  };
}
