// Test databases on PostgreSQL (`npm run test:unit:pg`): DATABASE_URL names a server and a name
// prefix (…/engages_test); the run builds one migrated template database with the reference data,
// and each test file works on its own clone of it (CREATE DATABASE … TEMPLATE, a file copy done by
// the server), as on SQLite each file copies template.db.
import { randomBytes } from "node:crypto";
import { databaseName, databaseUrl, onServer } from "../../scripts/postgres-databases.mjs";

export { databaseUrl, onServer };

function prefixOf(url: string) {
  const name = databaseName(url);
  if (!/^engages_[a-z0-9_]+$/.test(name)) {
    throw new Error(`La base de test PostgreSQL doit s'appeler engages_… (reçu : « ${name} »).`);
  }
  return name;
}

export const templateName = (url: string) => `${prefixOf(url)}_template`;
const clonePrefix = (url: string) => `${prefixOf(url)}_f_`;

/** Creates a test file's database from the template; returns its URL. */
export async function cloneTemplate(url: string, poolId: string) {
  const name = `${clonePrefix(url)}${poolId}_${randomBytes(6).toString("hex")}`;
  await onServer(url, async (client) => {
    // Two clones of one template at the same instant may be refused ("being accessed by other
    // users"): try again shortly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(url)}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes("being accessed")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return databaseUrl(url, name);
}

export async function dropDatabase(url: string, name: string) {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops the clones that nobody is connected to (those of finished or interrupted runs). */
export async function dropIdleClones(url: string) {
  await onServer(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE $1
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
      [`${clonePrefix(url).replace(/_/g, "\\_")}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}"`);
  });
}
