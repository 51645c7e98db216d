// Online backup of the database, safe while the app runs and writes: `npm run db:backup --
// [destination]`. SQLite: its backup API (through better-sqlite3), by default
// backups/engages-<date>.db, a consistent snapshot, checked, in one file. PostgreSQL: pg_dump
// (scripts/postgres-backup.mjs), by default backups/engages-<date>.dump.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, isPostgresUrl, resolveDatabaseUrl } from "../app/utils/database-url.js";
import { backupPostgres } from "./postgres-backup.mjs";

if (isPostgresUrl(resolveDatabaseUrl())) {
  backupPostgres(resolveDatabaseUrl(), process.argv[2]);
  process.exit(0);
}
const source = databaseFilePath(resolveDatabaseUrl());
if (!source || !fs.existsSync(source)) {
  console.error(`Base de données introuvable : ${source ?? process.env.DATABASE_URL}`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const destination = path.resolve(process.argv[2] ?? `backups/engages-${stamp}.db`);
if (fs.existsSync(destination)) {
  console.error(`${destination} existe déjà : choisissez un autre nom.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(destination), { recursive: true });
const partial = `${destination}.partiel`;
fs.rmSync(partial, { force: true });

const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
try {
  // After the first step, everything that is left in one step: each step reads one snapshot
  // (WAL: the app keeps writing meanwhile), and SQLite restarts the copy when the app wrote
  // between two steps, so few large steps finish even under a steady stream of writes.
  await db.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
} finally {
  db.close();
}

const copy = new Database(partial);
let integrity;
let pages;
try {
  // A self-contained file (no -wal beside it); `npm start` turns WAL back on after a restore.
  copy.pragma("journal_mode = DELETE");
  integrity = copy.pragma("integrity_check", { simple: true });
  pages = copy.pragma("page_count", { simple: true });
} finally {
  copy.close();
}
if (integrity !== "ok") {
  fs.rmSync(partial, { force: true });
  console.error(`La copie n'est pas intègre (${integrity}) : recommencez.`);
  process.exit(1);
}
fs.renameSync(partial, destination);
const megabytes = (fs.statSync(destination).size / 1024 / 1024).toFixed(1);
console.log(`Sauvegarde écrite : ${destination} (${megabytes} Mo, ${pages} pages, intégrité ok).`);
