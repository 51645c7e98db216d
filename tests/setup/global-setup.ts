// Runs once per `vitest run`: builds tests/.tmp/template.db, a migrated SQLite database with the
// reference data (or, when DATABASE_URL is a PostgreSQL URL, a template database: postgres.ts).
// Every test file then works on its own copy (tests/setup/setup-db.ts), which is much faster than
// migrating per file. The Prisma work runs in child processes so that this
// module graph never holds a database connection.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { isPostgresUrl } from "../../app/utils/database-url.js";
import { databaseUrl, dropIdleClones, onServer, templateName } from "./postgres";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const TMP_DIR = path.join(root, "tests", ".tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function removeDatabase(file: string) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** Migrates a database and loads the reference data, in child processes. */
function migrateAndLoad(databaseUrl: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "test",
    OUTBOX_WORKER: "false",
  };
  const run = (command: string, args: string[]) => {
    try {
      execFileSync(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(
        `La préparation de la base de test a échoué (${path.basename(command)} ${args.join(" ")}) :\n` +
          `${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? e.message}`,
      );
    }
  };
  run(bin("prisma"), ["migrate", "deploy"]);
  run(bin("tsx"), [path.join(root, "tests", "setup", "load-reference-data.ts")]);
}

/** PostgreSQL (DATABASE_URL=postgresql://…/engages_test): the template is a database. */
async function setupPostgres(url: string) {
  await dropIdleClones(url);
  const template = templateName(url);
  const building = `${template}_${process.pid}`;
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${building}"`);
    await client.query(`CREATE DATABASE "${building}"`);
  });
  try {
    migrateAndLoad(databaseUrl(url, building));
    await onServer(url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    });
  } finally {
    await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${building}"`));
  }
  // Teardown: the clones of this run are closed by now.
  return () => dropIdleClones(url);
}

export default async function setup() {
  const started = Date.now();
  const url = process.env.DATABASE_URL ?? "";
  if (isPostgresUrl(url)) {
    const teardown = await setupPostgres(url);
    if (process.env.VITEST_VERBOSE_SETUP) {
      console.log(`Base de test modèle PostgreSQL prête en ${Date.now() - started} ms`);
    }
    return teardown;
  }
  fs.mkdirSync(TMP_DIR, { recursive: true });
  // Leftovers of interrupted runs (per-file copies older than an hour: a run going on in
  // parallel keeps its own).
  const anHourAgo = Date.now() - 60 * 60_000;
  for (const name of fs.readdirSync(TMP_DIR)) {
    const file = path.join(TMP_DIR, name);
    const perFileCopy = /^\d+-[0-9a-f]{12}\.db(-journal|-wal|-shm)?$/.test(name);
    if (perFileCopy && fs.statSync(file).mtimeMs < anHourAgo) {
      fs.rmSync(file, { force: true });
    }
  }

  // Built under a private name, then renamed in one step: a parallel run never copies a
  // half-built template.
  const building = path.join(TMP_DIR, `template-${process.pid}.building.db`);
  removeDatabase(building);
  try {
    migrateAndLoad(`file:${building}`);
    // WAL, as scripts/prepare-db.mjs sets for the app (the mode is stored in the file, and the
    // plain reads' own connection needs it: decision 023).
    const db = new Database(building);
    db.pragma("journal_mode = WAL");
    db.close();
    fs.renameSync(building, TEMPLATE_DB);
  } finally {
    removeDatabase(building);
  }

  if (process.env.VITEST_VERBOSE_SETUP) {
    console.log(`Base de test modèle prête en ${Date.now() - started} ms : ${TEMPLATE_DB}`);
  }
}
