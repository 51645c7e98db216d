-- Hand-written (not derived): the PostgreSQL form of the outcome summary's triggers of
-- prisma/migrations/20261206100000_outcome_summaries (decision 029). They keep OutcomeMonthly
-- equal to the sums over RealisationOutcome ⨝ Realisation, in the same transaction as every
-- write, at three levels (club, département '*', country '*'); '' stands for NULL in the keys.
-- Dialect notes: one PL/pgSQL function adds (+1) or takes out (-1) an outcome counted under a
-- realisation, where SQLite's triggers inline the upserts; rows falling to zero are deleted.

CREATE FUNCTION "outcome_summary_apply"(o "RealisationOutcome", r "Realisation", delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_month text := to_char(r."date", 'YYYY-MM');
  v_dep text := COALESCE(r."departementCode", '');
  v_club text := COALESCE(r."clubId", '');
BEGIN
  INSERT INTO "OutcomeMonthly" AS s ("departementCode", "clubId", "month", "publicCategoryCode",
    "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany",
    "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
  SELECT l."d", l."c", v_month, r."publicCategoryCode", r."actionTypeCode",
    COALESCE(r."contractType", ''), o."months", delta, delta * o."people",
    delta * o."stillInCompany", delta * o."employedElsewhere", delta * o."inTraining",
    delta * o."jobSeeking", delta * o."unknown",
    delta * CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END,
    delta * COALESCE(o."reachedTarget", 0)
  FROM (VALUES (v_dep, v_club), (v_dep, '*'), ('*', '*')) AS l("d", "c")
  ON CONFLICT ("departementCode", "month", "clubId", "publicCategoryCode", "actionTypeCode", "contractType", "months")
  DO UPDATE SET "outcomes" = s."outcomes" + excluded."outcomes",
    "people" = s."people" + excluded."people",
    "stillInCompany" = s."stillInCompany" + excluded."stillInCompany",
    "employedElsewhere" = s."employedElsewhere" + excluded."employedElsewhere",
    "inTraining" = s."inTraining" + excluded."inTraining",
    "jobSeeking" = s."jobSeeking" + excluded."jobSeeking",
    "unknown" = s."unknown" + excluded."unknown",
    "targetPeople" = s."targetPeople" + excluded."targetPeople",
    "reachedTarget" = s."reachedTarget" + excluded."reachedTarget";
  IF delta < 0 THEN
    DELETE FROM "OutcomeMonthly" WHERE "outcomes" = 0 AND "month" = v_month
      AND "departementCode" IN (v_dep, '*');
  END IF;
END;
$$;

CREATE FUNCTION "outcome_summary_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r "Realisation";
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT * INTO r FROM "Realisation" WHERE "id" = OLD."realisationId";
    IF FOUND THEN PERFORM "outcome_summary_apply"(OLD, r, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO r FROM "Realisation" WHERE "id" = NEW."realisationId";
    IF FOUND THEN PERFORM "outcome_summary_apply"(NEW, r, 1); END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "RealisationOutcome_summary" AFTER INSERT OR UPDATE OR DELETE ON "RealisationOutcome"
  FOR EACH ROW EXECUTE FUNCTION "outcome_summary_trigger"();

CREATE FUNCTION "realisation_outcome_summary_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  o "RealisationOutcome";
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Taken out while the realisation is still there to say where they were counted.
    DELETE FROM "RealisationOutcome" WHERE "realisationId" = OLD."id";
    RETURN OLD;
  END IF;
  -- A realisation whose date, club, public, action or contract changes moves its outcomes.
  FOR o IN SELECT * FROM "RealisationOutcome" WHERE "realisationId" = NEW."id" LOOP
    PERFORM "outcome_summary_apply"(o, OLD, -1);
    PERFORM "outcome_summary_apply"(o, NEW, 1);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Realisation_outcome_summary_delete" BEFORE DELETE ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_outcome_summary_trigger"();
CREATE TRIGGER "Realisation_outcome_summary_update" AFTER UPDATE OF "departementCode", "clubId",
  "date", "publicCategoryCode", "actionTypeCode", "contractType" ON "Realisation"
  FOR EACH ROW EXECUTE FUNCTION "realisation_outcome_summary_trigger"();

INSERT INTO "OutcomeMonthly" ("departementCode", "clubId", "month", "publicCategoryCode",
  "actionTypeCode", "contractType", "months", "outcomes", "people", "stillInCompany",
  "employedElsewhere", "inTraining", "jobSeeking", "unknown", "targetPeople", "reachedTarget")
SELECT l."d", l."c", to_char(r."date", 'YYYY-MM'), r."publicCategoryCode", r."actionTypeCode",
  COALESCE(r."contractType", ''), o."months", COUNT(*), SUM(o."people"), SUM(o."stillInCompany"),
  SUM(o."employedElsewhere"), SUM(o."inTraining"), SUM(o."jobSeeking"), SUM(o."unknown"),
  SUM(CASE WHEN o."reachedTarget" IS NULL THEN 0 ELSE o."people" END), SUM(COALESCE(o."reachedTarget", 0))
FROM "RealisationOutcome" o JOIN "Realisation" r ON r."id" = o."realisationId",
  LATERAL (VALUES (COALESCE(r."departementCode", ''), COALESCE(r."clubId", '')),
    (COALESCE(r."departementCode", ''), '*'), ('*', '*')) AS l("d", "c")
GROUP BY 1, 2, 3, 4, 5, 6, 7;
