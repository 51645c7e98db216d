import { prisma, type Tx } from "./db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  companyId?: string | null;
  clubId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes an audit entry inside the caller's transaction, so the change and its trace land together. */
export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      companyId: entry.companyId ?? null,
      clubId: entry.clubId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

/** The audit trail of one entity, newest first, with who did it. */
export async function historyOf(entityType: string, entityId: string) {
  return prisma.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      action: true,
      createdAt: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });
}

type ClubData = Parameters<Tx["club"]["update"]>[0]["data"];

/** Changes a club's columns and audits it in the same transaction: `after` is what is written. */
export async function updateClubAudited(
  tx: Tx,
  change: { actorId: string; action: string; clubId: string; before: unknown; after: ClubData },
) {
  const { actorId, action, clubId, before, after } = change;
  await tx.club.update({ where: { id: clubId }, data: after });
  await audit(tx, { actorId, action, entityType: "Club", entityId: clubId, clubId, before, after });
}
