// A club as its animators see it: members at a glance (activity, commitments, progress), and the
// club's figures (the prefecture dashboard's aggregates restricted to the club) with their XLSX
// export. Every figure is aggregated in the database (groupBy, SQL GROUP BY); JavaScript only
// merges a handful of grouped rows (headcount brackets into size classes, NAF divisions into
// sections) and never loads realisations one by one.

import { Prisma } from "~/generated/prisma/client";
import type { FigurePeriod } from "~/models/figures-period.server";
import { getFigures } from "~/models/figures-report.server";
import { writeFiguresWorkbook } from "~/models/figures-workbook.server";
import { streamedXlsx } from "~/utils/downloads.server";
import { formatDateTime } from "~/utils/format";
import { prisma } from "~/utils/db.server";
import { COMMITMENT_UNIT_SQL } from "~/models/commitment-progress.server";
import type { MemberActivity } from "~/utils/domain";
import { DAY_MS, calendarDate } from "~/utils/time/wall-clock";
import { PARIS, zoneOfDepartement, type TimeZone } from "~/utils/time/zones";
import { fold } from "~/utils/text";
import { parseYear } from "~/utils/years";
import { pageOf, readPage, ROWS_PER_PAGE } from "~/utils/pages";

/** A member is "active" when it declared something within this many days (a quarter). */
export const ACTIVE_WINDOW_DAYS = 92;

export async function getClub(clubId: string) {
  return prisma.club.findUnique({
    where: { id: clubId },
    select: {
      id: true,
      name: true,
      description: true,
      departementCode: true,
      reminderCapDays: true,
      closedAt: true,
      departement: { select: { name: true } },
    },
  });
}

// ---------------------------------------------------------------- members at a glance

export const MEMBER_SORTS = ["nom", "derniere-declaration", "progression"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** URL values of the state filter (French, readable in the address bar). */
export const STATE_FILTERS = {
  tous: null,
  actif: "ACTIVE",
  silencieux: "SILENT",
  prospect: "PROSPECT",
  parti: "LEFT",
} as const satisfies Record<string, MemberActivity | null>;
export type StateFilter = keyof typeof STATE_FILTERS;

export type MemberQuery = {
  etat: StateFilter;
  q: string;
  tri: MemberSort;
  ordre: "asc" | "desc";
  annee: number;
  /** 1 for the first ROWS_PER_PAGE members shown, and so on (utils/pages.ts). */
  page: number;
};

/**
 * The club home's filters and sort, from its URL (unknown values fall back to the defaults); the
 * default year is the current one in the club's zone (decision 021).
 */
export function parseMemberQuery(url: URL, now = new Date(), zone: TimeZone = PARIS): MemberQuery {
  const etat = url.searchParams.get("etat") ?? "tous";
  const tri = url.searchParams.get("tri") ?? "nom";
  const ordre = url.searchParams.get("ordre");
  const sort: MemberSort = (MEMBER_SORTS as readonly string[]).includes(tri)
    ? (tri as MemberSort)
    : "nom";
  return {
    // Own keys only: `in` also finds Object.prototype's ("__proto__", "constructor"…).
    etat: Object.hasOwn(STATE_FILTERS, etat) ? (etat as StateFilter) : "tous",
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    tri: sort,
    // Names A→Z; dates and progress: most recent / highest first, unless asked otherwise.
    ordre: ordre === "asc" || ordre === "desc" ? ordre : sort === "nom" ? "asc" : "desc",
    annee: parseYear(url.searchParams.get("annee"), calendarDate(now, zone)),
    page: readPage(url.searchParams),
  };
}

export type MemberAtAGlance = MemberFacts & {
  company: { commune: { name: string } | null };
  /** The company's commitments of the year in this club. */
  commitments: number;
  /** How many of them (in progress or achieved) have a numeric target. */
  commitmentsWithTarget: number;
  /** 0–100, or null without any commitment with a target. */
  progress: number | null;
};
type MemberFacts = Awaited<ReturnType<typeof listMemberFacts>>[number];
type Progress = Map<string, { withTarget: number; mean: number }>;

/**
 * Every company of the club with its activity (active: a realisation declared within the last
 * quarter; silent; prospect; left), its commitments of the year in this club, its last
 * declaration and its progress: the mean, over the year's commitments (in progress or achieved)
 * with a numeric target, of realised (in its unit) ÷ target, each capped at 100 % (units differ between
 * commitments — people, euros, hours — so they are not added up).
 */
export async function listMembersAtAGlance(
  clubId: string,
  year: number,
  now = new Date(),
): Promise<MemberAtAGlance[]> {
  const facts = await listMemberFacts(clubId, now);
  return withDetails(clubId, year, facts);
}

/**
 * The club home's table: the page of members the query asks for, and the counts by activity
 * over the whole club. What the filters, the counts and the sort need is read for every member;
 * the rest (commune, commitments, progress) for the page's members only, unless the list is
 * sorted by progress: a 1,300-member club shows ROWS_PER_PAGE of them.
 */
export async function membersAtAGlancePage(
  clubId: string,
  query: MemberQuery,
  now = new Date(),
  pageSize = ROWS_PER_PAGE,
) {
  const facts = await listMemberFacts(clubId, now);
  const byProgress = query.tri === "progression";
  const members: Array<MemberFacts & { progress?: number | null }> = byProgress
    ? await withDetails(clubId, query.annee, facts)
    : facts;
  const shown = filterAndSortMembers(members, query);
  const { rows, page, pages } = pageOf(shown, query.page, pageSize);
  return {
    members: byProgress
      ? (rows as MemberAtAGlance[])
      : await withDetails(clubId, query.annee, rows),
    page,
    pages,
    shown: shown.length,
    total: facts.length,
    counts: countByActivity(facts),
  };
}

/** The members with their commune, commitments of the year and progress: two queries. */
async function withDetails(
  clubId: string,
  year: number,
  members: MemberFacts[],
): Promise<MemberAtAGlance[]> {
  if (members.length === 0) return [];
  const ids = members.map((m) => m.company.id);
  const [details, progress] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string; communeName: string | null; commitments: Num }>>`
      SELECT co."id", cm."name" AS "communeName",
        (SELECT COUNT(*) FROM "Commitment" c WHERE c."companyId" = co."id"
          AND c."clubId" = ${clubId} AND c."year" = ${year}) AS "commitments"
      FROM "Company" co LEFT JOIN "Commune" cm ON cm."code" = co."communeCode"
      WHERE co."id" IN (${Prisma.join(ids)})`,
    progressByCompany(clubId, year, ids),
  ]);
  const detailsBy = new Map(details.map((d) => [d.id, d]));
  return members.map((m) => {
    const d = detailsBy.get(m.company.id);
    const p = progress.get(m.company.id);
    return {
      ...m,
      company: {
        ...m.company,
        commune: d?.communeName == null ? null : { name: d.communeName },
      },
      commitments: Number(d?.commitments ?? 0),
      commitmentsWithTarget: p?.withTarget ?? 0,
      progress: p ? Math.round(p.mean * 100) : null,
    };
  });
}

type Num = number | bigint;

/**
 * Per company of `companyIds`: how many of its running commitments of the year in the club have
 * a target, and the mean of their capped ratios. One query: each commitment's realised quantity
 * in its own unit (commitmentProgress's rule), on the (commitment, unit, quantity) covering index.
 */
async function progressByCompany(
  clubId: string,
  year: number,
  companyIds: string[],
): Promise<Progress> {
  const commitments = await prisma.$queryRaw<
    Array<{ companyId: string; targetQuantity: number; realised: Num }>
  >`
    SELECT c."companyId", c."targetQuantity",
      COALESCE((SELECT SUM(r."quantity") FROM "Realisation" r
        WHERE r."commitmentId" = c."id" AND r."unit" = ${COMMITMENT_UNIT_SQL}), 0) AS "realised"
    FROM "Commitment" c
    WHERE c."clubId" = ${clubId} AND c."year" = ${year} AND c."targetQuantity" > 0
      AND c."status" IN ('ACTIVE', 'ACHIEVED') AND c."companyId" IN (${Prisma.join(companyIds)})`;
  const byCompany: Progress = new Map();
  for (const c of commitments) {
    const ratio = Math.min(1, Number(c.realised) / c.targetQuantity);
    const entry = byCompany.get(c.companyId) ?? { withTarget: 0, mean: 0 };
    entry.mean = (entry.mean * entry.withTarget + ratio) / (entry.withTarget + 1);
    entry.withTarget += 1;
    byCompany.set(c.companyId, entry);
  }
  return byCompany;
}

/**
 * What the club home's filters, counts and sorts read of every member: its company's name, its
 * state and its last declaration (one seek per member on the (company, createdAt) index). One
 * query whatever the club's size.
 */
async function listMemberFacts(clubId: string, now: Date) {
  const memberships = await prisma.$queryRaw<
    Array<{
      id: string;
      status: string;
      companyId: string;
      companyName: string;
      last: Date | string | null;
    }>
  >`
    SELECT m."id", m."status", m."companyId", co."name" AS "companyName",
      (SELECT MAX(r."createdAt") FROM "Realisation" r
        WHERE r."companyId" = m."companyId") AS "last"
    FROM "ClubMembership" m JOIN "Company" co ON co."id" = m."companyId"
    WHERE m."clubId" = ${clubId}`;
  const activeSince = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS);
  return memberships.map((m) => {
    const last = optionalDate(m.last);
    const activity: MemberActivity =
      m.status === "LEFT"
        ? "LEFT"
        : m.status === "PROSPECT"
          ? "PROSPECT"
          : last && last >= activeSince
            ? "ACTIVE"
            : "SILENT";
    return {
      membershipId: m.id,
      company: { id: m.companyId, name: m.companyName },
      status: m.status,
      activity,
      lastDeclaration: last,
    };
  });
}

/** A date read by a raw query (SQLite gives text, PostgreSQL a Date). */
const optionalDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Filters and sorts the members as the URL asks; counts by activity are over the whole club. */
export function filterAndSortMembers<T extends MemberFacts & { progress?: number | null }>(
  members: T[],
  query: MemberQuery,
) {
  const wanted = STATE_FILTERS[query.etat];
  const needle = fold(query.q);
  const shown = members.filter(
    (m) => (!wanted || m.activity === wanted) && (!needle || fold(m.company.name).includes(needle)),
  );
  const byName = (a: T, b: T) => a.company.name.localeCompare(b.company.name, "fr");
  const direction = query.ordre === "asc" ? 1 : -1;
  // Members without a value (never declared, no target) always come last, whatever the order.
  const compareNullable = (a: number | null, b: number | null) => {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return (a - b) * direction;
  };
  shown.sort((a, b) => {
    let result = 0;
    if (query.tri === "nom") result = byName(a, b) * direction;
    if (query.tri === "derniere-declaration") {
      result = compareNullable(
        a.lastDeclaration ? a.lastDeclaration.getTime() : null,
        b.lastDeclaration ? b.lastDeclaration.getTime() : null,
      );
    }
    if (query.tri === "progression")
      result = compareNullable(a.progress ?? null, b.progress ?? null);
    return result !== 0 ? result : byName(a, b);
  });
  return shown;
}

export function countByActivity(members: Array<{ activity: MemberActivity }>) {
  const counts: Record<MemberActivity, number> = { ACTIVE: 0, SILENT: 0, PROSPECT: 0, LEFT: 0 };
  for (const m of members) counts[m.activity]++;
  return counts;
}

// ---------------------------------------------------------------- figures

/** Everything the club figures page and its export show, for one period. */
export function getClubFigures(clubId: string, period: FigurePeriod) {
  return getFigures({ clubId }, period);
}

export type ClubFigures = Awaited<ReturnType<typeof getClubFigures>>;

// ---------------------------------------------------------------- figures: XLSX export

/** The workbook of the club's figures for a period: one sheet per breakdown, plus the filters. */
export async function buildClubFiguresWorkbook(
  clubId: string,
  period: FigurePeriod,
  now = new Date(),
) {
  const club = await getClub(clubId);
  if (!club) return null;
  const data = await getClubFigures(clubId, period);
  const description = [
    { name: "Club", value: club.name },
    { name: "Département", value: `${club.departement.name} (${club.departementCode})` },
    { name: "Période", value: period.label },
    { name: "Comparée à", value: `la même période un an plus tôt, ${period.previousLabel}` },
    {
      name: "Tendance mensuelle",
      value: `${data.trend[0]?.label ?? ""} à ${data.trend[data.trend.length - 1]?.label ?? ""}`,
    },
    ...period.notices.map((notice) => ({ name: "Filtre non appliqué tel quel", value: notice })),
    {
      name: "Date d'extraction",
      value: formatDateTime(now, zoneOfDepartement(club.departementCode)),
    },
    {
      name: "Source",
      value:
        "Réalisations déclarées par les entreprises du club (dates des réalisations, en UTC). Aucune donnée personnelle.",
    },
  ];
  const stream = streamedXlsx((workbook) => writeFiguresWorkbook(workbook, description, data, now));
  const slug = period.periode === "annee" ? `${period.year}` : `${period.year}-${period.periode}`;
  return { stream, fileName: `chiffres-club-${slug}.xlsx` };
}
