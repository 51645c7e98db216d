// The load benches' mix (bench/load.ts on one process, bench/cluster.ts on several instances):
// signed-in people of every role hitting a running app with autocannon, each connection one
// person looping over that role's pages and writes:
//   company    → its dashboard, realisations, commitments, the club meeting; records a
//                realisation (the real form POST) and answers the meeting invitation (RSVP)
//   animator   → club home, members, figures, meetings; creates a meeting
//   prefecture → département dashboard and club drill-down (the role has no writes)
//   admin      → national view, accounts, e-mails, audit log; invites a prefecture agent
// Then every acknowledged write is looked up in the database (SQLite or PostgreSQL, through a
// reader given by the bench). Nothing here asserts a time.

import autocannon, { type Client, type Request } from "autocannon";
import { AppClient } from "../tests/utils/app-process";
import { QUOTAS } from "../app/utils/quotas.server";

/** What the mix runs against: the app's URL and the demo club with its added companies. */
export type World = {
  baseUrl: string;
  clubId: string;
  meetingId: string;
  companies: Array<{ companyId: string; email: string }>;
  /** Marks this run's writes (realisation notes, invitation addresses). */
  run: string;
};

import type { SqlReader } from "./sql-reader";

type Role = "company" | "animator" | "prefecture" | "admin";
type Person = { role: Role; client: AppClient; companyId?: string };

/** Signs in (demo password, also given to the added companies' users) like a browser. */
export async function signInPeople(world: World, connections: number) {
  const person = async (role: Role, email: string, companyId?: string): Promise<Person> => ({
    role,
    client: await AppClient.signIn(world.baseUrl, email),
    companyId,
  });
  const shares = { company: 0.7, animator: 0.12, prefecture: 0.08 };
  const counts = {
    company: Math.min(world.companies.length, Math.round(connections * shares.company)),
    animator: Math.round(connections * shares.animator),
    prefecture: Math.round(connections * shares.prefecture),
  };
  const adminCount = connections - counts.company - counts.animator - counts.prefecture;
  const companyPeople: Person[] = [];
  const toSign = world.companies.slice(0, counts.company);
  for (let i = 0; i < toSign.length; i += 8) {
    companyPeople.push(
      ...(await Promise.all(
        toSign.slice(i, i + 8).map((c) => person("company", c.email, c.companyId)),
      )),
    );
  }
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
  const description = `${counts.company} entreprises, ${counts.animator} animation, ${counts.prefecture} préfecture, ${adminCount} administration`;
  return { people, description };
}

export type MixOptions = {
  connections: number;
  seconds: number;
  /** A request without an answer after this long counts as an error (a browser waits longer). */
  timeoutS: number;
};

export type MixResult = Awaited<ReturnType<typeof runMix>>;

/** Runs the mix for `seconds`; resolves when autocannon stops (requests in flight cut). */
export async function runMix(world: World, people: Person[], options: MixOptions) {
  const { baseUrl, clubId, meetingId, run } = world;
  const acknowledged = {
    realisations: new Map<string, number>(),
    rsvp: new Map<string, { acked?: string; sent?: string }>(),
    meetings: new Set<string>(),
    invitations: new Set<string>(),
  };
  const sentWrites = { realisations: 0, rsvp: 0, meetings: 0, invitations: 0 };
  const unexpected = new Map<string, number>();
  /** Milliseconds since the start of each error (unexpected answer or failed request). */
  const errorTimes: number[] = [];
  const started = performance.now();
  const refuse = (what: string) => {
    unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
    errorTimes.push(performance.now() - started);
  };
  const today = new Date().toISOString().slice(0, 10);
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  /** The form's first error message in a page sent back instead of a redirect, to say why. */
  const errorShown = (html: string | undefined) => {
    const message = html
      ?.match(/(?:role="alert"|id="[^"]*-error")[^>]*>([\s\S]{0,400}?)<\/(?:div|ul|p)>/)?.[1]
      ?.replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return message ? ` « ${message.slice(0, 140)} »` : "";
  };

  function steps(p: Person, index: number): Request[] {
    const headers = {
      cookie: p.client.cookieHeader,
      origin: baseUrl,
      "content-type": "application/x-www-form-urlencoded",
    };
    const read = (pathname: string): Request => ({ method: "GET", path: pathname, headers });
    /**
     * A form POST answered by a redirect to `expected`; `onAck` sees the Location. While
     * `allowed()` is false, the step reads the page instead (GET, answered 200).
     */
    const write = (
      pathname: string,
      body: () => string,
      expected: RegExp,
      onAck: (location: string) => void,
      allowed = () => true,
    ): Request => {
      let posted = true;
      return {
        method: "POST",
        path: pathname,
        headers,
        setupRequest: (req) => {
          posted = allowed();
          return posted ? { ...req, body: body() } : { ...req, method: "GET", body: undefined };
        },
        onResponse: (status, responseBody, _context, responseHeaders) => {
          const location = String(responseHeaders?.location ?? "");
          if (!posted) {
            if (status !== 200) refuse(`GET ${pathname} → ${status}`);
          } else if ((status === 302 || status === 303) && expected.test(location)) onAck(location);
          else
            refuse(
              `POST ${pathname.split("/").slice(0, 3).join("/")}… → ${status} ${location}${errorShown(responseBody)}`,
            );
        },
      };
    };

    if (p.role === "company") {
      const c = p.companyId!;
      const rsvp = {
        acked: undefined as string | undefined,
        sent: undefined as string | undefined,
      };
      acknowledged.rsvp.set(c, rsvp);
      let n = 0;
      let recorded = 0;
      return [
        read(`/entreprise/${c}`),
        write(
          `/entreprise/${c}/realisations/nouvelle`,
          () => {
            sentWrites.realisations++;
            // A new quantity each time: the same realisation sent twice within 2 minutes is
            // taken for a double post and recorded once (app/utils/duplicates.server.ts).
            return form({
              date: today,
              actionTypeCode: "IMMERSION",
              publicCategoryCode: "DELD",
              quantity: String(++recorded),
              qpv: "UNKNOWN",
              note: run,
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
              title: `Réunion de charge ${run} ${index}-${++n}`,
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
          email = `${run}-${index}-${++n}@exemple.test`;
          return form({
            email,
            name: `Agent ${index} ${n}`,
            role: "PREFECTURE",
            departementCode: "62",
          });
        },
        /^\/admin\/invitations$/,
        () => acknowledged.invitations.add(email),
        // Every admin connection is the one demo admin, and the app lets a person send 100
        // invitations a day (quotas.server.ts): past them, the connection reads the page.
        () => sentWrites.invitations < QUOTAS.invitationsPerInviter.limit,
      ),
      read("/admin"),
      read("/admin/emails"),
      read("/admin/journal"),
    ];
  }

  let nextConnection = 0;
  const statusCounts = new Map<number, number>();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutS,
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
  latencies.sort((a, b) => a - b);
  return {
    result,
    latencies,
    statusCounts,
    unexpected,
    errorTimes,
    /** performance.now() when the load started: errorTimes count from it. */
    startedAt: started,
    acknowledged,
    sentWrites,
  };
}

/** The latency at percentile `p` (0–100) of sorted latencies, in whole milliseconds. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/** Every acknowledged write looked up in the database; returns what was lost and the counts. */
export async function checkWrites(world: World, mix: MixResult, read: SqlReader) {
  const { acknowledged } = mix;
  let lost = 0;
  const realisationCounts = new Map(
    (
      await read<{ companyId: string; n: number | string }>(
        `SELECT "companyId", COUNT(*) AS n FROM "Realisation" WHERE "note" = ? GROUP BY "companyId"`,
        world.run,
      )
    ).map((r) => [r.companyId, Number(r.n)]),
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
    (
      await read<{ companyId: string; rsvp: string }>(
        `SELECT "companyId", "rsvp" FROM "MeetingInvitation" WHERE "meetingId" = ?`,
        world.meetingId,
      )
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
    (
      await read<{ id: string }>(
        `SELECT "id" FROM "Meeting" WHERE "title" LIKE ?`,
        `Réunion de charge ${world.run} %`,
      )
    ).map((r) => r.id),
  );
  for (const id of acknowledged.meetings) if (!meetingIds.has(id)) lost++;
  const invitationEmails = new Set(
    (
      await read<{ email: string }>(
        `SELECT "email" FROM "Invitation" WHERE "email" LIKE ?`,
        `${world.run}-%`,
      )
    ).map((r) => r.email),
  );
  for (const email of acknowledged.invitations) if (!invitationEmails.has(email)) lost++;
  const writesAcked =
    realisationsAcked + rsvpAcked + acknowledged.meetings.size + acknowledged.invitations.size;
  return { lost, writesAcked, realisationsAcked, realisationsStored, rsvpAcked };
}

/** The report lines shared by the benches. */
export function mixReport(mix: MixResult, writes: Awaited<ReturnType<typeof checkWrites>>) {
  const { result, latencies, statusCounts, unexpected, acknowledged, sentWrites } = mix;
  const unexpectedTotal = [...unexpected.values()].reduce((a, b) => a + b, 0);
  const serverErrors = [...statusCounts].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  return {
    unexpectedTotal,
    serverErrors,
    lines: [
      `Requêtes : ${result.requests.total} en ${result.duration.toFixed(1)} s — ${result.requests.average.toFixed(0)} req/s en moyenne (min ${result.requests.min}, max ${result.requests.max})`,
      `Latence (ms, ${latencies.length} réponses) : p50 ${percentile(latencies, 50)} · p95 ${percentile(latencies, 95)} · p99 ${percentile(latencies, 99)} · max ${percentile(latencies, 100)} · moyenne ${result.latency.average.toFixed(0)}`,
      `Codes HTTP : ${[...statusCounts]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}`,
      `Erreurs : ${result.errors - result.timeouts} de connexion, ${result.timeouts} sans réponse, ${serverErrors} réponses 5xx ; en tout ${unexpectedTotal} requêtes en erreur ou réponses inattendues`,
      ...[...unexpected].map(([what, n]) => `  inattendu ${n}× : ${what}`),
      `Écritures acquittées : ${writes.writesAcked} (réalisations ${writes.realisationsAcked}, réponses aux réunions ${writes.rsvpAcked} personnes, réunions ${acknowledged.meetings.size}, invitations ${acknowledged.invitations.size})`,
      `Écritures envoyées : réalisations ${sentWrites.realisations}, réponses ${sentWrites.rsvp}, réunions ${sentWrites.meetings}, invitations ${sentWrites.invitations}`,
      `Réalisations en base : ${writes.realisationsStored} (acquittées : ${writes.realisationsAcked}; l'écart = requêtes coupées par la fin du test)`,
      `Écritures acquittées perdues : ${writes.lost}`,
    ],
  };
}
