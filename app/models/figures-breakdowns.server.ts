// The breakdowns of a scope's figures (by public, action type, contract, club, company size and
// sector) and its monthly trend: GROUP BYs over the sources of figures.server.ts.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
} from "~/utils/domain";
import { formatMonth } from "~/utils/format";
import {
  groupRealisations,
  HIRE,
  mergeInto,
  monthKey,
  profileRows,
  type Breakdown,
  type FigureScope,
  type GroupedRow,
  type Period,
} from "./figures.server";

/** People reached, by public category (only realisations counted in people). */
export async function peopleByPublic(scope: FigureScope, period: Period): Promise<Breakdown> {
  const rows = await groupRealisations(
    scope,
    period,
    "publicCategoryCode",
    Prisma.sql`s."unit" = 'PEOPLE'`,
  );
  return mergeInto(PUBLIC_CATEGORIES, rows, (code) => code ?? "");
}

/** Realisations by action type, with their quantity (in the action type's own unit). */
export async function realisationsByActionType(
  scope: FigureScope,
  period: Period,
): Promise<Breakdown> {
  const rows = await groupRealisations(scope, period, "actionTypeCode");
  return mergeInto(ACTION_TYPES, rows, (code) => code ?? "");
}

/** People hired (hires counted in people), by contract type. */
export async function hiresByContractType(scope: FigureScope, period: Period): Promise<Breakdown> {
  const rows = await groupRealisations(scope, period, "contractType", HIRE);
  return mergeInto(
    [
      ...CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
      { code: "NONE", label: "Contrat non précisé" },
    ],
    rows,
    (code) => code || "NONE",
  );
}

/** People reached and declarations, by club, for every club of the scope's département. */
export async function realisationsByClub(scope: FigureScope, period: Period): Promise<Breakdown> {
  const [clubs, rows] = await Promise.all([
    prisma.club.findMany({
      where: { departementCode: scope.departementCode },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    groupRealisations(scope, period, "clubId", Prisma.sql`TRUE`, "people"),
  ]);
  return mergeInto(
    [...clubs.map((c) => ({ code: c.id, label: c.name })), { code: "NONE", label: "Sans club" }],
    rows,
    (code) => code || "NONE",
  );
}

/** Sums by a profile trait of the declaring company (see `profileRows`). */
function groupByProfile(scope: FigureScope, period: Period, dimension: "SIZE" | "NAF") {
  return prisma.$queryRaw<GroupedRow[]>`
    SELECT s."value" AS "code", SUM(s."realisations") AS "n", SUM(s."people") AS "people"
    FROM (${profileRows(scope, period, dimension)}) s
    GROUP BY s."value"`;
}

/** Company size classes, from INSEE headcount brackets. */
export const SIZE_CLASSES = [
  { code: "MICRO", label: "Moins de 10 salariés", brackets: ["00", "01", "02", "03"] },
  { code: "SMALL", label: "10 à 49 salariés", brackets: ["11", "12"] },
  { code: "MEDIUM", label: "50 à 249 salariés", brackets: ["21", "22", "31"] },
  { code: "LARGE", label: "250 à 4 999 salariés", brackets: ["32", "41", "42", "51"] },
  { code: "HUGE", label: "5 000 salariés et plus", brackets: ["52", "53"] },
  { code: "UNKNOWN", label: "Effectif non renseigné", brackets: [] },
] as const;

/** People reached and declarations, by the declaring company's size class. */
export async function realisationsByCompanySize(scope: FigureScope, period: Period) {
  const rows = await groupByProfile(scope, period, "SIZE");
  return mergeInto(
    SIZE_CLASSES,
    rows,
    (code) =>
      SIZE_CLASSES.find((s) => (s.brackets as readonly string[]).includes(code ?? ""))?.code ??
      "UNKNOWN",
  );
}

/** NAF rev. 2 sections, with the divisions (first 2 digits of the code) each one spans. */
export const NAF_SECTIONS = [
  { code: "A", label: "Agriculture, sylviculture et pêche", from: 1, to: 3 },
  { code: "B", label: "Industries extractives", from: 5, to: 9 },
  { code: "C", label: "Industrie manufacturière", from: 10, to: 33 },
  { code: "D", label: "Électricité, gaz, vapeur et air conditionné", from: 35, to: 35 },
  { code: "E", label: "Eau, assainissement, gestion des déchets et dépollution", from: 36, to: 39 },
  { code: "F", label: "Construction", from: 41, to: 43 },
  { code: "G", label: "Commerce ; réparation d'automobiles et de motocycles", from: 45, to: 47 },
  { code: "H", label: "Transports et entreposage", from: 49, to: 53 },
  { code: "I", label: "Hébergement et restauration", from: 55, to: 56 },
  { code: "J", label: "Information et communication", from: 58, to: 63 },
  { code: "K", label: "Activités financières et d'assurance", from: 64, to: 66 },
  { code: "L", label: "Activités immobilières", from: 68, to: 68 },
  { code: "M", label: "Activités spécialisées, scientifiques et techniques", from: 69, to: 75 },
  { code: "N", label: "Activités de services administratifs et de soutien", from: 77, to: 82 },
  { code: "O", label: "Administration publique", from: 84, to: 84 },
  { code: "P", label: "Enseignement", from: 85, to: 85 },
  { code: "Q", label: "Santé humaine et action sociale", from: 86, to: 88 },
  { code: "R", label: "Arts, spectacles et activités récréatives", from: 90, to: 93 },
  { code: "S", label: "Autres activités de services", from: 94, to: 96 },
  { code: "T", label: "Activités des ménages en tant qu'employeurs", from: 97, to: 98 },
  { code: "U", label: "Activités extra-territoriales", from: 99, to: 99 },
] as const;

/** The NAF section letter of a code ("49.41A" → "H"), or null. */
export function nafSection(code: string | null | undefined): string | null {
  const division = Number(/^(\d{2})/.exec(code ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(division)) return null;
  return NAF_SECTIONS.find((s) => division >= s.from && division <= s.to)?.code ?? null;
}

/** People reached and declarations, by the declaring company's sector (NAF section). */
export async function realisationsBySector(scope: FigureScope, period: Period) {
  const rows = await groupByProfile(scope, period, "NAF");
  return mergeInto(
    [...NAF_SECTIONS, { code: "UNKNOWN", label: "Secteur non renseigné" }],
    rows,
    (code) => nafSection(code) ?? "UNKNOWN",
  );
}

// ---------------------------------------------------------------- trend

export type TrendMonth = { month: string; label: string; people: number; count: number };

/** People reached and declarations per month ("2026-03"), every month of the period listed. */
export async function monthlyTrend(scope: FigureScope, period: Period): Promise<TrendMonth[]> {
  const rows = await groupRealisations(scope, period, "month", Prisma.sql`TRUE`, "people");
  const byMonth = new Map(rows.map((r) => [r.code, r]));
  const months: TrendMonth[] = [];
  for (
    let d = new Date(period.from);
    d < period.to;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    const month = monthKey(d);
    const row = byMonth.get(month);
    months.push({
      month,
      label: formatMonth(d, "short"),
      people: Number(row?.people ?? 0),
      count: Number(row?.n ?? 0),
    });
  }
  return months;
}
