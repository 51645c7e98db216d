-- Companies engaged and commitments running per calendar year (issue 14 point 4, decision 033),
-- so that the key figures over a period from 1 January no longer count every running commitment
-- (COUNT(*) and COUNT(DISTINCT "companyId") over ~160,000 rows nationally):
-- - CommitmentCompanyYear: one row per (level, year, company) with a running commitment (ACTIVE
--   or ACHIEVED) whose dates overlap the year, with the earliest start among them: the company
--   counts in "1 January to a day" when that start comes before the day. A company has a handful
--   of commitments: each write to one of them rebuilds that company's rows from its commitments,
--   simpler to keep exact than reference counts and a running minimum.
-- - CommitmentYearMonth: per (level, year, month of start) the running commitments overlapping
--   the year and the companies whose earliest start falls in that month: "1 January to the start
--   of a month" is a sum over a few rows; the days of the month under way are read from
--   Commitment and CommitmentCompanyYear on their (start) indexes.
-- Three levels, like RealisationMonthly (decision 012): the club, the département (clubId '*'),
-- the country ('*', '*'). Everything in the same transaction as the write.
-- Also (point 5): an index giving a company's last declaration in one seek (club home,
-- drill-down), and the commitments' index covering what their progress sums (unit, quantity).

-- CreateTable
CREATE TABLE "CommitmentCompanyYear" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "companyId" TEXT NOT NULL,
    "firstStart" DATETIME NOT NULL,

    PRIMARY KEY ("companyId", "year", "departementCode", "clubId")
);

-- CreateTable
CREATE TABLE "CommitmentYearMonth" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "commitments" INTEGER NOT NULL,
    "companies" INTEGER NOT NULL,

    PRIMARY KEY ("year", "clubId", "departementCode", "month")
);

-- DropIndex
DROP INDEX "Realisation_commitmentId_idx";

-- CreateIndex
CREATE INDEX "Realisation_commitmentId_unit_quantity_idx" ON "Realisation"("commitmentId", "unit", "quantity");

-- CreateIndex
CREATE INDEX "Realisation_companyId_createdAt_idx" ON "Realisation"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "CommitmentCompanyYear_year_clubId_firstStart_departementCode_idx" ON "CommitmentCompanyYear"("year", "clubId", "firstStart", "departementCode");

CREATE TRIGGER "Commitment_company_years_insert" AFTER INSERT ON "Commitment" BEGIN
  DELETE FROM "CommitmentCompanyYear" WHERE "companyId" = NEW."companyId";
  INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
    CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", c."companyId", MIN(c."startDate")
  FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment"
      WHERE "companyId" = NEW."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
        SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment"
        WHERE "companyId" = NEW."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')))
    SELECT "year" FROM ys) y
  WHERE c."companyId" = NEW."companyId" AND c."status" IN ('ACTIVE', 'ACHIEVED')
    AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
    AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
  GROUP BY 1, 2, 3, 4;
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE NEW."departementCode" END,
    CASE v."lv" WHEN 0 THEN NEW."clubId" ELSE '*' END, y."year", substr(NEW."startDate", 1, 7), 1, 0
  FROM (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT CAST(substr(NEW."startDate", 1, 4) AS INTEGER)
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < CAST(substr(NEW."endDate", 1, 4) AS INTEGER))
    SELECT "year" FROM ys) y
  WHERE NEW."status" IN ('ACTIVE', 'ACHIEVED') AND y."year" <= CAST(substr(NEW."endDate", 1, 4) AS INTEGER)
  ON CONFLICT DO UPDATE SET "commitments" = "commitments" + excluded."commitments";
END;

-- A commitment moved to another company rebuilds both companies' rows.
CREATE TRIGGER "Commitment_company_years_update" AFTER UPDATE OF "companyId", "clubId",
  "departementCode", "startDate", "endDate", "status" ON "Commitment" BEGIN
  DELETE FROM "CommitmentCompanyYear" WHERE "companyId" = OLD."companyId";
  INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
    CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", c."companyId", MIN(c."startDate")
  FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment"
      WHERE "companyId" = OLD."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
        SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment"
        WHERE "companyId" = OLD."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')))
    SELECT "year" FROM ys) y
  WHERE c."companyId" = OLD."companyId" AND c."status" IN ('ACTIVE', 'ACHIEVED')
    AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
    AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
  GROUP BY 1, 2, 3, 4;
  DELETE FROM "CommitmentCompanyYear" WHERE "companyId" = NEW."companyId";
  INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
    CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", c."companyId", MIN(c."startDate")
  FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment"
      WHERE "companyId" = NEW."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
        SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment"
        WHERE "companyId" = NEW."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')))
    SELECT "year" FROM ys) y
  WHERE c."companyId" = NEW."companyId" AND c."status" IN ('ACTIVE', 'ACHIEVED')
    AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
    AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
  GROUP BY 1, 2, 3, 4;
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE OLD."departementCode" END,
    CASE v."lv" WHEN 0 THEN OLD."clubId" ELSE '*' END, y."year", substr(OLD."startDate", 1, 7), -1, 0
  FROM (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT CAST(substr(OLD."startDate", 1, 4) AS INTEGER)
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < CAST(substr(OLD."endDate", 1, 4) AS INTEGER))
    SELECT "year" FROM ys) y
  WHERE OLD."status" IN ('ACTIVE', 'ACHIEVED') AND y."year" <= CAST(substr(OLD."endDate", 1, 4) AS INTEGER)
  ON CONFLICT DO UPDATE SET "commitments" = "commitments" + excluded."commitments";
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE NEW."departementCode" END,
    CASE v."lv" WHEN 0 THEN NEW."clubId" ELSE '*' END, y."year", substr(NEW."startDate", 1, 7), 1, 0
  FROM (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT CAST(substr(NEW."startDate", 1, 4) AS INTEGER)
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < CAST(substr(NEW."endDate", 1, 4) AS INTEGER))
    SELECT "year" FROM ys) y
  WHERE NEW."status" IN ('ACTIVE', 'ACHIEVED') AND y."year" <= CAST(substr(NEW."endDate", 1, 4) AS INTEGER)
  ON CONFLICT DO UPDATE SET "commitments" = "commitments" + excluded."commitments";
  DELETE FROM "CommitmentYearMonth" WHERE "commitments" = 0 AND "companies" = 0
    AND "year" BETWEEN CAST(substr(OLD."startDate", 1, 4) AS INTEGER) AND CAST(substr(OLD."endDate", 1, 4) AS INTEGER)
    AND "clubId" IN (OLD."clubId", '*') AND "departementCode" IN (OLD."departementCode", '*')
    AND "month" = substr(OLD."startDate", 1, 7);
END;

CREATE TRIGGER "Commitment_company_years_delete" AFTER DELETE ON "Commitment" BEGIN
  DELETE FROM "CommitmentCompanyYear" WHERE "companyId" = OLD."companyId";
  INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
    CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", c."companyId", MIN(c."startDate")
  FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment"
      WHERE "companyId" = OLD."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
        SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment"
        WHERE "companyId" = OLD."companyId" AND "status" IN ('ACTIVE', 'ACHIEVED')))
    SELECT "year" FROM ys) y
  WHERE c."companyId" = OLD."companyId" AND c."status" IN ('ACTIVE', 'ACHIEVED')
    AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
    AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
  GROUP BY 1, 2, 3, 4;
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE OLD."departementCode" END,
    CASE v."lv" WHEN 0 THEN OLD."clubId" ELSE '*' END, y."year", substr(OLD."startDate", 1, 7), -1, 0
  FROM (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
    (WITH RECURSIVE ys("year") AS (
      SELECT CAST(substr(OLD."startDate", 1, 4) AS INTEGER)
      UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < CAST(substr(OLD."endDate", 1, 4) AS INTEGER))
    SELECT "year" FROM ys) y
  WHERE OLD."status" IN ('ACTIVE', 'ACHIEVED') AND y."year" <= CAST(substr(OLD."endDate", 1, 4) AS INTEGER)
  ON CONFLICT DO UPDATE SET "commitments" = "commitments" + excluded."commitments";
  DELETE FROM "CommitmentYearMonth" WHERE "commitments" = 0 AND "companies" = 0
    AND "year" BETWEEN CAST(substr(OLD."startDate", 1, 4) AS INTEGER) AND CAST(substr(OLD."endDate", 1, 4) AS INTEGER)
    AND "clubId" IN (OLD."clubId", '*') AND "departementCode" IN (OLD."departementCode", '*')
    AND "month" = substr(OLD."startDate", 1, 7);
END;

-- The companies' column follows CommitmentCompanyYear, whose rows are only inserted and deleted.
CREATE TRIGGER "CommitmentCompanyYear_months_insert" AFTER INSERT ON "CommitmentCompanyYear" BEGIN
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  VALUES (NEW."departementCode", NEW."clubId", NEW."year", substr(NEW."firstStart", 1, 7), 0, 1)
  ON CONFLICT DO UPDATE SET "companies" = "companies" + excluded."companies";
END;

CREATE TRIGGER "CommitmentCompanyYear_months_delete" AFTER DELETE ON "CommitmentCompanyYear" BEGIN
  INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
  VALUES (OLD."departementCode", OLD."clubId", OLD."year", substr(OLD."firstStart", 1, 7), 0, -1)
  ON CONFLICT DO UPDATE SET "companies" = "companies" + excluded."companies";
  DELETE FROM "CommitmentYearMonth" WHERE "commitments" = 0 AND "companies" = 0
    AND "year" = OLD."year" AND "clubId" = OLD."clubId" AND "departementCode" = OLD."departementCode"
    AND "month" = substr(OLD."firstStart", 1, 7);
END;

-- Existing data (also run by scripts/seed-scale.ts after its bulk load): the companies' rows,
-- whose trigger counts them in CommitmentYearMonth, then the commitments.
INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
  CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", c."companyId", MIN(c."startDate")
FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
  (WITH RECURSIVE ys("year") AS (
    SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment" WHERE "status" IN ('ACTIVE', 'ACHIEVED')
    UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
      SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment" WHERE "status" IN ('ACTIVE', 'ACHIEVED')))
  SELECT "year" FROM ys) y
WHERE c."status" IN ('ACTIVE', 'ACHIEVED')
  AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
  AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
GROUP BY 1, 2, 3, 4;

INSERT INTO "CommitmentYearMonth" ("departementCode", "clubId", "year", "month", "commitments", "companies")
SELECT CASE v."lv" WHEN 2 THEN '*' ELSE c."departementCode" END,
  CASE v."lv" WHEN 0 THEN c."clubId" ELSE '*' END, y."year", substr(c."startDate", 1, 7), COUNT(*), 0
FROM "Commitment" c, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v,
  (WITH RECURSIVE ys("year") AS (
    SELECT MIN(CAST(substr("startDate", 1, 4) AS INTEGER)) FROM "Commitment" WHERE "status" IN ('ACTIVE', 'ACHIEVED')
    UNION ALL SELECT "year" + 1 FROM ys WHERE "year" < (
      SELECT MAX(CAST(substr("endDate", 1, 4) AS INTEGER)) FROM "Commitment" WHERE "status" IN ('ACTIVE', 'ACHIEVED')))
  SELECT "year" FROM ys) y
WHERE c."status" IN ('ACTIVE', 'ACHIEVED')
  AND CAST(substr(c."startDate", 1, 4) AS INTEGER) <= y."year"
  AND CAST(substr(c."endDate", 1, 4) AS INTEGER) >= y."year"
GROUP BY 1, 2, 3, 4
ON CONFLICT DO UPDATE SET "commitments" = "commitments" + excluded."commitments";
