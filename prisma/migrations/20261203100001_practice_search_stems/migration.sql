-- French stemming in the practices' search (issue 18, point 8): Practice gets the stems of its
-- title and body (computed by the app with the Snowball stemmer, app/utils/stems.ts), and the
-- FTS5 table indexes them in a third column, so that a query's stems find "recruter" for
-- "recrutement". The words stay indexed as written, for prefix search. Existing practices get
-- their stems from backfillPracticeStems (app/models/practice-search.server.ts) at start.
ALTER TABLE "Practice" ADD COLUMN "searchStems" TEXT NOT NULL DEFAULT '';

DROP TRIGGER "Practice_search_insert";
DROP TRIGGER "Practice_search_update";
DROP TRIGGER "Practice_search_delete";
DROP TABLE "PracticeSearch";

CREATE VIRTUAL TABLE "PracticeSearch" USING fts5(
    "practiceId" UNINDEXED,
    "title",
    "body",
    "stems",
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO "PracticeSearch" ("practiceId", "title", "body", "stems")
    SELECT "id", "title", "body", "searchStems" FROM "Practice";
CREATE TRIGGER "Practice_search_insert" AFTER INSERT ON "Practice" BEGIN
    INSERT INTO "PracticeSearch" ("practiceId", "title", "body", "stems")
        VALUES (new."id", new."title", new."body", new."searchStems");
END;
CREATE TRIGGER "Practice_search_update" AFTER UPDATE OF "title", "body", "searchStems" ON "Practice" BEGIN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = old."id";
    INSERT INTO "PracticeSearch" ("practiceId", "title", "body", "stems")
        VALUES (new."id", new."title", new."body", new."searchStems");
END;
CREATE TRIGGER "Practice_search_delete" AFTER DELETE ON "Practice" BEGIN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = old."id";
END;
