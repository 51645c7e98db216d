-- CreateTable
CREATE TABLE "RealisationOutcome" (
    "id" TEXT NOT NULL,
    "realisationId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "stillInCompany" INTEGER NOT NULL,
    "employedElsewhere" INTEGER NOT NULL,
    "inTraining" INTEGER NOT NULL,
    "jobSeeking" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealisationOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RealisationOutcome_realisationId_months_key" ON "RealisationOutcome"("realisationId", "months");

-- AddForeignKey
ALTER TABLE "RealisationOutcome" ADD CONSTRAINT "RealisationOutcome_realisationId_fkey" FOREIGN KEY ("realisationId") REFERENCES "Realisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

