-- CreateTable
CREATE TABLE "RealisationDepartementMonthly" (
    "departementCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "hired" INTEGER NOT NULL,

    CONSTRAINT "RealisationDepartementMonthly_pkey" PRIMARY KEY ("month","departementCode")
);

-- CreateTable
CREATE TABLE "ClubMemberCount" (
    "clubId" TEXT NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "ClubMemberCount_pkey" PRIMARY KEY ("clubId")
);

-- CreateTable
CREATE TABLE "RealisationNationalDaily" (
    "day" TEXT NOT NULL,
    "publicCategoryCode" TEXT NOT NULL,
    "actionTypeCode" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "contractType" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "RealisationNationalDaily_pkey" PRIMARY KEY ("day","publicCategoryCode","actionTypeCode","unit","contractType")
);

