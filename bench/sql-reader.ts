// Reads rows from the app's database, SQLite file or PostgreSQL, for the benches' checks; SQL
// with `?` placeholders (turned into $1, $2… for PostgreSQL).
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath } from "../app/utils/database-url.js";

export type SqlReader = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;

/** A reader of the database of `url` (`file:…` or `postgresql://…`). */
export function readerFor(url: string): SqlReader {
  const file = databaseFilePath(url);
  if (file) {
    return async <T>(sql: string, ...params: unknown[]) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    };
  }
  return async <T>(sql: string, ...params: unknown[]) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    } finally {
      await client.end();
    }
  };
}
