// Starts the built app for the journeys: a fresh database (migrations + demo data), production
// mode, e-mails to the test SMTP server that the tests' fixture runs. The database is the SQLite
// file E2E_DB, or the PostgreSQL database E2E_DATABASE_URL (`npm run test:e2e:pg`), dropped and
// created again.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseName, recreateDatabase } from "../../scripts/postgres-databases.mjs";

async function freshDatabaseUrl() {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const name = databaseName(url);
    if (!/^engages_[a-z0-9_]+$/.test(name)) throw new Error(`Base de test inattendue : ${name}`);
    return recreateDatabase(url);
  }
  // Same default as E2E_DB_PATH in ports.ts.
  const dbPath = path.resolve(process.env.E2E_DB ?? "tests/.tmp/e2e.db");
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(`${dbPath}${suffix}`, { force: true });
  return `file:${dbPath}`;
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: process.env.E2E_PORT ?? "3100",
  DATABASE_URL: await freshDatabaseUrl(),
  APP_URL: `http://localhost:${process.env.E2E_PORT ?? "3100"}`,
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? "2526"}`,
  SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long",
  SECURE_COOKIES: "false",
  DEMO_DATA: "true",
  // Journeys run the due jobs themselves (/admin/taches): a timer firing mid-run would send,
  // say, the week's digest before the journey that checks it has featured its practice. Only the
  // password resets, answered in the background by design, keep their timer.
  SCHEDULER_JOBS: "password-resets",
  // Journeys never call the real SIRENE register (decision 028); sirene.spec.ts runs its own.
  SIRENE_API_URL: "off",
};

execFileSync(process.execPath, ["scripts/prepare-db.mjs"], { stdio: "inherit", env });
const server = spawn(process.execPath, ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
