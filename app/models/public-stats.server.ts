// Public figures (DESIGN.md contract of /api/stats): aggregates only, never a company name.
import { prisma } from "~/utils/db.server";
import { keyFigures, peopleByPublic, realisationsByActionType, yearPeriod } from "./figures.server";

export async function findDepartement(code: string) {
  return prisma.departement.findUnique({ where: { code }, select: { code: true, name: true } });
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
    peopleHired: figures.peopleHired,
    byPublicCategory: byPublic.map((r) => ({
      code: r.code,
      label: r.label,
      people: r.quantity,
      realisations: r.count,
    })),
    byActionType: byActionType.map((r) => ({
      code: r.code,
      label: r.label,
      quantity: r.quantity,
      realisations: r.count,
    })),
  };
}

export type PublicStats = Awaited<ReturnType<typeof publicStats>>;
