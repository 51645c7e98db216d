// Where the SQL of SQLite and PostgreSQL differ, the two forms side by side; raw queries take the
// engine's form from here instead of testing the engine themselves. The differences are listed in
// docs/decisions/018-postgresql-second-engine.md.

import { Prisma } from "~/generated/prisma/client";
import { engine } from "./db.server";

type SqlValue = string | number | boolean | Date | null;

type Dialect = {
  /** 'YYYY-MM' of a DateTime column, in UTC (the figure summaries' month). */
  monthKey(column: Prisma.Sql): Prisma.Sql;
  /** The month number (1 to 12) of a DateTime column, in UTC, as an integer. */
  monthNumber(column: Prisma.Sql): Prisma.Sql;
  /** The year of a DateTime column, in UTC, as an integer. */
  yearNumber(column: Prisma.Sql): Prisma.Sql;
  /** LIKE where ASCII letters match either case. */
  likeAnyCase: Prisma.Sql;
  /** A value bound in a raw INSERT, stored as Prisma stores it on the engine. */
  boundValue(value: SqlValue): SqlValue;
  /** A `contains` string filter that ignores case (SQLite's LIKE does for ASCII letters). */
  containsAnyCase(text: string): Prisma.StringFilter;
};

const dialects: Record<typeof engine, Dialect> = {
  sqlite: {
    // DateTimes are ISO 8601 text ("2026-03-15T00:00:00.000+00:00").
    monthKey: (column) => Prisma.sql`substr(${column}, 1, 7)`,
    monthNumber: (column) => Prisma.sql`CAST(strftime('%m', ${column}) AS INTEGER)`,
    yearNumber: (column) => Prisma.sql`CAST(substr(${column}, 1, 4) AS INTEGER)`,
    likeAnyCase: Prisma.sql`LIKE`,
    // Prisma's better-sqlite3 adapter stores DateTimes as ISO text and booleans as 0/1.
    boundValue: (value) => {
      if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
      if (typeof value === "boolean") return value ? 1 : 0;
      return value;
    },
    containsAnyCase: (text) => ({ contains: text }),
  },
  postgresql: {
    // DateTimes are `timestamp(3)` holding UTC.
    monthKey: (column) => Prisma.sql`to_char(${column}, 'YYYY-MM')`,
    monthNumber: (column) => Prisma.sql`CAST(EXTRACT(MONTH FROM ${column}) AS INTEGER)`,
    yearNumber: (column) => Prisma.sql`CAST(EXTRACT(YEAR FROM ${column}) AS INTEGER)`,
    likeAnyCase: Prisma.sql`ILIKE`,
    boundValue: (value) => value,
    // `mode` is PostgreSQL's only: the app is typed against the SQLite client.
    containsAnyCase: (text) => ({ contains: text, mode: "insensitive" }) as Prisma.StringFilter,
  },
};

/** The SQL forms of the engine in use. */
export const dialect = dialects[engine];
