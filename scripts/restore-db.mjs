// Restores a backup made by `npm run db:backup` as the database of DATABASE_URL:
// `npm run db:restore -- <backup>`. Stop the app first; start it again afterwards (`npm start`
// applies the migrations newer than the backup). The current database is kept aside, not deleted.
// On PostgreSQL, a pg_dump file restored into a fresh database (scripts/postgres-backup.mjs).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, isPostgresUrl, resolveDatabaseUrl } from "../app/utils/database-url.js";
import { restorePostgres } from "./postgres-backup.mjs";

const backup = process.argv[2] && path.resolve(process.argv[2]);
if (!backup || !fs.existsSync(backup)) {
  console.error("Usage : npm run db:restore -- <fichier de sauvegarde>");
  process.exit(2);
}
if (isPostgresUrl(resolveDatabaseUrl())) {
  await restorePostgres(resolveDatabaseUrl(), backup);
  process.exit(0);
}
const target = databaseFilePath(resolveDatabaseUrl());
if (!target) {
  console.error("DATABASE_URL doit désigner un fichier SQLite (file:…) ou une base PostgreSQL.");
  process.exit(2);
}

// The backup is checked before anything is touched.
let problem = null;
try {
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma("integrity_check", { simple: true });
    const migrations = check
      .prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = '_prisma_migrations'`)
      .get().n;
    if (integrity !== "ok") problem = `intégrité : ${integrity}`;
    else if (migrations === 0) problem = "ce n'est pas une base d'Engagés";
  } finally {
    check.close();
  }
} catch (error) {
  problem = error instanceof Error ? error.message : String(error);
}
if (problem) {
  console.error(`Sauvegarde refusée (${problem}) : rien n'a été modifié.`);
  process.exit(1);
}

// The current file and its WAL go aside together: a WAL left beside the restored file would be
// replayed into it and corrupt it.
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
if (fs.existsSync(target)) {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(target + suffix))
      fs.renameSync(target + suffix, `${target}.avant-restauration-${stamp}${suffix}`);
  }
  console.log(`Base actuelle mise de côté : ${target}.avant-restauration-${stamp}`);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(backup, `${target}.restauration`);
fs.renameSync(`${target}.restauration`, target);
console.log(`Sauvegarde restaurée dans ${target}. Démarrez l'application : npm start`);
