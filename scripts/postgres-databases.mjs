// Whole PostgreSQL databases: create, drop, clone. Shared by seed:scale, the test set-ups, the
// journeys' app and the benches, which all start from a database of their own.
import pg from "pg";

/** The URL of another database on the same server. */
export function databaseUrl(/** @type {string} */ url, /** @type {string} */ database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The database that a URL names. */
export function databaseName(/** @type {string} */ url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * Runs statements on the server's maintenance database (CREATE/DROP DATABASE need one).
 * @template T
 * @param {string} url any database URL on the server
 * @param {(client: pg.Client) => Promise<T>} work
 */
export async function onServer(url, work) {
  const client = new pg.Client({ connectionString: databaseUrl(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops the database of `url` (closing its connections) and creates it again, empty or as a copy
 * of `template`.
 * @param {string} url
 * @param {{ template?: string }} [options]
 */
export async function recreateDatabase(url, options = {}) {
  const name = databaseName(url);
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const template = options.template ? ` TEMPLATE "${options.template}"` : "";
    await client.query(`CREATE DATABASE "${name}"${template}`);
  });
  return url;
}

/**
 * Drops every database whose name starts with `prefix` (closing their connections).
 * @param {string} url any database URL on the server
 * @param {string} prefix
 */
export async function dropDatabasesStartingWith(url, prefix) {
  await onServer(url, async (client) => {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
