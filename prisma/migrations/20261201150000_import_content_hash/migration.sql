-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN "contentHash" TEXT;

-- CreateIndex
CREATE INDEX "ImportBatch_companyId_contentHash_idx" ON "ImportBatch"("companyId", "contentHash");
