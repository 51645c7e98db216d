// The "known device" cookie (OWASP's device cookies against online guessing): a browser where an
// account signed in successfully keeps a signed cookie naming that account. Sign-in throttling
// treats such a browser apart (auth.server.ts), so a stranger's failed guesses never lock the
// owner out of the devices they already use.

import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { secureCookies } from "./env.server";
import { sign } from "./signatures.server";

/** Accounts remembered per browser (a shared family or office computer). */
const MAX_ACCOUNTS = 5;

export type KnownDevice = { id: string; users: string[] };

const cookie = createCookie("__engages_device", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: secureCookies,
  maxAge: 365 * 24 * 3600,
  // A key of its own, derived from SESSION_SECRET: a session cookie never passes for this one.
  secrets: [sign("known-device-cookie", "secret")],
});

/** The browser's device cookie when it is genuine, else null. */
export async function readKnownDevice(request: Request): Promise<KnownDevice | null> {
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { id, users } = value as Partial<KnownDevice>;
  if (typeof id !== "string" || !Array.isArray(users)) return null;
  return { id, users: users.filter((u): u is string => typeof u === "string") };
}

/** The Set-Cookie header that remembers `userId` on this browser (kept first, oldest dropped). */
export async function rememberDevice(request: Request, userId: string) {
  const known = await readKnownDevice(request);
  const users = [userId, ...(known?.users ?? []).filter((u) => u !== userId)];
  return cookie.serialize({
    id: known?.id ?? randomBytes(16).toString("base64url"),
    users: users.slice(0, MAX_ACCOUNTS),
  });
}
