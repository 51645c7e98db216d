// Putting two Passerelles posts in contact (by a company or by the club's animator), and
// concluding the match: the people lent or hired become a realisation of the host company.

import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { enforceQuota, QUOTAS } from "~/utils/quotas.server";
import type { ConcludeInput } from "~/utils/schemas/passerelle";
import { calendarDay } from "~/utils/time/wall-clock";
import { createRealisations } from "./realisation.server";
import { day, describePost, getPost, PasserelleError, type BoardPost } from "./passerelle.server";

type Sender = { userId: string; name: string; email: string; organisation: string };

/** The need and the availability of a pair of posts, whatever order they come in. */
function sides(a: BoardPost, b: BoardPost) {
  if (a.kind === b.kind) throw new PasserelleError("Un besoin se rapproche d'une disponibilité.");
  return a.kind === "NEED" ? { need: a, offer: b } : { need: b, offer: a };
}

/** The e-mail addresses of a company's people (its COMPANY role holders). */
async function companyAddresses(tx: Tx, companyId: string) {
  const roles = await tx.roleAssignment.findMany({
    where: { role: "COMPANY", companyId },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(roles.map((r) => r.user.email))];
}

async function notify(
  tx: Tx,
  matchId: string,
  sender: Sender,
  recipient: BoardPost,
  counterpart: BoardPost,
  message: string,
) {
  const addresses = await companyAddresses(tx, recipient.companyId);
  for (const to of addresses) {
    await queueEmail(tx, {
      template: "passerelle-contact",
      to,
      replyTo: sender.email,
      dedupeKey: `passerelle-contact:${matchId}:${recipient.id}:${to}`,
      data: {
        senderCompanyName: sender.organisation,
        senderName: sender.name,
        recipientCompanyName: recipient.company.name,
        aboutPost: describePost(recipient),
        counterpartPost: describePost(counterpart),
        message,
        postUrl: `${env.APP_URL}/entreprise/${recipient.companyId}/passerelles/${recipient.id}`,
      },
    });
  }
  return addresses.length;
}

async function openMatch(tx: Tx, need: BoardPost, offer: BoardPost, actorId: string) {
  await enforceQuota(QUOTAS.passerelleContacts, (since) =>
    tx.passerelleMatch.count({ where: { contactedById: actorId, contactedAt: { gte: since } } }),
  );
  const existing = await tx.passerelleMatch.findUnique({
    where: { needPostId_offerPostId: { needPostId: need.id, offerPostId: offer.id } },
    select: { id: true },
  });
  if (existing) throw new PasserelleError("Ces deux annonces sont déjà en relation.");
  return tx.passerelleMatch.create({
    data: { needPostId: need.id, offerPostId: offer.id, contactedById: actorId },
    select: { id: true },
  });
}

async function loadPair(postId: string, counterpartId: string) {
  const [post, counterpart] = await Promise.all([getPost(postId), getPost(counterpartId)]);
  if (!post || !counterpart) throw new PasserelleError("Cette annonce n'existe plus.");
  if (post.status !== "OPEN" || counterpart.status !== "OPEN") {
    throw new PasserelleError("Cette annonce est close.");
  }
  if (post.companyId === counterpart.companyId) {
    throw new PasserelleError("Les deux annonces sont de la même entreprise.");
  }
  return { post, counterpart };
}

/**
 * A company answers a proposal: from its own post to a counterpart it may see (the caller
 * checked both). Opens the match and e-mails the other company, Reply-To the sender.
 */
export async function contactCounterpart(
  sender: Sender,
  postId: string,
  counterpartId: string,
  message: string,
) {
  const { post, counterpart } = await loadPair(postId, counterpartId);
  const { need, offer } = sides(post, counterpart);
  return prisma.$transaction(async (tx) => {
    const match = await openMatch(tx, need, offer, sender.userId);
    const sent = await notify(tx, match.id, sender, counterpart, post, message);
    await audit(tx, {
      actorId: sender.userId,
      action: "CONTACT",
      entityType: "PasserelleMatch",
      entityId: match.id,
      companyId: post.companyId,
      clubId: post.clubId,
      after: { needPostId: need.id, offerPostId: offer.id, recipients: sent },
    });
    return match.id;
  });
}

/**
 * The animator brokers: puts a need and an availability in relation and e-mails both
 * companies, Reply-To the animator. One of the posts must be of the animator's club, the other
 * of the club or opened to its département (the caller checked the club).
 */
export async function brokerMatch(
  sender: Sender,
  club: { id: string; departementCode: string },
  postId: string,
  counterpartId: string,
  message: string,
) {
  const { post, counterpart } = await loadPair(postId, counterpartId);
  const reachable = (p: BoardPost) =>
    p.clubId === club.id ||
    (p.visibility === "DEPARTEMENT" && p.departementCode === club.departementCode);
  if (post.clubId !== club.id || !reachable(counterpart)) {
    throw new PasserelleError("Ces annonces ne sont pas visibles de votre club.");
  }
  const { need, offer } = sides(post, counterpart);
  return prisma.$transaction(async (tx) => {
    const match = await openMatch(tx, need, offer, sender.userId);
    await notify(tx, match.id, sender, need, offer, message);
    await notify(tx, match.id, sender, offer, need, message);
    await audit(tx, {
      actorId: sender.userId,
      action: "BROKER",
      entityType: "PasserelleMatch",
      entityId: match.id,
      clubId: club.id,
      after: { needPostId: need.id, offerPostId: offer.id },
    });
    return match.id;
  });
}

const matchSelect = {
  id: true,
  status: true,
  contactedAt: true,
  arrangement: true,
  headcount: true,
  startDate: true,
  endDate: true,
  publicCategoryCode: true,
  concludedAt: true,
  realisationId: true,
  needPost: {
    select: { id: true, companyId: true, tradeLabel: true, company: { select: { name: true } } },
  },
  offerPost: {
    select: { id: true, companyId: true, tradeLabel: true, company: { select: { name: true } } },
  },
} as const;

/** The matches a post takes part in (either side). */
export function matchesOfPost(postId: string) {
  return prisma.passerelleMatch.findMany({
    where: { OR: [{ needPostId: postId }, { offerPostId: postId }] },
    orderBy: { contactedAt: "desc" },
    select: matchSelect,
  });
}

/** The matches of a club's posts (either side), for the animator's board. */
export function matchesOfClub(clubId: string) {
  return prisma.passerelleMatch.findMany({
    where: { OR: [{ needPost: { clubId } }, { offerPost: { clubId } }] },
    orderBy: { contactedAt: "desc" },
    select: matchSelect,
  });
}

/**
 * Concludes a match for the host company (the need's side, which receives the people: the
 * realisation is theirs). In one transaction: the realisation through createRealisations —
 * "prêt de main-d'œuvre" for a loan, "recrutement" for a hire —, then the match, claimed
 * CONTACTED → CONCLUDED so a second conclusion (double click, two tabs) changes nothing.
 */
export async function concludeMatch(actorId: string, hostCompanyId: string, input: ConcludeInput) {
  // Today's calendar day in Paris (a day-only value: the realisation's date).
  const today = calendarDay(new Date());
  return prisma.$transaction(async (tx) => {
    const match = await tx.passerelleMatch.findFirst({
      where: { id: input.matchId, needPost: { companyId: hostCompanyId } },
      select: {
        status: true,
        offerPost: { select: { company: { select: { name: true } } } },
        needPost: { select: { tradeLabel: true } },
      },
    });
    if (!match) throw new PasserelleError("Cette mise en relation n'existe pas.");
    if (match.status === "CONCLUDED") {
      throw new PasserelleError("Cette passerelle est déjà conclue.");
    }
    const [realisationId] = await createRealisations(tx, actorId, hostCompanyId, [
      {
        // A realisation is dated when it happened: the start, or today for a future start.
        date: input.startDate < today ? input.startDate : today,
        actionTypeCode: input.arrangement === "LOAN" ? "WORKFORCE_LOAN" : "HIRE",
        publicCategoryCode: input.publicCategoryCode,
        otherPublicLabel: input.otherPublicLabel,
        contractType: input.arrangement === "HIRE" ? input.contractType : undefined,
        quantity: input.headcount,
        qpv: "UNKNOWN",
        note: `Passerelle avec ${match.offerPost.company.name} (${match.needPost.tradeLabel}), du ${input.startDate} au ${input.endDate}.`,
      },
    ]);
    const claimed = await tx.passerelleMatch.updateMany({
      where: { id: input.matchId, status: "CONTACTED" },
      data: {
        status: "CONCLUDED",
        arrangement: input.arrangement,
        headcount: input.headcount,
        startDate: day(input.startDate),
        endDate: day(input.endDate),
        publicCategoryCode: input.publicCategoryCode,
        concludedAt: new Date(),
        realisationId,
      },
    });
    if (claimed.count === 0) throw new PasserelleError("Cette passerelle est déjà conclue.");
    await audit(tx, {
      actorId,
      action: "CONCLUDE",
      entityType: "PasserelleMatch",
      entityId: input.matchId,
      companyId: hostCompanyId,
      after: { ...input, realisationId },
    });
    return realisationId;
  });
}
