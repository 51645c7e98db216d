-- DropIndex
DROP INDEX "Realisation_commitmentId_idx";

-- CreateTable
CREATE TABLE "CommitmentCompanyYear" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "companyId" TEXT NOT NULL,
    "firstStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentCompanyYear_pkey" PRIMARY KEY ("companyId","year","departementCode","clubId")
);

-- CreateTable
CREATE TABLE "CommitmentYearMonth" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "commitments" INTEGER NOT NULL,
    "companies" INTEGER NOT NULL,

    CONSTRAINT "CommitmentYearMonth_pkey" PRIMARY KEY ("year","clubId","departementCode","month")
);

-- CreateIndex
CREATE INDEX "CommitmentCompanyYear_year_clubId_firstStart_departementCod_idx" ON "CommitmentCompanyYear"("year", "clubId", "firstStart", "departementCode");

-- CreateIndex
CREATE INDEX "Realisation_companyId_createdAt_idx" ON "Realisation"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Realisation_commitmentId_unit_quantity_idx" ON "Realisation"("commitmentId", "unit", "quantity");

