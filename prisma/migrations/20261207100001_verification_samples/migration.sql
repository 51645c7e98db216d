-- Verification samples of attested declarations (issue 15 point 5, decision 032).

-- CreateTable
CREATE TABLE "VerificationSample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departementCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "ratePercent" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VerificationSample_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sampleId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "declaredRealisations" INTEGER NOT NULL,
    "declaredPeople" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileBytes" BLOB,
    "result" TEXT NOT NULL DEFAULT 'PENDING',
    "correctedPeople" INTEGER,
    "resultNote" TEXT NOT NULL DEFAULT '',
    "resultAt" DATETIME,
    CONSTRAINT "VerificationCheck_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "VerificationSample" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VerificationCheck_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VerificationCheck_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "VerificationSample_departementCode_year_key" ON "VerificationSample"("departementCode", "year");

-- CreateIndex
CREATE INDEX "VerificationCheck_companyId_result_idx" ON "VerificationCheck"("companyId", "result");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationCheck_sampleId_companyId_key" ON "VerificationCheck"("sampleId", "companyId");

