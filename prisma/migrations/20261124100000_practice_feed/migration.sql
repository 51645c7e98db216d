-- CreateTable
CREATE TABLE "PracticeImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practiceId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "alt" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PracticeImage_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practiceId" TEXT NOT NULL,
    "commentId" TEXT,
    "reporterId" TEXT,
    "reason" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PracticeReport_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AddColumn (what Prisma's table rebuild amounts to, without copying the outbox)
ALTER TABLE "EmailOutbox" ADD COLUMN "headers" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "PracticeImage_practiceId_position_idx" ON "PracticeImage"("practiceId", "position");

-- CreateIndex
CREATE INDEX "PracticeReport_practiceId_resolvedAt_idx" ON "PracticeReport"("practiceId", "resolvedAt");


-- Full-text search of the practices (SQLite FTS5, not modelled by Prisma: queried with a raw
-- query in app/models/practice-feed.server.ts). Kept in step with Practice by triggers, so every
-- writer (app, seed, tests) updates it. unicode61 with remove_diacritics: "emploi" finds "Emploi",
-- "insertion" finds "insértion".
CREATE VIRTUAL TABLE "PracticeSearch" USING fts5(
    "practiceId" UNINDEXED,
    "title",
    "body",
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO "PracticeSearch" ("practiceId", "title", "body") SELECT "id", "title", "body" FROM "Practice";
CREATE TRIGGER "Practice_search_insert" AFTER INSERT ON "Practice" BEGIN
    INSERT INTO "PracticeSearch" ("practiceId", "title", "body") VALUES (new."id", new."title", new."body");
END;
CREATE TRIGGER "Practice_search_update" AFTER UPDATE OF "title", "body" ON "Practice" BEGIN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = old."id";
    INSERT INTO "PracticeSearch" ("practiceId", "title", "body") VALUES (new."id", new."title", new."body");
END;
CREATE TRIGGER "Practice_search_delete" AFTER DELETE ON "Practice" BEGIN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = old."id";
END;
