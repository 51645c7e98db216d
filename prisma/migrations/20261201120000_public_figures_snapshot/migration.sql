-- Public figures computed once per month with their disclosure control (decision 014).
-- CreateTable
CREATE TABLE "PublicFiguresSnapshot" (
    "month" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("month", "scope")
);
