// Public figures (docs/design.md contract of /api/stats): aggregates only, never a company name, and
// with a disclosure control that no published combination undoes (decision 014):
// - they cover the year up to the end of the last complete month, computed once after that month
//   ends and stored (PublicFiguresSnapshot): a new or backdated declaration shows nothing before
//   the next month's figures, which add up a whole month of declarations;
// - a number of people of 1 or 2 is masked, with its number of declarations, and so is one that
//   grew by 1 or 2 since it was last published this year; then enough other cells are masked
//   (cell-suppression.ts) that no relation between the published numbers — a total and its
//   lines, the two tables, the nation and its départements, the earlier months — gives one back.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { suppressCells, type AtLeast, type Cell, type Relation } from "~/utils/cell-suppression";
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { unitOf } from "~/utils/schemas/realisation";
import { type FigureScope, type Period } from "./figures.server";
import { keyFigures, keyFiguresByDepartement } from "./figures-key.server";
import { peopleByPublic, realisationsByActionType } from "./figures-breakdowns.server";
import { isoDay } from "~/utils/time/wall-clock";
import { lastOutcomeCells, publicOutcomes, type PublicOutcomes } from "./public-outcomes.server";

export async function findDepartement(code: string) {
  return prisma.departement.findUnique({ where: { code }, select: { code: true, name: true } });
}

/** Published in place of a masked cell (a small number of people, or a cell that would give one back). */
export const MASKED = "secret" as const;
type Figure = number | typeof MASKED;

/** The months the public figures cover at `now`: from 1 January to the end of the last complete month. */
export function publicPeriod(now: Date) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  const year = lastMonth.getUTCFullYear();
  return {
    year,
    month: lastMonth.toISOString().slice(0, 7),
    from: new Date(Date.UTC(year, 0, 1)),
    to,
  };
}

/** Unmasked figures of one scope, as the figure queries give them. */
export type Table = {
  companiesEngaged: number;
  commitments: number;
  realisations: number;
  peopleHired: number;
  byPublic: Record<string, { people: number; realisations: number }>;
  byAction: Record<string, { quantity: number; realisations: number }>;
};

async function tableOf(scope: FigureScope, period: Period): Promise<Table> {
  const [figures, byPublic, byAction] = await Promise.all([
    keyFigures(scope, period),
    peopleByPublic(scope, period),
    realisationsByActionType(scope, period),
  ]);
  return {
    companiesEngaged: figures.companiesEngaged,
    commitments: figures.activeCommitments,
    realisations: figures.realisations,
    peopleHired: figures.peopleHired,
    byPublic: Object.fromEntries(
      byPublic.map((r) => [r.code, { people: r.quantity, realisations: r.count }]),
    ),
    byAction: Object.fromEntries(
      byAction.map((r) => [r.code, { quantity: r.quantity, realisations: r.count }]),
    ),
  };
}

// ---------------------------------------------------------------- disclosure control

/**
 * The cells of a scope's table, by id "scope|kind", with their group (masked together) and the
 * last value published for them this year (`previous`). Primary: 1 or 2 people, or 1 or 2 more
 * than that published value (the difference of two readings).
 */
function cellsOf(
  scope: string,
  t: Table,
  previous: (kind: string) => number | undefined,
): Array<[string, Cell]> {
  const small = (n: number) => n === 1 || n === 2;
  const cell = (kind: string, value: number, people: boolean, group = kind): [string, Cell] => {
    const before = previous(kind);
    const primary = people && (small(value) || (before !== undefined && small(value - before)));
    return [`${scope}|${kind}`, { value, primary, group: `${scope}|${group}`, previous: before }];
  };
  return [
    cell("realisations", t.realisations, false),
    cell("peopleHired", t.peopleHired, true),
    ...PUBLIC_CATEGORIES.flatMap((p) => {
      const r = t.byPublic[p.code];
      return [
        cell(`public:${p.code}:people`, r.people, true, `public:${p.code}`),
        cell(`public:${p.code}:realisations`, r.realisations, false, `public:${p.code}`),
      ];
    }),
    ...ACTION_TYPES.flatMap((a) => {
      const r = t.byAction[a.code];
      return [
        cell(
          `action:${a.code}:quantity`,
          r.quantity,
          unitOf(a.code) === "PEOPLE",
          `action:${a.code}`,
        ),
        cell(`action:${a.code}:realisations`, r.realisations, false, `action:${a.code}`),
      ];
    }),
  ];
}

/** The published cells of a scope's figures, by kind (the ids of cellsOf without the scope). */
function publishedCells(f: Figures): Map<string, Figure> {
  return new Map<string, Figure>([
    ["realisations", f.realisations],
    ["peopleHired", f.peopleHired],
    ...f.byPublicCategory.flatMap((r): Array<[string, Figure]> => [
      [`public:${r.code}:people`, r.people],
      [`public:${r.code}:realisations`, r.realisations],
    ]),
    ...f.byActionType.flatMap((r): Array<[string, Figure]> => [
      [`action:${r.code}:quantity`, r.quantity],
      [`action:${r.code}:realisations`, r.realisations],
    ]),
  ]);
}

/** The relations between the cells of one scope's table. */
function relationsOf(scope: string): Relation[] {
  const term = (kind: string, sign: 1 | -1 = 1) => ({ cell: `${scope}|${kind}`, sign });
  const people = ACTION_TYPES.filter((a) => a.defaultUnit === "PEOPLE");
  return [
    // The declarations are the sum of those of every action type…
    [term("realisations", -1), ...ACTION_TYPES.map((a) => term(`action:${a.code}:realisations`))],
    // …the people hired, the people of the hiring action types…
    [
      term("peopleHired", -1),
      ...ACTION_TYPES.filter((a) => a.isHire).map((a) => term(`action:${a.code}:quantity`)),
    ],
    // …and both tables count the same people and the same declarations in people.
    [
      ...PUBLIC_CATEGORIES.map((p) => term(`public:${p.code}:people`)),
      ...people.map((a) => term(`action:${a.code}:quantity`, -1)),
    ],
    [
      ...PUBLIC_CATEGORIES.map((p) => term(`public:${p.code}:realisations`)),
      ...people.map((a) => term(`action:${a.code}:realisations`, -1)),
    ],
  ];
}

/** The nation minus its départements: realisations without a club (never published alone). */
const NO_DEPARTEMENT = "∅";
const NATION = "*";

function remainder(nation: Table, departements: Table[]): Table {
  const minus = (pick: (t: Table) => number) =>
    pick(nation) - departements.reduce((s, t) => s + pick(t), 0);
  return {
    companiesEngaged: 0,
    commitments: 0,
    realisations: minus((t) => t.realisations),
    peopleHired: minus((t) => t.peopleHired),
    byPublic: Object.fromEntries(
      PUBLIC_CATEGORIES.map((p) => [
        p.code,
        {
          people: minus((t) => t.byPublic[p.code].people),
          realisations: minus((t) => t.byPublic[p.code].realisations),
        },
      ]),
    ),
    byAction: Object.fromEntries(
      ACTION_TYPES.map((a) => [
        a.code,
        {
          quantity: minus((t) => t.byAction[a.code].quantity),
          realisations: minus((t) => t.byAction[a.code].realisations),
        },
      ]),
    ),
  };
}

/**
 * The last value published for a cell in the earlier figures of the year (oldest first), if it
 * was ever visible: a reader who kept them knows it, so the new value minus it must not be 1 or 2
 * either. A département absent from a month's figures had zeros; the realisations without a
 * département are the nation minus the départements when all were visible.
 */
function lastVisible(earlier: Array<Map<string, Figures>>) {
  const months = earlier.map((month) => {
    const cells = new Map([...month].map(([scope, f]) => [scope, publishedCells(f)]));
    return (scope: string, kind: string): Figure | undefined => {
      if (scope !== NO_DEPARTEMENT) return cells.has(scope) ? cells.get(scope)!.get(kind) : 0;
      const parts = [...cells].map(([s, c]) => [s, c.get(kind)] as const);
      if (parts.some(([, n]) => typeof n !== "number")) return undefined;
      return parts.reduce((sum, [s, n]) => sum + (s === NATION ? 1 : -1) * (n as number), 0);
    };
  });
  return (scope: string, kind: string) => {
    for (let i = months.length - 1; i >= 0; i--) {
      const value = months[i](scope, kind);
      if (typeof value === "number") return value;
    }
    return undefined;
  };
}

/**
 * The published figures of the nation and of every département with figures, masked together:
 * the nation's cells are the sums of the départements' (and of the realisations without a
 * département, treated as if published — they are, by difference — and masked in the same way).
 */
export function maskTables(
  nation: Table,
  departements: Map<string, Table>,
  earlier: Array<Map<string, Figures>> = [],
) {
  const all = new Map([
    [NATION, nation],
    ...departements,
    [NO_DEPARTEMENT, remainder(nation, [...departements.values()])],
  ]);
  const before = lastVisible(earlier);
  const cells = new Map<string, Cell>();
  const relations: Relation[] = [];
  const atLeast: AtLeast[] = [];
  for (const [scope, table] of all) {
    for (const [id, cell] of cellsOf(scope, table, (kind) => before(scope, kind)))
      cells.set(id, cell);
    relations.push(...relationsOf(scope));
    // Every declaration counts at least 1: a quantity is at least its number of declarations.
    for (const p of PUBLIC_CATEGORIES)
      atLeast.push([`${scope}|public:${p.code}:people`, `${scope}|public:${p.code}:realisations`]);
    for (const a of ACTION_TYPES)
      atLeast.push([
        `${scope}|action:${a.code}:quantity`,
        `${scope}|action:${a.code}:realisations`,
      ]);
  }
  for (const [id] of cellsOf(NATION, nation, () => undefined)) {
    const kind = id.slice(NATION.length + 1);
    relations.push([
      { cell: id, sign: -1 },
      ...[...all.keys()]
        .filter((s) => s !== NATION)
        .map((s) => ({ cell: `${s}|${kind}`, sign: 1 as const })),
    ]);
  }
  const masked = suppressCells(cells, relations, atLeast);
  return new Map(
    [...all]
      .filter(([scope]) => scope !== NO_DEPARTEMENT)
      .map(([scope, t]) => [scope, published(t, (kind) => masked.has(`${scope}|${kind}`))]),
  );
}

/** A scope's table as published: the cells of `hidden` kinds are masked. */
function published(t: Table, hidden: (kind: string) => boolean = () => false) {
  const show = (kind: string, value: number): Figure => (hidden(kind) ? MASKED : value);
  return {
    companiesEngaged: t.companiesEngaged,
    commitments: t.commitments,
    realisations: show("realisations", t.realisations),
    peopleHired: show("peopleHired", t.peopleHired),
    byPublicCategory: PUBLIC_CATEGORIES.map((p) => ({
      code: p.code,
      label: p.label,
      people: show(`public:${p.code}:people`, t.byPublic[p.code].people),
      realisations: show(`public:${p.code}:realisations`, t.byPublic[p.code].realisations),
    })),
    byActionType: ACTION_TYPES.map((a) => ({
      code: a.code,
      label: a.label,
      unit: unitOf(a.code),
      quantity: show(`action:${a.code}:quantity`, t.byAction[a.code].quantity),
      realisations: show(`action:${a.code}:realisations`, t.byAction[a.code].realisations),
    })),
  };
}

/** A scope's published figures (masked cells read "secret"), with outcome rates since 2026-12. */
export type Figures = ReturnType<typeof published> & { outcomes?: PublicOutcomes };

/** A scope without any declaration or commitment in the period. */
const EMPTY_TABLE: Table = {
  companiesEngaged: 0,
  commitments: 0,
  realisations: 0,
  peopleHired: 0,
  byPublic: Object.fromEntries(
    PUBLIC_CATEGORIES.map((p) => [p.code, { people: 0, realisations: 0 }]),
  ),
  byAction: Object.fromEntries(ACTION_TYPES.map((a) => [a.code, { quantity: 0, realisations: 0 }])),
};

// ---------------------------------------------------------------- monthly snapshot

/**
 * Computes the masked figures of the period ending with `month`, for the nation and every
 * département with figures, knowing what was published for the earlier months of the year.
 */
async function computeFigures(month: string, period: Period) {
  const codes = [...(await keyFiguresByDepartement(period)).keys()].filter((c) => c !== "");
  const nation = await tableOf({}, period);
  const departements = new Map<string, Table>();
  for (const code of codes)
    departements.set(code, await tableOf({ departementCode: code }, period));
  const earlier = await earlierFigures(month);
  const outcomes = await publicOutcomes(codes, period, lastOutcomeCells(earlier));
  const figures = maskTables(nation, departements, earlier);
  return new Map(
    [...figures].map(([scope, f]) => [scope, { ...f, outcomes: outcomes.get(scope) }]),
  );
}

/** The figures published for the earlier months of the year of `month`, oldest first. */
async function earlierFigures(month: string) {
  const rows = await prisma.publicFiguresSnapshot.findMany({
    where: { month: { gte: `${month.slice(0, 4)}-01`, lt: month } },
    orderBy: { month: "asc" },
    select: { month: true, scope: true, figures: true },
  });
  const months = new Map<string, Map<string, Figures>>();
  for (const r of rows)
    months.set(r.month, (months.get(r.month) ?? new Map()).set(r.scope, JSON.parse(r.figures)));
  return [...months.values()].filter((m) => m.has(NATION));
}

/**
 * Stores the figures of the period ending with `month` unless they are stored: the scheduler
 * does it early in each month, the first reader otherwise. Readers arriving meanwhile wait for
 * the same computation; another process storing first wins (its figures are the published ones).
 */
function ensureSnapshot(month: string, period: Period) {
  let pending = computing.get(month);
  if (!pending) {
    pending = storeSnapshot(month, period).finally(() => computing.delete(month));
    computing.set(month, pending);
  }
  return pending;
}
const computing = new Map<string, Promise<void>>();

async function storeSnapshot(month: string, period: Period) {
  const stored = await prisma.publicFiguresSnapshot.findUnique({
    where: { month_scope: { month, scope: NATION } },
    select: { month: true },
  });
  if (stored) return;
  const figures = await computeFigures(month, period);
  try {
    await prisma.publicFiguresSnapshot.createMany({
      data: [...figures].map(([scope, f]) => ({ month, scope, figures: JSON.stringify(f) })),
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
      throw error;
  }
}

/** The scheduler's job: the figures of the month that just ended, before anyone asks. */
export async function publishMonthFigures(now = new Date()) {
  const { month, from, to } = publicPeriod(now);
  await ensureSnapshot(month, { from, to });
}

/** The public figures of one département or (null) the whole country. */
export async function publicStats(departementCode: string | null, now = new Date()) {
  const { year, month, from, to } = publicPeriod(now);
  await ensureSnapshot(month, { from, to });
  const row = await prisma.publicFiguresSnapshot.findUnique({
    where: { month_scope: { month, scope: departementCode ?? NATION } },
    select: { figures: true },
  });
  const figures: Figures = row ? JSON.parse(row.figures) : published(EMPTY_TABLE);
  return {
    departement: departementCode,
    year,
    /** The days covered, both included: 1 January to the end of the last complete month. */
    period: { from: isoDay(from), to: isoDay(new Date(to.getTime() - 86_400_000)) },
    ...figures,
    /** Masked cells are published as "secret" (decision 014). */
    smallCountsMasked: true,
  };
}

export type PublicStats = Awaited<ReturnType<typeof publicStats>>;
