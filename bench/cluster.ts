// Several instances bench (`npm run bench:cluster`, issue 13 point 4, decision 022). In one run,
// the load mix of bench/load-mix.ts (CLUSTER_CONNECTIONS = 200 connections, CLUSTER_SECONDS = 60 s
// each) against:
//   1. SQLite, one process;            2. SQLite, a cluster of 2 processes (WEB_CONCURRENCY=2);
//   3–5. PostgreSQL, 1, 2 and 3 instances behind HAProxy (Debian's package, as a deployment);
//   6. the fault run: 3 instances on PostgreSQL behind HAProxy, one SIGKILLed at 20 s and started
//      again at 40 s, with a real SMTP server receiving the e-mails and the scheduled jobs asked
//      to run on every instance at once at 10 s.
// Then: every acknowledged write in the database; every e-mail sent at most once and none left
// behind (a message being sent at the kill is set aside for review, decision 011); each job run
// once; the errors counted, split between those around the kill and the others. Prints figures,
// asserts no time. CLUSTER_ONLY=panne makes the fault run alone. Needs `npm run build`,
// PostgreSQL (PG_BENCH_SERVER, default postgresql://postgres@127.0.0.1:5432) and haproxy
// (`apt-get install haproxy`).

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabasesStartingWith, recreateDatabase } from "../scripts/postgres-databases.mjs";
import {
  AppClient,
  addMemberCompanies,
  databaseUrlOf,
  prepareDatabase,
  startApp,
  type AppProcess,
} from "../tests/utils/app-process";
import { startTestSmtpServer, type TestMailbox } from "../tests/utils/smtp-server";
import {
  checkWrites,
  mixReport,
  percentile,
  runMix,
  signInPeople,
  type MixResult,
  type World,
} from "./load-mix";
import { readerFor, type SqlReader } from "./sql-reader";

const CONNECTIONS = Number(process.env.CLUSTER_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.CLUSTER_SECONDS ?? 60);
const COMPANIES = Number(process.env.CLUSTER_COMPANIES ?? 140);
const TIMEOUT_S = 120;
/** The PostgreSQL server, without a database: the bench creates and drops its own. */
const PG_SERVER = process.env.PG_BENCH_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const BASE_PORT = Number(process.env.CLUSTER_PORT ?? 3850);
/** CLUSTER_ONLY=sqlite,postgresql,panne (all by default): which of the runs to make. */
const ONLY = process.env.CLUSTER_ONLY?.split(",").filter(Boolean);
const wanted = (run: "sqlite" | "postgresql" | "panne") => !ONLY || ONLY.includes(run);
const LB_PORT = BASE_PORT;
const instancePort = (i: number) => BASE_PORT + 1 + i;
const KILL_AT_S = SECONDS / 3;
const RESTART_AT_S = (2 * SECONDS) / 3;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engages-cluster-"));
const sqliteTemplate = path.join(dir, "template.db");
const pgTemplate = "engages_bench_template";
const pgUrl = (db: string) => `${PG_SERVER}/${db}`;

/** The demo club of the Pas-de-Calais and its next meeting. */
async function demoClub(read: SqlReader) {
  const [club] = await read<{ id: string }>(
    `SELECT "id" FROM "Club" WHERE "departementCode" = '62' ORDER BY "createdAt" LIMIT 1`,
  );
  const meetings = await read<{ id: string; endsAt: string | Date }>(
    `SELECT "id", "endsAt" FROM "Meeting" WHERE "clubId" = ? AND "cancelledAt" IS NULL ORDER BY "startsAt"`,
    club.id,
  );
  const meeting = meetings.find((m) => new Date(m.endsAt) > new Date());
  if (!meeting) throw new Error("Aucune réunion à venir dans les données de démonstration.");
  return { clubId: club.id, meetingId: meeting.id };
}

// ---------------------------------------------------------------- HAProxy

type Balancer = { url: string; stop: () => Promise<void> };

async function startBalancer(instances: number): Promise<Balancer> {
  const config = path.join(dir, `haproxy-${instances}.cfg`);
  const servers = Array.from(
    { length: instances },
    (_, i) => `  server app${i + 1} 127.0.0.1:${instancePort(i)} check`,
  );
  fs.writeFileSync(
    config,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      `  timeout client ${TIMEOUT_S + 30}s`,
      `  timeout server ${TIMEOUT_S + 30}s`,
      // A connection refused (an instance just killed) is tried again on another instance; a
      // request already sent is never sent twice.
      "  retries 2",
      "  option redispatch",
      "frontend engages",
      `  bind 127.0.0.1:${LB_PORT}`,
      "  default_backend app",
      "backend app",
      "  balance roundrobin",
      "  option httpchk GET /readyz",
      "  http-check expect status 200",
      // Under load /readyz waits its turn for a database connection like any request: give the
      // check time, and three misses before an instance is taken out.
      "  timeout check 10s",
      "  default-server inter 2s fall 3 rise 2",
      ...servers,
      "",
    ].join("\n"),
  );
  const child = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${LB_PORT}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`HAProxy s'est arrêté :\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`HAProxy ne répond pas :\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

// ---------------------------------------------------------------- scenarios

type Figures = { name: string; mix: MixResult; lost: number; errors: number };
const figures: Figures[] = [];

async function measure(name: string, world: World, read: SqlReader, during?: () => Promise<void>) {
  const { people } = await signInPeople(world, CONNECTIONS);
  console.log(`\n— ${name} : ${people.length} connexions pendant ${SECONDS} s`);
  const [mix] = await Promise.all([
    runMix(world, people, { connections: CONNECTIONS, seconds: SECONDS, timeoutS: TIMEOUT_S }),
    during?.(),
  ]);
  const writes = await checkWrites(world, mix, read);
  const report = mixReport(mix, writes);
  console.log(report.lines.join("\n"));
  figures.push({
    name,
    mix,
    lost: writes.lost,
    // Every failed request and unexpected answer, once (connection errors and timeouts included).
    errors: report.unexpectedTotal,
  });
  return { mix, writes, report };
}

async function sqliteDatabase(name: string) {
  const dbPath = path.join(dir, `${name}.db`);
  fs.copyFileSync(sqliteTemplate, dbPath);
  return dbPath;
}

async function pgDatabase(name: string) {
  return recreateDatabase(pgUrl(name), { template: pgTemplate });
}

const appEnv = { SCHEDULER: "false" };

async function sqliteRun(processes: number) {
  const dbPath = await sqliteDatabase(`sqlite-${processes}`);
  const read = readerFor(databaseUrlOf(dbPath));
  const app = await startApp({
    dbPath,
    port: instancePort(0),
    env: { ...appEnv, WEB_CONCURRENCY: String(processes) },
  });
  try {
    const world = { baseUrl: app.url, ...(await demoClub(read)), companies, run: RUN };
    await measure(`SQLite, ${processes} processus`, world, read);
  } finally {
    await app.stop();
  }
}

async function startInstances(url: string, count: number, env: Record<string, string>) {
  const apps: AppProcess[] = [];
  for (let i = 0; i < count; i++) {
    apps.push(
      await startApp({
        dbPath: url,
        port: instancePort(i),
        env: { APP_URL: `http://127.0.0.1:${LB_PORT}`, DATABASE_POOL_SIZE: "10", ...env },
        smtpUrl: env.SMTP_URL,
      }),
    );
  }
  return apps;
}

async function pgRun(instances: number) {
  const url = await pgDatabase(`engages_bench_${instances}`);
  const read = readerFor(url);
  const apps = await startInstances(url, instances, appEnv);
  const balancer = await startBalancer(instances);
  try {
    const world = { baseUrl: balancer.url, ...(await demoClub(read)), companies, run: RUN };
    await measure(`PostgreSQL, ${instances} instance(s) derrière HAProxy`, world, read);
  } finally {
    await balancer.stop();
    await Promise.all(apps.map((a) => a.stop()));
  }
}

async function faultRun() {
  const url = await pgDatabase("engages_bench_fault");
  const read = readerFor(url);
  const smtp: TestMailbox = await startTestSmtpServer(0);
  const env = { SMTP_URL: smtp.url, SCHEDULER: "true" };
  const apps = await startInstances(url, 3, env);
  const balancer = await startBalancer(3);
  const events: string[] = [];
  const since = performance.now();
  const at = (s: number) =>
    new Promise((r) => setTimeout(r, s * 1000 - (performance.now() - since)));
  let jobRuns = 0;
  let killedAt = 0;
  try {
    const world = { baseUrl: balancer.url, ...(await demoClub(read)), companies, run: RUN };
    const admin = await AppClient.signIn(balancer.url, "admin@demo.test");
    const during = async () => {
      // Every instance asked to run the scheduled jobs at the same moment.
      await at(SECONDS / 6);
      const answers = await Promise.all(
        apps.map((app) => {
          const client = new AppClient(app.url);
          for (const [k, v] of admin.cookies) client.cookies.set(k, v);
          return client.postForm("/admin/taches", {});
        }),
      );
      jobRuns = answers.filter((r) => r.status < 400).length;
      events.push(`${(SECONDS / 6).toFixed(0)} s : tâches planifiées lancées sur les 3 instances`);
      await at(KILL_AT_S);
      killedAt = performance.now();
      await apps[1].kill();
      events.push(`${KILL_AT_S.toFixed(0)} s : instance 2 tuée (SIGKILL)`);
      await at(RESTART_AT_S);
      apps[1] = await startApp({
        dbPath: url,
        port: instancePort(1),
        env: { APP_URL: `http://127.0.0.1:${LB_PORT}`, DATABASE_POOL_SIZE: "10", ...env },
        smtpUrl: smtp.url,
      });
      events.push(`${RESTART_AT_S.toFixed(0)} s : instance 2 relancée`);
    };
    const { mix } = await measure(
      "Panne : 3 instances PostgreSQL, l'une tuée puis relancée",
      world,
      read,
      during,
    );
    console.log(events.map((e) => `  ${e}`).join("\n"));

    // Errors: those within 5 s after the kill are the requests the killed instance had in flight
    // (on the load's clock, which starts once everyone is signed in).
    const killMs = killedAt - mix.startedAt;
    const aroundKill = mix.errorTimes.filter((t) => t >= killMs - 500 && t < killMs + 5_000).length;
    console.log(
      `Erreurs autour de la panne (requêtes en cours sur l'instance tuée) : ${aroundKill} ; ailleurs : ${mix.errorTimes.length - aroundKill}`,
    );

    // E-mails: wait until none is waiting or being sent (a claim of the dead instance is set
    // aside once its heartbeat is 30 s old).
    type Row = { id: string; status: string; lastError: string | null };
    const outbox = () => read<Row>(`SELECT "id", "status", "lastError" FROM "EmailOutbox"`);
    const deadline = Date.now() + 120_000;
    let rows = await outbox();
    while (
      rows.some((r) => r.status === "PENDING" || r.status === "SENDING") &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 1_000));
      rows = await outbox();
    }
    const received = new Map<string, number>();
    for (const m of smtp.messages) {
      const id = /^<?([^@>]+)@engages>?$/.exec(m.parsed.messageId ?? "")?.[1];
      if (id) received.set(id, (received.get(id) ?? 0) + 1);
    }
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    const twice = rows.filter((r) => (received.get(r.id) ?? 0) > 1).length;
    const sentNotReceived = rows.filter((r) => r.status === "SENT" && !received.get(r.id)).length;
    const interrupted = rows.filter(
      (r) => r.status === "FAILED" && /interrompu/.test(r.lastError ?? ""),
    );
    console.log(
      `E-mails : ${rows.length} dans la boîte d'envoi — envoyés ${count("SENT")}, en attente ${count("PENDING")}, en cours ${count("SENDING")}, mis de côté ${count("FAILED")} (dont interrompus par la panne ${interrupted.length}, reçus ${interrupted.filter((r) => received.get(r.id)).length})`,
    );
    console.log(
      `E-mails reçus deux fois : ${twice} ; envoyés mais pas reçus : ${sentNotReceived} ; perdus (restés en attente) : ${count("PENDING") + count("SENDING")}`,
    );
    const jobs = await read<{ key: string; finishedAt: Date | string | null }>(
      `SELECT "key", "finishedAt" FROM "JobRun" ORDER BY "key"`,
    );
    const digests = await read<{ to: string; n: number | string }>(
      `SELECT "to", COUNT(*) AS n FROM "EmailOutbox" WHERE "template" IN ('practice-digest', 'practice-appreciated') GROUP BY "to", "template" HAVING COUNT(*) > 1`,
    );
    console.log(
      `Tâches planifiées : demandées sur ${jobRuns} instances ; ${jobs.length} exécutions par période en base (${jobs.map((j) => j.key).join(", ") || "aucune"}), ${jobs.filter((j) => !j.finishedAt).length} inachevée(s) ; destinataires d'un même récapitulatif en double : ${digests.length}`,
    );
    const instances = await read<{ seenAt: Date | string }>(`SELECT "seenAt" FROM "AppInstance"`);
    const alive = instances.filter((i) => Date.now() - new Date(i.seenAt).getTime() < 30_000);
    console.log(
      `Instances à la fin : ${alive.length} vivantes, ${instances.length - alive.length} tuée(s) sans s'être désinscrite(s)`,
    );
    return twice + sentNotReceived + count("PENDING") + count("SENDING") + digests.length;
  } finally {
    await balancer.stop();
    await Promise.all(apps.map((a) => a.stop()));
    await smtp.stop();
  }
}

// ---------------------------------------------------------------- the run

const RUN = `grappe-${Date.now()}`;
console.log(`Dossier temporaire : ${dir}`);
prepareDatabase({ dbPath: sqliteTemplate, port: instancePort(0) });
const { companies } = addMemberCompanies(sqliteTemplate, "62", COMPANIES, RUN);
// The same world on PostgreSQL: demo data and the same number of added companies (same e-mail
// prefix, so the same sign-ins).
await recreateDatabase(pgUrl(pgTemplate));
prepareDatabase({ dbPath: pgUrl(pgTemplate), port: instancePort(0) });
const pgCompanies = addMemberCompanies(pgUrl(pgTemplate), "62", COMPANIES, RUN).companies;
// The mix signs in by e-mail; the PostgreSQL ids differ, so the runs there use their own list.
const sqliteCompanies = companies;

if (wanted("sqlite")) {
  await sqliteRun(1);
  await sqliteRun(2);
}
companies.splice(0, companies.length, ...pgCompanies);
if (wanted("postgresql")) for (const n of [1, 2, 3]) await pgRun(n);
const emailProblems = wanted("panne") ? await faultRun() : 0;
companies.splice(0, companies.length, ...sqliteCompanies);

console.log(
  `\nRésumé (${CONNECTIONS} connexions, ${SECONDS} s chacun, ${os.cpus().length} cœurs partagés par tout) :`,
);
console.log("| configuration | req/s | p50 ms | p95 ms | p99 ms | erreurs | écritures perdues |");
console.log("| --- | --: | --: | --: | --: | --: | --: |");
for (const f of figures) {
  const l = f.mix.latencies;
  console.log(
    `| ${f.name} | ${f.mix.result.requests.average.toFixed(0)} | ${percentile(l, 50)} | ${percentile(l, 95)} | ${percentile(l, 99)} | ${f.errors} | ${f.lost} |`,
  );
}
await dropDatabasesStartingWith(pgUrl(pgTemplate), "engages_bench_");
fs.rmSync(dir, { recursive: true, force: true });
const lost = figures.reduce((a, f) => a + f.lost, 0);
process.exit(lost === 0 && emailProblems === 0 ? 0 : 1);
