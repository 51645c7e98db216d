// Public figures (docs/design.md contract of /api/stats): aggregates only, never a company name.
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES } from "~/utils/domain";
import { keyFigures, peopleByPublic, realisationsByActionType, yearPeriod } from "./figures.server";

export async function findDepartement(code: string) {
  return prisma.departement.findUnique({ where: { code }, select: { code: true, name: true } });
}

/** Published in place of a people count of 1 or 2, which could point at someone. */
export const SMALL_COUNT = "< 3" as const;

/** A people count as published: 1 and 2 become "< 3" (0 and 3+ are shown as they are). */
export function maskPeople(n: number): number | typeof SMALL_COUNT {
  return n >= 1 && n <= 2 ? SMALL_COUNT : n;
}

/** The year's public figures, for one département or the whole country. */
export async function publicStats(
  departementCode: string | null,
  year = new Date().getUTCFullYear(),
) {
  const scope = departementCode ? { departementCode } : {};
  const period = yearPeriod(year);
  const [figures, byPublic, byActionType] = await Promise.all([
    keyFigures(scope, period),
    peopleByPublic(scope, period),
    realisationsByActionType(scope, period),
  ]);
  return {
    departement: departementCode,
    year,
    companiesEngaged: figures.companiesEngaged,
    commitments: figures.activeCommitments,
    realisations: figures.realisations,
    peopleHired: maskPeople(figures.peopleHired),
    /** People counts from 1 to 2 are published as the string "< 3". */
    smallCountsMasked: true,
    byPublicCategory: byPublic.map((r) => ({
      code: r.code,
      label: r.label,
      people: maskPeople(r.quantity),
      realisations: r.count,
    })),
    byActionType: byActionType.map((r) => ({
      code: r.code,
      label: r.label,
      unit: ACTION_TYPES.find((a) => a.code === r.code)?.defaultUnit ?? "PEOPLE",
      quantity:
        (ACTION_TYPES.find((a) => a.code === r.code)?.defaultUnit ?? "PEOPLE") === "PEOPLE"
          ? maskPeople(r.quantity)
          : r.quantity,
      realisations: r.count,
    })),
  };
}

export type PublicStats = Awaited<ReturnType<typeof publicStats>>;
