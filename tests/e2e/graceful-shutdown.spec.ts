import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import {
  AppClient,
  addMemberCompanies,
  prepareDatabase,
  roleScopeOf,
  startApp,
} from "../utils/app-process";
import { startTestSmtpServer } from "../utils/smtp-server";
import { E2E_PORT } from "./ports";

// Graceful shutdown (decision 022): on SIGTERM the server says it is draining on /readyz while it
// still serves, then finishes the e-mail it is sending and claims no other, removes its instance
// row and exits 0. Restarted, it sends the rest: every message once, none set aside as
// interrupted. No browser: HTTP and SQL only.

const dir = path.resolve(`tests/.tmp/shutdown-${E2E_PORT}`);
const dbPath = path.join(dir, "app.db");
const port = E2E_PORT + 5;

function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Délai dépassé en attendant : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("SIGTERM: readiness turns 503, the e-mail being sent finishes, nothing is claimed after", async () => {
  test.setTimeout(180_000);
  fs.rmSync(dir, { recursive: true, force: true });
  const options = { dbPath, port, env: { SCHEDULER: "false", SHUTDOWN_DELAY_MS: "1500" } };
  prepareDatabase(options);
  const NEW_PEOPLE = 6;
  addMemberCompanies(dbPath, "62", NEW_PEOPLE, `arret-${Date.now()}`);
  // A slow SMTP server (each recipient held 1 s), so that SIGTERM lands while a message is sent.
  const smtp = await startTestSmtpServer(0, { rcptDelayMs: 1_000 });
  type Row = { id: string; to: string; status: string };
  const outbox = () =>
    read<Row>(
      `SELECT "id", "to", "status" FROM "EmailOutbox" WHERE "template" = 'meeting-invitation'`,
    );
  const received = (to: string) => smtp.messages.filter((m) => m.to.includes(to)).length;

  let app = await startApp({ ...options, smtpUrl: smtp.url });
  try {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    await waitFor("la ligne de l'instance", () => read(`SELECT 1 FROM "AppInstance"`).length === 1);

    const animator = await AppClient.signIn(app.url, "animateur@demo.test");
    const clubId = roleScopeOf(dbPath, "animateur@demo.test").clubId!;
    const meeting = read<{ id: string; endsAt: string }>(
      `SELECT "id", "endsAt" FROM "Meeting" WHERE "clubId" = ? AND "cancelledAt" IS NULL ORDER BY "startsAt"`,
      clubId,
    ).find((m) => new Date(m.endsAt) > new Date());
    expect(meeting, "une réunion à venir dans les données de démonstration").toBeTruthy();
    const invite = await animator.postForm(`/club/${clubId}/reunions/${meeting!.id}/invitations`, {
      intent: "all",
    });
    expect(invite.status).toBe(302);
    const queued = outbox();
    expect(queued).toHaveLength(NEW_PEOPLE);

    await waitFor("un envoi en cours", () => smtp.rcptInFlight > 0);
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGTERM");

    // Draining: not ready any more, but still answering while the balancer notices.
    await waitFor("/readyz à 503", async () => (await fetch(`${app.url}/readyz`)).status === 503);
    const draining = await fetch(`${app.url}/readyz`);
    expect(await draining.json()).toEqual({ status: "draining" });
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("connection")).toBe("close");

    expect(await exited).toBe(0);
    const atStop = outbox();
    // The message under way was finished, none was left half-sent, the others wait.
    expect(atStop.filter((r) => r.status === "SENDING")).toEqual([]);
    const sent = atStop.filter((r) => r.status === "SENT");
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(NEW_PEOPLE);
    for (const row of sent) expect(received(row.to), row.to).toBe(1);
    expect(atStop.filter((r) => r.status === "PENDING").length).toBe(NEW_PEOPLE - sent.length);
    expect(read(`SELECT 1 FROM "AppInstance"`)).toEqual([]);

    // Restarted: the rest go out, each once; nothing was set aside as interrupted.
    app = await startApp({ ...options, smtpUrl: smtp.url });
    await waitFor("la fin des envois", () => outbox().every((r) => r.status === "SENT"), 90_000);
    for (const row of outbox()) expect(received(row.to), row.to).toBe(1);
  } finally {
    await app.stop();
    await smtp.stop();
  }
});
