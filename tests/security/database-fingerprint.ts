// A fingerprint of the whole database (every row of every table), to prove that a refused
// request wrote nothing, and of side B's rows, to prove that side A never reached them.
import { createHash } from "node:crypto";
import { engine, prisma } from "~/utils/db.server";

/**
 * Tables a refused request may legitimately write: failed sign-ins are recorded (throttling),
 * sessions are created by the tests themselves, rate-limit hits are what throttling counts, and
 * the first reader of the public figures after a month ends stores them (decision 014), and a
 * SIRENE search stores the register's answer, or marks it pending, in its cache (decision 028).
 */
const BOOKKEEPING = new Set([
  "LoginAttempt",
  "Session",
  "RateLimitHit",
  "JobRun",
  "PublicFiguresSnapshot",
  "SireneLookup",
  "_prisma_migrations",
]);

/**
 * Ordinary tables only: the full-text index (PracticeSearch: on SQLite the FTS5 table and its
 * shadow tables, some without rowid; on PostgreSQL a tsvector table) is kept in step with Practice
 * by triggers, and Practice is fingerprinted.
 */
async function tableNames() {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    engine === "postgresql"
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'PracticeSearch' ORDER BY name"
      : "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return rows.map((r) => r.name).filter((name) => !BOOKKEEPING.has(name));
}

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

let tables: string[] | null = null;

/** Reference tables (the 35 000 communes) are checked by their count only, to stay fast. */
const LARGE_TABLE_ROWS = 2_000;
const largeTables = new Set<string>();

/** The rows of a table as JSON texts, in an order of their own. */
async function rowsOf(table: string): Promise<string[]> {
  if (!largeTables.has(table)) {
    const [{ n }] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "${table}"`,
    );
    if (Number(n) <= LARGE_TABLE_ROWS) {
      // Sorted here: PostgreSQL has no stable row order (an update moves a row).
      const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`);
      return rows.map(json).sort();
    }
    largeTables.add(table);
  }
  return [json(await prisma.$queryRawUnsafe<unknown[]>(`SELECT COUNT(*) AS n FROM "${table}"`))];
}

export type Fingerprint = { all: string; mentioning: string };

/**
 * In one pass: a hash of every row of every table (bookkeeping tables aside), and a hash of the
 * rows that mention any of `ids` (another scope's data).
 */
export async function databaseFingerprint(ids: string[]): Promise<Fingerprint> {
  tables ??= await tableNames();
  const all = createHash("sha256");
  const mentioning = createHash("sha256");
  for (const table of tables) {
    all.update(table);
    for (const text of await rowsOf(table)) {
      all.update(text);
      if (ids.some((id) => text.includes(id))) mentioning.update(`${table}:${text}`);
    }
  }
  return { all: all.digest("hex"), mentioning: mentioning.digest("hex") };
}
