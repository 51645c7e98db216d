-- Several app processes on one database (decision 022): the claimant of each e-mail being sent,
-- the processes' heartbeats, and the throttling counters moved out of process memory.
ALTER TABLE "EmailOutbox" ADD COLUMN "claimedBy" TEXT;

CREATE TABLE "AppInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "AppInstance_seenAt_idx" ON "AppInstance"("seenAt");

CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "RateLimitHit_bucket_key_at_idx" ON "RateLimitHit"("bucket", "key", "at");
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");
