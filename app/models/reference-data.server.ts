// Reference data (docs/design.md, "The domain"): départements and communes from
// @etalab/decoupage-administratif, and the domain lists of app/utils/domain.ts (public
// categories, themes, action types, yearly catalogue). Loaded at every start: each table is
// filled only when it is empty, after a cheap count, so a second run costs a few queries.

import { createRequire } from "node:module";
import type { Prisma } from "~/generated/prisma/client";
import { insertRows } from "~/utils/bulk-insert.server";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, PUBLIC_CATEGORIES, THEMES, THEME_ACTION_TYPES } from "~/utils/domain";

/** A Prisma client or a transaction client: any of them has the model delegates used here. */
type DbClient = Prisma.TransactionClient;

// The JSON files are read with a local require (not bundled by esbuild, not parsed at import
// time): works under tsx, vitest and the Remix server build alike. The name is not `require`
// on purpose, so that esbuild does not try to inline the 12 MB of data.
const requireData = createRequire(import.meta.url);

type EtalabDepartement = { code: string; nom: string; region: string; zone: string };
type EtalabRegion = { code: string; nom: string };
type EtalabCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
};
type EtalabEpci = { code: string; membres: { code: string }[] };

const COMMUNE_COLUMNS = [
  "code",
  "name",
  "departementCode",
  "postcodes",
  "epciCode",
  "arrondissementCode",
  "population",
] as const;
/** Zones of the 101 départements (metropolitan and overseas); "com" are not départements. */
const DEPARTEMENT_ZONES = new Set(["metro", "drom"]);

export type ReferenceDataReport = {
  departements: number;
  communes: number;
  publicCategories: number;
  themes: number;
  actionTypes: number;
  catalogueEntries: number;
  ms: number;
};

/**
 * The years a fresh catalogue covers: two years back, this year and next year (UTC, like every
 * year selector). Afterwards the administration opens each new year (/admin/catalogue).
 */
export function catalogueYears(now = new Date()): number[] {
  const year = now.getUTCFullYear();
  return [year - 2, year - 1, year, year + 1];
}

/**
 * The catalogue years to create at start: all of catalogueYears on an empty catalogue; else only
 * the current year when nobody opened it in time (so declaring never dead-ends in January).
 */
export function missingCatalogueYears(existing: number[], now = new Date()): number[] {
  if (existing.length === 0) return catalogueYears(now);
  const current = now.getUTCFullYear();
  return existing.includes(current) ? [] : [current];
}

/**
 * Fills the reference tables that are empty. Idempotent and cheap when everything is there.
 * Returns how many rows it inserted in each table.
 */
export async function loadReferenceData(db: DbClient = prisma): Promise<ReferenceDataReport> {
  const started = performance.now();
  const report: ReferenceDataReport = {
    departements: 0,
    communes: 0,
    publicCategories: 0,
    themes: 0,
    actionTypes: 0,
    catalogueEntries: 0,
    ms: 0,
  };

  const [departementCount, communeCount, publicCount, themeCount, actionTypeCount, years] =
    await Promise.all([
      db.departement.count(),
      db.commune.count(),
      db.publicCategory.count(),
      db.theme.count(),
      db.actionType.count(),
      db.catalogueEntry.findMany({ distinct: ["year"], select: { year: true } }),
    ]);
  const missingYears = missingCatalogueYears(years.map((row) => row.year));

  const nothingToDo =
    departementCount > 0 &&
    communeCount > 0 &&
    publicCount > 0 &&
    themeCount > 0 &&
    actionTypeCount > 0 &&
    missingYears.length === 0;
  if (nothingToDo) {
    report.ms = Math.round(performance.now() - started);
    return report;
  }

  await inTransaction(db, async (tx) => {
    if (departementCount === 0) report.departements = await loadDepartements(tx);
    if (communeCount === 0) report.communes = await loadCommunes(tx);

    if (publicCount === 0) {
      const { count } = await tx.publicCategory.createMany({
        data: PUBLIC_CATEGORIES.map((p, i) => ({ code: p.code, label: p.label, sortOrder: i })),
      });
      report.publicCategories = count;
    }
    if (themeCount === 0) {
      const { count } = await tx.theme.createMany({
        data: THEMES.map((t, i) => ({ code: t.code, label: t.label, sortOrder: i })),
      });
      report.themes = count;
    }
    if (actionTypeCount === 0) {
      const { count } = await tx.actionType.createMany({
        data: ACTION_TYPES.map((a, i) => ({
          code: a.code,
          label: a.label,
          defaultUnit: a.defaultUnit,
          isHire: a.isHire,
          sortOrder: i,
        })),
      });
      report.actionTypes = count;
    }
    if (missingYears.length > 0) {
      const data = await catalogueRows(tx, missingYears);
      const { count } = await tx.catalogueEntry.createMany({ data });
      report.catalogueEntries = count;
    }
  });

  report.ms = Math.round(performance.now() - started);
  return report;
}

/** The rows of the missing years: a copy of the newest earlier year, else the default catalogue. */
async function catalogueRows(tx: DbClient, years: number[]) {
  const rows: { year: number; themeCode: string; actionTypeCode: string; description: string }[] =
    [];
  for (const year of years) {
    const previous = await tx.catalogueEntry.findFirst({
      where: { year: { lt: year } },
      orderBy: { year: "desc" },
      select: { year: true },
    });
    const source = previous
      ? await tx.catalogueEntry.findMany({
          where: { year: previous.year },
          select: { themeCode: true, actionTypeCode: true, description: true },
        })
      : Object.entries(THEME_ACTION_TYPES).flatMap(([themeCode, actionTypeCodes]) =>
          actionTypeCodes.map((actionTypeCode) => ({ themeCode, actionTypeCode, description: "" })),
        );
    rows.push(...source.map((entry) => ({ ...entry, year })));
  }
  return rows;
}

/** Runs `fn` in one transaction when given a full client; as is when already in one. */
async function inTransaction(db: DbClient, fn: (tx: DbClient) => Promise<void>) {
  const client = db as DbClient & {
    $transaction?: (
      fn: (tx: DbClient) => Promise<void>,
      options?: { timeout?: number; maxWait?: number },
    ) => Promise<void>;
  };
  if (typeof client.$transaction === "function") {
    await client.$transaction(fn, { timeout: 60_000, maxWait: 10_000 });
  } else {
    await fn(db);
  }
}

function departementsOfFrance(): EtalabDepartement[] {
  const all = requireData(
    "@etalab/decoupage-administratif/data/departements.json",
  ) as EtalabDepartement[];
  return all.filter((d) => DEPARTEMENT_ZONES.has(d.zone));
}

async function loadDepartements(tx: DbClient): Promise<number> {
  const regions = requireData(
    "@etalab/decoupage-administratif/data/regions.json",
  ) as EtalabRegion[];
  const regionNames = new Map(regions.map((r) => [r.code, r.nom]));
  const { count } = await tx.departement.createMany({
    data: departementsOfFrance().map((d) => ({
      code: d.code,
      name: d.nom,
      regionCode: d.region,
      regionName: regionNames.get(d.region) ?? "",
    })),
  });
  return count;
}

async function loadCommunes(tx: DbClient): Promise<number> {
  const departementCodes = new Set(
    (await tx.departement.findMany({ select: { code: true } })).map((d) => d.code),
  );
  const epcis = requireData("@etalab/decoupage-administratif/data/epci.json") as EtalabEpci[];
  const epciOfCommune = new Map<string, string>();
  for (const epci of epcis) {
    for (const member of epci.membres ?? []) epciOfCommune.set(member.code, epci.code);
  }

  const communes = requireData(
    "@etalab/decoupage-administratif/data/communes.json",
  ) as EtalabCommune[];
  const data: {
    code: string;
    name: string;
    departementCode: string;
    postcodes: string;
    epciCode: string | null;
    arrondissementCode: string | null;
    population: number | null;
  }[] = [];
  for (const c of communes) {
    if (c.type !== "commune-actuelle" || !c.departement || !departementCodes.has(c.departement)) {
      continue;
    }
    data.push({
      code: c.code,
      name: c.nom,
      departementCode: c.departement,
      postcodes: (c.codesPostaux ?? []).join(","),
      arrondissementCode: c.arrondissement ?? null,
      population: c.population ?? null,
      epciCode: epciOfCommune.get(c.code) ?? null,
    });
  }

  return insertRows(tx, "Commune", COMMUNE_COLUMNS, data);
}
