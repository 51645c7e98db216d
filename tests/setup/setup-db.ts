// A setupFile: runs in each test file's worker before the test file is imported. It gives the
// file its own copy of the template database (built by global-setup.ts) and points
// DATABASE_URL at it before anything imports ~/utils/db.server. On PostgreSQL
// (`npm run test:unit:pg`) the copy is a database cloned from the template (postgres.ts).

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { isPostgresUrl } from "../../app/utils/database-url.js";
import { cloneTemplate, dropDatabase } from "./postgres";

const tmpDir = fileURLToPath(new URL("../.tmp", import.meta.url));
const template = path.join(tmpDir, "template.db");
const poolId = process.env.VITEST_POOL_ID ?? "0";
// The URL the run was started with: a clone's URL replaces it in DATABASE_URL.
const serverUrl = process.env.ENGAGES_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "";
const onPostgres = isPostgresUrl(serverUrl);

let removeDatabase: () => Promise<void>;
if (onPostgres) {
  process.env.ENGAGES_TEST_SERVER_URL = serverUrl;
  const url = await cloneTemplate(serverUrl, poolId);
  process.env.DATABASE_URL = url;
  removeDatabase = () => dropDatabase(serverUrl, new URL(url).pathname.slice(1));
} else {
  const databaseFile = path.join(tmpDir, `${poolId}-${randomBytes(6).toString("hex")}.db`);
  if (!fs.existsSync(template)) {
    throw new Error(`La base modèle ${template} est absente : global-setup.ts n'a pas tourné.`);
  }
  fs.copyFileSync(template, databaseFile);
  process.env.DATABASE_URL = `file:${databaseFile}`;
  removeDatabase = async () => {
    for (const suffix of ["", "-journal", "-wal", "-shm"])
      fs.rmSync(databaseFile + suffix, { force: true });
  };
}
process.env.NODE_ENV = "test";
process.env.OUTBOX_WORKER = "false";
// No test calls the real SIRENE register (decision 028); tests/sirene.test.ts points at its own.
process.env.SIRENE_API_URL = "off";
process.env.SCHEDULER = "false";

type Remembered = { __remember_epic_web?: Map<string, unknown> };

afterAll(async () => {
  // The app's one Prisma client (db.server.ts keeps it with @epic-web/remember), if this file
  // used it: close it before removing the database, and forget it for any later file in this
  // process.
  const remembered = (globalThis as Remembered).__remember_epic_web;
  const client = remembered?.get("prisma") as { $disconnect(): Promise<void> } | undefined;
  if (client) {
    await client.$disconnect();
    remembered!.delete("prisma");
  }
  await removeDatabase();
});
