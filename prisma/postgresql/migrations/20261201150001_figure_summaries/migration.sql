-- Hand-written (not derived): the PostgreSQL form of the figure summaries' triggers of
-- prisma/migrations/20261124090000_figure_summaries (decision 012). They keep RealisationMonthly
-- and RealisationMonthlyProfile equal to the sums over Realisation, in the same transaction as
-- every write, whichever code path writes. Each realisation counts at three levels: its club
-- (departementCode, clubId), its département (departementCode, '*') and the country ('*', '*').
-- '' stands for NULL in the keys. A month is 'YYYY-MM' of the UTC date, as on SQLite.
-- Dialect notes: one PL/pgSQL function adds (+1) or takes out (-1) a realisation by upserts, where
-- SQLite's triggers inline an INSERT … ON CONFLICT and an UPDATE; rows falling to zero are deleted.

CREATE FUNCTION "realisation_summary_apply"(r "Realisation", delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_month text := to_char(r."date", 'YYYY-MM');
  v_dep text := COALESCE(r."departementCode", '');
  v_club text := COALESCE(r."clubId", '');
  v_size text;
  v_naf text;
BEGIN
  INSERT INTO "RealisationMonthly" AS s ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "unit", "contractType", "realisations", "quantity")
  SELECT l."d", l."c", v_month, r."publicCategoryCode", r."actionTypeCode", r."unit",
    COALESCE(r."contractType", ''), delta, delta * r."quantity"
  FROM (VALUES (v_dep, v_club), (v_dep, '*'), ('*', '*')) AS l("d", "c")
  ON CONFLICT ("departementCode", "month", "clubId", "publicCategoryCode", "actionTypeCode", "unit", "contractType")
  DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
    "quantity" = s."quantity" + excluded."quantity";

  -- No company when it is being deleted with its realisations (cascade):
  -- Company_summary_delete has already taken its share out.
  SELECT COALESCE(co."headcountBracket", ''), substr(COALESCE(co."nafCode", ''), 1, 2)
  INTO v_size, v_naf FROM "Company" co WHERE co."id" = r."companyId";
  IF FOUND THEN
    INSERT INTO "RealisationMonthlyProfile" AS s ("departementCode", "clubId", "month", "dimension",
      "value", "realisations", "people")
    SELECT l."d", l."c", v_month, k."dimension", k."value", delta,
      delta * CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END
    FROM (VALUES (v_dep, v_club), (v_dep, '*'), ('*', '*')) AS l("d", "c"),
      (VALUES ('SIZE', v_size), ('NAF', v_naf)) AS k("dimension", "value")
    ON CONFLICT ("departementCode", "month", "clubId", "dimension", "value")
    DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
      "people" = s."people" + excluded."people";
  END IF;

  IF delta < 0 THEN
    DELETE FROM "RealisationMonthly" WHERE "realisations" = 0 AND "month" = v_month
      AND "departementCode" IN (v_dep, '*');
    DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0 AND "month" = v_month
      AND "departementCode" IN (v_dep, '*');
  END IF;
END;
$$;

CREATE FUNCTION "realisation_summary_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- An update is a delete of the old row followed by an insert of the new one.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "realisation_summary_apply"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "realisation_summary_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Realisation_summary_insert" AFTER INSERT ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_summary_trigger"();
CREATE TRIGGER "Realisation_summary_delete" AFTER DELETE ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_summary_trigger"();
CREATE TRIGGER "Realisation_summary_update" AFTER UPDATE OF "departementCode", "clubId", "date",
  "publicCategoryCode", "actionTypeCode", "unit", "contractType", "quantity", "companyId"
  ON "Realisation" FOR EACH ROW EXECUTE FUNCTION "realisation_summary_trigger"();

-- Adds (delta 1) or takes out (delta -1) a company's realisations under a size and sector value.
CREATE FUNCTION "company_summary_apply"(company_id text, v_size text, v_naf text, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RealisationMonthlyProfile" AS s ("departementCode", "clubId", "month", "dimension",
    "value", "realisations", "people")
  SELECT g."d", g."c", g."m", k."dimension", k."value", delta * g."n", delta * g."people"
  FROM (SELECT CASE v."level" WHEN 2 THEN '*' ELSE COALESCE(r."departementCode", '') END AS "d",
      CASE v."level" WHEN 0 THEN COALESCE(r."clubId", '') ELSE '*' END AS "c",
      to_char(r."date", 'YYYY-MM') AS "m", COUNT(*) AS "n",
      SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) AS "people"
    FROM "Realisation" r, (VALUES (0), (1), (2)) AS v("level")
    WHERE r."companyId" = company_id
    GROUP BY 1, 2, 3) g,
    (VALUES ('SIZE', v_size), ('NAF', v_naf)) AS k("dimension", "value")
  ON CONFLICT ("departementCode", "month", "clubId", "dimension", "value")
  DO UPDATE SET "realisations" = s."realisations" + excluded."realisations",
    "people" = s."people" + excluded."people";
  IF delta < 0 THEN
    DELETE FROM "RealisationMonthlyProfile" WHERE "realisations" = 0;
  END IF;
END;
$$;

CREATE FUNCTION "company_summary_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A company's size or sector changes: its past realisations move to the new value. A company
  -- deleted with its realisations takes its share out first (BEFORE DELETE).
  PERFORM "company_summary_apply"(OLD."id", COALESCE(OLD."headcountBracket", ''),
    substr(COALESCE(OLD."nafCode", ''), 1, 2), -1);
  IF TG_OP = 'UPDATE' THEN
    PERFORM "company_summary_apply"(NEW."id", COALESCE(NEW."headcountBracket", ''),
      substr(COALESCE(NEW."nafCode", ''), 1, 2), 1);
    RETURN NULL;
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Company_summary_profile" AFTER UPDATE OF "headcountBracket", "nafCode" ON "Company"
  FOR EACH ROW
  WHEN (OLD."headcountBracket" IS DISTINCT FROM NEW."headcountBracket"
    OR substr(COALESCE(OLD."nafCode", ''), 1, 2) IS DISTINCT FROM substr(COALESCE(NEW."nafCode", ''), 1, 2))
  EXECUTE FUNCTION "company_summary_trigger"();
CREATE TRIGGER "Company_summary_delete" BEFORE DELETE ON "Company"
  FOR EACH ROW EXECUTE FUNCTION "company_summary_trigger"();
