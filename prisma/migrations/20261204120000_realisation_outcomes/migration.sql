-- What became of the people of a realisation, 6 and 12 months after it (issue 15, decision 026):
-- counts by situation, never a name.
CREATE TABLE "RealisationOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "realisationId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "stillInCompany" INTEGER NOT NULL,
    "employedElsewhere" INTEGER NOT NULL,
    "inTraining" INTEGER NOT NULL,
    "jobSeeking" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RealisationOutcome_realisationId_fkey" FOREIGN KEY ("realisationId") REFERENCES "Realisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "RealisationOutcome_realisationId_months_key" ON "RealisationOutcome"("realisationId", "months");
