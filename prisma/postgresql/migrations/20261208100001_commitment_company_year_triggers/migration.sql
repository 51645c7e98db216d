-- Hand-written (not derived): the PostgreSQL form of the triggers of
-- prisma/migrations/20261208100000_commitment_company_years (decision 033). Each write to a
-- commitment rebuilds its company's CommitmentCompanyYear rows (level, year, company, earliest
-- start) from the company's running commitments, in the same transaction.
-- Dialect notes: generate_series gives the years a commitment covers; a transaction-scoped
-- advisory lock per company serialises two transactions rebuilding the same company (each
-- statement after the wait sees the other's commitments, READ COMMITTED), which SQLite's single
-- writer does by itself.

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

CREATE FUNCTION "commitment_company_years_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "commitment_company_years_refresh"(OLD."companyId");
  END IF;
  -- A commitment moved to another company rebuilds both companies' rows.
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."companyId" <> OLD."companyId") THEN
    PERFORM "commitment_company_years_refresh"(NEW."companyId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Commitment_company_years" AFTER INSERT OR DELETE ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION "commitment_company_years_trigger"();
CREATE TRIGGER "Commitment_company_years_update" AFTER UPDATE OF "companyId", "clubId",
  "departementCode", "startDate", "endDate", "status" ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION "commitment_company_years_trigger"();

-- Existing data.
INSERT INTO "CommitmentCompanyYear" ("departementCode", "clubId", "year", "companyId", "firstStart")
SELECT l."d", l."c", y."year", c."companyId", MIN(c."startDate")
FROM "Commitment" c,
  LATERAL generate_series(EXTRACT(YEAR FROM c."startDate")::integer,
    EXTRACT(YEAR FROM c."endDate")::integer) AS y("year"),
  LATERAL (VALUES (c."departementCode", c."clubId"), (c."departementCode", '*'), ('*', '*'))
    AS l("d", "c")
WHERE c."status" IN ('ACTIVE', 'ACHIEVED')
GROUP BY 1, 2, 3, 4;
