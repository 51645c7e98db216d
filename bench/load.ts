// Load bench (`npm run bench:load`): the production build on a fresh SQLite database with the
// demo data and LOAD_COMPANIES more member companies, hit on loopback by autocannon. First, with
// LOAD_DASHBOARD_CONNECTIONS (50) connections for LOAD_PHASE_SECONDS (10 s) each: GET /healthz
// (the floor: no session, no page), then one signed-in company's dashboard; both printed with
// their ratio, since the machine's other work moves absolute figures. Then the mix: LOAD_CONNECTIONS
// (200) signed-in connections for LOAD_SECONDS (60 s), each one person of the mix of
// bench/load-mix.ts, and every acknowledged write looked up in the database. Prints throughput
// (and its ratio to /healthz), latency percentiles, errors (failed connections, no answer within
// LOAD_TIMEOUT = 120 s, 4xx/5xx, a write not answered by its redirect) and lost writes; nothing
// here asserts a time. Exits 1 on any error or lost write. Needs `npm run build`. Each phase also
// prints the server's CPU time per request (Linux), steadier than req/s on a shared machine.
// LOAD_ONLY=dashboard skips the mix; LOAD_CPU_PROF=<dir> runs the server under `node --cpu-prof`
// and leaves its profile (.cpuprofile, for Chrome's DevTools) in that folder.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import {
  AppClient,
  addMemberCompanies,
  prepareDatabase,
  startApp,
} from "../tests/utils/app-process";
import { checkWrites, mixReport, runMix, signInPeople } from "./load-mix";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const COMPANIES = Number(process.env.LOAD_COMPANIES ?? 140);
const PORT = Number(process.env.LOAD_PORT ?? 3755);
/** A request without an answer after this long counts as an error (a browser waits longer). */
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT ?? 120);
const RUN = `charge-${Date.now()}`;
const DASHBOARD_CONNECTIONS = Number(process.env.LOAD_DASHBOARD_CONNECTIONS ?? 50);
const PHASE_SECONDS = Number(process.env.LOAD_PHASE_SECONDS ?? 10);
const CPU_PROF = process.env.LOAD_CPU_PROF;

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

const app = await startApp({
  dbPath,
  port: PORT,
  env: CPU_PROF
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROF)}` }
    : undefined,
});

/**
 * CPU time (ms) used so far by the server process, all its threads (Linux: /proc, in ticks of
 * 1/100 s): unlike req/s, CPU per request hardly moves with the other work of a shared machine.
 */
function serverCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/${app.child.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Waits until the server is idle (under 10 % of a core over half a second, 30 s at most): requests
 * that a phase's clients gave up on are still being served, and would be counted in the next one.
 */
async function serverIdle() {
  for (let i = 0; i < 60; i++) {
    const before = serverCpuMs();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (!(serverCpuMs() - before >= 50)) return;
  }
}

/** Requests per second of one GET at DASHBOARD_CONNECTIONS connections; any non-2xx is an error. */
async function throughputOf(pathname: string, cookie?: string) {
  await serverIdle();
  const cpuBefore = serverCpuMs();
  const result = await autocannon({
    url: app.url + pathname,
    connections: DASHBOARD_CONNECTIONS,
    duration: PHASE_SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const failed = result.errors + result.non2xx;
  return {
    perSecond: result.requests.total / result.duration,
    cpuPerRequest: (serverCpuMs() - cpuBefore) / result.requests.total,
    latency: result.latency,
    failed,
  };
}
const dashboardClient = await AppClient.signIn(app.url, companies[0].email);
const dashboardPath = `/entreprise/${companies[0].companyId}`;
// A short warm-up, so that neither phase pays the JIT's first compilations.
await throughputOf(dashboardPath, dashboardClient.cookieHeader);
const healthz = await throughputOf("/healthz");
// The floor of a page: the sign-in page reads no data and no session, but renders the root
// layout through Remix and React like every page; no page of the app can be served faster.
const lightest = await throughputOf("/login");
// The same floor for a signed-in person: a static page, with the session, the user and the
// navigation that every signed-in page reads.
const signedInLightest = await throughputOf("/accessibilite", dashboardClient.cookieHeader);
const dashboard = await throughputOf(dashboardPath, dashboardClient.cookieHeader);
const phaseLine = (name: string, t: typeof healthz) =>
  `${name} : ${t.perSecond.toFixed(0)} req/s (${(t.perSecond / healthz.perSecond).toFixed(2)} × /healthz), CPU du serveur ${t.cpuPerRequest.toFixed(2)} ms par requête (${(t.cpuPerRequest / healthz.cpuPerRequest).toFixed(1)} × /healthz), p50 ${t.latency.p50} ms · p97.5 ${t.latency.p97_5} ms, ${t.failed} erreurs`;
const phaseLines = [
  `${DASHBOARD_CONNECTIONS} connexions pendant ${PHASE_SECONDS} s chacune :`,
  phaseLine("  GET /healthz", healthz),
  phaseLine("  GET /login (page la plus légère : ni données ni session)", lightest),
  phaseLine("  GET /accessibilite connecté (page statique, session lue)", signedInLightest),
  phaseLine("  tableau de bord d'une entreprise (connectée)", dashboard),
];
console.log(phaseLines.join("\n"));
if (process.env.LOAD_ONLY === "dashboard") {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(healthz.failed + lightest.failed + signedInLightest.failed + dashboard.failed === 0 ? 0 : 1);
}

const world = { baseUrl: app.url, clubId, meetingId, companies, run: RUN };
const signInStarted = performance.now();
const { people, description } = await signInPeople(world, CONNECTIONS);
console.log(`Connexions : ${description}`);
console.log(
  `${people.length} sessions ouvertes en ${Math.round(performance.now() - signInStarted)} ms`,
);

await serverIdle();
const mixCpuBefore = serverCpuMs();
const mix = await runMix(world, people, {
  connections: CONNECTIONS,
  seconds: SECONDS,
  timeoutS: TIMEOUT_S,
});
const mixCpuPerRequest = (serverCpuMs() - mixCpuBefore) / mix.result.requests.total;
const writes = await checkWrites(world, mix, async (sql, ...params) => readAll(sql, ...params));

const output = app.output();
const lockedErrors = (output.match(/database is locked|SQLITE_BUSY/gi) ?? []).length;
await app.stop();
const integrity = readAll<{ integrity_check: string }>("PRAGMA integrity_check")[0].integrity_check;

const report = mixReport(mix, writes);
const mixPerSecond = mix.result.requests.total / mix.result.duration;
const lines = [
  ...phaseLines,
  `Charge : ${CONNECTIONS} connexions pendant ${SECONDS} s sur ${app.url} (${os.cpus().length} cœurs, partagés)`,
  ...report.lines,
  `Mélange : ${mixPerSecond.toFixed(0)} req/s, ${(mixPerSecond / healthz.perSecond).toFixed(2)} × /healthz ; CPU du serveur ${mixCpuPerRequest.toFixed(2)} ms par requête (${(mixCpuPerRequest / healthz.cpuPerRequest).toFixed(1)} × /healthz)`,
  `« database is locked » dans le journal du serveur : ${lockedErrors}`,
  `Intégrité de la base après la charge : ${integrity}`,
];
console.log(`\n${lines.join("\n")}`);
fs.rmSync(dir, { recursive: true, force: true });
const phasesFailed = healthz.failed + lightest.failed + signedInLightest.failed + dashboard.failed;
process.exit(
  writes.lost === 0 && report.unexpectedTotal === 0 && mix.result.errors === 0 && phasesFailed === 0
    ? 0
    : 1,
);
