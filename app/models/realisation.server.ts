// Writing realisations: one by one from the form, or many at once from an import, always in a
// transaction with an audit entry, and always attached to the company's club and département.

import { randomUUID } from "node:crypto";
import { audit } from "~/utils/audit.server";
import { insertRows } from "~/utils/bulk-insert.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { commitmentUnit, unitMismatch } from "~/utils/commitment-unit";
import { unitOf, type RealisationInput } from "~/utils/schemas/realisation";
import { duplicateSince } from "~/utils/duplicates.server";
import { calendarDay } from "~/utils/time/wall-clock";
import { zoneOfDepartement } from "~/utils/time/zones";

export class RealisationError extends Error {
  constructor(
    message: string,
    readonly field?: keyof RealisationInput,
  ) {
    super(message);
  }
}

const REALISATION_COLUMNS = [
  "id",
  "companyId",
  "clubId",
  "departementCode",
  "commitmentId",
  "date",
  "actionTypeCode",
  "publicCategoryCode",
  "otherPublicLabel",
  "contractType",
  "quantity",
  "unit",
  "qpv",
  "note",
  "importBatchId",
  "createdById",
  "createdAt",
  "updatedAt",
] as const;

/** The club a company declares in: its current membership (member first, then prospect). */
export async function declaringClub(db: Tx | typeof prisma, companyId: string) {
  const memberships = await db.clubMembership.findMany({
    where: { companyId, status: { in: ["MEMBER", "PROSPECT"] } },
    select: { clubId: true, status: true, club: { select: { departementCode: true } } },
    orderBy: { createdAt: "asc" },
  });
  const membership = memberships.find((m) => m.status === "MEMBER") ?? memberships[0];
  return membership
    ? { clubId: membership.clubId, departementCode: membership.club.departementCode }
    : null;
}

/** Today in the zone of the club the company declares in (Paris without one): the form's date. */
export async function companyToday(companyId: string, now = new Date()): Promise<string> {
  const club = await declaringClub(prisma, companyId);
  return calendarDay(now, zoneOfDepartement(club?.departementCode));
}

type LinkedCommitment = {
  clubId: string;
  departementCode: string;
  targetUnit: string | null;
  actionTypeCode: string;
};

/**
 * The row to store for a validated input; checks the commitment belongs to the company and is
 * counted in the realisation's unit (else its progress would add hours to people).
 */
async function toRow(
  db: Tx,
  companyId: string,
  input: RealisationInput,
  fallbackClub: { clubId: string; departementCode: string } | null,
  commitments: Map<string, LinkedCommitment | null>,
) {
  let club = fallbackClub;
  if (input.commitmentId) {
    if (!commitments.has(input.commitmentId)) {
      const commitment = await db.commitment.findFirst({
        where: { id: input.commitmentId, companyId },
        select: { clubId: true, departementCode: true, targetUnit: true, actionTypeCode: true },
      });
      commitments.set(input.commitmentId, commitment);
    }
    const commitment = commitments.get(input.commitmentId);
    if (!commitment) {
      throw new RealisationError(
        "Cet engagement n'existe pas pour votre entreprise.",
        "commitmentId",
      );
    }
    const mismatch = unitMismatch(commitmentUnit(commitment), input.actionTypeCode);
    if (mismatch) throw new RealisationError(mismatch, "commitmentId");
    club = { clubId: commitment.clubId, departementCode: commitment.departementCode };
  }
  return {
    companyId,
    clubId: club?.clubId ?? null,
    departementCode: club?.departementCode ?? null,
    commitmentId: input.commitmentId || null,
    date: new Date(`${input.date}T00:00:00Z`),
    actionTypeCode: input.actionTypeCode,
    publicCategoryCode: input.publicCategoryCode,
    otherPublicLabel:
      input.publicCategoryCode === "OTHER" ? (input.otherPublicLabel ?? null) : null,
    contractType: input.contractType ?? null,
    quantity: input.quantity,
    unit: unitOf(input.actionTypeCode),
    qpv: input.qpv,
    note: input.note ?? "",
  };
}

/**
 * Creates realisations for a company in the caller's transaction (all or nothing) and logs
 * them. For large imports, rows go in with multi-row INSERTs and one audit entry for the batch.
 */
export async function createRealisations(
  tx: Tx,
  actorId: string,
  companyId: string,
  inputs: RealisationInput[],
  importBatchId?: string,
  options: { oneForm?: boolean } = {},
) {
  const club = await declaringClub(tx, companyId);
  const commitments = new Map<string, LinkedCommitment | null>();
  const rows = [];
  for (const input of inputs) {
    rows.push({
      ...(await toRow(tx, companyId, input, club, commitments)),
      createdById: actorId,
      importBatchId: importBatchId ?? null,
    });
  }
  if (rows.length === 1 && !importBatchId) {
    if (options.oneForm) {
      // The form sent twice (double click, resent page): the realisation already declared.
      const same = await tx.realisation.findFirst({
        where: { ...rows[0], createdAt: { gte: duplicateSince() } },
        select: { id: true },
      });
      if (same) return [same.id];
    }
    const created = await tx.realisation.create({ data: rows[0], select: { id: true } });
    await audit(tx, {
      actorId,
      action: "CREATE",
      entityType: "Realisation",
      entityId: created.id,
      companyId,
      clubId: rows[0].clubId,
      after: rows[0],
    });
    return [created.id];
  }
  const now = new Date();
  await insertRows(
    tx,
    "Realisation",
    REALISATION_COLUMNS,
    rows.map((row) => ({ ...row, id: randomUUID(), createdAt: now, updatedAt: now })),
  );
  await audit(tx, {
    actorId,
    action: "IMPORT",
    entityType: importBatchId ? "ImportBatch" : "Realisation",
    entityId: importBatchId ?? companyId,
    companyId,
    clubId: club?.clubId,
    after: { rows: rows.length },
  });
  return [];
}

export async function createRealisation(
  actorId: string,
  companyId: string,
  input: RealisationInput,
) {
  return prisma.$transaction(async (tx) => {
    const [id] = await createRealisations(tx, actorId, companyId, [input], undefined, {
      oneForm: true,
    });
    return id;
  });
}

/** Updates a realisation of the company (never another company's) and logs before/after. */
export async function updateRealisation(
  actorId: string,
  companyId: string,
  realisationId: string,
  input: RealisationInput,
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.realisation.findFirst({ where: { id: realisationId, companyId } });
    if (!before) throw new RealisationError("Cette réalisation n'existe pas.");
    const club =
      before.clubId && before.departementCode
        ? { clubId: before.clubId, departementCode: before.departementCode }
        : await declaringClub(tx, companyId);
    const row = await toRow(tx, companyId, input, club, new Map());
    const after = await tx.realisation.update({ where: { id: realisationId }, data: row });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "Realisation",
      entityId: realisationId,
      companyId,
      clubId: after.clubId,
      before,
      after,
    });
  });
}

export async function deleteRealisation(actorId: string, companyId: string, realisationId: string) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.realisation.findFirst({ where: { id: realisationId, companyId } });
    if (!before) throw new RealisationError("Cette réalisation n'existe pas.");
    await tx.realisation.delete({ where: { id: realisationId } });
    await audit(tx, {
      actorId,
      action: "DELETE",
      entityType: "Realisation",
      entityId: realisationId,
      companyId,
      clubId: before.clubId,
      before,
    });
  });
}
