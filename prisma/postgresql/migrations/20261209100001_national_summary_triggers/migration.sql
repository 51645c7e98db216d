-- Hand-written (not derived): the PostgreSQL form of the triggers of
-- prisma/migrations/20261209100000_national_summaries (decision 035). They keep
-- RealisationDepartementMonthly (per département and month: declarations, people hired) and
-- RealisationNationalDaily (the country per day, public, action type, unit, contract type) equal
-- to the sums over Realisation, and ClubMemberCount (each club's current members) to the
-- count over ClubMembership, in the same transaction as every write. '' stands for NULL in
-- the keys; months and days are those of the UTC date, as on SQLite.
-- Dialect notes: one PL/pgSQL function adds (+1) or takes out (-1) a realisation by upserts,
-- where SQLite's triggers inline them; rows falling to zero are deleted.

CREATE FUNCTION "realisation_national_summary_apply"(r "Realisation", delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_month text := to_char(r."date", 'YYYY-MM');
  v_day text := to_char(r."date", 'YYYY-MM-DD');
  v_dep text := COALESCE(r."departementCode", '');
  v_contract text := COALESCE(r."contractType", '');
  v_hired integer := CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
    (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END;
BEGIN
  INSERT INTO "RealisationDepartementMonthly" AS s ("departementCode", "month", "realisations",
    "hired")
  VALUES (v_dep, v_month, delta, delta * v_hired)
  ON CONFLICT ("month", "departementCode")
  DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
    "hired" = s."hired" + excluded."hired";
  INSERT INTO "RealisationNationalDaily" AS s ("day", "publicCategoryCode", "actionTypeCode",
    "unit", "contractType", "realisations", "quantity")
  VALUES (v_day, r."publicCategoryCode", r."actionTypeCode", r."unit", v_contract, delta,
    delta * r."quantity")
  ON CONFLICT ("day", "publicCategoryCode", "actionTypeCode", "unit", "contractType")
  DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
    "quantity" = s."quantity" + excluded."quantity";
  IF delta < 0 THEN
    DELETE FROM "RealisationDepartementMonthly" WHERE "realisations" = 0 AND "month" = v_month
      AND "departementCode" = v_dep;
    DELETE FROM "RealisationNationalDaily" WHERE "realisations" = 0 AND "day" = v_day
      AND "publicCategoryCode" = r."publicCategoryCode" AND "actionTypeCode" = r."actionTypeCode"
      AND "unit" = r."unit" AND "contractType" = v_contract;
  END IF;
END;
$$;

CREATE FUNCTION "realisation_national_summary_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- An update is a delete of the old row followed by an insert of the new one.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "realisation_national_summary_apply"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "realisation_national_summary_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Realisation_national_summary" AFTER INSERT OR DELETE ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_national_summary_trigger"();
CREATE TRIGGER "Realisation_national_summary_update" AFTER UPDATE OF "departementCode", "date",
  "publicCategoryCode", "actionTypeCode", "unit", "contractType", "quantity" ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_national_summary_trigger"();

-- An action type counted as a hire or no longer (reference data, not expected to change): the
-- people hired are summed again.
CREATE FUNCTION "realisation_departement_monthly_rebuild"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RealisationDepartementMonthly";
  INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
  SELECT COALESCE(r."departementCode", ''), to_char(r."date", 'YYYY-MM'), COUNT(*),
    SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
      (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END)
  FROM "Realisation" r GROUP BY 1, 2;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ActionType_national_summary" AFTER UPDATE OF "isHire" ON "ActionType"
  FOR EACH ROW WHEN (OLD."isHire" IS DISTINCT FROM NEW."isHire")
  EXECUTE FUNCTION "realisation_departement_monthly_rebuild"();

-- A membership counts while its status is MEMBER; a club's row goes when it has no member left.
CREATE FUNCTION "club_member_count_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD."status" = 'MEMBER' THEN
    UPDATE "ClubMemberCount" SET "members" = "members" - 1 WHERE "clubId" = OLD."clubId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'MEMBER' THEN
    INSERT INTO "ClubMemberCount" AS s ("clubId", "members") VALUES (NEW."clubId", 1)
    ON CONFLICT ("clubId") DO UPDATE SET "members" = s."members" + 1;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD."status" = 'MEMBER' THEN
    DELETE FROM "ClubMemberCount" WHERE "clubId" = OLD."clubId" AND "members" = 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClubMembership_count" AFTER INSERT OR DELETE ON "ClubMembership"
  FOR EACH ROW EXECUTE FUNCTION "club_member_count_trigger"();
CREATE TRIGGER "ClubMembership_count_update" AFTER UPDATE OF "clubId", "status" ON "ClubMembership"
  FOR EACH ROW EXECUTE FUNCTION "club_member_count_trigger"();

-- Existing data.
INSERT INTO "ClubMemberCount" ("clubId", "members")
SELECT "clubId", COUNT(*) FROM "ClubMembership" WHERE "status" = 'MEMBER' GROUP BY 1;

INSERT INTO "RealisationDepartementMonthly" ("departementCode", "month", "realisations", "hired")
SELECT COALESCE(r."departementCode", ''), to_char(r."date", 'YYYY-MM'), COUNT(*),
  SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
    (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END)
FROM "Realisation" r GROUP BY 1, 2;

INSERT INTO "RealisationNationalDaily" ("day", "publicCategoryCode", "actionTypeCode", "unit",
  "contractType", "realisations", "quantity")
SELECT to_char("date", 'YYYY-MM-DD'), "publicCategoryCode", "actionTypeCode", "unit",
  COALESCE("contractType", ''), COUNT(*), SUM("quantity")
FROM "Realisation" GROUP BY 1, 2, 3, 4, 5;
