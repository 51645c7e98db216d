// National-scale data generator (`npm run seed:scale [-- --scale 0.01] [--seed 2026] [--force]`):
// fills DATABASE_URL (default file:./data/scale.db, rebuilt from scratch; or a PostgreSQL database
// whose name contains "scale", dropped and created again) with a national programme
// — 100 départements, 300 clubs, 100,000 companies, 400,000 commitments, 3,000,000 realisations
// over 36 months, spread unevenly (tier-10 départements are 10× tier-1 ones: 62 is big, 48 small) —
// plus one prefecture user per département (prefecture-62@scale.test) and an admin
// (admin@scale.test), all with the password SCALE_PASSWORD. Deterministic for a given seed.
// Refuses data/engages.db unless --force. Writes with raw better-sqlite3 prepared multi-row
// INSERTs, one transaction per chunk; the realisation indexes are dropped during the load and
// rebuilt afterwards (same SQL), which is much faster than updating 6 indexes row by row.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { nafSubclasses } from "../app/models/naf.server";
import { createRandom, randomSiret } from "../prisma/factories";
import { databaseFilePath, isPostgresUrl } from "../app/utils/database-url.js";
import { hashPassword } from "../app/utils/password.server";
import { copySqliteToPostgres } from "./copy-to-postgres";
import { recreateDatabase } from "./postgres-databases.mjs";
import {
  ACTION_TYPES,
  HEADCOUNT_BRACKETS,
  PUBLIC_CATEGORIES,
  THEME_ACTION_TYPES,
  THEMES,
} from "../app/utils/domain";

export const SCALE_PASSWORD = "scale-mot-de-passe-2026";
export const BIG_DEPARTEMENT = "62";
export const SMALL_DEPARTEMENT = "48";

const FULL = {
  departements: 100,
  clubsPerDepartement: 3,
  companies: 100_000,
  commitments: 400_000,
  realisations: 3_000_000,
};

export type ScaleOptions = {
  /** The SQLite file: migrated, with the reference data loaded. */
  file: string;
  /** 1 = full national programme; 0.001 for a test. */
  scale?: number;
  seed?: number;
  now?: Date;
  /** Rebuild the realisation indexes after the load instead of updating them row by row. */
  dropIndexes?: boolean;
  log?: (message: string) => void;
};

export type ScaleReport = {
  departements: number;
  clubs: number;
  companies: number;
  memberships: number;
  commitments: number;
  commitmentPublics: number;
  realisations: number;
  users: number;
  ms: number;
};

type Value = string | number | null;

/** A DateTime as Prisma's better-sqlite3 adapter stores it (see bulk-insert.server.ts). */
function iso(date: Date) {
  return date.toISOString().replace("Z", "+00:00");
}

/** Deterministic, sortable ids: prefix + zero-padded base-36 counter (Prisma accepts any string). */
function makeId(prefix: string, n: number) {
  return `${prefix}${n.toString(36).padStart(8, "0")}`;
}

/** Multi-row INSERT with a cached prepared statement per row count. */
function inserter(db: Database.Database, table: string, columns: readonly string[]) {
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const cache = new Map<number, Database.Statement>();
  const placeholders = `(${columns.map(() => "?").join(",")})`;
  const columnList = columns.map((c) => `"${c}"`).join(",");
  function statement(rows: number) {
    let s = cache.get(rows);
    if (!s) {
      s = db.prepare(
        `INSERT INTO "${table}" (${columnList}) VALUES ${Array(rows).fill(placeholders).join(",")}`,
      );
      cache.set(rows, s);
    }
    return s;
  }
  /** Inserts flat values (rows × columns). */
  return (values: Value[]) => {
    const width = columns.length;
    const rows = values.length / width;
    for (let i = 0; i < rows; i += perStatement) {
      const n = Math.min(perStatement, rows - i);
      statement(n).run(values.slice(i * width, (i + n) * width));
    }
  };
}

export async function generateScaleData(options: ScaleOptions): Promise<ScaleReport> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed ?? 2026);
  const now = options.now ?? new Date();
  const nowIso = iso(now);
  const db = new Database(options.file);
  db.pragma("foreign_keys = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -524288"); // 512 MiB
  db.pragma("temp_store = MEMORY");

  const counts = {
    departements: Math.max(3, Math.min(FULL.departements, Math.round(100 * Math.sqrt(scale)))),
    companies: Math.max(10, Math.round(FULL.companies * scale)),
    commitments: Math.max(20, Math.round(FULL.commitments * scale)),
    realisations: Math.max(100, Math.round(FULL.realisations * scale)),
  };

  try {
    // ------------------------------------------------------------ départements and their weights
    const allDepartements = (
      db.prepare(`SELECT code FROM "Departement" ORDER BY code`).all() as { code: string }[]
    ).map((d) => d.code);
    if (allDepartements.length < counts.departements) {
      throw new Error("Données de référence absentes : lancez les migrations et le chargement.");
    }
    const others = random.sample(
      allDepartements.filter((c) => c !== BIG_DEPARTEMENT && c !== SMALL_DEPARTEMENT),
      counts.departements - 2,
    );
    const departements = [BIG_DEPARTEMENT, SMALL_DEPARTEMENT, ...others].sort();
    // Tiers: 10 % of départements weigh 10, 30 % weigh 3, the rest 1 (62 is tier 10, 48 tier 1).
    const weight = new Map<string, number>();
    for (const code of departements) {
      weight.set(
        code,
        random.weighted([
          [10, 1],
          [3, 3],
          [1, 6],
        ] as const),
      );
    }
    weight.set(BIG_DEPARTEMENT, 10);
    weight.set(SMALL_DEPARTEMENT, 1);
    const departementWeights = departements.map((c) => [c, weight.get(c)!] as const);

    const communesOf = new Map<string, string[]>();
    for (const row of db
      .prepare(`SELECT code, departementCode FROM "Commune" ORDER BY code`)
      .iterate() as Iterable<{ code: string; departementCode: string }>) {
      if (!weight.has(row.departementCode)) continue;
      const list = communesOf.get(row.departementCode) ?? [];
      list.push(row.code);
      communesOf.set(row.departementCode, list);
    }

    // ------------------------------------------------------------ clubs
    const clubs: { id: string; departementCode: string }[] = [];
    const clubsOf = new Map<string, number[]>();
    const insertClub = inserter(db, "Club", [
      "id",
      "name",
      "departementCode",
      "description",
      "reminderCapDays",
      "createdAt",
    ]);
    const clubValues: Value[] = [];
    for (const code of departements) {
      for (let k = 0; k < FULL.clubsPerDepartement; k++) {
        const id = makeId("sclub", clubs.length);
        clubsOf.set(code, [...(clubsOf.get(code) ?? []), clubs.length]);
        clubs.push({ id, departementCode: code });
        clubValues.push(id, `Club des entreprises ${code} n° ${k + 1}`, code, "", 30, nowIso);
      }
    }
    db.transaction(() => insertClub(clubValues))();
    log(`${departements.length} départements, ${clubs.length} clubs`);

    // ------------------------------------------------------------ companies and memberships
    const naf = nafSubclasses();
    const sirets = new Set<string>();
    const companyClub = new Int32Array(counts.companies);
    const companyIds: string[] = [];
    const companyColumns = [
      "id",
      "siret",
      "siren",
      "name",
      "nafCode",
      "nafLabel",
      "headcountBracket",
      "communeCode",
      "publicPage",
      "createdAt",
      "updatedAt",
    ];
    const membershipColumns = [
      "id",
      "companyId",
      "clubId",
      "status",
      "joinedAt",
      "leftAt",
      "remindersOptOut",
      "createdAt",
      "updatedAt",
    ];
    const insertCompany = inserter(db, "Company", companyColumns);
    const insertMembership = inserter(db, "ClubMembership", membershipColumns);
    let memberships = 0;
    const CHUNK = 20_000;
    for (let start = 0; start < counts.companies; start += CHUNK) {
      const companyValues: Value[] = [];
      const membershipValues: Value[] = [];
      for (let i = start; i < Math.min(counts.companies, start + CHUNK); i++) {
        const departementCode = random.weighted(departementWeights);
        const clubIndex = random.pick(clubsOf.get(departementCode)!);
        companyClub[i] = clubIndex;
        let siret = randomSiret(random);
        while (sirets.has(siret)) siret = randomSiret(random);
        sirets.add(siret);
        const id = makeId("scomp", i);
        companyIds.push(id);
        const entry = random.pick(naf);
        const communes = communesOf.get(departementCode);
        const joinedAt = new Date(now.getTime() - random.int(30, 1500) * 86_400_000);
        companyValues.push(
          id,
          siret,
          siret.slice(0, 9),
          `Entreprise ${i + 1} (${departementCode})`,
          entry.code,
          entry.label,
          random.pick(HEADCOUNT_BRACKETS).code,
          communes ? random.pick(communes) : null,
          random.chance(0.2) ? 1 : 0,
          iso(joinedAt),
          iso(joinedAt),
        );
        const status = random.weighted([
          ["MEMBER", 85],
          ["PROSPECT", 10],
          ["LEFT", 5],
        ] as const);
        membershipValues.push(
          makeId("smemb", i),
          id,
          clubs[clubIndex].id,
          status,
          status === "PROSPECT" ? null : iso(joinedAt),
          status === "LEFT" ? nowIso : null,
          0,
          iso(joinedAt),
          iso(joinedAt),
        );
        memberships += 1;
      }
      db.transaction(() => {
        insertCompany(companyValues);
        insertMembership(membershipValues);
      })();
      log(`entreprises : ${Math.min(counts.companies, start + CHUNK)} / ${counts.companies}`);
    }

    // ------------------------------------------------------------ commitments (and their publics)
    const year = now.getUTCFullYear();
    const years = [year - 2, year - 1, year];
    const commitmentCompany = new Int32Array(counts.commitments);
    const commitmentYear = new Int16Array(counts.commitments);
    const commitmentAction = new Int8Array(counts.commitments);
    const commitmentPublics: number[][] = [];
    const actionIndex = new Map<string, number>(ACTION_TYPES.map((a, i) => [a.code, i]));
    const commitmentColumns = [
      "id",
      "companyId",
      "clubId",
      "departementCode",
      "year",
      "themeCode",
      "actionTypeCode",
      "ambition",
      "targetQuantity",
      "targetUnit",
      "startDate",
      "endDate",
      "status",
      "visibility",
      "createdAt",
      "updatedAt",
    ];
    // The commitment triggers (companies and commitments per year, decision 033) would rebuild a
    // company's rows per commitment: their backfill runs at the end instead.
    const commitmentTriggers = dropSchemaObjects(db, "trigger", "Commitment");
    const insertCommitment = inserter(db, "Commitment", commitmentColumns);
    const insertPublic = inserter(db, "CommitmentPublic", ["commitmentId", "publicCategoryCode"]);
    let publicsCount = 0;
    for (let start = 0; start < counts.commitments; start += CHUNK) {
      const values: Value[] = [];
      const publicValues: Value[] = [];
      for (let i = start; i < Math.min(counts.commitments, start + CHUNK); i++) {
        const company = random.int(0, counts.companies - 1);
        const club = clubs[companyClub[company]];
        const y = random.weighted([
          [years[0], 2],
          [years[1], 3],
          [years[2], 4],
        ] as const);
        const theme = random.pick(THEMES);
        const actionCode = random.pick(THEME_ACTION_TYPES[theme.code]);
        const action = ACTION_TYPES[actionIndex.get(actionCode)!];
        const publics = random
          .sample(PUBLIC_CATEGORIES, random.int(1, 3))
          .map((p) => PUBLIC_CATEGORIES.indexOf(p));
        commitmentCompany[i] = company;
        commitmentYear[i] = y;
        commitmentAction[i] = actionIndex.get(actionCode)!;
        commitmentPublics.push(publics);
        const id = makeId("scomm", i);
        const created = iso(new Date(Date.UTC(y, 0, random.int(1, 60))));
        const status =
          y < year
            ? random.weighted([
                ["ACHIEVED", 6],
                ["ABANDONED", 2],
                ["ACTIVE", 2],
              ] as const)
            : random.weighted([
                ["ACTIVE", 8],
                ["DRAFT", 1],
                ["ACHIEVED", 1],
              ] as const);
        const hasTarget = random.chance(0.7);
        values.push(
          id,
          companyIds[company],
          club.id,
          club.departementCode,
          y,
          theme.code,
          actionCode,
          `Engagement ${theme.label.toLowerCase()}`,
          hasTarget ? random.int(1, 20) : null,
          hasTarget ? action.defaultUnit : null,
          iso(new Date(Date.UTC(y, 0, 1))),
          iso(new Date(Date.UTC(y, 11, 31))),
          status,
          random.chance(0.3) ? "PUBLIC" : "CLUB",
          created,
          created,
        );
        for (const p of publics) publicValues.push(id, PUBLIC_CATEGORIES[p].code);
        publicsCount += publics.length;
      }
      db.transaction(() => {
        insertCommitment(values);
        insertPublic(publicValues);
      })();
      log(`engagements : ${Math.min(counts.commitments, start + CHUNK)} / ${counts.commitments}`);
    }

    // ------------------------------------------------------------ realisations
    const realisationIndexes =
      options.dropIndexes === false ? [] : dropSchemaObjects(db, "index", "Realisation");
    // The summary triggers would run three upserts per row: the summaries are rebuilt at the end.
    const realisationTriggers = dropSchemaObjects(db, "trigger", "Realisation");
    const realisationColumns = [
      "id",
      "companyId",
      "clubId",
      "departementCode",
      "commitmentId",
      "date",
      "actionTypeCode",
      "publicCategoryCode",
      "contractType",
      "quantity",
      "unit",
      "qpv",
      "communeCode",
      "note",
      "createdAt",
      "updatedAt",
    ];
    const insertRealisation = inserter(db, "Realisation", realisationColumns);
    const qpvValues = ["YES", "NO", "UNKNOWN"] as const;
    const dayMs = 86_400_000;
    const R_CHUNK = 50_000;
    for (let start = 0; start < counts.realisations; start += R_CHUNK) {
      const values: Value[] = [];
      for (let i = start; i < Math.min(counts.realisations, start + R_CHUNK); i++) {
        const c = random.int(0, counts.commitments - 1);
        const company = commitmentCompany[c];
        const club = clubs[companyClub[company]];
        const y = commitmentYear[c];
        const yearStart = Date.UTC(y, 0, 1);
        const yearEnd = Math.min(Date.UTC(y + 1, 0, 1), now.getTime()) - dayMs;
        const date = new Date(
          yearStart + random.int(0, Math.floor((yearEnd - yearStart) / dayMs)) * dayMs,
        );
        const action = ACTION_TYPES[commitmentAction[c]];
        const publicCode = PUBLIC_CATEGORIES[random.pick(commitmentPublics[c])].code;
        const quantity =
          action.defaultUnit === "EUROS"
            ? random.int(100, 50_000)
            : action.defaultUnit === "HOURS"
              ? random.int(1, 200)
              : random.weighted([
                  [1, 8],
                  [2, 1],
                  [random.int(3, 10), 1],
                ] as const);
        const dateIso = iso(date);
        values.push(
          makeId("sreal", i),
          companyIds[company],
          club.id,
          club.departementCode,
          random.chance(0.85) ? makeId("scomm", c) : null,
          dateIso,
          action.code,
          publicCode,
          action.code === "WORK_STUDY" ? "ALTERNANCE" : action.isHire ? "CDI" : null,
          quantity,
          action.defaultUnit,
          random.pick(qpvValues),
          null,
          "",
          dateIso,
          dateIso,
        );
      }
      db.transaction(() => insertRealisation(values))();
      log(
        `réalisations : ${Math.min(counts.realisations, start + R_CHUNK)} / ${counts.realisations}`,
      );
    }
    if (realisationIndexes.length > 0) {
      const t = performance.now();
      for (const sql of realisationIndexes) db.exec(sql);
      log(`index des réalisations reconstruits (${Math.round(performance.now() - t)} ms)`);
    }
    {
      const t = performance.now();
      db.transaction(() => {
        rebuildFigureSummaries(db);
        for (const sql of [...realisationTriggers, ...commitmentTriggers]) db.exec(sql);
      })();
      log(`résumés mensuels des chiffres reconstruits (${Math.round(performance.now() - t)} ms)`);
    }

    // ------------------------------------------------------------ users and roles
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const insertUser = inserter(db, "User", [
      "id",
      "email",
      "name",
      "passwordHash",
      "digestOptOut",
      "createdAt",
      "updatedAt",
    ]);
    const insertRole = inserter(db, "RoleAssignment", [
      "id",
      "userId",
      "role",
      "departementCode",
      "createdAt",
    ]);
    const userValues: Value[] = [
      "suser-admin",
      "admin@scale.test",
      "Admin national",
      passwordHash,
      1,
      nowIso,
      nowIso,
    ];
    const roleValues: Value[] = ["srole-admin", "suser-admin", "ADMIN", null, nowIso];
    for (const code of departements) {
      userValues.push(
        `suser-${code}`,
        `prefecture-${code.toLowerCase()}@scale.test`,
        `Préfecture ${code}`,
        passwordHash,
        1,
        nowIso,
        nowIso,
      );
      roleValues.push(`srole-${code}`, `suser-${code}`, "PREFECTURE", code, nowIso);
    }
    db.transaction(() => {
      insertUser(userValues);
      insertRole(roleValues);
    })();

    db.exec("ANALYZE");
    return {
      departements: departements.length,
      clubs: clubs.length,
      companies: counts.companies,
      memberships,
      commitments: counts.commitments,
      commitmentPublics: publicsCount,
      realisations: counts.realisations,
      users: departements.length + 1,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    db.pragma("synchronous = FULL");
    db.close();
  }
}

/** Drops the secondary indexes of a table; returns their CREATE statements. */
/** Drops a table's indexes or triggers; returns the SQL that recreates them. */
function dropSchemaObjects(
  db: Database.Database,
  type: "index" | "trigger",
  table: string,
): string[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL`,
    )
    .all(type, table) as { name: string; sql: string }[];
  for (const row of rows) db.exec(`DROP ${type.toUpperCase()} "${row.name}"`);
  return rows.map((r) => r.sql);
}

/** The statements of a migration after its "-- Existing data" line: its backfill. */
function backfillOf(migration: string) {
  const sql = fs.readFileSync(
    fileURLToPath(new URL(`../prisma/migrations/${migration}/migration.sql`, import.meta.url)),
    "utf8",
  );
  const backfill = sql.split("-- Existing data")[1];
  if (!backfill) throw new Error(`Migration ${migration} : partie « Existing data » introuvable.`);
  return backfill.slice(backfill.indexOf("\n"));
}

/**
 * Fills the figure summaries (monthly, per département, national per day) from the realisations,
 * the companies engaged per year from the commitments and the clubs' member counts with the
 * backfill statements of their migrations: one GROUP BY instead of the triggers' work per row.
 */
function rebuildFigureSummaries(db: Database.Database) {
  // Public figures stored before this bulk load would hide it until the next month (decision 014).
  db.exec(
    `DELETE FROM "RealisationMonthly"; DELETE FROM "RealisationMonthlyProfile"; DELETE FROM "RealisationDepartementMonthly"; DELETE FROM "RealisationNationalDaily"; DELETE FROM "RealisationDepartementDaily"; DELETE FROM "ClubMemberCount"; DELETE FROM "PublicFiguresSnapshot"; DELETE FROM "CommitmentCompanyYear"; DELETE FROM "CommitmentYearMonth";`,
  );
  db.exec(backfillOf("20261124090000_figure_summaries"));
  db.exec(backfillOf("20261208100000_commitment_company_years"));
  db.exec(backfillOf("20261209100000_national_summaries"));
  db.exec(backfillOf("20261211100000_departement_daily"));
}

// ---------------------------------------------------------------- command line

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scale = Number(option("--scale") ?? 1);
  const seed = Number(option("--seed") ?? 2026);
  if (!(scale > 0) || !Number.isFinite(seed)) throw new Error("--scale et --seed : des nombres");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const url = process.env.DATABASE_URL || "file:./data/scale.db";
  // PostgreSQL: generated into a SQLite file first, then copied (scripts/copy-to-postgres.ts).
  const postgres = isPostgresUrl(url);
  if (postgres && !/scale/.test(new URL(url).pathname) && !args.includes("--force")) {
    throw new Error(
      `Refus de remplacer la base ${url} : son nom doit contenir « scale », ou --force.`,
    );
  }
  const file = postgres
    ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "engages-scale-")), "scale.db")
    : databaseFilePath(url);
  if (!file) throw new Error(`DATABASE_URL : un fichier SQLite ou une base PostgreSQL : ${url}`);
  const protectedFile = path.resolve(root, "data", "engages.db");
  const isMain = path.resolve(file) === protectedFile;
  if (isMain && !args.includes("--force")) {
    throw new Error(`Refus d'écrire dans ${file} (la base de l'application) sans --force.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!isMain) {
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      fs.rmSync(file + suffix, { force: true });
  }
  const started = performance.now();
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  console.log(`Base : ${file} (échelle ${scale}, graine ${seed})`);
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  execFileSync(bin("tsx"), [path.join(root, "tests", "setup", "load-reference-data.ts")], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  const t0 = performance.now();
  const report = await generateScaleData({
    file,
    scale,
    seed,
    log: (m) =>
      console.log(`  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${m}`),
  });
  if (postgres) {
    const t1 = performance.now();
    console.log(`Copie vers ${url}`);
    await recreateDatabase(url);
    execFileSync(bin("prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    await copySqliteToPostgres(file, url, (m) => console.log(`  ${m}`));
    console.log(`Copie terminée en ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  } else {
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.close();
  }
  console.log(report);
  console.log(
    `Terminé en ${((performance.now() - started) / 1000).toFixed(1)} s (génération ${(report.ms / 1000).toFixed(1)} s). ` +
      `Comptes : admin@scale.test, prefecture-<code>@scale.test ; mot de passe « ${SCALE_PASSWORD} ».`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
