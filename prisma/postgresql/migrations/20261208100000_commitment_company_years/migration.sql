-- CreateTable
CREATE TABLE "CommitmentCompanyYear" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "companyId" TEXT NOT NULL,
    "firstStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentCompanyYear_pkey" PRIMARY KEY ("companyId","year","departementCode","clubId")
);

-- CreateIndex
CREATE INDEX "CommitmentCompanyYear_year_clubId_departementCode_firstStar_idx" ON "CommitmentCompanyYear"("year", "clubId", "departementCode", "firstStart");

