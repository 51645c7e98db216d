// Throttling of the no-sign-in forms (password-reset requests, invitation and reset links) per
// client address, and of costly actions per target (imports per company), in memory: the app is
// one process (embedded SQLite), so one counter suffices; a restart forgets the counts, which
// only ever lets a few more attempts through. Sign-in failures are throttled in the database
// instead (auth.server.ts), per address and per IP.

type Bucket = { limit: number; windowMs: number };

export const RATE_LIMITS = {
  /** Reset e-mails asked for, whatever the address (each address also gets 3 an hour). */
  passwordResetRequest: { limit: 10, windowMs: 15 * 60_000 },
  /** Invitation or reset links tried that did not exist or had expired. */
  badTokenAttempt: { limit: 20, windowMs: 15 * 60_000 },
  /** Realisation files sent for one company (each is read in a worker: costly). */
  importUpload: { limit: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, Bucket>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export const TOO_MANY_ATTEMPTS =
  "Trop de tentatives depuis votre connexion. Par sécurité, patientez 15 minutes puis réessayez.";

/** At most this many keys are remembered: the oldest are dropped first (memory stays bounded). */
const MAX_KEYS = 50_000;
const hits = new Map<string, number[]>();

function recent(key: string, windowMs: number, now: number) {
  const times = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
  if (times.length === 0) hits.delete(key);
  else hits.set(key, times);
  return times;
}

/** True when `client` has used up the bucket in its window. */
export function isThrottled(name: RateLimitName, client: string, now = Date.now()) {
  const { limit, windowMs } = RATE_LIMITS[name];
  return recent(`${name}:${client}`, windowMs, now).length >= limit;
}

/** Counts one use of the bucket by `client`. */
export function recordHit(name: RateLimitName, client: string, now = Date.now()) {
  const key = `${name}:${client}`;
  const times = recent(key, RATE_LIMITS[name].windowMs, now);
  hits.delete(key);
  hits.set(key, [...times, now]);
  if (hits.size > MAX_KEYS) hits.delete(hits.keys().next().value!);
}

/** Forgets every count (tests). */
export function resetRateLimits() {
  hits.clear();
}
