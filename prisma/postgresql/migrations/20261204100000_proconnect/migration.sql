-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "proConnectIdToken" TEXT;

-- CreateTable
CREATE TABLE "ProConnectIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "siret" TEXT,
    "idpId" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "ProConnectIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProConnectFlow" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT,
    "codeVerifier" TEXT,
    "invitationTokenHash" TEXT,
    "redirectTo" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProConnectFlow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProConnectIdentity_userId_key" ON "ProConnectIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProConnectIdentity_sub_key" ON "ProConnectIdentity"("sub");

-- CreateIndex
CREATE INDEX "ProConnectFlow_expiresAt_idx" ON "ProConnectFlow"("expiresAt");

-- AddForeignKey
ALTER TABLE "ProConnectIdentity" ADD CONSTRAINT "ProConnectIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

