-- CreateTable
CREATE TABLE "DeclarationCampaign" (
    "id" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "openedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DeclarationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "companyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "attestedById" TEXT,
    "attestedByName" TEXT NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("companyId","year")
);

-- CreateIndex
CREATE INDEX "DeclarationCampaign_year_idx" ON "DeclarationCampaign"("year");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationCampaign_departementCode_year_key" ON "DeclarationCampaign"("departementCode", "year");

-- CreateIndex
CREATE INDEX "Attestation_year_editedAt_companyId_idx" ON "Attestation"("year", "editedAt", "companyId");

-- AddForeignKey
ALTER TABLE "DeclarationCampaign" ADD CONSTRAINT "DeclarationCampaign_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_attestedById_fkey" FOREIGN KEY ("attestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (not derived): the PostgreSQL form of the attestation flags of
-- prisma/migrations/20261207100000_annual_declarations. Any write to a year's commitments,
-- realisations or outcomes after its attestation sets editedAt (first edit only), whichever code
-- path writes. A realisation's year is that of its date (a calendar day, decision 021). Timestamps
-- are UTC, as Prisma writes them.

CREATE FUNCTION "attestation_flag"(p_company text, p_year integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Attestation" SET "editedAt" = (now() AT TIME ZONE 'UTC')
  WHERE "companyId" = p_company AND "year" = p_year AND "editedAt" IS NULL;
END;
$$;

CREATE FUNCTION "attestation_flag_commitment"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "attestation_flag"(OLD."companyId", OLD."year");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "attestation_flag"(NEW."companyId", NEW."year");
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "attestation_flag_realisation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "attestation_flag"(OLD."companyId", EXTRACT(YEAR FROM OLD."date")::integer);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "attestation_flag"(NEW."companyId", EXTRACT(YEAR FROM NEW."date")::integer);
  END IF;
  RETURN NULL;
END;
$$;

-- A realisation's deletion cascades to its outcomes: the realisation's own trigger flags the year
-- (and the outcome's lookup then finds no realisation).
CREATE FUNCTION "attestation_flag_outcome"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_realisation text := CASE WHEN TG_OP = 'DELETE' THEN OLD."realisationId" ELSE NEW."realisationId" END;
BEGIN
  PERFORM "attestation_flag"(r."companyId", EXTRACT(YEAR FROM r."date")::integer)
  FROM "Realisation" r WHERE r."id" = v_realisation;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Attestation_flag_commitment" AFTER INSERT OR UPDATE OR DELETE ON "Commitment"
FOR EACH ROW EXECUTE FUNCTION "attestation_flag_commitment"();
CREATE TRIGGER "Attestation_flag_realisation" AFTER INSERT OR UPDATE OR DELETE ON "Realisation"
FOR EACH ROW EXECUTE FUNCTION "attestation_flag_realisation"();
CREATE TRIGGER "Attestation_flag_outcome" AFTER INSERT OR UPDATE OR DELETE ON "RealisationOutcome"
FOR EACH ROW EXECUTE FUNCTION "attestation_flag_outcome"();
