-- Hand-written (not derived): the PostgreSQL form of the triggers of
-- prisma/migrations/20261211100000_departement_daily (decision 035). They keep
-- RealisationDepartementDaily (per département and day: declarations, people hired) equal to the
-- sums over Realisation in the same transaction as every write. '' stands for NULL in the keys;
-- days are those of the UTC date, as on SQLite.

-- The realisations recorded before this migration.
INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
SELECT to_char(r."date", 'YYYY-MM-DD'), COALESCE(r."departementCode", ''), COUNT(*),
  SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
    (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END)
FROM "Realisation" r GROUP BY 1, 2;

CREATE FUNCTION "realisation_departement_daily_apply"(r "Realisation", delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_day text := to_char(r."date", 'YYYY-MM-DD');
  v_dep text := COALESCE(r."departementCode", '');
  v_hired integer := CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
    (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END;
BEGIN
  INSERT INTO "RealisationDepartementDaily" AS s ("day", "departementCode", "realisations", "hired")
  VALUES (v_day, v_dep, delta, delta * v_hired)
  ON CONFLICT ("day", "departementCode")
  DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
    "hired" = s."hired" + excluded."hired";
  IF delta < 0 THEN
    DELETE FROM "RealisationDepartementDaily" WHERE "realisations" = 0 AND "day" = v_day
      AND "departementCode" = v_dep;
  END IF;
END;
$$;

CREATE FUNCTION "realisation_departement_daily_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- An update is a delete of the old row followed by an insert of the new one.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "realisation_departement_daily_apply"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "realisation_departement_daily_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Realisation_departement_daily" AFTER INSERT OR DELETE ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_departement_daily_trigger"();
CREATE TRIGGER "Realisation_departement_daily_update" AFTER UPDATE OF "departementCode", "date",
  "actionTypeCode", "unit", "quantity" ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_departement_daily_trigger"();

-- An action type counted as a hire or no longer (reference data, not expected to change): the
-- people hired are summed again.
CREATE FUNCTION "realisation_departement_daily_rebuild"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RealisationDepartementDaily";
  INSERT INTO "RealisationDepartementDaily" ("day", "departementCode", "realisations", "hired")
  SELECT to_char(r."date", 'YYYY-MM-DD'), COALESCE(r."departementCode", ''), COUNT(*),
    SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
      (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END)
  FROM "Realisation" r GROUP BY 1, 2;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ActionType_departement_daily" AFTER UPDATE OF "isHire" ON "ActionType"
  FOR EACH ROW WHEN (OLD."isHire" IS DISTINCT FROM NEW."isHire")
  EXECUTE FUNCTION "realisation_departement_daily_rebuild"();
