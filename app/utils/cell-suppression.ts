// Complementary (secondary) cell suppression for published tables (decision 014).
//
// A table publishes cells that satisfy linear relations: a total is the sum of its lines, the
// nation the sum of its départements, two tables share a total. Masking only the sensitive cells
// ("primary") lets anyone solve them back, so more cells ("complementary", the smallest non-zero
// ones) are masked until no masked value of 1 or 2 can be worked out:
// 1. relation by relation: a relation with one masked cell solves it; one whose masked cells are
//    all on the same side gives their sum S, and as each is at least 1 (zeros are published),
//    every one of k cells is known as soon as S < k + 1 (two cells summing to 2 are 1 and 1) —
//    more generally as soon as S leaves no slack above their known lower bounds;
// 2. then over all relations together, as an attacker would: any linear combination (Gaussian
//    elimination over the masked cells) and the bounds (≥ 1, a quantity ≥ its declarations)
//    propagated through every relation; a masked 1 or 2 still found exactly gets one more
//    complementary cell in one of its relations, and both steps run again.
// Cells of one group (a number of people and its number of declarations) are masked together.
// When a cell was published before (an earlier month's figures), what an attacker knows of it once
// masked starts at that value, and its increment since must not come back as 1 or 2 either.

export type Cell = {
  value: number;
  primary: boolean;
  group: string;
  /** The last value published for this cell, if it was ever visible: new − previous is known. */
  previous?: number;
};
/** Σ sign × value = 0 over the listed cells. */
export type Relation = Array<{ cell: string; sign: 1 | -1 }>;
/** [a, b]: the value of cell a is at least the value of cell b (people ≥ declarations). */
export type AtLeast = [string, string];

/** The ids of the cells to mask: the primary ones and enough others. */
export function suppressCells(
  cells: Map<string, Cell>,
  relations: Relation[],
  atLeast: AtLeast[] = [],
): Set<string> {
  const groups = new Map<string, string[]>();
  for (const [id, cell] of cells) groups.set(cell.group, [...(groups.get(cell.group) ?? []), id]);
  const masked = new Set<string>();
  const mask = (id: string) => {
    for (const other of groups.get(cells.get(id)!.group)!) masked.add(other);
  };
  for (const [id, cell] of cells) if (cell.primary) mask(id);

  const value = (id: string) => cells.get(id)!.value;
  const low = (id: string) => lowest(cells.get(id)!);
  // The smallest visible non-zero cell (ties by id, so the result is reproducible). Zeros are
  // never masked: a masked cell is then known to be at least 1, and "secret" never hides a 0.
  const smallestVisible = (ids: string[]) =>
    ids
      .filter((id) => !masked.has(id) && value(id) > 0)
      .sort((a, b) => value(a) - value(b) || a.localeCompare(b))[0];
  const exposes = (relation: Relation) => {
    const hidden = relation.filter((t) => masked.has(t.cell));
    if (hidden.length === 0) return false;
    if (hidden.length === 1) return true;
    const oneSide = hidden.every((t) => t.sign === hidden[0].sign);
    const slack = hidden.reduce((s, t) => s + value(t.cell) - low(t.cell), 0);
    return oneSide && slack < 1;
  };
  const relationsOf = new Map<string, Relation[]>();
  for (const r of relations)
    for (const t of r) relationsOf.set(t.cell, [...(relationsOf.get(t.cell) ?? []), r]);

  // For a cell still solved: the smallest visible cell of its relations, else of the relations
  // of their cells, and so on outwards.
  const nearestComplement = (id: string) => {
    const seen = new Set([id]);
    const crossed = new Set<Relation>();
    for (let frontier = [id]; frontier.length > 0;) {
      const next: string[] = [];
      for (const c of frontier)
        for (const r of relationsOf.get(c) ?? []) {
          if (crossed.has(r)) continue;
          crossed.add(r);
          for (const t of r) {
            if (seen.has(t.cell)) continue;
            seen.add(t.cell);
            next.push(t.cell);
          }
        }
      const found = smallestVisible(next);
      if (found !== undefined) return found;
      frontier = next;
    }
    return undefined;
  };

  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      for (const relation of relations)
        while (exposes(relation)) {
          const next = smallestVisible(relation.map((t) => t.cell));
          if (next === undefined) break;
          mask(next);
          changed = true;
        }
    }
    let added = false;
    for (const id of solvedSmallCells(cells, relations, atLeast, masked)) {
      const next = nearestComplement(id);
      if (next === undefined) continue;
      mask(next);
      added = true;
    }
    if (!added) return masked;
  }
}

/**
 * The masked cells holding 1 or 2 that an attacker works out exactly from the visible cells,
 * the relations and the bounds (a masked cell is at least 1, or its previous value; `atLeast`).
 */
export function solvedSmallCells(
  cells: Map<string, Cell>,
  relations: Relation[],
  atLeast: AtLeast[],
  masked: Set<string>,
): string[] {
  const value = (id: string) => cells.get(id)!.value;
  const isSmall = (n: number) => n === 1 || n === 2;
  const small = (id: string) => {
    const { value, previous } = cells.get(id)!;
    return isSmall(value) || (previous !== undefined && isSmall(value - previous));
  };
  const hidden = [...masked];
  const column = new Map(hidden.map((id, k) => [id, k]));
  const open = relations.filter((r) => r.some((t) => masked.has(t.cell)));
  const solved = new Set<string>();

  // Linear combinations: reduced row echelon form of the relations over the masked cells.
  const rows = open.map((r) => {
    const row = new Map<number, number>();
    for (const t of r) {
      const k = column.get(t.cell);
      if (k !== undefined) row.set(k, (row.get(k) ?? 0) + t.sign);
    }
    return row;
  });
  const pivots: Array<[number, Map<number, number>]> = [];
  for (let row of rows) {
    for (const [k, pivotRow] of pivots) row = eliminate(row, pivotRow, k);
    const k = [...row.keys()].find((c) => Math.abs(row.get(c)!) > 1e-9);
    if (k === undefined) continue;
    for (let i = 0; i < pivots.length; i++) pivots[i][1] = eliminate(pivots[i][1], row, k);
    pivots.push([k, row]);
  }
  for (const [k, row] of pivots)
    if ([...row.values()].filter((x) => Math.abs(x) > 1e-9).length === 1) solved.add(hidden[k]);

  // Bounds, propagated until they stop moving.
  const lb = new Map<string, number>();
  const ub = new Map<string, number>();
  for (const id of hidden) {
    const known = solved.has(id);
    lb.set(id, known ? value(id) : lowest(cells.get(id)!));
    ub.set(id, known ? value(id) : Infinity);
  }
  const low = (id: string) => (masked.has(id) ? lb.get(id)! : value(id));
  const high = (id: string) => (masked.has(id) ? ub.get(id)! : value(id));
  for (let round = 0, moved = true; moved && round < 200; round++) {
    moved = false;
    const tighten = (id: string, lo: number, hi: number) => {
      if (!masked.has(id)) return;
      if (lo > lb.get(id)! + 1e-9) {
        lb.set(id, Math.ceil(lo - 1e-9));
        moved = true;
      }
      if (hi < ub.get(id)! - 1e-9) {
        ub.set(id, Math.floor(hi + 1e-9));
        moved = true;
      }
    };
    for (const r of open) {
      // Each term's sign × value lies in [lo, hi]; the others' sum bounds the term.
      const span = r.map((t) =>
        t.sign > 0 ? [low(t.cell), high(t.cell)] : [-high(t.cell), -low(t.cell)],
      );
      const lows = span.filter(([lo]) => lo === -Infinity).length;
      const highs = span.filter(([, hi]) => hi === Infinity).length;
      const loSum = span.reduce((s, [lo]) => (lo === -Infinity ? s : s + lo), 0);
      const hiSum = span.reduce((s, [, hi]) => (hi === Infinity ? s : s + hi), 0);
      r.forEach((t, i) => {
        const [lo, hi] = span[i];
        const othersLo =
          lows - Number(lo === -Infinity) > 0 ? -Infinity : loSum - (lo === -Infinity ? 0 : lo);
        const othersHi =
          highs - Number(hi === Infinity) > 0 ? Infinity : hiSum - (hi === Infinity ? 0 : hi);
        // sign × x = −others
        if (t.sign > 0) tighten(t.cell, -othersHi, -othersLo);
        else tighten(t.cell, othersLo, othersHi);
      });
    }
    for (const [a, b] of atLeast) {
      tighten(a, low(b), Infinity);
      tighten(b, -Infinity, high(a));
    }
  }
  for (const id of hidden) if (lb.get(id) === ub.get(id)) solved.add(id);
  return [...solved].filter(small);
}

/** `row` minus the multiple of `pivotRow` that clears column k. */
function eliminate(row: Map<number, number>, pivotRow: Map<number, number>, k: number) {
  const factor = (row.get(k) ?? 0) / pivotRow.get(k)!;
  if (Math.abs(factor) < 1e-12) return row;
  const out = new Map(row);
  for (const [c, x] of pivotRow) {
    const next = (out.get(c) ?? 0) - factor * x;
    if (Math.abs(next) < 1e-9) out.delete(c);
    else out.set(c, next);
  }
  return out;
}

/** The least an attacker knows a masked cell to be: 1 (zeros are published), or its previous
 * published value (declarations add up; a deletion can lower it, hence the min with the truth). */
function lowest(cell: Cell) {
  return Math.max(1, Math.min(cell.previous ?? 1, cell.value));
}
