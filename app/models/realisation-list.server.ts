import { prisma } from "~/utils/db.server";
import { commitmentUnit } from "~/utils/commitment-unit";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "~/utils/domain";
import { COMMITMENT_HEADLINE, NEWEST_COMMITMENTS_FIRST } from "./commitment-selects.server";

/** A company's realisations of a year, newest first. */
export async function listRealisations(companyId: string, year: number) {
  return prisma.realisation.findMany({
    where: {
      companyId,
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 1000,
    select: {
      id: true,
      date: true,
      quantity: true,
      unit: true,
      contractType: true,
      qpv: true,
      actionType: { select: { label: true } },
      publicCategory: { select: { label: true } },
      commitment: { select: { id: true, ambition: true } },
      importBatchId: true,
    },
  });
}

export async function getRealisation(companyId: string, realisationId: string) {
  return prisma.realisation.findFirst({ where: { id: realisationId, companyId } });
}

/** The company's commitments as choices for the realisation form (current ones first). */
export async function commitmentChoices(companyId: string) {
  const commitments = await prisma.commitment.findMany({
    where: { companyId, status: { not: "ABANDONED" } },
    orderBy: NEWEST_COMMITMENTS_FIRST,
    select: {
      ...COMMITMENT_HEADLINE,
      actionTypeCode: true,
      targetUnit: true,
      publics: { select: { publicCategoryCode: true } },
    },
  });
  return commitments.map((c) => ({
    id: c.id,
    actionTypeCode: c.actionTypeCode,
    unit: commitmentUnit(c),
    firstPublic: c.publics[0]?.publicCategoryCode ?? "DELD",
    label: `${c.year} — ${c.ambition.length > 70 ? `${c.ambition.slice(0, 70)}…` : c.ambition} (${COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus]})`,
  }));
}
