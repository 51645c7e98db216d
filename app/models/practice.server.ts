// Writes of the good-practice feed: posting and editing practices (with their tags and images),
// kudos, comments, "we tried it too", reports, and the animators' moderation. The routes check
// the permission first (permissions.server.ts); these functions keep the data consistent
// (one transaction per change, audited).

import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { enforceQuota, QUOTAS } from "~/utils/quotas.server";
import { stemsOf } from "~/utils/stems";
import { duplicateSince } from "~/utils/duplicates.server";
import { PRACTICE_IMAGES_MAX, type PracticeValues } from "~/utils/schemas/practice";
import { NEWEST_COMMITMENTS_FIRST } from "./commitment-selects.server";

export class PracticeError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type NewImage = { bytes: Uint8Array<ArrayBuffer>; mimeType: string; alt: string };

/** The companies (and their clubs) a user may post for: their companies' MEMBER clubs. */
export async function postingChoices(companyIds: string[]) {
  const memberships = await prisma.clubMembership.findMany({
    where: { companyId: { in: companyIds }, status: "MEMBER" },
    orderBy: { createdAt: "asc" },
    select: {
      companyId: true,
      clubId: true,
      company: { select: { name: true } },
      club: { select: { name: true } },
    },
  });
  const commitments = await prisma.commitment.findMany({
    where: { companyId: { in: companyIds }, status: { not: "ABANDONED" } },
    orderBy: NEWEST_COMMITMENTS_FIRST,
    select: {
      id: true,
      companyId: true,
      clubId: true,
      year: true,
      ambition: true,
      theme: { select: { label: true } },
    },
  });
  return { memberships, commitments };
}

function tagRows(values: PracticeValues) {
  return [
    ...[...new Set(values.publics)].map((code) => ({ kind: "PUBLIC", code })),
    ...[...new Set(values.themes)].map((code) => ({ kind: "THEME", code })),
  ];
}

async function checkCommitment(tx: Tx, values: PracticeValues, companyId: string) {
  if (!values.commitmentId) return null;
  const commitment = await tx.commitment.findFirst({
    where: { id: values.commitmentId, companyId },
    select: { id: true },
  });
  if (!commitment)
    throw new PracticeError("Choisissez un engagement de votre entreprise.", "commitmentId");
  return commitment.id;
}

async function addImages(tx: Tx, practiceId: string, images: NewImage[], from: number) {
  for (const [i, image] of images.entries()) {
    await tx.practiceImage.create({
      data: {
        practiceId,
        mimeType: image.mimeType,
        size: image.bytes.length,
        alt: image.alt,
        data: image.bytes,
        position: from + i,
      },
    });
  }
}

/** Posts a practice for `companyId` in `values.clubId` (permission practice:write checked). */
export async function createPracticeFor(
  userId: string,
  companyId: string,
  values: PracticeValues,
  images: NewImage[],
) {
  return prisma.$transaction(async (tx) => {
    // Sent twice (double click, resent page): the practice already posted.
    const same = await tx.practice.findFirst({
      where: {
        companyId,
        authorId: userId,
        clubId: values.clubId,
        title: values.title,
        body: values.body,
        createdAt: { gte: duplicateSince() },
      },
      select: { id: true },
    });
    if (same) return same.id;
    const commitmentId = await checkCommitment(tx, values, companyId);
    const practice = await tx.practice.create({
      data: {
        authorId: userId,
        companyId,
        clubId: values.clubId,
        commitmentId,
        title: values.title,
        body: values.body,
        searchStems: stemsOf(values.title, values.body),
        visibility: values.visibility,
        tags: { create: tagRows(values) },
      },
      select: { id: true },
    });
    await addImages(tx, practice.id, images, 0);
    await audit(tx, {
      actorId: userId,
      action: "CREATE",
      entityType: "Practice",
      entityId: practice.id,
      companyId,
      clubId: values.clubId,
      after: { title: values.title, visibility: values.visibility, images: images.length },
    });
    return practice.id;
  });
}

/** Edits a practice (its club stays): text, tags, visibility, images removed and added. */
export async function updatePractice(
  userId: string,
  practiceId: string,
  values: PracticeValues,
  images: NewImage[],
  removeImageIds: string[],
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.practice.findUniqueOrThrow({
      where: { id: practiceId },
      select: {
        companyId: true,
        clubId: true,
        title: true,
        visibility: true,
        images: { select: { id: true, position: true } },
      },
    });
    const kept = before.images.filter((img) => !removeImageIds.includes(img.id));
    if (kept.length + images.length > PRACTICE_IMAGES_MAX)
      throw new PracticeError(
        `${PRACTICE_IMAGES_MAX} images au plus par pratique : retirez-en une avant d'en ajouter.`,
      );
    const commitmentId = await checkCommitment(tx, values, before.companyId);
    await tx.practiceTag.deleteMany({ where: { practiceId } });
    await tx.practice.update({
      where: { id: practiceId },
      data: {
        title: values.title,
        body: values.body,
        searchStems: stemsOf(values.title, values.body),
        visibility: values.visibility,
        commitmentId,
        tags: { create: tagRows(values) },
      },
    });
    await tx.practiceImage.deleteMany({ where: { practiceId, id: { in: removeImageIds } } });
    const nextPosition = Math.max(-1, ...kept.map((img) => img.position)) + 1;
    await addImages(tx, practiceId, images, nextPosition);
    await audit(tx, {
      actorId: userId,
      action: "UPDATE",
      entityType: "Practice",
      entityId: practiceId,
      companyId: before.companyId,
      clubId: before.clubId,
      before: { title: before.title, visibility: before.visibility },
      after: {
        title: values.title,
        visibility: values.visibility,
        imagesAdded: images.length,
        imagesRemoved: before.images.length - kept.length,
      },
    });
  });
}

export async function deletePractice(userId: string, practiceId: string) {
  await prisma.$transaction(async (tx) => {
    const practice = await tx.practice.delete({
      where: { id: practiceId },
      select: { companyId: true, clubId: true, title: true },
    });
    await audit(tx, {
      actorId: userId,
      action: "DELETE",
      entityType: "Practice",
      entityId: practiceId,
      companyId: practice.companyId,
      clubId: practice.clubId,
      before: { title: practice.title },
    });
  });
}

/**
 * A mark given to a practice and taken back by the same button: removed when it is there,
 * added otherwise, in one transaction. Returns whether it is now given.
 */
function toggleMark(
  remove: (tx: Tx) => Promise<{ count: number }>,
  add: (tx: Tx) => Promise<unknown>,
) {
  return prisma.$transaction(async (tx) => {
    if ((await remove(tx)).count > 0) return false;
    await add(tx);
    return true;
  });
}

/** Gives or takes back the user's kudos ("inspirant"); returns whether it is now given. */
export function toggleKudos(userId: string, practiceId: string) {
  const mark = { practiceId, userId };
  return toggleMark(
    (tx) => tx.kudos.deleteMany({ where: mark }),
    (tx) => tx.kudos.create({ data: mark }),
  );
}

/** Says (or takes back) that the company tried the practice too; returns whether it now has. */
export function toggleTried(companyId: string, practiceId: string) {
  const mark = { practiceId, companyId };
  return toggleMark(
    (tx) => tx.practiceTried.deleteMany({ where: mark }),
    (tx) => tx.practiceTried.create({ data: mark }),
  );
}

export async function commentOn(userId: string, practiceId: string, body: string) {
  await prisma.$transaction(async (tx) => {
    await enforceQuota(QUOTAS.comments, (since) =>
      tx.comment.count({ where: { authorId: userId, createdAt: { gte: since } } }),
    );
    // Sent twice (double click, resent page): one comment.
    const same = await tx.comment.findFirst({
      where: { practiceId, authorId: userId, body, createdAt: { gte: duplicateSince() } },
      select: { id: true },
    });
    if (same) return;
    await tx.comment.create({ data: { practiceId, authorId: userId, body } });
  });
}

/** A report to the club's animators, about the practice or one of its comments. */
export async function reportPractice(
  userId: string,
  practiceId: string,
  reason: string,
  commentId?: string,
) {
  await prisma.$transaction(async (tx) => {
    if (commentId) {
      const comment = await tx.comment.count({ where: { id: commentId, practiceId } });
      if (comment === 0) throw new PracticeError("Ce commentaire n'existe plus.");
    }
    const target = { practiceId, commentId: commentId ?? null };
    const open = await tx.practiceReport.count({
      where: { ...target, reporterId: userId, resolvedAt: null },
    });
    if (open > 0) {
      throw new PracticeError("Vous avez déjà signalé ce contenu : les animateurs l'examineront.");
    }
    await enforceQuota(QUOTAS.reports, (since) =>
      tx.practiceReport.count({ where: { reporterId: userId, createdAt: { gte: since } } }),
    );
    await tx.practiceReport.create({ data: { ...target, reporterId: userId, reason } });
  });
}

// ---------------------------------------------------------------- moderation (club:moderate)

export type ModerationAction =
  "feature" | "unfeature" | "hide" | "unhide" | "hide-comment" | "unhide-comment";

/** Features, hides (or undoes it) a practice or one of its comments; resolves open reports on hiding. */
export async function moderatePractice(
  userId: string,
  practiceId: string,
  action: ModerationAction,
  commentId?: string,
  /** The moderator's club, when they act from its page: a practice of another club is refused. */
  clubId?: string,
) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const practice = await tx.practice.findFirst({
      where: { id: practiceId, ...(clubId ? { clubId } : {}) },
      select: { companyId: true, clubId: true, featuredAt: true, hiddenAt: true },
    });
    if (!practice) throw new PracticeError("Cette pratique n'est pas celle du club.");
    if (action === "hide-comment" || action === "unhide-comment") {
      const hidden = action === "hide-comment" ? now : null;
      const updated = await tx.comment.updateMany({
        where: { id: commentId ?? "", practiceId },
        data: { hiddenAt: hidden },
      });
      if (updated.count === 0) throw new PracticeError("Ce commentaire n'existe plus.");
      if (hidden)
        await tx.practiceReport.updateMany({
          where: { practiceId, commentId, resolvedAt: null },
          data: { resolvedAt: now, resolvedById: userId },
        });
    } else {
      const data =
        action === "feature"
          ? { featuredAt: now }
          : action === "unfeature"
            ? { featuredAt: null }
            : action === "hide"
              ? { hiddenAt: now, featuredAt: null }
              : { hiddenAt: null };
      await tx.practice.update({ where: { id: practiceId }, data });
      if (action === "hide")
        await tx.practiceReport.updateMany({
          where: { practiceId, commentId: null, resolvedAt: null },
          data: { resolvedAt: now, resolvedById: userId },
        });
    }
    await audit(tx, {
      actorId: userId,
      action: `MODERATE_${action.toUpperCase().replace("-", "_")}`,
      entityType: commentId ? "Comment" : "Practice",
      entityId: commentId ?? practiceId,
      companyId: practice.companyId,
      clubId: practice.clubId,
      before: { featuredAt: practice.featuredAt, hiddenAt: practice.hiddenAt },
    });
  });
}

/** Closes a report without hiding anything (the animator judged it unfounded). */
export async function dismissReport(userId: string, clubId: string, reportId: string) {
  const updated = await prisma.practiceReport.updateMany({
    where: { id: reportId, resolvedAt: null, practice: { clubId } },
    data: { resolvedAt: new Date(), resolvedById: userId },
  });
  if (updated.count === 0) throw new PracticeError("Ce signalement est déjà traité.");
}

/** A practice as its edit form needs it. */
export async function practiceForEdit(practiceId: string) {
  const practice = await prisma.practice.findUnique({
    where: { id: practiceId },
    select: {
      id: true,
      companyId: true,
      clubId: true,
      commitmentId: true,
      title: true,
      body: true,
      visibility: true,
      tags: { select: { kind: true, code: true } },
      images: { orderBy: { position: "asc" }, select: { id: true, alt: true } },
    },
  });
  if (!practice) return null;
  const { tags, ...rest } = practice;
  return {
    ...rest,
    publics: tags.filter((t) => t.kind === "PUBLIC").map((t) => t.code),
    themes: tags.filter((t) => t.kind === "THEME").map((t) => t.code),
  };
}

/** The moderation view of a club: open reports, then every practice with its state. */
export async function clubModeration(clubId: string) {
  const [reports, practices] = await Promise.all([
    prisma.practiceReport.findMany({
      where: { resolvedAt: null, practice: { clubId } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reason: true,
        commentId: true,
        createdAt: true,
        reporter: { select: { name: true } },
        practice: { select: { id: true, title: true } },
      },
    }),
    prisma.practice.findMany({
      where: { clubId },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        title: true,
        createdAt: true,
        featuredAt: true,
        hiddenAt: true,
        company: { select: { name: true } },
        _count: { select: { kudos: true, comments: true } },
      },
    }),
  ]);
  return { reports, practices };
}
