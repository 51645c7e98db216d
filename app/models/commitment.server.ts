// Commitments: declared by a company's people, changed with a trace of who did what and when.
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES } from "~/utils/domain";
import type { CommitmentInput } from "~/utils/schemas/commitment";
import { oneCommitmentProgress } from "./commitment-progress.server";
import { declaringClub } from "./realisation.server";
import {
  COMMITMENT_HEADLINE,
  COMMITMENT_RECORD,
  NEWEST_COMMITMENTS_FIRST,
} from "./commitment-selects.server";

export class CommitmentError extends Error {
  constructor(
    message: string,
    readonly field?: keyof CommitmentInput,
  ) {
    super(message);
  }
}

const DETAIL_SELECT = {
  ...COMMITMENT_RECORD,
  companyId: true,
  clubId: true,
  themeCode: true,
  actionType: { select: { label: true, isHire: true } },
  publics: { select: { publicCategoryCode: true, publicCategory: { select: { label: true } } } },
} as const;

/** A commitment of the company (never another company's), or null. */
export async function getCommitment(companyId: string, commitmentId: string) {
  const commitment = await prisma.commitment.findFirst({
    where: { id: commitmentId, companyId },
    select: DETAIL_SELECT,
  });
  if (!commitment) return null;
  return { ...commitment, progress: await oneCommitmentProgress(commitment) };
}

async function assertInCatalogue(input: CommitmentInput) {
  const entry = await prisma.catalogueEntry.findUnique({
    where: {
      year_themeCode_actionTypeCode: {
        year: input.year,
        themeCode: input.themeCode,
        actionTypeCode: input.actionTypeCode,
      },
    },
    select: { id: true },
  });
  if (!entry) {
    throw new CommitmentError(
      "Ce type d'action n'est pas proposé pour ce thème cette année : choisissez-en un de la liste.",
      "actionTypeCode",
    );
  }
}

function toData(input: CommitmentInput) {
  const unit =
    input.targetUnit ??
    ACTION_TYPES.find((a) => a.code === input.actionTypeCode)?.defaultUnit ??
    "PEOPLE";
  return {
    year: input.year,
    themeCode: input.themeCode,
    actionTypeCode: input.actionTypeCode,
    ambition: input.ambition,
    otherPublicLabel: input.publics.includes("OTHER") ? (input.otherPublicLabel ?? null) : null,
    targetQuantity: input.targetQuantity ?? null,
    targetUnit: input.targetQuantity ? unit : null,
    startDate: new Date(`${input.startDate}T00:00:00Z`),
    endDate: new Date(`${input.endDate}T00:00:00Z`),
    status: input.status,
    visibility: input.visibility,
  };
}

export async function createCommitment(actorId: string, companyId: string, input: CommitmentInput) {
  await assertInCatalogue(input);
  const club = await declaringClub(prisma, companyId);
  if (!club) {
    throw new CommitmentError(
      "Votre entreprise n'est membre d'aucun club : demandez à l'animateur de votre club de l'y ajouter.",
    );
  }
  return prisma.$transaction(async (tx) => {
    const data = toData(input);
    const created = await tx.commitment.create({
      data: {
        ...data,
        companyId,
        clubId: club.clubId,
        departementCode: club.departementCode,
        createdById: actorId,
        publics: { create: input.publics.map((code) => ({ publicCategoryCode: code })) },
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "CREATE",
      entityType: "Commitment",
      entityId: created.id,
      companyId,
      clubId: club.clubId,
      after: { ...data, publics: input.publics },
    });
    return created.id;
  });
}

export async function updateCommitment(
  actorId: string,
  companyId: string,
  commitmentId: string,
  input: CommitmentInput,
) {
  await assertInCatalogue(input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.commitment.findFirst({
      where: { id: commitmentId, companyId },
      include: { publics: { select: { publicCategoryCode: true } } },
    });
    if (!before) throw new CommitmentError("Cet engagement n'existe pas.");
    const data = toData(input);
    await tx.commitmentPublic.deleteMany({ where: { commitmentId } });
    await tx.commitment.update({
      where: { id: commitmentId },
      data: {
        ...data,
        publics: { create: input.publics.map((code) => ({ publicCategoryCode: code })) },
      },
    });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "Commitment",
      entityId: commitmentId,
      companyId,
      clubId: before.clubId,
      before: { ...before, publics: before.publics.map((p) => p.publicCategoryCode) },
      after: { ...data, publics: input.publics },
    });
  });
}

export async function setCommitmentStatus(
  actorId: string,
  companyId: string,
  commitmentId: string,
  status: string,
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.commitment.findFirst({
      where: { id: commitmentId, companyId },
      select: { status: true, clubId: true },
    });
    if (!before) throw new CommitmentError("Cet engagement n'existe pas.");
    if (before.status === status) return;
    await tx.commitment.update({ where: { id: commitmentId }, data: { status } });
    await audit(tx, {
      actorId,
      action: "STATUS",
      entityType: "Commitment",
      entityId: commitmentId,
      companyId,
      clubId: before.clubId,
      before: { status: before.status },
      after: { status },
    });
  });
}

/** All the company's commitments of a year, for lists and the realisation form. */
export async function listCommitments(companyId: string, year?: number) {
  return prisma.commitment.findMany({
    where: { companyId, ...(year ? { year } : {}) },
    orderBy: NEWEST_COMMITMENTS_FIRST,
    select: {
      ...COMMITMENT_HEADLINE,
      actionTypeCode: true,
      targetQuantity: true,
      targetUnit: true,
      endDate: true,
      theme: { select: { label: true } },
      actionType: { select: { label: true } },
      publics: { select: { publicCategoryCode: true } },
    },
  });
}
