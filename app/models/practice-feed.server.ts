// Reads of the good-practice feed: the list with its filters and full-text search
// (practice-search.server.ts), and one practice with its reactions. What a user may read comes
// from visiblePracticesWhere (permissions).

import sanitizeHtml from "sanitize-html";
import type { Prisma } from "~/generated/prisma/client";
import { searchPracticeIds } from "~/models/practice-search.server";
import { PUBLIC_CATEGORIES, THEMES } from "~/utils/domain";
import { prisma } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { type CurrentUser, can, visiblePracticesWhere } from "~/utils/permissions.server";

export const FEED_PAGE_SIZE = 20;

export type FeedFilters = {
  q: string;
  publicCode: string;
  themeCode: string;
  clubId: string;
  /** Only the practices of the user's own companies ("Mes pratiques"). */
  mine: boolean;
  page: number;
};

export function parseFeedFilters(url: URL): FeedFilters {
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim();
  const publicCode = get("public");
  const themeCode = get("theme");
  const page = Number.parseInt(get("page"), 10);
  return {
    q: get("q").slice(0, 200),
    publicCode: PUBLIC_CATEGORIES.some((p) => p.code === publicCode) ? publicCode : "",
    themeCode: THEMES.some((t) => t.code === themeCode) ? themeCode : "",
    clubId: get("club").slice(0, 64),
    mine: get("mes") === "1",
    page: Number.isFinite(page) && page > 1 && page < 10_000 ? page : 1,
  };
}

/** The first words of a practice, as plain text, for the cards of the feed. */
export function excerptOf(markdown: string, length = 240) {
  // Block ends become separators, so a heading does not run into the next sentence.
  const html = renderMarkdown(markdown)
    .replace(/<\/h[1-6]>/g, " · $&")
    .replace(/<\/(p|li|blockquote|td|th)>/g, " $&");
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length).replace(/\s+\S*$/, "")}…` : text;
}

const CARD_SELECT = {
  id: true,
  title: true,
  body: true,
  visibility: true,
  featuredAt: true,
  hiddenAt: true,
  createdAt: true,
  company: { select: { id: true, name: true } },
  club: { select: { id: true, name: true } },
  tags: { select: { kind: true, code: true } },
  _count: {
    select: { kudos: true, tried: true, comments: { where: { hiddenAt: null } }, images: true },
  },
} satisfies Prisma.PracticeSelect;

type CardRow = Prisma.PracticeGetPayload<{ select: typeof CARD_SELECT }>;

function toCard(row: CardRow, kudosGiven: Set<string>) {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.body),
    visibility: row.visibility,
    featured: row.featuredAt !== null,
    hidden: row.hiddenAt !== null,
    createdAt: row.createdAt.toISOString(),
    company: row.company,
    club: row.club,
    publics: row.tags.filter((t) => t.kind === "PUBLIC").map((t) => t.code),
    themes: row.tags.filter((t) => t.kind === "THEME").map((t) => t.code),
    kudos: row._count.kudos,
    kudosGiven: kudosGiven.has(row.id),
    comments: row._count.comments,
    tried: row._count.tried,
    images: row._count.images,
  };
}

export type PracticeCard = ReturnType<typeof toCard>;

async function kudosGivenBy(userId: string, practiceIds: string[]) {
  const rows = await prisma.kudos.findMany({
    where: { userId, practiceId: { in: practiceIds } },
    select: { practiceId: true },
  });
  return new Set(rows.map((r) => r.practiceId));
}

/** One page of the feed for the user (newest first), the featured practices, and filter choices. */
export async function listFeed(user: CurrentUser, filters: FeedFilters) {
  const visible = await visiblePracticesWhere(user);
  const and: Prisma.PracticeWhereInput[] = [visible];
  if (filters.publicCode)
    and.push({ tags: { some: { kind: "PUBLIC", code: filters.publicCode } } });
  if (filters.themeCode) and.push({ tags: { some: { kind: "THEME", code: filters.themeCode } } });
  if (filters.clubId) and.push({ clubId: filters.clubId });
  if (filters.mine)
    and.push({
      companyId: { in: user.roles.filter((r) => r.role === "COMPANY").map((r) => r.companyId!) },
    });
  const searchIds = filters.q ? await searchPracticeIds(filters.q) : null;
  if (searchIds) and.push({ id: { in: searchIds } });
  const where: Prisma.PracticeWhereInput = { AND: and };

  const [total, rows, featuredRows, clubs] = await Promise.all([
    prisma.practice.count({ where }),
    prisma.practice.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * FEED_PAGE_SIZE,
      take: FEED_PAGE_SIZE,
      select: CARD_SELECT,
    }),
    prisma.practice.findMany({
      where: { AND: [visible, { featuredAt: { not: null }, hiddenAt: null }] },
      orderBy: { featuredAt: "desc" },
      take: 3,
      select: CARD_SELECT,
    }),
    prisma.club.findMany({
      where: { practices: { some: visible } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const given = await kudosGivenBy(
    user.id,
    [...rows, ...featuredRows].map((r) => r.id),
  );
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / FEED_PAGE_SIZE)),
    practices: rows.map((r) => toCard(r, given)),
    featured: featuredRows.map((r) => toCard(r, given)),
    clubs,
  };
}

/**
 * What the user may do on a practice, read from the database only: the actions use this, so that
 * moderating or reacting never depends on rendering the practice or its comments. Null when they
 * may not read it.
 */
export async function practiceRights(user: CurrentUser, practiceId: string) {
  if (!(await can(user, { action: "practice:read", practiceId }))) return null;
  const practice = await prisma.practice.findUniqueOrThrow({
    where: { id: practiceId },
    select: { companyId: true, clubId: true },
  });
  const [canModerate, canEdit, canReact] = await Promise.all([
    can(user, { action: "club:moderate", clubId: practice.clubId }),
    can(user, { action: "practice:edit", practiceId }),
    can(user, { action: "practice:react", practiceId }),
  ]);
  /** The user's company that may say "tried it too" (not the author's own). */
  const triedCompanyId = canReact
    ? (user.roles.find((r) => r.role === "COMPANY" && r.companyId !== practice.companyId)
        ?.companyId ?? null)
    : null;
  return { canModerate, canEdit, canReact, triedCompanyId };
}

/** One practice as its page shows it, with what the user may do; null when they may not read it. */
export async function getPracticePage(user: CurrentUser, practiceId: string) {
  const rights = await practiceRights(user, practiceId);
  if (!rights) return null;
  const { canModerate, triedCompanyId } = rights;
  const practice = await prisma.practice.findUniqueOrThrow({
    where: { id: practiceId },
    select: {
      ...CARD_SELECT,
      updatedAt: true,
      author: { select: { name: true } },
      commitment: {
        select: { year: true, ambition: true, theme: { select: { label: true } } },
      },
      images: { orderBy: { position: "asc" }, select: { id: true, alt: true } },
      tried: { select: { companyId: true } },
    },
  });
  const comments = await prisma.comment.findMany({
    where: { practiceId, ...(canModerate ? {} : { hiddenAt: null }) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      hiddenAt: true,
      createdAt: true,
      author: { select: { name: true } },
    },
  });
  const given = await kudosGivenBy(user.id, [practiceId]);
  return {
    ...toCard(practice, given),
    // Under the practice page's h1; the comments under its « Commentaires » h2.
    bodyHtml: renderMarkdown(practice.body, { headingLevel: 2 }),
    updatedAt: practice.updatedAt.toISOString(),
    authorName: practice.author?.name ?? null,
    commitment: practice.commitment
      ? {
          year: practice.commitment.year,
          theme: practice.commitment.theme.label,
          ambition: practice.commitment.ambition,
        }
      : null,
    imageList: practice.images,
    comments: comments.map((c) => ({
      id: c.id,
      bodyHtml: renderMarkdown(c.body, { headingLevel: 3 }),
      hidden: c.hiddenAt !== null,
      createdAt: c.createdAt.toISOString(),
      authorName: c.author?.name ?? "Compte supprimé",
    })),
    triedCompany: triedCompanyId
      ? {
          companyId: triedCompanyId,
          tried: practice.tried.some((t) => t.companyId === triedCompanyId),
        }
      : null,
    ...rights,
  };
}

/** An image of a practice, if the user may read the practice. */
export async function getPracticeImage(user: CurrentUser, practiceId: string, imageId: string) {
  if (!(await can(user, { action: "practice:read", practiceId }))) return null;
  return prisma.practiceImage.findFirst({
    where: { id: imageId, practiceId },
    select: { mimeType: true, data: true, size: true },
  });
}
