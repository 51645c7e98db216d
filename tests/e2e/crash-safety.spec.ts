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
  type AppProcess,
} from "../utils/app-process";
import { startTestSmtpServer, type TestMailbox } from "../utils/smtp-server";
import { E2E_PORT } from "./ports";

// Crash safety: the real server (production build) is killed with SIGKILL in the middle of a
// 20,000-row import and in the middle of sending meeting invitations, then restarted on the same
// SQLite file. The import must be wholly absent (then importable) or wholly present; every e-mail
// sent once or still in the outbox, never twice (decision 011). No browser: HTTP and SQL only.

test.describe.configure({ mode: "serial" });

const ROWS = 20_000;
const dir = path.resolve(`tests/.tmp/crash-${E2E_PORT}`);
const template = path.join(dir, "template.db");
const port = E2E_PORT + 1;
/** The app of these tests: no scheduled jobs, so the only writes are the ones under test. */
const appOptions = (dbPath: string, smtpUrl?: string) => ({
  dbPath,
  port,
  smtpUrl,
  env: { SCHEDULER: "false" },
});

test.beforeAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  prepareDatabase({ dbPath: template, port });
});

function freshDatabase(name: string) {
  const dbPath = path.join(dir, `${name}.db`);
  fs.copyFileSync(template, dbPath);
  return dbPath;
}

function read<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (dbPath: string, sql: string, ...params: unknown[]) =>
  read<{ n: number }>(dbPath, sql, ...params)[0].n;
const integrity = (dbPath: string) =>
  read<{ integrity_check: string }>(dbPath, "PRAGMA integrity_check")[0].integrity_check;

async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Délai dépassé en attendant : ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** True while another connection holds SQLite's write lock (an open write transaction). */
function writerActive(probe: Database.Database) {
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  }
}

function frenchDate(daysAgo: number) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return d.toISOString().slice(0, 10).split("-").reverse().join("/");
}

test("arrêt brutal au milieu d'un import de 20 000 lignes : rien ou tout, puis l'import aboutit", async () => {
  test.setTimeout(180_000);
  const dbPath = freshDatabase("import");
  const note = `Import interrompu ${Date.now()}`;
  const imported = () =>
    count(dbPath, `SELECT COUNT(*) AS n FROM "Realisation" WHERE "note" = ?`, note);

  let app: AppProcess = await startApp(appOptions(dbPath));
  try {
    const company = await AppClient.signIn(app.url, "dirigeant@demo.test");
    const companyId = roleScopeOf(dbPath, "dirigeant@demo.test").companyId!;
    const realisationsBefore = count(dbPath, `SELECT COUNT(*) AS n FROM "Realisation"`);
    const batchesBefore = count(dbPath, `SELECT COUNT(*) AS n FROM "ImportBatch"`);

    const lines = ["Date;Type d'action;Public;Précision du public;Type de contrat;Nombre;QPV;Note"];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `${frenchDate(1 + (i % 300))};Immersion (PMSMP);Demandeurs d'emploi de longue durée;;;1;Non;${note}`,
      );
    }
    const file = new File([`\uFEFF${lines.join("\r\n")}\r\n`], "gros-import.csv", {
      type: "text/csv",
    });
    const importPath = `/entreprise/${companyId}/import`;
    const upload = await company.postForm(importPath, { fichier: file });
    expect(upload.status).toBe(302);
    const draftId = new URL(upload.headers.get("location")!, app.url).searchParams.get(
      "brouillon",
    )!;
    expect(count(dbPath, `SELECT "rowCount" AS n FROM "ImportDraft" WHERE "id" = ?`, draftId)).toBe(
      ROWS,
    );

    // Confirm, and kill the server while its import transaction holds the write lock.
    const confirmPath = `${importPath}?brouillon=${draftId}`;
    const probe = new Database(dbPath, { timeout: 0 });
    const answer = company.postForm(confirmPath, { intent: "confirmer", brouillon: draftId }).then(
      (r) => r.status,
      () => "coupée" as const,
    );
    try {
      await waitFor("la transaction d'import", () => writerActive(probe));
      await app.kill();
    } finally {
      probe.close();
    }
    // Cut, almost always; a commit that won the race by a millisecond is checked below too.
    await answer;

    // After the crash: the database is sound, and the import is all there or not at all.
    expect(integrity(dbPath)).toBe("ok");
    const afterCrash = imported();
    expect([0, ROWS]).toContain(afterCrash);
    const batchesAfterCrash = count(dbPath, `SELECT COUNT(*) AS n FROM "ImportBatch"`);
    const draftLeft = count(
      dbPath,
      `SELECT COUNT(*) AS n FROM "ImportDraft" WHERE "id" = ?`,
      draftId,
    );
    console.log(
      `Après l'arrêt : ${afterCrash === 0 ? "import absent (transaction annulée)" : "import entier (validé juste avant l'arrêt)"}`,
    );
    if (afterCrash === 0) {
      expect(batchesAfterCrash).toBe(batchesBefore);
      expect(draftLeft).toBe(1);
      expect(count(dbPath, `SELECT COUNT(*) AS n FROM "Realisation"`)).toBe(realisationsBefore);

      // Restarted on the same file, the same preview can be confirmed, once.
      app = await startApp(appOptions(dbPath));
      const retry = await company.postForm(confirmPath, {
        intent: "confirmer",
        brouillon: draftId,
      });
      expect(retry.status).toBe(302);
    } else {
      expect(batchesAfterCrash).toBe(batchesBefore + 1);
      expect(draftLeft).toBe(0);
    }
    expect(imported()).toBe(ROWS);
    expect(count(dbPath, `SELECT COUNT(*) AS n FROM "Realisation"`)).toBe(
      realisationsBefore + ROWS,
    );
    expect(count(dbPath, `SELECT COUNT(*) AS n FROM "ImportBatch"`)).toBe(batchesBefore + 1);
    expect(
      count(
        dbPath,
        `SELECT COUNT(*) AS n FROM "AuditLog" WHERE "action" = 'IMPORT' AND "companyId" = ?`,
        companyId,
      ),
    ).toBe(1);
  } finally {
    await app.stop();
  }
});

test("arrêt brutal pendant l'envoi des invitations à une réunion : chaque e-mail part une fois ou reste dans la file", async () => {
  test.setTimeout(180_000);
  const dbPath = freshDatabase("invitations");
  // New member companies: people the demo meeting has not invited yet.
  const NEW_PEOPLE = 30;
  addMemberCompanies(dbPath, "62", NEW_PEOPLE, `invite-${Date.now()}`);
  // A slow SMTP server: each recipient is held 100 ms, so the kill lands mid-send.
  const smtp: TestMailbox = await startTestSmtpServer(0, { rcptDelayMs: 100 });
  type Row = { id: string; to: string; status: string; lastError: string | null };
  const outbox = () =>
    read<Row>(
      dbPath,
      `SELECT "id", "to", "status", "lastError" FROM "EmailOutbox" WHERE "template" = 'meeting-invitation'`,
    );
  const received = (to: string) => smtp.messages.filter((m) => m.to.includes(to)).length;

  let app: AppProcess = await startApp(appOptions(dbPath, smtp.url));
  try {
    const animator = await AppClient.signIn(app.url, "animateur@demo.test");
    const clubId = roleScopeOf(dbPath, "animateur@demo.test").clubId!;
    const meetings = read<{ id: string; endsAt: string }>(
      dbPath,
      `SELECT "id", "endsAt" FROM "Meeting" WHERE "clubId" = ? AND "cancelledAt" IS NULL ORDER BY "startsAt"`,
      clubId,
    );
    const meeting = meetings.find((m) => new Date(m.endsAt) > new Date());
    expect(meeting, "une réunion à venir dans les données de démonstration").toBeTruthy();
    const invite = await animator.postForm(`/club/${clubId}/reunions/${meeting!.id}/invitations`, {
      intent: "all",
    });
    expect(invite.status).toBe(302);
    // One e-mail per new invitee, queued with the invitations in one transaction.
    const queued = outbox();
    expect(queued).toHaveLength(NEW_PEOPLE);

    // Kill while a message is half-way through SMTP (recipient held), some already delivered.
    await waitFor(
      "des invitations envoyées et une en cours",
      () => smtp.messages.length >= 5 && smtp.rcptInFlight > 0,
    );
    await app.kill();
    const atCrash = outbox();
    const sending = atCrash.filter((r) => r.status === "SENDING");
    expect(sending).toHaveLength(1);
    expect(received(sending[0].to)).toBe(0);
    for (const row of atCrash.filter((r) => r.status === "SENT")) expect(received(row.to)).toBe(1);
    expect(integrity(dbPath)).toBe("ok");

    // Restarted: the interrupted message is set aside for review, the others go out once.
    app = await startApp(appOptions(dbPath, smtp.url));
    await waitFor(
      "la fin des envois",
      () => outbox().every((r) => r.status === "SENT" || r.status === "FAILED"),
      90_000,
    );
    const afterRestart = outbox();
    expect(afterRestart).toHaveLength(queued.length);
    const failed = afterRestart.filter((r) => r.status === "FAILED");
    expect(failed.map((r) => r.id)).toEqual([sending[0].id]);
    expect(failed[0].lastError).toMatch(/Envoi interrompu par un arrêt du serveur/);
    expect(received(failed[0].to)).toBe(0);
    for (const row of afterRestart.filter((r) => r.status === "SENT")) {
      expect(received(row.to), row.to).toBe(1);
    }
    expect(smtp.messages).toHaveLength(queued.length - 1);

    // An administrator checks and sends it again, by hand: it arrives once.
    const admin = await AppClient.signIn(app.url, "admin@demo.test");
    expect((await admin.postForm("/admin/emails", {})).status).toBe(302);
    await waitFor("le renvoi", () => outbox().every((r) => r.status === "SENT"));
    expect(received(failed[0].to)).toBe(1);
    expect(smtp.messages).toHaveLength(queued.length);
  } finally {
    await app.stop();
    await smtp.stop();
  }
});
