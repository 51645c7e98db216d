// Signed values for links that work without signing in (meeting answers, unsubscribing):
// HMAC-SHA256 under a key derived from SESSION_SECRET for each purpose, so a signature made for
// one kind of link never validates another, and the cookie-signing key itself is never used.
import { createHmac, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "./env.server";

const keys = new Map<string, Buffer>();
function keyFor(purpose: string) {
  let key = keys.get(purpose);
  if (!key) {
    key = createHmac("sha256", sessionSecret).update(purpose).digest();
    keys.set(purpose, key);
  }
  return key;
}

/** The signature (base64url) of `text` for `purpose`. */
export function sign(purpose: string, text: string) {
  return createHmac("sha256", keyFor(purpose)).update(text).digest("base64url");
}

/** Whether `given` is the signature of `text` for `purpose` (compared in constant time). */
export function hasValidSignature(purpose: string, text: string, given: string) {
  const expected = Buffer.from(sign(purpose, text));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A token carrying an id and its signature for `purpose` ("id.signature"; no expiry). */
export function signedId(purpose: string, id: string) {
  return `${id}.${sign(purpose, id)}`;
}

/** The id a signedId token of `purpose` carries, or null when it was altered or is not one. */
export function verifiedId(purpose: string, token: string): string | null {
  const [id, given, extra] = token.split(".");
  if (!id || !given || extra !== undefined || id.length > 64) return null;
  return hasValidSignature(purpose, id, given) ? id : null;
}
