import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// 2 = Algorithm.Argon2id (a const enum, which isolatedModules cannot import); the library's
// default costs follow OWASP's recommendation (19 MiB, 2 passes).
const ARGON2ID = 2;

export function hashPassword(password: string) {
  return hash(password, { algorithm: ARGON2ID });
}

let verifications = 0;

export async function verifyPassword(passwordHash: string, password: string) {
  verifications++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** How many argon2 verifications this process has run (tests check which paths pay the cost). */
export function passwordVerifications() {
  return verifications;
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, made by hashPassword (so with the same algorithm and costs):
 * checking a password against it takes as long as against a real account's, and never matches.
 */
export function dummyPasswordHash() {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}
