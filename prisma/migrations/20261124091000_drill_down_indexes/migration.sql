-- DropIndex
DROP INDEX "Realisation_clubId_date_idx";

-- CreateIndex
CREATE INDEX "Realisation_clubId_date_companyId_unit_quantity_idx" ON "Realisation"("clubId", "date", "companyId", "unit", "quantity");

-- CreateIndex
CREATE INDEX "Realisation_departementCode_clubId_companyId_createdAt_idx" ON "Realisation"("departementCode", "clubId", "companyId", "createdAt");

