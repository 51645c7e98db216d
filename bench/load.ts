// Load bench (`npm run bench:load`): the production build on a fresh SQLite database with the
// demo data and LOAD_COMPANIES more member companies, hit on loopback by autocannon with
// LOAD_CONNECTIONS (200) signed-in connections for LOAD_SECONDS (60 s). Each connection is one
// person and loops over that role's pages and writes:
//   company    → its dashboard, realisations, commitments, the club meeting; records a
//                realisation (the real form POST) and answers the meeting invitation (RSVP)
//   animator   → club home, members, figures, meetings; creates a meeting
//   prefecture → département dashboard and club drill-down (the role has no writes)
//   admin      → national view, accounts, e-mails, audit log; invites a prefecture agent
// Then every acknowledged write is looked up in the database. Prints throughput, latency
// percentiles, errors (failed connections, no answer within LOAD_TIMEOUT = 120 s, 4xx/5xx, a
// write not answered by its redirect) and lost writes; nothing here asserts a time. Exits 1 on
// any error or lost write. Needs `npm run build`.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Client, type Request } from "autocannon";
import Database from "better-sqlite3";
import {
  AppClient,
  addMemberCompanies,
  prepareDatabase,
  startApp,
} from "../tests/utils/app-process";

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

// ---------------------------------------------------------------- people, one per connection

type Role = "company" | "animator" | "prefecture" | "admin";
type Person = { role: Role; client: AppClient; companyId?: string };

async function signInAll<T>(items: T[], signIn: (item: T) => Promise<Person>) {
  const people: Person[] = [];
  for (let i = 0; i < items.length; i += 8) {
    people.push(...(await Promise.all(items.slice(i, i + 8).map(signIn))));
  }
  return people;
}
/** Signs in (demo password, also given to the added companies' users) like a browser. */
const person = async (role: Role, email: string, companyId?: string) => {
  const client = await AppClient.signIn(app.url, email);
  return { role, client, companyId };
};

const shares = { company: 0.7, animator: 0.12, prefecture: 0.08 };
const counts = {
  company: Math.min(companies.length, Math.round(CONNECTIONS * shares.company)),
  animator: Math.round(CONNECTIONS * shares.animator),
  prefecture: Math.round(CONNECTIONS * shares.prefecture),
};
const adminCount = CONNECTIONS - counts.company - counts.animator - counts.prefecture;
console.log(
  `Connexions : ${counts.company} entreprises, ${counts.animator} animation, ${counts.prefecture} préfecture, ${adminCount} administration`,
);

const signInStarted = performance.now();
const companyPeople = await signInAll(companies.slice(0, counts.company), (c) =>
  person("company", c.email, c.companyId),
);
const [animator, prefecture, admin] = await Promise.all([
  person("animator", "animateur@demo.test"),
  person("prefecture", "prefecture@demo.test"),
  person("admin", "admin@demo.test"),
]);
// Staff connections share their account (as colleagues' tabs would); companies have one each.
const people: Person[] = [
  ...companyPeople,
  ...Array.from({ length: counts.animator }, () => animator),
  ...Array.from({ length: counts.prefecture }, () => prefecture),
  ...Array.from({ length: adminCount }, () => admin),
];
console.log(
  `${people.length} sessions ouvertes en ${Math.round(performance.now() - signInStarted)} ms`,
);

// ---------------------------------------------------------------- what each connection does

const acknowledged = {
  realisations: new Map<string, number>(),
  rsvp: new Map<string, { acked?: string; sent?: string }>(),
  meetings: new Set<string>(),
  invitations: new Set<string>(),
};
const sentWrites = { realisations: 0, rsvp: 0, meetings: 0, invitations: 0 };
const unexpected = new Map<string, number>();
function refuse(what: string) {
  unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
}

const today = new Date().toISOString().slice(0, 10);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function steps(p: Person, index: number): Request[] {
  const headers = {
    cookie: p.client.cookieHeader,
    origin: app.url,
    "content-type": "application/x-www-form-urlencoded",
  };
  const read = (pathname: string): Request => ({ method: "GET", path: pathname, headers });
  /** A form POST answered by a redirect to `expected`; `onAck` sees the Location. */
  const write = (
    pathname: string,
    body: () => string,
    expected: RegExp,
    onAck: (location: string) => void,
  ): Request => ({
    method: "POST",
    path: pathname,
    headers,
    setupRequest: (req) => ({ ...req, body: body() }),
    onResponse: (status, _body, _context, responseHeaders) => {
      const location = String(responseHeaders?.location ?? "");
      if ((status === 302 || status === 303) && expected.test(location)) onAck(location);
      else refuse(`POST ${pathname.split("/").slice(0, 3).join("/")}… → ${status} ${location}`);
    },
  });

  if (p.role === "company") {
    const c = p.companyId!;
    const rsvp = { acked: undefined as string | undefined, sent: undefined as string | undefined };
    acknowledged.rsvp.set(c, rsvp);
    let n = 0;
    return [
      read(`/entreprise/${c}`),
      write(
        `/entreprise/${c}/realisations/nouvelle`,
        () => {
          sentWrites.realisations++;
          return form({
            date: today,
            actionTypeCode: "IMMERSION",
            publicCategoryCode: "DELD",
            quantity: "1",
            qpv: "UNKNOWN",
            note: RUN,
          });
        },
        new RegExp(`^/entreprise/${c}/realisations$`),
        () => acknowledged.realisations.set(c, (acknowledged.realisations.get(c) ?? 0) + 1),
      ),
      read(`/entreprise/${c}/realisations`),
      read(`/club/${clubId}/reunions/${meetingId}`),
      write(
        `/club/${clubId}/reunions/${meetingId}`,
        () => {
          sentWrites.rsvp++;
          rsvp.sent = ["YES", "NO", "MAYBE"][n++ % 3];
          return form({ intent: "rsvp", answer: rsvp.sent });
        },
        new RegExp(`^/club/${clubId}/reunions/${meetingId}$`),
        () => (rsvp.acked = rsvp.sent),
      ),
      read(`/entreprise/${c}/engagements`),
    ];
  }
  if (p.role === "animator") {
    let n = 0;
    return [
      read(`/club/${clubId}`),
      write(
        `/club/${clubId}/reunions/nouvelle`,
        () => {
          sentWrites.meetings++;
          return form({
            title: `Réunion de charge ${index}-${++n}`,
            startsAt: "2031-03-04T09:00",
            endsAt: "2031-03-04T11:00",
            place: "Maison des entreprises, Arras",
            agenda: "",
          });
        },
        new RegExp(`^/club/${clubId}/reunions/[^/]+$`),
        (location) => acknowledged.meetings.add(location.split("/").pop()!),
      ),
      read(`/club/${clubId}/membres`),
      read(`/club/${clubId}/chiffres`),
      read(`/club/${clubId}/reunions`),
    ];
  }
  if (p.role === "prefecture") {
    return [read("/prefecture/62"), read(`/prefecture/62/clubs/${clubId}`)];
  }
  let n = 0;
  let email = "";
  return [
    read("/admin/invitations"),
    write(
      "/admin/invitations",
      () => {
        sentWrites.invitations++;
        email = `${RUN}-${index}-${++n}@exemple.test`;
        return form({
          email,
          name: `Agent ${index} ${n}`,
          role: "PREFECTURE",
          departementCode: "62",
        });
      },
      /^\/admin\/invitations$/,
      () => acknowledged.invitations.add(email),
    ),
    read("/admin"),
    read("/admin/emails"),
    read("/admin/journal"),
  ];
}

// ---------------------------------------------------------------- the run

let nextConnection = 0;
const statusCounts = new Map<number, number>();
const latencies: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: app.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: TIMEOUT_S,
      setupClient: (client: Client) => {
        const index = nextConnection++;
        client.setRequests(steps(people[index % people.length], index));
      },
    },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  instance.on("reqError", (error: Error & { code?: string }) =>
    refuse(`erreur de connexion ${error.code ?? error.message}`),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
    if (statusCode >= 400) refuse(`HTTP ${statusCode}`);
  });
});
// Requests cut by the end of the run may still be committing: let them finish.
await new Promise((r) => setTimeout(r, 2_000));

// ---------------------------------------------------------------- every acknowledged write, in the database

let lost = 0;
const realisationCounts = new Map(
  readAll<{ companyId: string; n: number }>(
    `SELECT "companyId", COUNT(*) AS n FROM "Realisation" WHERE "note" = ? GROUP BY "companyId"`,
    RUN,
  ).map((r) => [r.companyId, r.n]),
);
let realisationsAcked = 0;
let realisationsStored = 0;
for (const [companyId, acked] of acknowledged.realisations) {
  const stored = realisationCounts.get(companyId) ?? 0;
  realisationsAcked += acked;
  if (stored < acked) lost += acked - stored;
}
for (const n of realisationCounts.values()) realisationsStored += n;

const rsvpRows = new Map(
  readAll<{ companyId: string; rsvp: string }>(
    `SELECT "companyId", "rsvp" FROM "MeetingInvitation" WHERE "meetingId" = ?`,
    meetingId,
  ).map((r) => [r.companyId, r.rsvp]),
);
let rsvpAcked = 0;
for (const [companyId, { acked, sent }] of acknowledged.rsvp) {
  if (!acked) continue;
  rsvpAcked++;
  const stored = rsvpRows.get(companyId);
  // The last acknowledged answer, or a later one sent when the run stopped.
  if (stored !== acked && stored !== sent) lost++;
}

const meetingIds = new Set(
  readAll<{ id: string }>(
    `SELECT "id" FROM "Meeting" WHERE "title" LIKE 'Réunion de charge %'`,
  ).map((r) => r.id),
);
for (const id of acknowledged.meetings) if (!meetingIds.has(id)) lost++;
const invitationEmails = new Set(
  readAll<{ email: string }>(
    `SELECT "email" FROM "Invitation" WHERE "email" LIKE ?`,
    `${RUN}-%`,
  ).map((r) => r.email),
);
for (const email of acknowledged.invitations) if (!invitationEmails.has(email)) lost++;

const output = app.output();
const lockedErrors = (output.match(/database is locked|SQLITE_BUSY/gi) ?? []).length;
const serverErrors = [...statusCounts].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
await app.stop();
const integrity = readAll<{ integrity_check: string }>("PRAGMA integrity_check")[0].integrity_check;

// ---------------------------------------------------------------- report

latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies.length
    ? Math.round(
        latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)],
      )
    : 0;
const writesAcked =
  realisationsAcked + rsvpAcked + acknowledged.meetings.size + acknowledged.invitations.size;
const unexpectedTotal = [...unexpected.values()].reduce((a, b) => a + b, 0);
const lines = [
  `Charge : ${CONNECTIONS} connexions pendant ${SECONDS} s sur ${app.url} (${os.cpus().length} cœurs, partagés)`,
  `Requêtes : ${result.requests.total} en ${result.duration.toFixed(1)} s — ${result.requests.average.toFixed(0)} req/s en moyenne (min ${result.requests.min}, max ${result.requests.max})`,
  `Latence (ms, ${latencies.length} réponses) : p50 ${percentile(50)} · p95 ${percentile(95)} · p99 ${percentile(99)} · max ${percentile(100)} · moyenne ${result.latency.average.toFixed(0)}`,
  `Codes HTTP : ${[...statusCounts]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(", ")}`,
  `Erreurs : ${result.errors - result.timeouts} de connexion, ${result.timeouts} sans réponse en ${TIMEOUT_S} s, ${serverErrors} réponses 5xx, ${unexpectedTotal} réponses inattendues, ${lockedErrors} « database is locked »`,
  ...[...unexpected].map(([what, n]) => `  inattendu ${n}× : ${what}`),
  `Écritures acquittées : ${writesAcked} (réalisations ${realisationsAcked}, réponses aux réunions ${rsvpAcked} personnes, réunions ${acknowledged.meetings.size}, invitations ${acknowledged.invitations.size})`,
  `Écritures envoyées : réalisations ${sentWrites.realisations}, réponses ${sentWrites.rsvp}, réunions ${sentWrites.meetings}, invitations ${sentWrites.invitations}`,
  `Réalisations en base : ${realisationsStored} (acquittées : ${realisationsAcked}; l'écart = requêtes coupées par la fin du test)`,
  `Écritures acquittées perdues : ${lost}`,
  `Intégrité de la base après la charge : ${integrity}`,
];
console.log(`\n${lines.join("\n")}`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(lost === 0 && unexpectedTotal === 0 && result.errors === 0 ? 0 : 1);
