// One-click answers to a meeting invitation, from the e-mail, without signing in
// (docs/decisions/006-rsvp-links.md). A link carries the invitation id, the answer and an expiry
// (the meeting's end), signed with HMAC-SHA256 under a key derived from the session secret:
//   /reunion/reponse/<invitationId>.<oui|non|peut-etre>.<expiry, Unix seconds>.<signature>
// Nothing is stored: changing SESSION_SECRET invalidates every link sent.

import { env } from "./env.server";
import { hasValidSignature, sign } from "./signatures.server";

export type RsvpAnswer = "YES" | "NO" | "MAYBE";

export const RSVP_ANSWERS: readonly RsvpAnswer[] = ["YES", "NO", "MAYBE"];

/** The words of the answer in links, French and readable. */
const SLUGS: Record<RsvpAnswer, string> = { YES: "oui", NO: "non", MAYBE: "peut-etre" };
const ANSWER_OF_SLUG = Object.fromEntries(
  Object.entries(SLUGS).map(([answer, slug]) => [slug, answer as RsvpAnswer]),
) as Record<string, RsvpAnswer>;

/** Signatures of these links only (not the cookie-signing key itself). */
const PURPOSE = "engages:rsvp-links:v1";
const signedText = (invitationId: string, slug: string, expiresAtSeconds: number) =>
  `rsvp|${invitationId}|${slug}|${expiresAtSeconds}`;

/** The token of a link answering `answer` to the invitation, valid until `expiresAt`. */
export function createRsvpToken(invitationId: string, answer: RsvpAnswer, expiresAt: Date) {
  const slug = SLUGS[answer];
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${invitationId}.${slug}.${expiry}.${sign(PURPOSE, signedText(invitationId, slug, expiry))}`;
}

/** The full address of a link, for e-mails. */
export function rsvpUrl(invitationId: string, answer: RsvpAnswer, expiresAt: Date) {
  return `${env.APP_URL}/reunion/reponse/${createRsvpToken(invitationId, answer, expiresAt)}`;
}

export type RsvpTokenCheck =
  | { ok: true; invitationId: string; answer: RsvpAnswer; expiresAt: Date }
  /** Not one of our links, or changed by hand. */
  | { ok: false; reason: "invalid" }
  /** Our link, past its expiry. */
  | { ok: false; reason: "expired"; invitationId: string; answer: RsvpAnswer; expiresAt: Date };

/** Checks a token: its form, then its signature (in constant time), then its expiry. */
export function verifyRsvpToken(token: string, now = new Date()): RsvpTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, reason: "invalid" };
  const [invitationId, slug, expiryText, given] = parts;
  const answer = Object.hasOwn(ANSWER_OF_SLUG, slug) ? ANSWER_OF_SLUG[slug] : undefined;
  if (!/^[a-z0-9]{10,40}$/i.test(invitationId) || !answer || !/^\d{1,12}$/.test(expiryText)) {
    return { ok: false, reason: "invalid" };
  }
  const expiry = Number(expiryText);
  if (!hasValidSignature(PURPOSE, signedText(invitationId, slug, expiry), given)) {
    return { ok: false, reason: "invalid" };
  }
  const expiresAt = new Date(expiry * 1000);
  if (now.getTime() >= expiresAt.getTime()) {
    return { ok: false, reason: "expired", invitationId, answer, expiresAt };
  }
  return { ok: true, invitationId, answer, expiresAt };
}
