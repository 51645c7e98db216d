-- The club drill-down's commitments running over a period, read from the index alone (issue 14,
-- point 5).
-- CreateIndex
CREATE INDEX "Commitment_clubId_startDate_endDate_companyId_status_idx" ON "Commitment"("clubId", "startDate", "endDate", "companyId", "status");

