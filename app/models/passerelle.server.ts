// The Passerelles board: posts (needs and availabilities), the board a company or an animator
// sees, and the proposals that pair a post with the closest counterparts.

import { audit } from "~/utils/audit.server";
import { agreed, formatDay } from "~/utils/format";
import { duplicateSince } from "~/utils/duplicates.server";
import { prisma } from "~/utils/db.server";
import { visiblePostsWhere, type NetworkScope } from "~/utils/permissions.server";
import { grandDomaineOf, romeLabel } from "~/utils/rome";
import { ARRANGEMENT_LABELS, type Arrangement, type PostInput } from "~/utils/schemas/passerelle";
import { DAY_MS } from "~/utils/time/wall-clock";
import { communeExists } from "./communes.server";

export class PasserelleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const postSelect = {
  id: true,
  companyId: true,
  clubId: true,
  departementCode: true,
  kind: true,
  arrangement: true,
  romeDomain: true,
  tradeLabel: true,
  headcount: true,
  startDate: true,
  endDate: true,
  description: true,
  visibility: true,
  status: true,
  createdAt: true,
  company: { select: { name: true } },
  club: { select: { name: true } },
  commune: {
    select: {
      code: true,
      name: true,
      departementCode: true,
      epciCode: true,
      arrondissementCode: true,
    },
  },
} as const;

export type BoardPost = Awaited<ReturnType<typeof listPostsOf>>[number];

/** A "YYYY-MM-DD" day as the instant it starts (UTC), as dates are stored. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Posts a need or an availability for a company, in its (first) club. */
export async function createPost(
  actorId: string,
  scope: NetworkScope,
  input: PostInput,
): Promise<string> {
  if (!(await communeExists(input.communeCode))) {
    throw new PasserelleError("Cette commune n'existe pas.", "communeCode");
  }
  const clubId = scope.clubIds[0];
  if (!clubId) throw new PasserelleError("Votre entreprise n'est membre d'aucun club.");
  const club = await prisma.club.findUniqueOrThrow({
    where: { id: clubId },
    select: { departementCode: true },
  });
  const fields = {
    companyId: scope.companyId,
    clubId,
    departementCode: club.departementCode,
    kind: input.kind,
    arrangement: input.arrangement,
    romeDomain: input.romeDomain,
    tradeLabel: input.tradeLabel,
    headcount: input.headcount,
    startDate: day(input.startDate),
    endDate: day(input.endDate),
    communeCode: input.communeCode,
    description: input.description ?? "",
    visibility: input.visibility,
    createdById: actorId,
  };
  return prisma.$transaction(async (tx) => {
    // Sent twice (double click, resent page): the post already published.
    const same = await tx.passerellePost.findFirst({
      where: { ...fields, createdAt: { gte: duplicateSince() } },
      select: { id: true },
    });
    if (same) return same.id;
    const post = await tx.passerellePost.create({ data: fields, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "CREATE",
      entityType: "PasserellePost",
      entityId: post.id,
      companyId: scope.companyId,
      clubId,
      after: input,
    });
    return post.id;
  });
}

/** Closes a post of the company (no more proposals; matches already made stay). */
export async function closePost(actorId: string, companyId: string, postId: string) {
  await prisma.$transaction(async (tx) => {
    const closed = await tx.passerellePost.updateMany({
      where: { id: postId, companyId, status: "OPEN" },
      data: { status: "CLOSED" },
    });
    if (closed.count === 0) throw new PasserelleError("Cette annonce est déjà close.");
    await audit(tx, {
      actorId,
      action: "CLOSE",
      entityType: "PasserellePost",
      entityId: postId,
      companyId,
    });
  });
}

/** Every post of a company (its own board) or of a club (the animator's board), open first. */
export function listPostsOf(owner: { companyId: string } | { clubId: string }) {
  return prisma.passerellePost.findMany({
    where: owner,
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    select: postSelect,
  });
}

/** Other companies' open posts a company may see (its clubs, its département when opened). */
export function listVisiblePosts(scope: NetworkScope) {
  return prisma.passerellePost.findMany({
    where: visiblePostsWhere(scope),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: postSelect,
  });
}

export function getPost(postId: string) {
  return prisma.passerellePost.findUnique({ where: { id: postId }, select: postSelect });
}

// ---------------------------------------------------------------- matching

export type Proposal = {
  post: BoardPost;
  reasons: string[];
  /** Higher is closer: trade, then nearness, then same arrangement, then date overlap. */
  rank: [number, number, number, number];
};

const NEARNESS = [
  { level: 4, reason: "Même commune" },
  { level: 3, reason: "Même intercommunalité (EPCI)" },
  { level: 2, reason: "Même arrondissement" },
  { level: 1, reason: "Même département" },
] as const;

function nearness(a: BoardPost["commune"], b: BoardPost["commune"]) {
  if (a.code === b.code) return NEARNESS[0];
  if (a.epciCode && a.epciCode === b.epciCode) return NEARNESS[1];
  if (a.arrondissementCode && a.arrondissementCode === b.arrondissementCode) return NEARNESS[2];
  if (a.departementCode === b.departementCode) return NEARNESS[3];
  return { level: 0, reason: "Autre département" };
}

/** How scoreProposal ranks the counterparts, in the words the board shows. */
export const PROPOSAL_ORDER =
  "Les annonces les plus proches d’abord : même famille de métiers, puis la proximité (commune, intercommunalité, arrondissement, département), la même formule et les dates communes.";

/**
 * How close a counterpart is to a post, and why; null when it cannot serve it at all (another
 * trade family, or no date in common). Closeness: trade family, then nearness (commune, EPCI,
 * arrondissement, département — the only geography we hold, no coordinates), then the same
 * arrangement (loan or hire), then how much of the need's period the other covers.
 */
export function scoreProposal(post: BoardPost, other: BoardPost): Proposal | null {
  const reasons: string[] = [];
  let trade: number;
  if (post.romeDomain === other.romeDomain) {
    trade = 2;
    reasons.push(`Même famille de métiers : ${romeLabel(post.romeDomain)}`);
  } else if (post.romeDomain.charAt(0) === other.romeDomain.charAt(0)) {
    trade = 1;
    reasons.push(
      `Famille de métiers voisine (${grandDomaineOf(post.romeDomain)?.label ?? ""}) : ${romeLabel(other.romeDomain)}`,
    );
  } else {
    return null;
  }
  const start = Math.max(post.startDate.getTime(), other.startDate.getTime());
  const end = Math.min(post.endDate.getTime(), other.endDate.getTime());
  if (end < start) return null;

  const near = nearness(post.commune, other.commune);
  reasons.push(
    near.level === 4
      ? `${near.reason} (${other.commune.name})`
      : `${near.reason} : ${other.commune.name}`,
  );
  const sameArrangement = post.arrangement === other.arrangement;
  reasons.push(
    sameArrangement
      ? `Même formule : ${ARRANGEMENT_LABELS[post.arrangement as Arrangement].toLowerCase()}`
      : `Autre formule : ${ARRANGEMENT_LABELS[other.arrangement as Arrangement].toLowerCase()}`,
  );
  const need = post.kind === "NEED" ? post : other;
  const needDays = Math.max(1, (need.endDate.getTime() - need.startDate.getTime()) / DAY_MS + 1);
  const overlapDays = (end - start) / DAY_MS + 1;
  const overlap = Math.min(1, overlapDays / needDays);
  reasons.push(
    `Période commune : du ${formatDay(start)} au ${formatDay(end)} (${Math.round(overlap * 100)} % de la période du besoin)`,
  );
  const offered = post.kind === "NEED" ? other.headcount : post.headcount;
  const wanted = need.headcount;
  reasons.push(
    offered >= wanted
      ? `Effectif : ${offered} ${agreed(offered, "disponible")} pour ${wanted} ${agreed(wanted, "demandée")}`
      : `Effectif partiel : ${offered} ${agreed(offered, "disponible")} pour ${wanted} ${agreed(wanted, "demandée")}`,
  );
  return { post: other, reasons, rank: [trade, near.level, sameArrangement ? 1 : 0, overlap] };
}

function compareRank(a: Proposal, b: Proposal) {
  for (let i = 0; i < a.rank.length; i++) {
    if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
  }
  return b.post.createdAt.getTime() - a.post.createdAt.getTime();
}

/**
 * The closest counterparts of a post among the open posts of the other kind that `scope` (the
 * viewer: the post's company, or the club for an animator) may see. Best first.
 */
export async function proposalsFor(post: BoardPost, candidatesWhere: object, limit = 5) {
  if (post.status !== "OPEN") return [];
  const candidates = await prisma.passerellePost.findMany({
    where: {
      AND: [
        candidatesWhere,
        {
          kind: post.kind === "NEED" ? "AVAILABILITY" : "NEED",
          companyId: { not: post.companyId },
          status: "OPEN",
          // Same grand domaine at least: the only candidates scoreProposal keeps.
          romeDomain: { startsWith: post.romeDomain.charAt(0) },
          startDate: { lte: post.endDate },
          endDate: { gte: post.startDate },
        },
      ],
    },
    take: 500,
    select: postSelect,
  });
  return candidates
    .map((candidate) => scoreProposal(post, candidate))
    .filter((p): p is Proposal => p !== null)
    .sort(compareRank)
    .slice(0, limit);
}

/** The proposals a company sees for its own post: only posts it may see itself. */
export function proposalsForCompany(post: BoardPost, scope: NetworkScope) {
  return proposalsFor(post, visiblePostsWhere(scope));
}

/** The proposals an animator sees for a post of their club: the club's posts and those the
 * département's other clubs opened to the département. */
export function proposalsForClub(
  post: BoardPost,
  clubId: string,
  departementCode: string,
  limit = 5,
) {
  return proposalsFor(
    post,
    { OR: [{ clubId }, { visibility: "DEPARTEMENT", departementCode }] },
    limit,
  );
}

/** "Besoin : 3 × Soudeur TIG (Mécanique… H29), du … au …, à Lens". */
export function describePost(post: BoardPost) {
  const kind = post.kind === "NEED" ? "Besoin" : "Disponibilité";
  return `${kind} : ${post.headcount} × ${post.tradeLabel} (${romeLabel(post.romeDomain)}), du ${formatDay(post.startDate)} au ${formatDay(post.endDate)}, à ${post.commune.name}`;
}
