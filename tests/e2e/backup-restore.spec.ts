import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import {
  AppClient,
  ROOT,
  prepareDatabase,
  roleScopeOf,
  startApp,
  type AppProcess,
} from "../utils/app-process";
import { E2E_PORT } from "./ports";

// Backups, end to end: `npm run db:backup` while the real server (production build) is busy
// recording realisations, then the documented restore — stop, `npm run db:restore`, start — into
// a fresh place, where the data is present, sound, and the app writes again.

const run = promisify(execFile);
const dir = path.resolve(`tests/.tmp/backup-${E2E_PORT}`);
const port = E2E_PORT + 2;

/** `npm run db:<script> -- <arg>` against the database file `dbPath`. */
function dbScript(script: "backup" | "restore", dbPath: string, arg: string) {
  return run(process.execPath, [path.join(ROOT, "scripts", `${script}-db.mjs`), arg], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
  });
}

function read<T>(dbPath: string, sql: string, ...params: unknown[]): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test("sauvegarde à chaud pendant des écritures, puis restauration dans un serveur neuf", async () => {
  test.setTimeout(120_000);
  fs.rmSync(dir, { recursive: true, force: true });
  const livePath = path.join(dir, "live.db");
  const backupPath = path.join(dir, "sauvegardes", "engages.db");
  const restoredPath = path.join(dir, "restored", "engages.db");
  prepareDatabase({ dbPath: livePath, port });

  const note = `Sauvegarde ${Date.now()}`;
  const marked = (dbPath: string) =>
    read<{ n: number }>(dbPath, `SELECT COUNT(*) AS n FROM "Realisation" WHERE "note" = ?`, note).n;
  let recorded = 0;
  const record = (client: AppClient, companyId: string) =>
    client.postForm(`/entreprise/${companyId}/realisations/nouvelle`, {
      date: new Date().toISOString().slice(0, 10),
      actionTypeCode: "IMMERSION",
      publicCategoryCode: "DELD",
      // Each one different: the same realisation twice within 2 minutes counts once (double post).
      quantity: String(++recorded),
      qpv: "UNKNOWN",
      note,
    });

  let app: AppProcess = await startApp({ dbPath: livePath, port });
  let acknowledged = 0;
  let companyId = "";
  try {
    const company = await AppClient.signIn(app.url, "dirigeant@demo.test");
    companyId = roleScopeOf(livePath, "dirigeant@demo.test").companyId!;

    // Three writers record realisations without pause while the backup runs.
    let writing = true;
    const writer = async () => {
      while (writing) {
        const response = await record(company, companyId);
        expect(response.status).toBe(302);
        acknowledged++;
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged < 20) await new Promise((r) => setTimeout(r, 20));
    const acknowledgedBefore = acknowledged;
    const { stdout } = await dbScript("backup", livePath, backupPath);
    const acknowledgedAfter = acknowledged;
    expect(stdout).toContain("intégrité ok");
    while (acknowledged < acknowledgedAfter + 10) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await Promise.all(writers);

    // A consistent snapshot: every write acknowledged before the backup began is in it, none
    // acknowledged after it ended beyond the three in flight, and the file is sound.
    const inBackup = marked(backupPath);
    expect(inBackup).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(inBackup).toBeLessThanOrEqual(acknowledgedAfter + 3);
    expect(read<{ integrity_check: string }>(backupPath, "PRAGMA integrity_check")).toEqual({
      integrity_check: "ok",
    });
    expect(fs.existsSync(`${backupPath}-wal`)).toBe(false);
    expect(marked(livePath)).toBe(acknowledged);

    // The backup refuses to overwrite, and a damaged file is never restored.
    await expect(dbScript("backup", livePath, backupPath)).rejects.toThrow(/existe déjà/);
    const damaged = path.join(dir, "abime.db");
    fs.writeFileSync(damaged, "pas une base SQLite");
    await expect(dbScript("restore", restoredPath, damaged)).rejects.toThrow(/refusée/);
    expect(fs.existsSync(restoredPath)).toBe(false);

    // Restore procedure (README): stop the app, restore the file, start the app.
    await app.stop();
    const restore = await dbScript("restore", restoredPath, backupPath);
    expect(restore.stdout).toContain("Sauvegarde restaurée");
    prepareDatabase({ dbPath: restoredPath, port });
    app = await startApp({ dbPath: restoredPath, port });

    expect(marked(restoredPath)).toBe(inBackup);
    const again = await AppClient.signIn(app.url, "dirigeant@demo.test");
    const list = await again.get(`/entreprise/${companyId}/realisations`);
    expect(list.status).toBe(200);
    expect((await record(again, companyId)).status).toBe(302);
    expect(marked(restoredPath)).toBe(inBackup + 1);
    expect(read<{ journal_mode: string }>(restoredPath, "PRAGMA journal_mode")).toEqual({
      journal_mode: "wal",
    });
  } finally {
    await app.stop();
  }
  expect(read<{ integrity_check: string }>(restoredPath, "PRAGMA integrity_check")).toEqual({
    integrity_check: "ok",
  });
});
