// Copies a whole Engagés SQLite database into a freshly migrated PostgreSQL one, table by table
// with COPY (pg-copy-streams): how `npm run seed:scale` fills PostgreSQL (issue 13, point 5) from
// the one generator, which writes SQLite. Triggers and foreign keys are off during the copy
// (session_replication_role = replica, a superuser setting): the figure summaries are copied as
// the generator computed them, and the practices' search documents, which only PostgreSQL keeps
// (a trigger), are rebuilt afterwards by touching each practice.

import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

type Column = { name: string; type: string };

/** One value in COPY's text format. */
function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type === "boolean") return value ? "t" : "f";
  if (type === "bytea") return `\\\\x${Buffer.from(value as Buffer).toString("hex")}`;
  if (type.startsWith("timestamp") && typeof value === "number")
    return new Date(value).toISOString();
  return String(value).replace(/[\\\n\r\t]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t",
  );
}

export async function copySqliteToPostgres(
  file: string,
  url: string,
  log: (message: string) => void,
) {
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pgColumns = new Map<string, Column[]>();
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    for (const r of rows) {
      const list = pgColumns.get(r.table_name) ?? [];
      list.push({ name: r.column_name, type: r.data_type.replace(" without time zone", "") });
      pgColumns.set(r.table_name, list);
    }
    const tables = (
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => t !== "_prisma_migrations" && pgColumns.has(t));

    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const everyTable = [...pgColumns.keys()].filter((t) => t !== "_prisma_migrations");
    await client.query(`TRUNCATE ${everyTable.map((t) => `"${t}"`).join(", ")} CASCADE`);
    for (const table of tables) {
      const sqliteNames = new Set(
        (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
      );
      const columns = pgColumns.get(table)!.filter((c) => sqliteNames.has(c.name));
      const started = performance.now();
      const select = sqlite.prepare(
        `SELECT ${columns.map((c) => `"${c.name}"`).join(", ")} FROM "${table}"`,
      );
      select.raw(true);
      let count = 0;
      async function* lines() {
        let chunk = "";
        for (const row of select.iterate() as Iterable<unknown[]>) {
          chunk += `${row.map((v, i) => copyValue(v, columns[i].type)).join("\t")}\n`;
          count++;
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = "";
          }
        }
        if (chunk) yield chunk;
      }
      const target = client.query(
        copyFrom(`COPY "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) FROM STDIN`),
      );
      await pipeline(Readable.from(lines()), target);
      if (count > 10_000)
        log(`${table} : ${count} lignes en ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query("COMMIT");
    // With triggers back: each practice's search document, as an edit would write it.
    await client.query(`UPDATE "Practice" SET "title" = "title"`);
    // Statistics for the planner, and the visibility map that lets index-only scans skip the
    // table (a freshly copied table has none until autovacuum passes).
    await client.query("VACUUM ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
}
