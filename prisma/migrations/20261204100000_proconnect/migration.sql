-- ProConnect sign-in (decision 027): linked identities, flows under way, and the ID token of a
-- session signed in through ProConnect (to end the ProConnect session at sign-out).
ALTER TABLE "Session" ADD COLUMN "proConnectIdToken" TEXT;

CREATE TABLE "ProConnectIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "siret" TEXT,
    "idpId" TEXT,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" DATETIME,
    CONSTRAINT "ProConnectIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ProConnectIdentity_userId_key" ON "ProConnectIdentity"("userId");
CREATE UNIQUE INDEX "ProConnectIdentity_sub_key" ON "ProConnectIdentity"("sub");

CREATE TABLE "ProConnectFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT,
    "codeVerifier" TEXT,
    "invitationTokenHash" TEXT,
    "redirectTo" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "ProConnectFlow_expiresAt_idx" ON "ProConnectFlow"("expiresAt");
