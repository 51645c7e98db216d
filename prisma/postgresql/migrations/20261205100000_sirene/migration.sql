-- CreateTable
CREATE TABLE "SireneLookup" (
    "query" TEXT NOT NULL,
    "results" TEXT,
    "fetchedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "pendingSince" TIMESTAMP(3),

    CONSTRAINT "SireneLookup_pkey" PRIMARY KEY ("query")
);

-- CreateTable
CREATE TABLE "CompanySirene" (
    "companyId" TEXT NOT NULL,
    "found" BOOLEAN NOT NULL,
    "legalName" TEXT,
    "nafCode" TEXT,
    "headcountBracket" TEXT,
    "communeCode" TEXT,
    "headOffice" BOOLEAN NOT NULL DEFAULT false,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "closedNotifiedAt" TIMESTAMP(3),

    CONSTRAINT "CompanySirene_pkey" PRIMARY KEY ("companyId")
);

-- CreateIndex
CREATE INDEX "SireneLookup_pendingSince_idx" ON "SireneLookup"("pendingSince");

-- CreateIndex
CREATE INDEX "CompanySirene_fetchedAt_idx" ON "CompanySirene"("fetchedAt");

-- AddForeignKey
ALTER TABLE "CompanySirene" ADD CONSTRAINT "CompanySirene_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

