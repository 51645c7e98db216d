-- CreateIndex
CREATE INDEX "Commitment_clubId_startDate_endDate_companyId_status_idx" ON "Commitment"("clubId", "startDate", "endDate", "companyId", "status");

