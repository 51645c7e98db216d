// Run before the server starts: applies the migrations to DATABASE_URL (or the embedded
// data/engages.db) — SQLite's or PostgreSQL's, prisma.config.ts picks them by the URL (decision
// 018) —, turns on WAL (SQLite only), and loads reference data and, on an empty database, demo
// data. A PostgreSQL database must exist (createdb); its migrations create the rest.
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { databaseFilePath, resolveDatabaseUrl } from "../app/utils/database-url.js";

const url = resolveDatabaseUrl();
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

execFileSync(bin("prisma"), ["migrate", "deploy"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, DATABASE_URL: url },
});

const file = databaseFilePath(url);
if (file) {
  // WAL lets readers work while one writer writes; the mode is stored in the file.
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
}

execFileSync(bin("tsx"), [new URL("../prisma/seed/index.ts", import.meta.url).pathname], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});

if (file) {
  // Planner statistics for the tables that grew (demo data, imports since the last start): the
  // figure summaries and covering indexes are only chosen well when SQLite knows their sizes.
  const db = new Database(file);
  db.pragma("optimize=0x10002");
  db.close();
}
