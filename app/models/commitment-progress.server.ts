// THE progress of commitments, for every page that shows it (company dashboard, commitment page,
// annual report and workbook, club members, milestones): a commitment counts only the
// realisations in its own unit. Realisations linked before the rule existed (5 hours of
// volunteering on an immersion commitment) are reported apart, never added to people.
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { commitmentUnit } from "~/utils/commitment-unit";
import { ACTION_TYPES, UNITS, type Unit } from "~/utils/domain";

export type ProgressCommitment = {
  id: string;
  targetQuantity: number | null;
  targetUnit: string | null;
  actionTypeCode: string;
};

/** What commitmentProgress reads of a commitment, for the selects that feed it. */
export const PROGRESS_FIELDS = {
  id: true,
  targetQuantity: true,
  targetUnit: true,
  actionTypeCode: true,
} satisfies Prisma.CommitmentSelect;

export type CommitmentProgress = {
  unit: Unit;
  /** Sum of the linked realisations in the commitment's unit. */
  realised: number;
  /** How many linked realisations count. */
  realisationCount: number;
  /** Linked realisations in another unit: shown, not counted. */
  excluded: Array<{ unit: string; count: number; quantity: number }>;
  /** realised ÷ target in %, rounded (may pass 100); null without a target. */
  percent: number | null;
};

/** commitmentUnit in SQL, on a commitment aliased `c`: its target's unit, else its action's. */
export const COMMITMENT_UNIT_SQL = Prisma.sql`CASE WHEN c."targetUnit" IN (${Prisma.join([...UNITS])})
  THEN c."targetUnit" ELSE CASE c."actionTypeCode" ${Prisma.join(
    ACTION_TYPES.map((a) => Prisma.sql`WHEN ${a.code} THEN ${a.defaultUnit}`),
    " ",
  )} ELSE 'PEOPLE' END END`;

export function percentOf(realised: number, target: number | null) {
  return target && target > 0 ? Math.round((realised / target) * 100) : null;
}

/** Progress of each commitment, by id (one query per 500 commitments). */
export async function commitmentProgress(
  commitments: ProgressCommitment[],
  db: Tx | typeof prisma = prisma,
): Promise<Map<string, CommitmentProgress>> {
  const rows: Array<{ commitmentId: string | null; unit: string; count: number; sum: number }> = [];
  for (let i = 0; i < commitments.length; i += 500) {
    const found = await db.realisation.groupBy({
      by: ["commitmentId", "unit"],
      where: { commitmentId: { in: commitments.slice(i, i + 500).map((c) => c.id) } },
      _count: { _all: true },
      _sum: { quantity: true },
    });
    for (const r of found) {
      rows.push({
        commitmentId: r.commitmentId,
        unit: r.unit,
        count: r._count._all,
        sum: r._sum.quantity ?? 0,
      });
    }
  }
  // Grouped once: a big club's year has thousands of commitments.
  const rowsOf = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const linked = rowsOf.get(r.commitmentId);
    if (linked) linked.push(r);
    else rowsOf.set(r.commitmentId, [r]);
  }
  const result = new Map<string, CommitmentProgress>();
  for (const c of commitments) {
    const unit = commitmentUnit(c);
    const linked = rowsOf.get(c.id) ?? [];
    const counted = linked.filter((r) => r.unit === unit);
    const realised = counted.reduce((sum, r) => sum + r.sum, 0);
    result.set(c.id, {
      unit,
      realised,
      realisationCount: counted.reduce((sum, r) => sum + r.count, 0),
      excluded: linked
        .filter((r) => r.unit !== unit)
        .map((r) => ({ unit: r.unit, count: r.count, quantity: r.sum })),
      percent: percentOf(realised, c.targetQuantity),
    });
  }
  return result;
}

/** Progress of one commitment (the same rule as the lists). */
export async function oneCommitmentProgress(commitment: ProgressCommitment) {
  return (await commitmentProgress([commitment])).get(commitment.id)!;
}
