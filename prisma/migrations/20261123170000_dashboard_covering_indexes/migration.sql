-- CreateIndex
CREATE INDEX "Company_id_headcountBracket_nafCode_idx" ON "Company"("id", "headcountBracket", "nafCode");

-- CreateIndex
CREATE INDEX "Commitment_departementCode_status_startDate_endDate_companyId_id_idx" ON "Commitment"("departementCode", "status", "startDate", "endDate", "companyId", "id");

-- CreateIndex
CREATE INDEX "Commitment_status_startDate_endDate_companyId_id_idx" ON "Commitment"("status", "startDate", "endDate", "companyId", "id");

-- CreateIndex
CREATE INDEX "Realisation_departementCode_date_unit_actionTypeCode_publicCategoryCode_quantity_clubId_companyId_contractType_id_idx" ON "Realisation"("departementCode", "date", "unit", "actionTypeCode", "publicCategoryCode", "quantity", "clubId", "companyId", "contractType", "id");

-- CreateIndex
CREATE INDEX "Realisation_departementCode_publicCategoryCode_unit_date_quantity_idx" ON "Realisation"("departementCode", "publicCategoryCode", "unit", "date", "quantity");

-- CreateIndex
CREATE INDEX "Realisation_departementCode_actionTypeCode_date_unit_quantity_contractType_idx" ON "Realisation"("departementCode", "actionTypeCode", "date", "unit", "quantity", "contractType");

-- CreateIndex
CREATE INDEX "Realisation_date_unit_actionTypeCode_publicCategoryCode_quantity_departementCode_id_idx" ON "Realisation"("date", "unit", "actionTypeCode", "publicCategoryCode", "quantity", "departementCode", "id");

