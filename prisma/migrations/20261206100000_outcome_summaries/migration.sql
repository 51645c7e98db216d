-- Outcome figures (issue 15, decision 029): the target job a training names, how many reached
-- it, and OutcomeMonthly, the outcomes summed per month of their realisation and everything the
-- outcome figures group on, kept equal to the sums over RealisationOutcome ⨝ Realisation by
-- triggers in the same transaction as every write. Each outcome counts at three levels, like
-- RealisationMonthly (decision 012): its club, its département (clubId '*'), the country ('*', '*').

ALTER TABLE "Realisation" ADD COLUMN "targetRomeCode" TEXT;
ALTER TABLE "RealisationOutcome" ADD COLUMN "reachedTarget" INTEGER;

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

    PRIMARY KEY ("departementCode", "month", "clubId", "publicCategoryCode", "actionTypeCode", "contractType", "months")
);

CREATE INDEX "OutcomeMonthly_month_idx" ON "OutcomeMonthly"("month");

-- The outcomes recorded before this migration.
INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
  CASE v."lv" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
  substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode",
  COALESCE(r."contractType", ''), o."months", COUNT(*), SUM(o."people"), SUM(o."stillInCompany"),
  SUM(o."employedElsewhere"), SUM(o."inTraining"), SUM(o."jobSeeking"), SUM(o."unknown"),
  SUM(CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END), SUM(COALESCE(o."reachedTarget", 0))
FROM "RealisationOutcome" o JOIN "Realisation" r ON r."id" = o."realisationId",
  (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER "RealisationOutcome_summary_insert" AFTER INSERT ON "RealisationOutcome" BEGIN
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
    substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode",
    COALESCE(r."contractType", ''), NEW."months", 1, NEW."people", NEW."stillInCompany", NEW."employedElsewhere",
    NEW."inTraining", NEW."jobSeeking", NEW."unknown",
    CASE WHEN NEW."reachedTarget" IS NULL THEN 0 ELSE NEW."people" END, COALESCE(NEW."reachedTarget", 0)
  FROM "Realisation" r, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE r."id" = NEW."realisationId"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
END;

-- An update is a delete of the old row followed by an insert of the new one.
CREATE TRIGGER "RealisationOutcome_summary_update" AFTER UPDATE ON "RealisationOutcome" BEGIN
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
    substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode",
    COALESCE(r."contractType", ''), OLD."months", -1, -OLD."people", -OLD."stillInCompany", -OLD."employedElsewhere",
    -OLD."inTraining", -OLD."jobSeeking", -OLD."unknown",
    -CASE WHEN OLD."reachedTarget" IS NULL THEN 0 ELSE OLD."people" END, -COALESCE(OLD."reachedTarget", 0)
  FROM "Realisation" r, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE r."id" = OLD."realisationId"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
    substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode",
    COALESCE(r."contractType", ''), NEW."months", 1, NEW."people", NEW."stillInCompany", NEW."employedElsewhere",
    NEW."inTraining", NEW."jobSeeking", NEW."unknown",
    CASE WHEN NEW."reachedTarget" IS NULL THEN 0 ELSE NEW."people" END, COALESCE(NEW."reachedTarget", 0)
  FROM "Realisation" r, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE r."id" = NEW."realisationId"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
  DELETE FROM "OutcomeMonthly" WHERE "outcomes" = 0 AND ("month", "departementCode") IN (
    SELECT substr(r."date", 1, 7), COALESCE(r."departementCode", '') FROM "Realisation" r WHERE r."id" = OLD."realisationId"
    UNION ALL SELECT substr(r."date", 1, 7), '*' FROM "Realisation" r WHERE r."id" = OLD."realisationId");
END;

CREATE TRIGGER "RealisationOutcome_summary_delete" AFTER DELETE ON "RealisationOutcome" BEGIN
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
    substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode",
    COALESCE(r."contractType", ''), OLD."months", -1, -OLD."people", -OLD."stillInCompany", -OLD."employedElsewhere",
    -OLD."inTraining", -OLD."jobSeeking", -OLD."unknown",
    -CASE WHEN OLD."reachedTarget" IS NULL THEN 0 ELSE OLD."people" END, -COALESCE(OLD."reachedTarget", 0)
  FROM "Realisation" r, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE r."id" = OLD."realisationId"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
  DELETE FROM "OutcomeMonthly" WHERE "outcomes" = 0 AND ("month", "departementCode") IN (
    SELECT substr(r."date", 1, 7), COALESCE(r."departementCode", '') FROM "Realisation" r WHERE r."id" = OLD."realisationId"
    UNION ALL SELECT substr(r."date", 1, 7), '*' FROM "Realisation" r WHERE r."id" = OLD."realisationId");
END;

-- A realisation deleted takes its outcomes out while it is still there to say where they were
-- counted (the cascade would run once it is gone).
CREATE TRIGGER "Realisation_outcome_summary_delete" BEFORE DELETE ON "Realisation" BEGIN
  DELETE FROM "RealisationOutcome" WHERE "realisationId" = OLD."id";
END;

-- A realisation whose date, club, public, action or contract changes moves its outcomes.
CREATE TRIGGER "Realisation_outcome_summary_update" AFTER UPDATE OF "departementCode", "clubId",
  "date", "publicCategoryCode", "actionTypeCode", "contractType" ON "Realisation" BEGIN
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(OLD."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(OLD."clubId", '') ELSE '*' END,
    substr(OLD."date", 1, 7), OLD."publicCategoryCode", OLD."actionTypeCode",
    COALESCE(OLD."contractType", ''), o."months", -1, -o."people", -o."stillInCompany", -o."employedElsewhere",
    -o."inTraining", -o."jobSeeking", -o."unknown",
    -CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END, -COALESCE(o."reachedTarget", 0)
  FROM "RealisationOutcome" o, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE o."realisationId" = OLD."id"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
  INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode", "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany", "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT CASE v."lv" WHEN 2 THEN '*' ELSE COALESCE(NEW."departementCode", '') END,
    CASE v."lv" WHEN 0 THEN COALESCE(NEW."clubId", '') ELSE '*' END,
    substr(NEW."date", 1, 7), NEW."publicCategoryCode", NEW."actionTypeCode",
    COALESCE(NEW."contractType", ''), o."months", 1, o."people", o."stillInCompany", o."employedElsewhere",
    o."inTraining", o."jobSeeking", o."unknown",
    CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END, COALESCE(o."reachedTarget", 0)
  FROM "RealisationOutcome" o, (SELECT 0 AS "lv" UNION ALL SELECT 1 UNION ALL SELECT 2) v
  WHERE o."realisationId" = NEW."id"
  ON CONFLICT DO UPDATE SET "outcomes" = "outcomes" + excluded."outcomes", "people" = "people" + excluded."people", "stillInCompany" = "stillInCompany" + excluded."stillInCompany", "employedElsewhere" = "employedElsewhere" + excluded."employedElsewhere", "inTraining" = "inTraining" + excluded."inTraining", "jobSeeking" = "jobSeeking" + excluded."jobSeeking", "unknown" = "unknown" + excluded."unknown", "targetPeople" = "targetPeople" + excluded."targetPeople", "reachedTarget" = "reachedTarget" + excluded."reachedTarget";
  DELETE FROM "OutcomeMonthly" WHERE "outcomes" = 0 AND "month" = substr(OLD."date", 1, 7)
    AND "departementCode" IN (COALESCE(OLD."departementCode", ''), '*');
END;
