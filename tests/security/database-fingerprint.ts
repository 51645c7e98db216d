// A fingerprint of the whole database (every row of every table), to prove that a refused
// request wrote nothing, and of side B's rows, to prove that side A never reached them.
import { createHash } from "node:crypto";
import { prisma } from "~/utils/db.server";

/**
 * Tables a refused request may legitimately write: failed sign-ins are recorded (throttling),
 * sessions are created by the tests themselves, rate-limit hits are what throttling counts, and
 * the first reader of the public figures after a month ends stores them (decision 014).
 */
const BOOKKEEPING = new Set([
  "LoginAttempt",
  "Session",
  "RateLimitHit",
  "JobRun",
  "PublicFiguresSnapshot",
  "_prisma_migrations",
]);

/**
 * Ordinary tables only: the full-text index (the FTS5 table PracticeSearch and its shadow tables,
 * some without rowid) is kept in step with Practice by triggers, and Practice is fingerprinted.
 */
async function tableNames() {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return rows.map((r) => r.name).filter((name) => !BOOKKEEPING.has(name));
}

let tables: string[] | null = null;

/** Reference tables (the 35 000 communes) are checked by their count only, to stay fast. */
const LARGE_TABLE_ROWS = 2_000;
const largeTables = new Set<string>();

async function rowsOf(table: string): Promise<unknown[]> {
  if (!largeTables.has(table)) {
    const [{ n }] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "${table}"`,
    );
    if (Number(n) <= LARGE_TABLE_ROWS) {
      return prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}" ORDER BY rowid`);
    }
    largeTables.add(table);
  }
  return prisma.$queryRawUnsafe<unknown[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
}

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

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
    for (const row of await rowsOf(table)) {
      const text = json(row);
      all.update(text);
      if (ids.some((id) => text.includes(id))) mentioning.update(`${table}:${text}`);
    }
  }
  return { all: all.digest("hex"), mentioning: mentioning.digest("hex") };
}
