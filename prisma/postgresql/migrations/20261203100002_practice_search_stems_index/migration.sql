-- Hand-written (not derived): the PostgreSQL form of prisma/migrations/
-- 20261203100001_practice_search_stems. The tsvector also holds Practice's "searchStems" (French
-- Snowball stems computed by the app, app/utils/stems.ts), so that both engines stem with the
-- same stemmer and a query's stems find "recruter" for "recrutement" (decision 020). The
-- "engages_search" configuration stays `simple` behind `unaccent`.
CREATE OR REPLACE FUNCTION "practice_search_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PracticeSearch" ("practiceId", "document")
  VALUES (NEW."id", to_tsvector('engages_search',
    NEW."title" || ' ' || NEW."body" || ' ' || NEW."searchStems"))
  ON CONFLICT ("practiceId") DO UPDATE SET "document" = excluded."document";
  RETURN NULL;
END;
$$;

DROP TRIGGER "Practice_search_update" ON "Practice";
CREATE TRIGGER "Practice_search_update" AFTER UPDATE OF "title", "body", "searchStems" ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION "practice_search_trigger"();
