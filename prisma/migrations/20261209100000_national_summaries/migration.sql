-- Narrower summaries for the national view (issue 14 point 4, decision 035), kept by triggers
-- on Realisation in the same transaction as every write, like RealisationMonthly (decision 012):
-- - RealisationDepartementMonthly: per département and month, the declarations and the people
--   hired (unit PEOPLE, an action type whose isHire is set) — what the table of départements
--   shows, ~1,200 rows a year instead of the ~127,000 département rows of RealisationMonthly;
-- - RealisationNationalDaily: the country's realisations per day with RealisationMonthly's
--   columns, so that a national figure over a period cutting a month (a year under way, the
--   outcome cohorts) reads the days it cuts here, not ~2,700 realisations a day;
-- - ClubMemberCount, by triggers on ClubMembership: each club's current members, so that the
--   clubs list does not count ~120,000 memberships on each visit.
-- '' stands for NULL in the keys.

-- CreateTable
CREATE TABLE "ClubMemberCount" (
    "clubId" TEXT NOT NULL PRIMARY KEY,
    "members" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "RealisationDepartementMonthly" (
    "departementCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "hired" INTEGER NOT NULL,

    PRIMARY KEY ("month", "departementCode")
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

    PRIMARY KEY ("day", "publicCategoryCode", "actionTypeCode", "unit", "contractType")
);

CREATE TRIGGER "Realisation_national_summary_insert" AFTER INSERT ON "Realisation" BEGIN
  INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
  VALUES (COALESCE(NEW."departementCode", ''), substr(NEW."date", 1, 7), 1,
    CASE WHEN NEW."unit" = 'PEOPLE' AND NEW."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN NEW."quantity" ELSE 0 END)
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "hired" = "hired" + excluded."hired";
  INSERT INTO "RealisationNationalDaily" ("day", "publicCategoryCode", "actionTypeCode", "unit",
    "contractType", "realisations", "quantity")
  VALUES (substr(NEW."date", 1, 10), NEW."publicCategoryCode", NEW."actionTypeCode", NEW."unit",
    COALESCE(NEW."contractType", ''), 1, NEW."quantity")
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
END;

CREATE TRIGGER "Realisation_national_summary_delete" AFTER DELETE ON "Realisation" BEGIN
  UPDATE "RealisationDepartementMonthly" SET "realisations" = "realisations" - 1,
    "hired" = "hired" - CASE WHEN OLD."unit" = 'PEOPLE' AND OLD."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN OLD."quantity" ELSE 0 END
  WHERE "month" = substr(OLD."date", 1, 7) AND "departementCode" = COALESCE(OLD."departementCode", '');
  DELETE FROM "RealisationDepartementMonthly" WHERE "realisations" = 0
    AND "month" = substr(OLD."date", 1, 7) AND "departementCode" = COALESCE(OLD."departementCode", '');
  UPDATE "RealisationNationalDaily" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE "day" = substr(OLD."date", 1, 10) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  DELETE FROM "RealisationNationalDaily" WHERE "realisations" = 0
    AND "day" = substr(OLD."date", 1, 10) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
END;

-- An update takes the old row out and adds the new one (the row emptied is deleted last).
CREATE TRIGGER "Realisation_national_summary_update" AFTER UPDATE OF "departementCode", "date",
  "publicCategoryCode", "actionTypeCode", "unit", "contractType", "quantity" ON "Realisation" BEGIN
  UPDATE "RealisationDepartementMonthly" SET "realisations" = "realisations" - 1,
    "hired" = "hired" - CASE WHEN OLD."unit" = 'PEOPLE' AND OLD."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN OLD."quantity" ELSE 0 END
  WHERE "month" = substr(OLD."date", 1, 7) AND "departementCode" = COALESCE(OLD."departementCode", '');
  INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
  VALUES (COALESCE(NEW."departementCode", ''), substr(NEW."date", 1, 7), 1,
    CASE WHEN NEW."unit" = 'PEOPLE' AND NEW."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN NEW."quantity" ELSE 0 END)
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "hired" = "hired" + excluded."hired";
  DELETE FROM "RealisationDepartementMonthly" WHERE "realisations" = 0
    AND "month" = substr(OLD."date", 1, 7) AND "departementCode" = COALESCE(OLD."departementCode", '');
  UPDATE "RealisationNationalDaily" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE "day" = substr(OLD."date", 1, 10) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  INSERT INTO "RealisationNationalDaily" ("day", "publicCategoryCode", "actionTypeCode", "unit",
    "contractType", "realisations", "quantity")
  VALUES (substr(NEW."date", 1, 10), NEW."publicCategoryCode", NEW."actionTypeCode", NEW."unit",
    COALESCE(NEW."contractType", ''), 1, NEW."quantity")
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
  DELETE FROM "RealisationNationalDaily" WHERE "realisations" = 0
    AND "day" = substr(OLD."date", 1, 10) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
END;

-- An action type counted as a hire or no longer (reference data, not expected to change): the
-- people hired are summed again.
CREATE TRIGGER "ActionType_national_summary" AFTER UPDATE OF "isHire" ON "ActionType"
  WHEN OLD."isHire" IS NOT NEW."isHire" BEGIN
  DELETE FROM "RealisationDepartementMonthly";
  INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
  SELECT COALESCE(r."departementCode", ''), substr(r."date", 1, 7), COUNT(*),
    SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")
      THEN r."quantity" ELSE 0 END)
  FROM "Realisation" r GROUP BY 1, 2;
END;

-- A membership counts while its status is MEMBER; a club's row goes when it has no member left.
CREATE TRIGGER "ClubMembership_count_insert" AFTER INSERT ON "ClubMembership"
  WHEN NEW."status" = 'MEMBER' BEGIN
  INSERT INTO "ClubMemberCount" ("clubId", "members") VALUES (NEW."clubId", 1)
  ON CONFLICT DO UPDATE SET "members" = "members" + 1;
END;

CREATE TRIGGER "ClubMembership_count_delete" AFTER DELETE ON "ClubMembership"
  WHEN OLD."status" = 'MEMBER' BEGIN
  UPDATE "ClubMemberCount" SET "members" = "members" - 1 WHERE "clubId" = OLD."clubId";
  DELETE FROM "ClubMemberCount" WHERE "clubId" = OLD."clubId" AND "members" = 0;
END;

CREATE TRIGGER "ClubMembership_count_update" AFTER UPDATE OF "clubId", "status" ON "ClubMembership"
  WHEN OLD."status" = 'MEMBER' OR NEW."status" = 'MEMBER' BEGIN
  UPDATE "ClubMemberCount" SET "members" = "members" - 1
  WHERE "clubId" = OLD."clubId" AND OLD."status" = 'MEMBER';
  INSERT INTO "ClubMemberCount" ("clubId", "members")
  SELECT NEW."clubId", 1 WHERE NEW."status" = 'MEMBER'
  ON CONFLICT DO UPDATE SET "members" = "members" + 1;
  DELETE FROM "ClubMemberCount" WHERE "clubId" = OLD."clubId" AND "members" = 0;
END;

-- Existing data (also run by scripts/seed-scale.ts after its bulk load).
INSERT INTO "ClubMemberCount" ("clubId", "members")
SELECT "clubId", COUNT(*) FROM "ClubMembership" WHERE "status" = 'MEMBER' GROUP BY 1;

INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
SELECT COALESCE(r."departementCode", ''), substr(r."date", 1, 7), COUNT(*),
  SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")
    THEN r."quantity" ELSE 0 END)
FROM "Realisation" r GROUP BY 1, 2;

INSERT INTO "RealisationNationalDaily" ("day", "publicCategoryCode", "actionTypeCode", "unit",
  "contractType", "realisations", "quantity")
SELECT substr("date", 1, 10), "publicCategoryCode", "actionTypeCode", "unit",
  COALESCE("contractType", ''), COUNT(*), SUM("quantity")
FROM "Realisation" GROUP BY 1, 2, 3, 4, 5;
