-- Companies engaged per calendar year (issue 14 point 4, decision 033): CommitmentCompanyYear
-- holds one row per (level, year, company) with a running commitment (ACTIVE or ACHIEVED) whose
-- dates overlap the year, and the earliest start among them. The figures' "companies engaged
-- from 1 January to a day" becomes a COUNT(*) of rows whose firstStart is before that day, exact
-- whatever the day, instead of a COUNT(DISTINCT "companyId") over every running commitment.
-- Three levels, like RealisationMonthly (decision 012): the club, the département (clubId '*'),
-- the country ('*', '*'). A company has a handful of commitments: each write to one of them
-- rebuilds that company's rows from its commitments, in the same transaction, which is simpler
-- to keep exact than reference counts and a running minimum.

-- CreateTable
CREATE TABLE "CommitmentCompanyYear" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "companyId" TEXT NOT NULL,
    "firstStart" DATETIME NOT NULL,

    PRIMARY KEY ("companyId", "year", "departementCode", "clubId")
);

-- CreateIndex
CREATE INDEX "CommitmentCompanyYear_year_clubId_departementCode_firstStart_idx" ON "CommitmentCompanyYear"("year", "clubId", "departementCode", "firstStart");

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
END;

-- Existing data (also run by scripts/seed-scale.ts after its bulk load)
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
