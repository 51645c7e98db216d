-- AlterTable
ALTER TABLE "Realisation" ADD COLUMN     "targetRomeCode" TEXT;

-- AlterTable
ALTER TABLE "RealisationOutcome" ADD COLUMN     "reachedTarget" INTEGER;

-- CreateTable
CREATE TABLE "OutcomeMonthly" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "publicCategoryCode" TEXT NOT NULL,
    "actionTypeCode" TEXT NOT NULL,
    "contractType" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "outcomes" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "stillInCompany" INTEGER NOT NULL,
    "employedElsewhere" INTEGER NOT NULL,
    "inTraining" INTEGER NOT NULL,
    "jobSeeking" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "targetPeople" INTEGER NOT NULL,
    "reachedTarget" INTEGER NOT NULL,

    CONSTRAINT "OutcomeMonthly_pkey" PRIMARY KEY ("departementCode","month","clubId","publicCategoryCode","actionTypeCode","contractType","months")
);

-- CreateIndex
CREATE INDEX "OutcomeMonthly_month_idx" ON "OutcomeMonthly"("month");

