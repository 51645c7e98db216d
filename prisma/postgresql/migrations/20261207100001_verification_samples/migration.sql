-- CreateTable
CREATE TABLE "VerificationSample" (
    "id" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "ratePercent" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationCheck" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "declaredRealisations" INTEGER NOT NULL,
    "declaredPeople" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileBytes" BYTEA,
    "result" TEXT NOT NULL DEFAULT 'PENDING',
    "correctedPeople" INTEGER,
    "resultNote" TEXT NOT NULL DEFAULT '',
    "resultAt" TIMESTAMP(3),

    CONSTRAINT "VerificationCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VerificationSample_departementCode_year_key" ON "VerificationSample"("departementCode", "year");

-- CreateIndex
CREATE INDEX "VerificationCheck_companyId_result_idx" ON "VerificationCheck"("companyId", "result");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationCheck_sampleId_companyId_key" ON "VerificationCheck"("sampleId", "companyId");

-- AddForeignKey
ALTER TABLE "VerificationSample" ADD CONSTRAINT "VerificationSample_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCheck" ADD CONSTRAINT "VerificationCheck_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "VerificationSample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCheck" ADD CONSTRAINT "VerificationCheck_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCheck" ADD CONSTRAINT "VerificationCheck_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

