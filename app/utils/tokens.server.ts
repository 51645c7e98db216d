import { createHash, randomBytes } from "node:crypto";

/** A random single-use token for e-mailed links; only its hash is stored. */
export function createToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
