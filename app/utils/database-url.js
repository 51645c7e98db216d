// Plain JS so that prisma.config.ts, the server entry and the app share one rule.
import fs from "node:fs";
import path from "node:path";

/** The embedded default: a SQLite file under data/ when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/engages.db";

/** Returns the database URL to use; for SQLite, makes sure the folder of the file exists. */
export function resolveDatabaseUrl() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const filePath = databaseFilePath(url);
  if (filePath) fs.mkdirSync(path.dirname(filePath), { recursive: true });
  return url;
}

/** Whether a URL names a PostgreSQL database (the other engine is SQLite). */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The file path of a `file:` URL, resolved from the working directory. */
export function databaseFilePath(url) {
  if (!url.startsWith("file:")) return null;
  return path.resolve(url.slice("file:".length).split("?")[0]);
}
