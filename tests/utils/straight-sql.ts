// Reads the test file's database on a connection of its own, beside the app's Prisma client: the
// figures tests check what the app shows against plain SQL. Write the SQL with quoted identifiers
// and `?` placeholders; it runs as is on SQLite and with $1, $2… on PostgreSQL, whose counts and
// sums come back as numbers, as SQLite's do.
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath, isPostgresUrl } from "../../app/utils/database-url.js";

const asNumber = (text: string) => Number(text);

export async function straightSql<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const url = process.env.DATABASE_URL!;
  if (isPostgresUrl(url)) {
    const client = new pg.Client({
      connectionString: url,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
            ? asNumber
            : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
      },
    });
    await client.connect();
    try {
      let n = 0;
      const result = await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return result.rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(databaseFilePath(url)!, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
