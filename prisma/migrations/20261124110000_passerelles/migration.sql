-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "replyTo" TEXT;

-- CreateTable
CREATE TABLE "DirectoryCard" (
    "companyId" TEXT NOT NULL PRIMARY KEY,
    "listed" BOOLEAN NOT NULL DEFAULT true,
    "visibility" TEXT NOT NULL DEFAULT 'CLUB',
    "showSector" BOOLEAN NOT NULL DEFAULT true,
    "showHeadcount" BOOLEAN NOT NULL DEFAULT true,
    "showCommune" BOOLEAN NOT NULL DEFAULT true,
    "tradesEmployed" TEXT NOT NULL DEFAULT '',
    "tradesRecruited" TEXT NOT NULL DEFAULT '',
    "offer" TEXT NOT NULL DEFAULT '',
    "seek" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryCard_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasserellePost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "arrangement" TEXT NOT NULL,
    "romeDomain" TEXT NOT NULL,
    "tradeLabel" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "communeCode" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'CLUB',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PasserellePost_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasserellePost_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasserellePost_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PasserellePost_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasserelleMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "needPostId" TEXT NOT NULL,
    "offerPostId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'CONTACTED',
    "contactedById" TEXT,
    "contactedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "arrangement" TEXT,
    "headcount" INTEGER,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "publicCategoryCode" TEXT,
    "concludedAt" DATETIME,
    "realisationId" TEXT,
    CONSTRAINT "PasserelleMatch_needPostId_fkey" FOREIGN KEY ("needPostId") REFERENCES "PasserellePost" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasserelleMatch_offerPostId_fkey" FOREIGN KEY ("offerPostId") REFERENCES "PasserellePost" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasserelleMatch_realisationId_fkey" FOREIGN KEY ("realisationId") REFERENCES "Realisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PasserellePost_clubId_status_kind_idx" ON "PasserellePost"("clubId", "status", "kind");

-- CreateIndex
CREATE INDEX "PasserellePost_departementCode_status_kind_idx" ON "PasserellePost"("departementCode", "status", "kind");

-- CreateIndex
CREATE INDEX "PasserellePost_companyId_status_idx" ON "PasserellePost"("companyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PasserelleMatch_realisationId_key" ON "PasserelleMatch"("realisationId");

-- CreateIndex
CREATE INDEX "PasserelleMatch_offerPostId_idx" ON "PasserelleMatch"("offerPostId");

-- CreateIndex
CREATE UNIQUE INDEX "PasserelleMatch_needPostId_offerPostId_key" ON "PasserelleMatch"("needPostId", "offerPostId");

