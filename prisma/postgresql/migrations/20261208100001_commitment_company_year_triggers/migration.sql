-- Hand-written (not derived): the PostgreSQL form of the triggers of
-- prisma/migrations/20261208100000_commitment_company_years (decision 033). Each write to a
-- commitment rebuilds its company's CommitmentCompanyYear rows (level, year, company, earliest
-- start) from the company's running commitments and moves the commitment in CommitmentYearMonth
-- (level, year, month of start); CommitmentCompanyYear's rows count the companies there. All in
-- the same transaction as the write.
-- Dialect notes: generate_series gives the years a commitment covers; a transaction-scoped
-- advisory lock per company serialises two transactions rebuilding the same company (each
-- statement after the wait sees the other's commitments, READ COMMITTED), which SQLite's single
-- writer does by itself; counters falling to zero are deleted.

CREATE FUNCTION "commitment_company_years_refresh"(company text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('CommitmentCompanyYear:' || company));
  DELETE FROM "CommitmentCompanyYear" WHERE "companyId" = company;
  INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
  SELECT l."d", l."c", y."year", c."companyId", MIN(c."startDate")
  FROM "Commitment" c,
    LATERAL generate_series(EXTRACT(YEAR FROM c."startDate")::integer,
      EXTRACT(YEAR FROM c."endDate")::integer) AS y("year"),
    LATERAL (VALUES (c."departementCode", c."clubId"), (c."departementCode", '*'), ('*', '*'))
      AS l("d", "c")
  WHERE c."companyId" = company AND c."status" IN ('ACTIVE', 'ACHIEVED')
  GROUP BY 1, 2, 3, 4;
END;
$$;

-- Counts a running commitment (delta 1) or takes it out (-1) in each year it overlaps.
CREATE FUNCTION "commitment_year_months_apply"(c "Commitment", delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_month text := to_char(c."startDate", 'YYYY-MM');
BEGIN
  IF c."status" NOT IN ('ACTIVE', 'ACHIEVED') THEN RETURN; END IF;
  INSERT INTO "CommitmentYearMonth" AS s ("departementCode", "clubId", "year", "month",
    "commitments", "companies")
  SELECT l."d", l."c", y."year", v_month, delta, 0
  FROM generate_series(EXTRACT(YEAR FROM c."startDate")::integer,
      EXTRACT(YEAR FROM c."endDate")::integer) AS y("year"),
    (VALUES (c."departementCode", c."clubId"), (c."departementCode", '*'), ('*', '*')) AS l("d", "c")
  ON CONFLICT ("year", "clubId", "departementCode", "month")
  DO UPDATE SET "commitments" = s."commitments" + excluded."commitments";
  IF delta < 0 THEN
    DELETE FROM "CommitmentYearMonth" WHERE "commitments" = 0 AND "companies" = 0
      AND "year" BETWEEN EXTRACT(YEAR FROM c."startDate")::integer
        AND EXTRACT(YEAR FROM c."endDate")::integer
      AND "clubId" IN (c."clubId", '*') AND "departementCode" IN (c."departementCode", '*')
      AND "month" = v_month;
  END IF;
END;
$$;

CREATE FUNCTION "commitment_company_years_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "commitment_company_years_refresh"(OLD."companyId");
    PERFORM "commitment_year_months_apply"(OLD, -1);
  END IF;
  -- A commitment moved to another company rebuilds both companies' rows.
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."companyId" <> OLD."companyId") THEN
    PERFORM "commitment_company_years_refresh"(NEW."companyId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "commitment_year_months_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Commitment_company_years" AFTER INSERT OR DELETE ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION "commitment_company_years_trigger"();
CREATE TRIGGER "Commitment_company_years_update" AFTER UPDATE OF "companyId", "clubId",
  "departementCode", "startDate", "endDate", "status" ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION "commitment_company_years_trigger"();

-- The companies' column follows CommitmentCompanyYear, whose rows are only inserted and deleted.
CREATE FUNCTION "commitment_company_year_months_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r "CommitmentCompanyYear";
  delta integer;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; delta := 1; ELSE r := OLD; delta := -1; END IF;
  INSERT INTO "CommitmentYearMonth" AS s ("departementCode", "clubId", "year", "month",
    "commitments", "companies")
  VALUES (r."departementCode", r."clubId", r."year", to_char(r."firstStart", 'YYYY-MM'), 0, delta)
  ON CONFLICT ("year", "clubId", "departementCode", "month")
  DO UPDATE SET "companies" = s."companies" + excluded."companies";
  IF delta < 0 THEN
    DELETE FROM "CommitmentYearMonth" WHERE "commitments" = 0 AND "companies" = 0
      AND "year" = r."year" AND "clubId" = r."clubId" AND "departementCode" = r."departementCode"
      AND "month" = to_char(r."firstStart", 'YYYY-MM');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CommitmentCompanyYear_months" AFTER INSERT OR DELETE ON "CommitmentCompanyYear"
  FOR EACH ROW EXECUTE FUNCTION "commitment_company_year_months_trigger"();

-- Existing data: the companies' rows, whose trigger counts them in CommitmentYearMonth, then
-- the commitments.
INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
SELECT l."d", l."c", y."year", c."companyId", MIN(c."startDate")
FROM "Commitment" c,
  LATERAL generate_series(EXTRACT(YEAR FROM c."startDate")::integer,
    EXTRACT(YEAR FROM c."endDate")::integer) AS y("year"),
  LATERAL (VALUES (c."departementCode", c."clubId"), (c."departementCode", '*'), ('*', '*'))
    AS l("d", "c")
WHERE c."status" IN ('ACTIVE', 'ACHIEVED')
GROUP BY 1, 2, 3, 4;

INSERT INTO "CommitmentYearMonth" AS s ("departementCode", "clubId", "year", "month",
  "commitments", "companies")
SELECT l."d", l."c", y."year", to_char(c."startDate", 'YYYY-MM'), COUNT(*), 0
FROM "Commitment" c,
  LATERAL generate_series(EXTRACT(YEAR FROM c."startDate")::integer,
    EXTRACT(YEAR FROM c."endDate")::integer) AS y("year"),
  LATERAL (VALUES (c."departementCode", c."clubId"), (c."departementCode", '*'), ('*', '*'))
    AS l("d", "c")
WHERE c."status" IN ('ACTIVE', 'ACHIEVED')
GROUP BY 1, 2, 3, 4
ON CONFLICT ("year", "clubId", "departementCode", "month")
DO UPDATE SET "commitments" = s."commitments" + excluded."commitments";
