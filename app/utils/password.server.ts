import { hash, verify } from "@node-rs/argon2";

// 2 = Algorithm.Argon2id (a const enum, which isolatedModules cannot import); the library's
// default costs follow OWASP's recommendation (19 MiB, 2 passes).
const ARGON2ID = 2;

export function hashPassword(password: string) {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
