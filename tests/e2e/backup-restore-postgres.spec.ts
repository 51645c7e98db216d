import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import {
  databaseUrl,
  dropDatabasesStartingWith,
  recreateDatabase,
} from "../../scripts/postgres-databases.mjs";
import { AppClient, ROOT, prepareDatabase, startApp, type AppProcess } from "../utils/app-process";
import { E2E_PORT } from "./ports";

// Backups on PostgreSQL, end to end, as backup-restore.spec.ts does on SQLite: `npm run db:backup`
// (pg_dump) while the real server writes, then the documented restore — stop, `npm run
// db:restore` (the current database renamed aside, the dump restored into a fresh one), start.
// Needs PostgreSQL (PG_E2E_URL's server, default 127.0.0.1:5432).

const run = promisify(execFile);
const dir = path.resolve(`tests/.tmp/backup-pg-${E2E_PORT}`);
const port = E2E_PORT + 4;
const server = process.env.PG_E2E_URL ?? "postgresql://postgres@127.0.0.1:5432/x";
const name = `engages_e2e_sauvegarde_${E2E_PORT}`;
const url = databaseUrl(server, name);

async function sql<T>(database: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl(server, database) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `npm run db:<script> -- <arg>` against the test database. */
function dbScript(script: "backup" | "restore", arg: string) {
  return run(process.execPath, [path.join(ROOT, "scripts", `${script}-db.mjs`), arg], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
  });
}

test("PostgreSQL : sauvegarde pg_dump pendant des écritures, puis restauration documentée", async () => {
  test.setTimeout(180_000);
  fs.rmSync(dir, { recursive: true, force: true });
  // The database and the restore's copies set aside by an earlier run.
  await dropDatabasesStartingWith(url, name);
  await recreateDatabase(url);
  prepareDatabase({ dbPath: url, port });
  const backupPath = path.join(dir, "sauvegardes", "engages.dump");

  const note = `Sauvegarde PostgreSQL ${Date.now()}`;
  const marked = async (database: string) =>
    Number(
      (
        await sql<{ n: string }>(
          database,
          `SELECT COUNT(*) AS n FROM "Realisation" WHERE "note" = $1`,
          [note],
        )
      )[0].n,
    );
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
  const [{ companyId }] = await sql<{ companyId: string }>(
    name,
    `SELECT r."companyId" FROM "RoleAssignment" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = $1 ORDER BY r."createdAt" LIMIT 1`,
    ["dirigeant@demo.test"],
  );

  let app: AppProcess = await startApp({ dbPath: url, port });
  let acknowledged = 0;
  try {
    const company = await AppClient.signIn(app.url, "dirigeant@demo.test");
    let writing = true;
    const writer = async () => {
      while (writing) {
        expect((await record(company, companyId)).status).toBe(302);
        acknowledged++;
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged < 20) await new Promise((r) => setTimeout(r, 20));
    const acknowledgedBefore = acknowledged;
    const { stdout } = await dbScript("backup", backupPath);
    const acknowledgedAfter = acknowledged;
    expect(stdout).toMatch(/Sauvegarde écrite .* lisible/);
    while (acknowledged < acknowledgedAfter + 10) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await Promise.all(writers);
    expect(await marked(name)).toBe(acknowledged);

    // The backup refuses to overwrite, and a file that is not a dump is never restored.
    await expect(dbScript("backup", backupPath)).rejects.toThrow(/existe déjà/);
    const damaged = path.join(dir, "abime.dump");
    fs.writeFileSync(damaged, "pas une sauvegarde");
    await expect(dbScript("restore", damaged)).rejects.toThrow(/refusée/);
    expect(await marked(name)).toBe(acknowledged);

    // Restore procedure (README): stop the app, restore, start the app.
    await app.stop();
    const restore = await dbScript("restore", backupPath);
    expect(restore.stdout).toContain("Sauvegarde restaurée");
    prepareDatabase({ dbPath: url, port });
    app = await startApp({ dbPath: url, port });

    // A consistent snapshot: every write acknowledged before the dump began, none acknowledged
    // after it ended beyond the three in flight; the database before the restore is kept aside.
    const inBackup = await marked(name);
    expect(inBackup).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(inBackup).toBeLessThanOrEqual(acknowledgedAfter + 3);
    const [aside] = await sql<{ datname: string }>(
      "postgres",
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${name}_avant_restauration_%`],
    );
    expect(await marked(aside.datname)).toBe(acknowledged);

    const again = await AppClient.signIn(app.url, "dirigeant@demo.test");
    expect((await again.get(`/entreprise/${companyId}/realisations`)).status).toBe(200);
    expect((await record(again, companyId)).status).toBe(302);
    expect(await marked(name)).toBe(inBackup + 1);
  } finally {
    await app.stop();
    await dropDatabasesStartingWith(url, name);
  }
});
