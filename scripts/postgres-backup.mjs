// The PostgreSQL forms of `npm run db:backup` and `npm run db:restore` (README, "Production on
// PostgreSQL"): pg_dump's custom format (a consistent snapshot taken while the app writes) and
// pg_restore into a fresh database, the current one renamed aside, never dropped.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The table of contents of a dump, or null when the file is not one of Engagés. */
function contentsOf(file) {
  try {
    const list = execFileSync("pg_restore", ["--list", file], { encoding: "utf8" });
    return /TABLE public _prisma_migrations/.test(list) ? list : null;
  } catch {
    return null;
  }
}

export function backupPostgres(url, destinationArg) {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const destination = path.resolve(destinationArg ?? `backups/engages-${stamp}.dump`);
  if (fs.existsSync(destination)) {
    console.error(`${destination} existe déjà : choisissez un autre nom.`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partiel`;
  fs.rmSync(partial, { force: true });
  execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${partial}`, url], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const contents = contentsOf(partial);
  if (!contents) {
    fs.rmSync(partial, { force: true });
    console.error("La sauvegarde n'est pas lisible par pg_restore : recommencez.");
    process.exit(1);
  }
  fs.renameSync(partial, destination);
  const tables = (contents.match(/ TABLE DATA public /g) ?? []).length;
  const megabytes = (fs.statSync(destination).size / 1024 / 1024).toFixed(1);
  console.log(`Sauvegarde écrite : ${destination} (${megabytes} Mo, ${tables} tables, lisible).`);
}

export async function restorePostgres(url, backup) {
  if (!contentsOf(backup)) {
    console.error(
      "Sauvegarde refusée (ce n'est pas une sauvegarde d'Engagés) : rien n'a été modifié.",
    );
    process.exit(1);
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const quoted = (n) => `"${n.replace(/"/g, '""')}"`;
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const aside = `${name}_avant_restauration_${stamp}`.slice(0, 63);
      // Refused while someone is connected: the app must be stopped, as the README says.
      await client.query(`ALTER DATABASE ${quoted(name)} RENAME TO ${quoted(aside)}`);
      console.log(`Base actuelle mise de côté : ${aside}`);
    }
    await client.query(`CREATE DATABASE ${quoted(name)}`);
  } finally {
    await client.end();
  }
  execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${url}`, backup], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  console.log(`Sauvegarde restaurée dans ${name}. Démarrez l'application : npm start`);
}
