// Throttling of the no-sign-in forms (password-reset requests, invitation and reset links) per
// client address, and of costly actions per target (imports per company). The hits are rows of
// the database, so that every app instance counts the same (decision 022); housekeeping deletes
// those older than the longest window. Sign-in failures are throttled in the database too
// (auth.server.ts), per address and per IP.

import { prisma } from "./db.server";

type Bucket = { limit: number; windowMs: number };

export const RATE_LIMITS = {
  /** Reset e-mails asked for, whatever the address (each address also gets 3 an hour). */
  passwordResetRequest: { limit: 10, windowMs: 15 * 60_000 },
  /** Invitation or reset links tried that did not exist or had expired. */
  badTokenAttempt: { limit: 20, windowMs: 15 * 60_000 },
  /** Realisation files sent for one company (each is read in a worker: costly). */
  importUpload: { limit: 30, windowMs: 60 * 60_000 },
  /** SIRENE searches not found in the cache, per person (the register allows 7 a second in all). */
  sireneLookup: { limit: 60, windowMs: 15 * 60_000 },
} satisfies Record<string, Bucket>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export const TOO_MANY_ATTEMPTS =
  "Trop de tentatives depuis votre connexion. Par sécurité, patientez 15 minutes puis réessayez.";

/** True when `client` has used up the bucket in its window. */
export async function isThrottled(name: RateLimitName, client: string, now = new Date()) {
  const { limit, windowMs } = RATE_LIMITS[name];
  const used = await prisma.rateLimitHit.count({
    where: { bucket: name, key: client, at: { gt: new Date(now.getTime() - windowMs) } },
  });
  return used >= limit;
}

/** Counts one use of the bucket by `client`. */
export async function recordHit(name: RateLimitName, client: string, now = new Date()) {
  await prisma.rateLimitHit.create({ data: { bucket: name, key: client, at: now } });
}

/** The longest window: hits older than this count for nothing (housekeeping deletes them). */
export const LONGEST_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((b) => b.windowMs));

/** Forgets every count (tests). */
export async function resetRateLimits() {
  await prisma.rateLimitHit.deleteMany();
}
