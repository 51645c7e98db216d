// Runs once per `vitest run`: builds tests/.tmp/template.db, a migrated SQLite database with the
// reference data. Every test file then works on its own copy (tests/setup/setup-db.ts), which is
// much faster than migrating per file. The Prisma work runs in child processes so that this
// module graph never holds a database connection.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const TMP_DIR = path.join(root, "tests", ".tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function removeDatabase(file: string) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

export default function setup() {
  const started = Date.now();
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
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${building}`,
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

  try {
    run(bin("prisma"), ["migrate", "deploy"]);
    run(bin("tsx"), [path.join(root, "tests", "setup", "load-reference-data.ts")]);
    fs.renameSync(building, TEMPLATE_DB);
  } finally {
    removeDatabase(building);
  }

  if (process.env.VITEST_VERBOSE_SETUP) {
    console.log(`Base de test modèle prête en ${Date.now() - started} ms : ${TEMPLATE_DB}`);
  }
}
