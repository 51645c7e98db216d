import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "./db.server";
import { dialect } from "./sql-dialect.server";

// Multi-row INSERTs with bound parameters, for imports and reference data: Prisma's createMany
// goes through the JS query engine row by row (10,000 realisations: ~3.5 s; this: well under 1 s).
// Prisma.sql writes each engine's placeholders (? or $n); values are stored as Prisma stores them.

const MAX_PARAMETERS = 30_000; // SQLite's limit is 32,766 bound parameters per statement.
// better-sqlite3 runs each statement synchronously, with the figure triggers: a 2,000-row statement
// holds the event loop for a second under load. Shorter statements let the other requests (which
// read on their own connection, decision 023) take their turns during a long import.
const MAX_ROWS_PER_STATEMENT = 200;

type SqlValue = string | number | boolean | Date | null;

/** Inserts rows (objects with the given columns) into a table; returns how many were inserted. */
export async function insertRows<T extends Record<string, SqlValue>>(
  tx: Tx,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
) {
  const perStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)),
  );
  const into = Prisma.raw(`"${table}" (${columns.map((c) => `"${c}"`).join(", ")})`);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => dialect.boundValue(row[c])))})`);
    inserted += await tx.$executeRaw`INSERT INTO ${into} VALUES ${Prisma.join(values)}`;
  }
  return inserted;
}
