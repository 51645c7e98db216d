// Full-text search of the practices, one form per engine: SQLite's FTS5 table and PostgreSQL's
// tsvector table, both named PracticeSearch and kept in step with Practice by triggers (the
// practice_feed and practice_search migrations). Both ignore case and accents, do not stem, and
// take each word typed as a required prefix.

import { engine, prisma } from "~/utils/db.server";

const SEARCH_LIMIT = 500;
const MAX_WORDS = 12;

/** The words of what a person typed: letters and digits only, so no query syntax gets through. */
function wordsOf(input: string) {
  return input.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
}

/**
 * The FTS5 query of what a person typed: each word a quoted prefix term, all required. Quotes
 * make every character literal, so no FTS syntax (NEAR, OR, column filters…) can be injected.
 */
export function ftsQuery(input: string): string | null {
  const words = wordsOf(input);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(" ");
}

/** The tsquery text of what a person typed: each word a prefix (`:*`), all required (`&`). */
export function tsQuery(input: string): string | null {
  const words = wordsOf(input);
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(" & ");
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
