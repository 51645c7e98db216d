-- RealisationDepartementDaily (issue 14 point 4, decision 035): RealisationDepartementMonthly per
-- day. Over a period that cuts a month (the year under way), the national view's table of
-- départements read every realisation of the days cut, ~2,700 a day on the national data set:
-- 4 ms on the 2nd of a month, over 10 ms by its end. Kept by triggers on Realisation in the same
-- transaction as every write, like the monthly table; '' stands for NULL in the keys.

-- CreateTable
CREATE TABLE "RealisationDepartementDaily" (
    "day" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "hired" INTEGER NOT NULL,

    PRIMARY KEY ("day", "departementCode")
);

CREATE TRIGGER "Realisation_departement_daily_insert" AFTER INSERT ON "Realisation" BEGIN
  INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
  VALUES (substr(NEW."date", 1, 10), COALESCE(NEW."departementCode", ''), 1,
    CASE WHEN NEW."unit" = 'PEOPLE' AND NEW."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN NEW."quantity" ELSE 0 END)
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "hired" = "hired" + excluded."hired";
END;

CREATE TRIGGER "Realisation_departement_daily_delete" AFTER DELETE ON "Realisation" BEGIN
  UPDATE "RealisationDepartementDaily" SET "realisations" = "realisations" - 1,
    "hired" = "hired" - CASE WHEN OLD."unit" = 'PEOPLE' AND OLD."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN OLD."quantity" ELSE 0 END
  WHERE "day" = substr(OLD."date", 1, 10) AND "departementCode" = COALESCE(OLD."departementCode", '');
  DELETE FROM "RealisationDepartementDaily" WHERE "realisations" = 0
    AND "day" = substr(OLD."date", 1, 10) AND "departementCode" = COALESCE(OLD."departementCode", '');
END;

-- An update takes the old row out and adds the new one (the row emptied is deleted last).
CREATE TRIGGER "Realisation_departement_daily_update" AFTER UPDATE OF "departementCode", "date",
  "actionTypeCode", "unit", "quantity" ON "Realisation" BEGIN
  UPDATE "RealisationDepartementDaily" SET "realisations" = "realisations" - 1,
    "hired" = "hired" - CASE WHEN OLD."unit" = 'PEOPLE' AND OLD."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN OLD."quantity" ELSE 0 END
  WHERE "day" = substr(OLD."date", 1, 10) AND "departementCode" = COALESCE(OLD."departementCode", '');
  INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
  VALUES (substr(NEW."date", 1, 10), COALESCE(NEW."departementCode", ''), 1,
    CASE WHEN NEW."unit" = 'PEOPLE' AND NEW."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire") THEN NEW."quantity" ELSE 0 END)
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "hired" = "hired" + excluded."hired";
  DELETE FROM "RealisationDepartementDaily" WHERE "realisations" = 0
    AND "day" = substr(OLD."date", 1, 10) AND "departementCode" = COALESCE(OLD."departementCode", '');
END;

-- An action type counted as a hire or no longer (reference data, not expected to change): the
-- people hired are summed again.
CREATE TRIGGER "ActionType_departement_daily" AFTER UPDATE OF "isHire" ON "ActionType"
  WHEN OLD."isHire" IS NOT NEW."isHire" BEGIN
  DELETE FROM "RealisationDepartementDaily";
  INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
  SELECT substr(r."date", 1, 10), COALESCE(r."departementCode", ''), COUNT(*),
    SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")
      THEN r."quantity" ELSE 0 END)
  FROM "Realisation" r GROUP BY 1, 2;
END;

-- Existing data (also run by scripts/seed-scale.ts after its bulk load).
INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
SELECT substr(r."date", 1, 10), COALESCE(r."departementCode", ''), COUNT(*),
  SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN (SELECT "code" FROM "ActionType" WHERE "isHire")
    THEN r."quantity" ELSE 0 END)
FROM "Realisation" r GROUP BY 1, 2;
