-- A closed club keeps its history (decision 015).
ALTER TABLE "Club" ADD COLUMN "closedAt" DATETIME;
