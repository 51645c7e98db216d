// Read-only access to the journeys' database, to check what was (or was not) written.
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_DB_PATH } from "./ports";

function withDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.resolve(E2E_DB_PATH), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function dbRow<T>(sql: string, ...params: unknown[]): T {
  return withDb((db) => db.prepare(sql).get(...params) as T);
}

export function dbRows<T>(sql: string, ...params: unknown[]): T[] {
  return withDb((db) => db.prepare(sql).all(...params) as T[]);
}

/** The `n` column of a `SELECT COUNT(*) AS n …` query. */
export function dbCount(sql: string, ...params: unknown[]): number {
  return dbRow<{ n: number }>(sql, ...params).n;
}
