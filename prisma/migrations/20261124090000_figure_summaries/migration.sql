-- DropIndex
DROP INDEX "Realisation_departementCode_publicCategoryCode_unit_date_quantity_idx";

-- DropIndex
DROP INDEX "Realisation_departementCode_actionTypeCode_date_unit_quantity_contractType_idx";

-- DropIndex
DROP INDEX "Realisation_date_unit_actionTypeCode_publicCategoryCode_quantity_departementCode_id_idx";

-- CreateTable
CREATE TABLE "RealisationMonthly" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "publicCategoryCode" TEXT NOT NULL,
    "actionTypeCode" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "contractType" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    PRIMARY KEY ("departementCode", "month", "clubId", "publicCategoryCode", "actionTypeCode", "unit", "contractType")
);

-- CreateTable
CREATE TABLE "RealisationMonthlyProfile" (
    "departementCode" TEXT NOT NULL,
    "clubId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "realisations" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,

    PRIMARY KEY ("departementCode", "month", "clubId", "dimension", "value")
);

-- CreateIndex
CREATE INDEX "RealisationMonthly_month_idx" ON "RealisationMonthly"("month");

-- CreateIndex
CREATE INDEX "RealisationMonthlyProfile_month_dimension_idx" ON "RealisationMonthlyProfile"("month", "dimension");


-- Figure summaries (decision 012): triggers keep them equal to the sums over Realisation, in the
-- same transaction as every write, whichever code path writes. Each realisation counts at three
-- levels: its club (departementCode, clubId), its département (departementCode, '*') and the
-- country ('*', '*'), so that a département or the country reads its own few rows. '' stands for
-- NULL in the keys.

CREATE TRIGGER "Realisation_summary_insert" AFTER INSERT ON "Realisation" BEGIN
  INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "unit", "contractType", "realisations", "quantity")
  SELECT l."d", l."c", substr(NEW."date", 1, 7), NEW."publicCategoryCode", NEW."actionTypeCode",
    NEW."unit", COALESCE(NEW."contractType", ''), 1, NEW."quantity"
  FROM (SELECT COALESCE(NEW."departementCode", '') AS "d", COALESCE(NEW."clubId", '') AS "c"
    UNION ALL SELECT COALESCE(NEW."departementCode", ''), '*' UNION ALL SELECT '*', '*') l
  WHERE true
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT l."d", l."c", substr(NEW."date", 1, 7), k."dimension",
    CASE k."dimension" WHEN 'SIZE' THEN COALESCE(co."headcountBracket", '')
      ELSE substr(COALESCE(co."nafCode", ''), 1, 2) END, 1, CASE WHEN NEW."unit" = 'PEOPLE' THEN NEW."quantity" ELSE 0 END
  FROM "Company" co, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') k, (SELECT COALESCE(NEW."departementCode", '') AS "d", COALESCE(NEW."clubId", '') AS "c"
    UNION ALL SELECT COALESCE(NEW."departementCode", ''), '*' UNION ALL SELECT '*', '*') l
  WHERE co."id" = NEW."companyId"
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "people" = "people" + excluded."people";
END;

-- The profile lookups find no company when it is being deleted with its realisations (cascade):
-- Company_summary_delete has already taken its share out.
CREATE TRIGGER "Realisation_summary_delete" AFTER DELETE ON "Realisation" BEGIN
  UPDATE "RealisationMonthly" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE ("departementCode", "clubId") IN (VALUES (COALESCE(OLD."departementCode", ''), COALESCE(OLD."clubId", '')),
      (COALESCE(OLD."departementCode", ''), '*'), ('*', '*'))
    AND "month" = substr(OLD."date", 1, 7) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "realisations" - 1,
    "people" = "people" - CASE WHEN OLD."unit" = 'PEOPLE' THEN OLD."quantity" ELSE 0 END
  WHERE ("departementCode", "clubId") IN (VALUES (COALESCE(OLD."departementCode", ''), COALESCE(OLD."clubId", '')),
      (COALESCE(OLD."departementCode", ''), '*'), ('*', '*'))
    AND "month" = substr(OLD."date", 1, 7)
    AND (("dimension" = 'SIZE' AND "value" = (SELECT COALESCE("headcountBracket", '') FROM "Company" WHERE "id" = OLD."companyId"))
      OR ("dimension" = 'NAF' AND "value" = (SELECT substr(COALESCE("nafCode", ''), 1, 2) FROM "Company" WHERE "id" = OLD."companyId")));
  DELETE FROM "RealisationMonthly" WHERE "realisations" = 0 AND "month" = substr(OLD."date", 1, 7)
    AND "departementCode" IN (COALESCE(OLD."departementCode", ''), '*');
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0 AND "month" = substr(OLD."date", 1, 7)
    AND "departementCode" IN (COALESCE(OLD."departementCode", ''), '*');
END;

-- An update is a delete of the old row followed by an insert of the new one.
CREATE TRIGGER "Realisation_summary_update" AFTER UPDATE OF "departementCode", "clubId", "date",
  "publicCategoryCode", "actionTypeCode", "unit", "contractType", "quantity", "companyId"
  ON "Realisation" BEGIN
  UPDATE "RealisationMonthly" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE ("departementCode", "clubId") IN (VALUES (COALESCE(OLD."departementCode", ''), COALESCE(OLD."clubId", '')),
      (COALESCE(OLD."departementCode", ''), '*'), ('*', '*'))
    AND "month" = substr(OLD."date", 1, 7) AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "realisations" - 1,
    "people" = "people" - CASE WHEN OLD."unit" = 'PEOPLE' THEN OLD."quantity" ELSE 0 END
  WHERE ("departementCode", "clubId") IN (VALUES (COALESCE(OLD."departementCode", ''), COALESCE(OLD."clubId", '')),
      (COALESCE(OLD."departementCode", ''), '*'), ('*', '*'))
    AND "month" = substr(OLD."date", 1, 7)
    AND (("dimension" = 'SIZE' AND "value" = (SELECT COALESCE("headcountBracket", '') FROM "Company" WHERE "id" = OLD."companyId"))
      OR ("dimension" = 'NAF' AND "value" = (SELECT substr(COALESCE("nafCode", ''), 1, 2) FROM "Company" WHERE "id" = OLD."companyId")));
  INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "unit", "contractType", "realisations", "quantity")
  SELECT l."d", l."c", substr(NEW."date", 1, 7), NEW."publicCategoryCode", NEW."actionTypeCode",
    NEW."unit", COALESCE(NEW."contractType", ''), 1, NEW."quantity"
  FROM (SELECT COALESCE(NEW."departementCode", '') AS "d", COALESCE(NEW."clubId", '') AS "c"
    UNION ALL SELECT COALESCE(NEW."departementCode", ''), '*' UNION ALL SELECT '*', '*') l
  WHERE true
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT l."d", l."c", substr(NEW."date", 1, 7), k."dimension",
    CASE k."dimension" WHEN 'SIZE' THEN COALESCE(co."headcountBracket", '')
      ELSE substr(COALESCE(co."nafCode", ''), 1, 2) END, 1, CASE WHEN NEW."unit" = 'PEOPLE' THEN NEW."quantity" ELSE 0 END
  FROM "Company" co, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') k, (SELECT COALESCE(NEW."departementCode", '') AS "d", COALESCE(NEW."clubId", '') AS "c"
    UNION ALL SELECT COALESCE(NEW."departementCode", ''), '*' UNION ALL SELECT '*', '*') l
  WHERE co."id" = NEW."companyId"
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "people" = "people" + excluded."people";
  DELETE FROM "RealisationMonthly" WHERE "realisations" = 0 AND "month" = substr(OLD."date", 1, 7)
    AND "departementCode" IN (COALESCE(OLD."departementCode", ''), '*');
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0 AND "month" = substr(OLD."date", 1, 7)
    AND "departementCode" IN (COALESCE(OLD."departementCode", ''), '*');
END;

-- A company's size or sector changes: its past realisations move to the new value.
CREATE TRIGGER "Company_summary_profile" AFTER UPDATE OF "headcountBracket", "nafCode" ON "Company"
  WHEN OLD."headcountBracket" IS NOT NEW."headcountBracket"
    OR substr(COALESCE(OLD."nafCode", ''), 1, 2) IS NOT substr(COALESCE(NEW."nafCode", ''), 1, 2)
BEGIN
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - g."n",
    "people" = "RealisationMonthlyProfile"."people" - g."people"
  FROM (SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END AS "d",
      CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END AS "c",
      substr(r."date", 1, 7) AS "m", COUNT(*) AS "n", SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
    FROM "Realisation" r, (SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v
    WHERE r."companyId" = OLD."id"
    GROUP BY 1, 2, 3) g
  WHERE "RealisationMonthlyProfile"."departementCode" = g."d" AND "RealisationMonthlyProfile"."clubId" = g."c"
    AND "RealisationMonthlyProfile"."month" = g."m"
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(OLD."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(OLD."nafCode", ''), 1, 2)));
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT g."d", g."c", g."m", k."dimension", CASE k."dimension" WHEN 'SIZE' THEN COALESCE(NEW."headcountBracket", '')
      ELSE substr(COALESCE(NEW."nafCode", ''), 1, 2) END, g."n", g."people"
  FROM (SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END AS "d",
      CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END AS "c",
      substr(r."date", 1, 7) AS "m", COUNT(*) AS "n", SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
    FROM "Realisation" r, (SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v
    WHERE r."companyId" = NEW."id"
    GROUP BY 1, 2, 3) g, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') k
  WHERE true
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + excluded."realisations",
    "people" = "people" + excluded."people";
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0;
END;

-- A company deleted with its realisations takes its share out of the profile summary first.
CREATE TRIGGER "Company_summary_delete" BEFORE DELETE ON "Company" BEGIN
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - g."n",
    "people" = "RealisationMonthlyProfile"."people" - g."people"
  FROM (SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END AS "d",
      CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END AS "c",
      substr(r."date", 1, 7) AS "m", COUNT(*) AS "n", SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
    FROM "Realisation" r, (SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v
    WHERE r."companyId" = OLD."id"
    GROUP BY 1, 2, 3) g
  WHERE "RealisationMonthlyProfile"."departementCode" = g."d" AND "RealisationMonthlyProfile"."clubId" = g."c"
    AND "RealisationMonthlyProfile"."month" = g."m"
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(OLD."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(OLD."nafCode", ''), 1, 2)));
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0;
END;

-- Existing data (the same statements rebuild the summaries after the scale generator's bulk load).
INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
  "actionTypeCode", "unit", "contractType", "realisations", "quantity")
SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
  CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
  substr(r."date", 1, 7), r."publicCategoryCode", r."actionTypeCode", r."unit",
  COALESCE(r."contractType", ''), COUNT(*), SUM(r."quantity")
FROM "Realisation" r, (SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
  "value", "realisations", "people")
SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END,
  CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END,
  substr(r."date", 1, 7), k."dimension", CASE k."dimension" WHEN 'SIZE' THEN COALESCE(co."headcountBracket", '')
      ELSE substr(COALESCE(co."nafCode", ''), 1, 2) END,
  COUNT(*), SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END)
FROM "Realisation" r JOIN "Company" co ON co."id" = r."companyId",
  (SELECT 0 AS "level" UNION ALL SELECT 1 UNION ALL SELECT 2) v, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') k
GROUP BY 1, 2, 3, 4, 5;
