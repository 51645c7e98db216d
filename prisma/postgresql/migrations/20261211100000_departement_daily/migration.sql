-- CreateTable
CREATE TABLE "RealisationDepartementDaily" (
    "day" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "hired" INTEGER NOT NULL,

    CONSTRAINT "RealisationDepartementDaily_pkey" PRIMARY KEY ("day","departementCode")
);

