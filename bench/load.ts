// Load bench (`npm run bench:load`): the production build on a fresh SQLite database with the
// demo data and LOAD_COMPANIES more member companies, hit on loopback by autocannon with
// LOAD_CONNECTIONS (200) signed-in connections for LOAD_SECONDS (60 s), each one person of the
// mix of bench/load-mix.ts. Then every acknowledged write is looked up in the database. Prints throughput, latency
// percentiles, errors (failed connections, no answer within LOAD_TIMEOUT = 120 s, 4xx/5xx, a
// write not answered by its redirect) and lost writes; nothing here asserts a time. Exits 1 on
// any error or lost write. Needs `npm run build`.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { addMemberCompanies, prepareDatabase, startApp } from "../tests/utils/app-process";
import { checkWrites, mixReport, runMix, signInPeople } from "./load-mix";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const COMPANIES = Number(process.env.LOAD_COMPANIES ?? 140);
const PORT = Number(process.env.LOAD_PORT ?? 3755);
/** A request without an answer after this long counts as an error (a browser waits longer). */
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT ?? 120);
const RUN = `charge-${Date.now()}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engages-load-"));
const dbPath = path.join(dir, "load.db");
console.log(`Base temporaire : ${dbPath}`);
prepareDatabase({ dbPath, port: PORT });
const { clubId, companies } = addMemberCompanies(dbPath, "62", COMPANIES, RUN);

function readAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const meetingId = readAll<{ id: string; endsAt: string }>(
  `SELECT "id", "endsAt" FROM "Meeting" WHERE "clubId" = ? AND "cancelledAt" IS NULL ORDER BY "startsAt"`,
  clubId,
).find((m) => new Date(m.endsAt) > new Date())?.id;
if (!meetingId) throw new Error("Aucune réunion à venir dans les données de démonstration.");

const app = await startApp({ dbPath, port: PORT });

const world = { baseUrl: app.url, clubId, meetingId, companies, run: RUN };
const signInStarted = performance.now();
const { people, description } = await signInPeople(world, CONNECTIONS);
console.log(`Connexions : ${description}`);
console.log(
  `${people.length} sessions ouvertes en ${Math.round(performance.now() - signInStarted)} ms`,
);

const mix = await runMix(world, people, {
  connections: CONNECTIONS,
  seconds: SECONDS,
  timeoutS: TIMEOUT_S,
});
const writes = await checkWrites(world, mix, async (sql, ...params) => readAll(sql, ...params));

const output = app.output();
const lockedErrors = (output.match(/database is locked|SQLITE_BUSY/gi) ?? []).length;
await app.stop();
const integrity = readAll<{ integrity_check: string }>("PRAGMA integrity_check")[0].integrity_check;

const report = mixReport(mix, writes);
const lines = [
  `Charge : ${CONNECTIONS} connexions pendant ${SECONDS} s sur ${app.url} (${os.cpus().length} cœurs, partagés)`,
  ...report.lines,
  `« database is locked » dans le journal du serveur : ${lockedErrors}`,
  `Intégrité de la base après la charge : ${integrity}`,
];
console.log(`\n${lines.join("\n")}`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(writes.lost === 0 && report.unexpectedTotal === 0 && mix.result.errors === 0 ? 0 : 1);
