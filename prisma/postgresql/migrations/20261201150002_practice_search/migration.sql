-- Hand-written (not derived): the PostgreSQL form of the practices' full-text search of
-- prisma/migrations/20261124100000_practice_feed (SQLite FTS5, unicode61 remove_diacritics),
-- queried in app/models/practice-search.server.ts. Like FTS5's unicode61 it has no stemming and
-- ignores case and accents: the `simple` configuration behind `unaccent`. Kept in step with
-- Practice by triggers, so every writer (app, seed, tests) updates it.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION "engages_search" (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION "engages_search"
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword,
    numhword, hword_numpart
  WITH unaccent, simple;

CREATE TABLE "PracticeSearch" (
    "practiceId" TEXT NOT NULL PRIMARY KEY REFERENCES "Practice" ("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "PracticeSearch_document_idx" ON "PracticeSearch" USING gin ("document");

CREATE FUNCTION "practice_search_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PracticeSearch" ("practiceId", "document")
  VALUES (NEW."id", to_tsvector('engages_search', NEW."title" || ' ' || NEW."body"))
  ON CONFLICT ("practiceId") DO UPDATE SET "document" = excluded."document";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Practice_search_insert" AFTER INSERT ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION "practice_search_trigger"();
CREATE TRIGGER "Practice_search_update" AFTER UPDATE OF "title", "body" ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION "practice_search_trigger"();
