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
-- same transaction as every write, whichever code path writes. '' stands for NULL in the keys.

CREATE TRIGGER "Realisation_summary_insert" AFTER INSERT ON "Realisation" BEGIN
  INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "unit", "contractType", "realisations", "quantity")
  VALUES (COALESCE(NEW."departementCode", ''), COALESCE(NEW."clubId", ''), substr(NEW."date", 1, 7),
    NEW."publicCategoryCode", NEW."actionTypeCode", NEW."unit", COALESCE(NEW."contractType", ''),
    1, NEW."quantity")
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT COALESCE(NEW."departementCode", ''), COALESCE(NEW."clubId", ''), substr(NEW."date", 1, 7),
    d."dimension", CASE d."dimension" WHEN 'SIZE' THEN COALESCE(c."headcountBracket", '')
      ELSE substr(COALESCE(c."nafCode", ''), 1, 2) END,
    1, CASE WHEN NEW."unit" = 'PEOPLE' THEN NEW."quantity" ELSE 0 END
  FROM "Company" c, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') d
  WHERE c."id" = NEW."companyId"
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "people" = "people" + excluded."people";
END;

CREATE TRIGGER "Realisation_summary_delete" AFTER DELETE ON "Realisation" BEGIN
  UPDATE "RealisationMonthly" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7)
    AND "clubId" = COALESCE(OLD."clubId", '') AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  -- A company deleted with its realisations (cascade) has already taken its share out of the
  -- profile summary (Company_summary_delete): the join below then finds no company.
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - 1,
    "people" = "RealisationMonthlyProfile"."people" - CASE WHEN OLD."unit" = 'PEOPLE' THEN OLD."quantity" ELSE 0 END
  FROM "Company" c
  WHERE c."id" = OLD."companyId" AND "RealisationMonthlyProfile"."departementCode" = COALESCE(OLD."departementCode", '')
    AND "RealisationMonthlyProfile"."month" = substr(OLD."date", 1, 7) AND "RealisationMonthlyProfile"."clubId" = COALESCE(OLD."clubId", '')
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(c."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(c."nafCode", ''), 1, 2)));
  DELETE FROM "RealisationMonthly" WHERE "realisations" = 0
    AND "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7);
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0
    AND "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7);
END;

-- An update is a delete of the old row followed by an insert of the new one.
CREATE TRIGGER "Realisation_summary_update" AFTER UPDATE OF "departementCode", "clubId", "date",
  "publicCategoryCode", "actionTypeCode", "unit", "contractType", "quantity", "companyId"
  ON "Realisation" BEGIN
  UPDATE "RealisationMonthly" SET "realisations" = "realisations" - 1,
    "quantity" = "quantity" - OLD."quantity"
  WHERE "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7)
    AND "clubId" = COALESCE(OLD."clubId", '') AND "publicCategoryCode" = OLD."publicCategoryCode"
    AND "actionTypeCode" = OLD."actionTypeCode" AND "unit" = OLD."unit"
    AND "contractType" = COALESCE(OLD."contractType", '');
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - 1,
    "people" = "RealisationMonthlyProfile"."people" - CASE WHEN OLD."unit" = 'PEOPLE' THEN OLD."quantity" ELSE 0 END
  FROM "Company" c
  WHERE c."id" = OLD."companyId" AND "RealisationMonthlyProfile"."departementCode" = COALESCE(OLD."departementCode", '')
    AND "RealisationMonthlyProfile"."month" = substr(OLD."date", 1, 7) AND "RealisationMonthlyProfile"."clubId" = COALESCE(OLD."clubId", '')
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(c."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(c."nafCode", ''), 1, 2)));
  INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "unit", "contractType", "realisations", "quantity")
  VALUES (COALESCE(NEW."departementCode", ''), COALESCE(NEW."clubId", ''), substr(NEW."date", 1, 7),
    NEW."publicCategoryCode", NEW."actionTypeCode", NEW."unit", COALESCE(NEW."contractType", ''),
    1, NEW."quantity")
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "quantity" = "quantity" + excluded."quantity";
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT COALESCE(NEW."departementCode", ''), COALESCE(NEW."clubId", ''), substr(NEW."date", 1, 7),
    d."dimension", CASE d."dimension" WHEN 'SIZE' THEN COALESCE(c."headcountBracket", '')
      ELSE substr(COALESCE(c."nafCode", ''), 1, 2) END,
    1, CASE WHEN NEW."unit" = 'PEOPLE' THEN NEW."quantity" ELSE 0 END
  FROM "Company" c, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') d
  WHERE c."id" = NEW."companyId"
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + 1,
    "people" = "people" + excluded."people";
  DELETE FROM "RealisationMonthly" WHERE "realisations" = 0
    AND "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7);
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0
    AND "departementCode" = COALESCE(OLD."departementCode", '') AND "month" = substr(OLD."date", 1, 7);
END;

-- A company's size or sector changes: its past realisations move to the new value.
CREATE TRIGGER "Company_summary_profile" AFTER UPDATE OF "headcountBracket", "nafCode" ON "Company"
  WHEN OLD."headcountBracket" IS NOT NEW."headcountBracket"
    OR substr(COALESCE(OLD."nafCode", ''), 1, 2) IS NOT substr(COALESCE(NEW."nafCode", ''), 1, 2)
BEGIN
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - g."n",
    "people" = "RealisationMonthlyProfile"."people" - g."people"
  FROM (
    SELECT COALESCE("departementCode", '') AS "d", COALESCE("clubId", '') AS "c",
      substr("date", 1, 7) AS "m", COUNT(*) AS "n",
      SUM(CASE WHEN "unit" = 'PEOPLE' THEN "quantity" ELSE 0 END) AS "people"
    FROM "Realisation" WHERE "companyId" = OLD."id" GROUP BY 1, 2, 3
  ) g
  WHERE "RealisationMonthlyProfile"."departementCode" = g."d" AND "RealisationMonthlyProfile"."month" = g."m" AND "RealisationMonthlyProfile"."clubId" = g."c"
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(OLD."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(OLD."nafCode", ''), 1, 2)));
  INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT COALESCE(r."departementCode", ''), COALESCE(r."clubId", ''), substr(r."date", 1, 7),
    d."dimension", CASE d."dimension" WHEN 'SIZE' THEN COALESCE(NEW."headcountBracket", '')
      ELSE substr(COALESCE(NEW."nafCode", ''), 1, 2) END,
    COUNT(*), SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END)
  FROM "Realisation" r, (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') d
  WHERE r."companyId" = NEW."id"
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET "realisations" = "realisations" + excluded."realisations",
    "people" = "people" + excluded."people";
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0;
END;

-- A company deleted with its realisations takes its share out of the profile summary first.
CREATE TRIGGER "Company_summary_delete" BEFORE DELETE ON "Company" BEGIN
  UPDATE "RealisationMonthlyProfile" SET "realisations" = "RealisationMonthlyProfile"."realisations" - g."n",
    "people" = "RealisationMonthlyProfile"."people" - g."people"
  FROM (
    SELECT COALESCE("departementCode", '') AS "d", COALESCE("clubId", '') AS "c",
      substr("date", 1, 7) AS "m", COUNT(*) AS "n",
      SUM(CASE WHEN "unit" = 'PEOPLE' THEN "quantity" ELSE 0 END) AS "people"
    FROM "Realisation" WHERE "companyId" = OLD."id" GROUP BY 1, 2, 3
  ) g
  WHERE "RealisationMonthlyProfile"."departementCode" = g."d" AND "RealisationMonthlyProfile"."month" = g."m" AND "RealisationMonthlyProfile"."clubId" = g."c"
    AND (("RealisationMonthlyProfile"."dimension" = 'SIZE' AND "RealisationMonthlyProfile"."value" = COALESCE(OLD."headcountBracket", ''))
      OR ("RealisationMonthlyProfile"."dimension" = 'NAF' AND "RealisationMonthlyProfile"."value" = substr(COALESCE(OLD."nafCode", ''), 1, 2)));
  DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0;
END;

-- Existing data.
INSERT INTO "RealisationMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
  "actionTypeCode", "unit", "contractType", "realisations", "quantity")
SELECT COALESCE("departementCode", ''), COALESCE("clubId", ''), substr("date", 1, 7),
  "publicCategoryCode", "actionTypeCode", "unit", COALESCE("contractType", ''), COUNT(*), SUM("quantity")
FROM "Realisation" GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "RealisationMonthlyProfile" ("departementCode", "clubId", "month", "dimension",
  "value", "realisations", "people")
SELECT COALESCE(r."departementCode", ''), COALESCE(r."clubId", ''), substr(r."date", 1, 7),
  d."dimension", CASE d."dimension" WHEN 'SIZE' THEN COALESCE(c."headcountBracket", '')
    ELSE substr(COALESCE(c."nafCode", ''), 1, 2) END,
  COUNT(*), SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END)
FROM "Realisation" r JOIN "Company" c ON c."id" = r."companyId",
  (SELECT 'SIZE' AS "dimension" UNION ALL SELECT 'NAF') d
GROUP BY 1, 2, 3, 4, 5;
