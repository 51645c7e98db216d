-- Company data from the SIRENE register (issue 16 point 3, decision 028): cached answers of the
-- API Recherche d'entreprises, and what the register last said of each known company.
CREATE TABLE "SireneLookup" (
    "query" TEXT NOT NULL PRIMARY KEY,
    "results" TEXT,
    "fetchedAt" DATETIME,
    "expiresAt" DATETIME NOT NULL,
    "pendingSince" DATETIME
);

CREATE INDEX "SireneLookup_pendingSince_idx" ON "SireneLookup"("pendingSince");

CREATE TABLE "CompanySirene" (
    "companyId" TEXT NOT NULL PRIMARY KEY,
    "found" BOOLEAN NOT NULL,
    "legalName" TEXT,
    "nafCode" TEXT,
    "headcountBracket" TEXT,
    "communeCode" TEXT,
    "headOffice" BOOLEAN NOT NULL DEFAULT false,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" DATETIME NOT NULL,
    "closedNotifiedAt" DATETIME,
    CONSTRAINT "CompanySirene_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "CompanySirene_fetchedAt_idx" ON "CompanySirene"("fetchedAt");
