// The outcome rates of the public figures (issue 15, decisions 014 and 029): for the nation and
// every département, overall, by public and by action type, with the same disclosure control as
// the other public figures — a number of people of 1 or 2 (those the rate rests on, those in the
// situation counted, or the others), or one that grew by 1 or 2 since last published this year,
// is masked with its rate, and enough other cells that no total, line or département gives it back.
import { suppressCells, type Cell, type Relation } from "~/utils/cell-suppression";
import { OUTCOME_RATES, type OutcomeRateKey, type OutcomeRow } from "~/utils/outcome-rates";
import { outcomeRates } from "./figures-outcomes.server";
import type { FigureScope, Period } from "./figures.server";

const MASKED = "secret" as const;
type Figure = number | typeof MASKED;

/** A published rate: its share, the people it rests on and those in the situation counted. */
export type PublicRate = {
  rate: number | null;
  people: number;
  value: number;
  notReported: number | null;
  masked?: boolean;
};
export type PublicOutcomeRow = { code: string; label: string } & Record<OutcomeRateKey, PublicRate>;
export type PublicOutcomes = {
  total: PublicOutcomeRow;
  breakdowns: Array<{ key: string; title: string; rows: PublicOutcomeRow[] }>;
};

const GROUPS = [
  { key: "publics", title: "Par public", dimension: "publicCategoryCode" },
  { key: "actions", title: "Par type d'action", dimension: "actionTypeCode" },
] as const;
type Lines = { total: OutcomeRow; groups: OutcomeRow[][] };

async function linesOf(scope: FigureScope, period: Period): Promise<Lines> {
  // The cohort is cut at the period's end, so that a month's figures never change afterwards.
  const [total, ...groups] = await Promise.all([
    outcomeRates(scope, period, "", period.to),
    ...GROUPS.map((g) => outcomeRates(scope, period, g.dimension, period.to)),
  ]);
  return { total: total[0], groups };
}

/** The lines of a scope, each with its cell id ("total", "publics:DELD"…). */
const each = (l: Lines) => [
  { id: "total", row: l.total },
  ...GROUPS.flatMap((g, i) => l.groups[i].map((row) => ({ id: `${g.key}:${row.code}`, row }))),
];

/** Nation minus its départements: outcomes of realisations without a club (never published alone). */
function remainder(nation: Lines, departements: Lines[]): Lines {
  const minus = (row: OutcomeRow, pick: (l: Lines) => OutcomeRow): OutcomeRow => {
    const out = { ...row };
    for (const { key } of OUTCOME_RATES) {
      const sub = (f: "people" | "value") => departements.reduce((s, d) => s + pick(d)[key][f], 0);
      out[key] = {
        ...row[key],
        people: row[key].people - sub("people"),
        value: row[key].value - sub("value"),
      };
    }
    return out;
  };
  return {
    total: minus(nation.total, (l) => l.total),
    groups: nation.groups.map((rows, i) => rows.map((row, j) => minus(row, (l) => l.groups[i][j]))),
  };
}

/**
 * The masked outcome figures of the nation ("*") and of each département, knowing the last
 * values published this year (`previous(scope, cell)`, from the earlier months' figures).
 */
export async function publicOutcomes(
  codes: string[],
  period: Period,
  previous: (scope: string, cell: string) => number | undefined,
) {
  const nation = await linesOf({}, period);
  const all = new Map<string, Lines>([["*", nation]]);
  for (const code of codes) all.set(code, await linesOf({ departementCode: code }, period));
  all.set(
    "∅",
    remainder(
      nation,
      codes.map((c) => all.get(c)!),
    ),
  );

  const cells = new Map<string, Cell>();
  const relations: Relation[] = [];
  const small = (n: number) => n === 1 || n === 2;
  for (const [scope, lines] of all) {
    for (const { id, row } of each(lines)) {
      for (const { key } of OUTCOME_RATES) {
        const group = `${scope}|${id}:${key}`;
        const parts = {
          people: row[key].people,
          value: row[key].value,
          rest: row[key].people - row[key].value,
        };
        for (const [part, value] of Object.entries(parts)) {
          const before = part === "rest" ? undefined : previous(scope, `${id}:${key}:${part}`);
          const primary = small(value) || (before !== undefined && small(value - before));
          cells.set(`${group}:${part}`, { value, primary, group, previous: before });
        }
        relations.push([
          { cell: `${group}:people`, sign: -1 },
          { cell: `${group}:value`, sign: 1 },
          { cell: `${group}:rest`, sign: 1 },
        ]);
      }
    }
    // A total is the sum of its lines, in each breakdown.
    for (const g of GROUPS)
      for (const { key } of OUTCOME_RATES)
        for (const part of ["people", "value", "rest"])
          relations.push([
            { cell: `${scope}|total:${key}:${part}`, sign: -1 },
            ...lines.groups[GROUPS.indexOf(g)].map((row) => ({
              cell: `${scope}|${g.key}:${row.code}:${key}:${part}`,
              sign: 1 as const,
            })),
          ]);
  }
  // The nation is the sum of its départements and of the remainder.
  for (const id of cells.keys())
    if (id.startsWith("*|"))
      relations.push([
        { cell: id, sign: -1 },
        ...[...all.keys()]
          .filter((s) => s !== "*")
          .map((s) => ({ cell: `${s}|${id.slice(2)}`, sign: 1 as const })),
      ]);
  const masked = suppressCells(cells, relations);
  return new Map(
    [...all]
      .filter(([scope]) => scope !== "∅")
      .map(([scope, lines]) => [scope, publish(scope, lines, masked)]),
  );
}

function publish(scope: string, lines: Lines, masked: Set<string>): PublicOutcomes {
  const row = (id: string, r: OutcomeRow): PublicOutcomeRow => ({
    code: r.code,
    label: r.label,
    ...(Object.fromEntries(
      OUTCOME_RATES.map(({ key }) => {
        const hidden = masked.has(`${scope}|${id}:${key}:people`);
        const rate: PublicRate = hidden
          ? { rate: null, people: 0, value: 0, notReported: null, masked: true }
          : {
              rate: r[key].rate === null ? null : Math.round(r[key].rate! * 1000) / 1000,
              people: r[key].people,
              value: r[key].value,
              notReported:
                r[key].notReported === null ? null : Math.round(r[key].notReported! * 100) / 100,
            };
        return [key, rate];
      }),
    ) as Record<OutcomeRateKey, PublicRate>),
  });
  return {
    total: row("total", lines.total),
    breakdowns: GROUPS.map((g, i) => ({
      key: g.key,
      title: g.title,
      rows: lines.groups[i].map((r) => row(`${g.key}:${r.code}`, r)),
    })),
  };
}

/** The cells of published outcome figures, by id, for the next months' disclosure control. */
export function publishedOutcomeCells(o: PublicOutcomes | undefined): Map<string, Figure> {
  const cells = new Map<string, Figure>();
  if (!o) return cells;
  const add = (id: string, r: PublicOutcomeRow) => {
    for (const { key } of OUTCOME_RATES) {
      cells.set(`${id}:${key}:people`, r[key].masked ? MASKED : r[key].people);
      cells.set(`${id}:${key}:value`, r[key].masked ? MASKED : r[key].value);
    }
  };
  add("total", o.total);
  for (const b of o.breakdowns) for (const r of b.rows) add(`${b.key}:${r.code}`, r);
  return cells;
}

/**
 * The last value published for an outcome cell in the earlier months of the year (newest first),
 * if it was visible. The realisations without a département ("∅") are not tracked across months.
 */
export function lastOutcomeCells(earlier: Array<Map<string, { outcomes?: PublicOutcomes }>>) {
  const months = earlier.map(
    (month) => new Map([...month].map(([scope, f]) => [scope, publishedOutcomeCells(f.outcomes)])),
  );
  return (scope: string, cell: string) => {
    for (let i = months.length - 1; i >= 0; i--) {
      const value = months[i].get(scope)?.get(cell);
      if (typeof value === "number") return value;
    }
    return undefined;
  };
}
