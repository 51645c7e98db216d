-- Annual declaration campaigns and attestations (issue 15 point 4, decision 030).

-- CreateTable
CREATE TABLE "DeclarationCampaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departementCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" DATETIME NOT NULL,
    "openedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "DeclarationCampaign_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attestation" (
    "companyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "attestedById" TEXT,
    "attestedByName" TEXT NOT NULL,
    "attestedAt" DATETIME NOT NULL,
    "editedAt" DATETIME,

    PRIMARY KEY ("companyId", "year"),
    CONSTRAINT "Attestation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attestation_attestedById_fkey" FOREIGN KEY ("attestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeclarationCampaign_year_idx" ON "DeclarationCampaign"("year");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationCampaign_departementCode_year_key" ON "DeclarationCampaign"("departementCode", "year");

-- CreateIndex
CREATE INDEX "Attestation_year_editedAt_companyId_idx" ON "Attestation"("year", "editedAt", "companyId");


-- An attestation is flagged (editedAt) by any write to its year after it: a commitment of that
-- year, a realisation dated in it, or an outcome of such a realisation — inserted, changed or
-- deleted, whichever code path writes (forms, import, Passerelles, scripts). Only the first
-- edit sets the date; a new attestation clears it. A realisation's year is that of its date
-- (a calendar day, decision 021).

CREATE TRIGGER "Attestation_flag_commitment_insert" AFTER INSERT ON "Commitment" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "companyId" = NEW."companyId" AND "year" = NEW."year" AND "editedAt" IS NULL;
END;

CREATE TRIGGER "Attestation_flag_commitment_update" AFTER UPDATE ON "Commitment" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "editedAt" IS NULL AND (("companyId" = NEW."companyId" AND "year" = NEW."year")
    OR ("companyId" = OLD."companyId" AND "year" = OLD."year"));
END;

CREATE TRIGGER "Attestation_flag_commitment_delete" AFTER DELETE ON "Commitment" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "companyId" = OLD."companyId" AND "year" = OLD."year" AND "editedAt" IS NULL;
END;

CREATE TRIGGER "Attestation_flag_realisation_insert" AFTER INSERT ON "Realisation" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "companyId" = NEW."companyId" AND "year" = CAST(substr(NEW."date", 1, 4) AS INTEGER)
    AND "editedAt" IS NULL;
END;

CREATE TRIGGER "Attestation_flag_realisation_update" AFTER UPDATE ON "Realisation" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "editedAt" IS NULL
    AND (("companyId" = NEW."companyId" AND "year" = CAST(substr(NEW."date", 1, 4) AS INTEGER))
      OR ("companyId" = OLD."companyId" AND "year" = CAST(substr(OLD."date", 1, 4) AS INTEGER)));
END;

CREATE TRIGGER "Attestation_flag_realisation_delete" AFTER DELETE ON "Realisation" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "companyId" = OLD."companyId" AND "year" = CAST(substr(OLD."date", 1, 4) AS INTEGER)
    AND "editedAt" IS NULL;
END;

CREATE TRIGGER "Attestation_flag_outcome_insert" AFTER INSERT ON "RealisationOutcome" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "editedAt" IS NULL AND ("companyId", "year") IN (
    SELECT r."companyId", CAST(substr(r."date", 1, 4) AS INTEGER) FROM "Realisation" r
    WHERE r."id" = NEW."realisationId");
END;

CREATE TRIGGER "Attestation_flag_outcome_update" AFTER UPDATE ON "RealisationOutcome" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "editedAt" IS NULL AND ("companyId", "year") IN (
    SELECT r."companyId", CAST(substr(r."date", 1, 4) AS INTEGER) FROM "Realisation" r
    WHERE r."id" = NEW."realisationId");
END;

-- A realisation's deletion cascades to its outcomes: the realisation's own trigger flags the year.
CREATE TRIGGER "Attestation_flag_outcome_delete" AFTER DELETE ON "RealisationOutcome" BEGIN
  UPDATE "Attestation" SET "editedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  WHERE "editedAt" IS NULL AND ("companyId", "year") IN (
    SELECT r."companyId", CAST(substr(r."date", 1, 4) AS INTEGER) FROM "Realisation" r
    WHERE r."id" = OLD."realisationId");
END;
