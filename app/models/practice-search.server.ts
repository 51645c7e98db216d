// Full-text search of the practices, one form per engine: SQLite's FTS5 table and PostgreSQL's
// tsvector table, both named PracticeSearch and kept in step with Practice by triggers (the
// practice_feed, practice_search and practice_search_stems migrations). Both ignore case and
// accents and take each word typed as a required prefix, of the words as written or of their
// French stems (Practice.searchStems, decision 020): "recrutement" finds "recruter".

import { engine, prisma } from "~/utils/db.server";
import { stemOf, stemsOf, wordsOf } from "~/utils/stems";

const SEARCH_LIMIT = 500;
const MAX_WORDS = 12;

/** The words of what a person typed (letters and digits only, so no query syntax gets through),
 * each with its stem. */
function termsOf(input: string) {
  return wordsOf(input)
    .slice(0, MAX_WORDS)
    .map((word) => ({ word, stem: stemOf(word) }));
}

/**
 * The FTS5 query of what a person typed: each word, or its stem, a quoted prefix term (of the
 * text, or of its stems: "emploi" finds "employé"); all words required. Quotes make every
 * character literal, so no FTS syntax (NEAR, OR, column filters…) can be injected.
 */
export function ftsQuery(input: string): string | null {
  const terms = termsOf(input);
  if (terms.length === 0) return null;
  return terms
    .map(({ word, stem }) => (stem === word ? `"${word}"*` : `("${word}"* OR "${stem}"*)`))
    .join(" AND ");
}

/** The tsquery text of what a person typed: each word, or its stem, a prefix (`:*`); all
 * required (`&`). */
export function tsQuery(input: string): string | null {
  const terms = termsOf(input);
  if (terms.length === 0) return null;
  return terms
    .map(({ word, stem }) => (stem === word ? `${word}:*` : `(${word}:* | ${stem}:*)`))
    .join(" & ");
}

/** The ids of the practices matching the words typed, best first; null when no word was typed. */
export async function searchPracticeIds(q: string): Promise<string[] | null> {
  if (engine === "postgresql") {
    const query = tsQuery(q);
    if (!query) return null;
    const rows = await prisma.$queryRaw<{ practiceId: string }[]>`
      SELECT "practiceId" FROM "PracticeSearch", to_tsquery('engages_search', ${query}) AS q
      WHERE "document" @@ q
      ORDER BY ts_rank("document", q) DESC LIMIT ${SEARCH_LIMIT}`;
    return rows.map((r) => r.practiceId);
  }
  const match = ftsQuery(q);
  if (!match) return null;
  const rows = await prisma.$queryRaw<{ practiceId: string }[]>`
    SELECT "practiceId" FROM "PracticeSearch" WHERE "PracticeSearch" MATCH ${match}
    ORDER BY rank LIMIT ${SEARCH_LIMIT}`;
  return rows.map((r) => r.practiceId);
}

/**
 * Gives their stems to the practices written before stemming (the practice_search_stems
 * migration cannot stem in SQL), a batch at a time; run at start and hourly. A raw update, so
 * that the practices' updatedAt stays theirs. Returns how many were stemmed.
 */
export async function backfillPracticeStems(batch = 200): Promise<number> {
  const rows = await prisma.practice.findMany({
    where: { searchStems: "" },
    select: { id: true, title: true, body: true },
    take: batch,
  });
  for (const row of rows) {
    const stems = stemsOf(row.title, row.body);
    await prisma.$executeRaw`UPDATE "Practice" SET "searchStems" = ${stems} WHERE "id" = ${row.id}`;
  }
  return rows.length;
}
