// An attacker of the public figures: from what /api/stats publishes for the nation and for every
// département, and the identities that hold between those numbers, it tries every recovery of a
// masked cell — each relation alone (a total minus its visible cells, the nation minus the
// visible départements), any linear combination of relations (Gaussian elimination), and bounds
// (a masked cell is at least 1, a quantity at least its number of declarations) propagated to a
// fixed point. Written from the published JSON only, independently of the app's suppression code.
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";

/** A published figure: a number, or a masking marker (a string). */
type Published = number | string;

export type PublicJson = {
  realisations: Published;
  peopleHired: Published;
  byPublicCategory: Array<{ code: string; people: Published; realisations: Published }>;
  byActionType: Array<{ code: string; unit: string; quantity: Published; realisations: Published }>;
};

type Variable = {
  id: string;
  value: number | null;
  masked: boolean;
  lb: number;
  ub: number;
  /** The last value published for it in earlier months, if it was ever visible. */
  before: number | undefined;
};
type Term = { v: number; c: number };
type Relation = { name: string; terms: Term[] };

export type Recovery = { cell: string; value: number; how: string };

/**
 * Every masked value the attacker recovers exactly as 1 or 2, and every number of people that
 * grew by exactly 1 or 2 since `earlier` readings of the same year (oldest first). `scopes` maps
 * "" (the nation) and each département code to its published JSON; realisations without a
 * département are counted nationally only, so the attacker adds an unknown "no département" scope.
 */
export function recoverSmallCounts(
  scopes: Map<string, PublicJson>,
  earlier: Array<Map<string, PublicJson>> = [],
): Recovery[] {
  const vars: Variable[] = [];
  const index = new Map<string, number>();
  const add = (id: string, published: Published | undefined, before: number | undefined) => {
    const known = typeof published === "number" ? published : null;
    // "< 3" says 1 or 2; any other marker, at least 1 (zeros are published); unpublished: ≥ 0.
    const [lb, ub] =
      known !== null
        ? [known, known]
        : published === undefined
          ? [0, Infinity]
          : published === "< 3"
            ? [1, 2]
            : [1, Infinity];
    index.set(id, vars.length);
    // Declarations only add up: a masked cell is at least what it was last seen.
    vars.push({
      id,
      value: known,
      masked: typeof published === "string",
      lb: known === null && before !== undefined ? Math.max(lb, before) : lb,
      ub,
      before,
    });
  };
  const kinds: Array<[string, (j: PublicJson) => Published]> = [
    ["total:R", (j) => j.realisations],
    ["hired:Q", (j) => j.peopleHired],
    ...PUBLIC_CATEGORIES.flatMap((p): Array<[string, (j: PublicJson) => Published]> => [
      [`pub:${p.code}:P`, (j) => j.byPublicCategory.find((r) => r.code === p.code)!.people],
      [`pub:${p.code}:C`, (j) => j.byPublicCategory.find((r) => r.code === p.code)!.realisations],
    ]),
    ...ACTION_TYPES.flatMap((a): Array<[string, (j: PublicJson) => Published]> => [
      [`act:${a.code}:Q`, (j) => j.byActionType.find((r) => r.code === a.code)!.quantity],
      [`act:${a.code}:R`, (j) => j.byActionType.find((r) => r.code === a.code)!.realisations],
    ]),
  ];
  const scopeNames = [...scopes.keys(), "∅"];
  // The last value a reader who kept the earlier months' figures saw for a cell, if any.
  const then = (s: string, read: (j: PublicJson) => Published): number | undefined => {
    for (const month of [...earlier].reverse()) {
      if (s !== "∅") {
        const n = read(month.get(s)!);
        if (typeof n === "number") return n;
        continue;
      }
      // Realisations without a département: the nation minus the départements.
      const parts = [...month.entries()].filter(([c]) => c !== "").map(([, j]) => read(j));
      const total = read(month.get("")!);
      if (typeof total === "number" && parts.every((n) => typeof n === "number"))
        return total - parts.reduce<number>((sum, n) => sum + (n as number), 0);
    }
    return undefined;
  };
  for (const s of scopeNames)
    for (const [kind, read] of kinds) {
      const json = scopes.get(s);
      add(`${s || "FR"}:${kind}`, json ? read(json) : undefined, then(s, read));
    }
  const v = (s: string, kind: string) => index.get(`${s || "FR"}:${kind}`)!;

  const relations: Relation[] = [];
  const people = ACTION_TYPES.filter((a) => a.defaultUnit === "PEOPLE");
  for (const s of scopeNames) {
    const tag = s || "FR";
    relations.push({
      name: `${tag}: réalisations = Σ types d'action`,
      terms: [
        { v: v(s, "total:R"), c: -1 },
        ...ACTION_TYPES.map((a) => ({ v: v(s, `act:${a.code}:R`), c: 1 })),
      ],
    });
    relations.push({
      name: `${tag}: personnes recrutées = Σ types de recrutement`,
      terms: [
        { v: v(s, "hired:Q"), c: -1 },
        ...ACTION_TYPES.filter((a) => a.isHire).map((a) => ({ v: v(s, `act:${a.code}:Q`), c: 1 })),
      ],
    });
    for (const col of ["P", "C"] as const)
      relations.push({
        name: `${tag}: Σ publics (${col}) = Σ types d'action en personnes`,
        terms: [
          ...PUBLIC_CATEGORIES.map((p) => ({ v: v(s, `pub:${p.code}:${col}`), c: 1 })),
          ...people.map((a) => ({ v: v(s, `act:${a.code}:${col === "P" ? "Q" : "R"}`), c: -1 })),
        ],
      });
  }
  for (const [kind] of kinds)
    relations.push({
      name: `France − Σ départements (${kind})`,
      terms: [
        { v: v("", kind), c: -1 },
        ...scopeNames.filter((s) => s !== "").map((s) => ({ v: v(s, kind), c: 1 })),
      ],
    });
  // A quantity is at least its number of declarations (each declares at least 1).
  const atLeast: Array<[number, number]> = [];
  for (const s of scopeNames) {
    for (const p of PUBLIC_CATEGORIES)
      atLeast.push([v(s, `pub:${p.code}:P`), v(s, `pub:${p.code}:C`)]);
    for (const a of ACTION_TYPES) atLeast.push([v(s, `act:${a.code}:Q`), v(s, `act:${a.code}:R`)]);
  }

  // What must not come back as 1 or 2: a number of people (also of the realisations without a
  // département, never published), and any masked cell of a published table.
  const peopleCells = new Set<number>();
  for (const s of scopeNames) {
    peopleCells.add(v(s, "hired:Q"));
    for (const p of PUBLIC_CATEGORIES) peopleCells.add(v(s, `pub:${p.code}:P`));
    for (const a of people) peopleCells.add(v(s, `act:${a.code}:Q`));
  }
  const sensitive = (i: number) => peopleCells.has(i) || vars[i].masked;
  const found: Recovery[] = [];
  const small = (n: number) => n === 1 || n === 2;
  const report = (i: number, value: number, how: string) => {
    const { before } = vars[i];
    if (vars[i].value === null && sensitive(i) && small(value))
      found.push({ cell: vars[i].id, value, how });
    else if (
      vars[i].value === null &&
      sensitive(i) &&
      before !== undefined &&
      small(value - before)
    )
      found.push({
        cell: vars[i].id,
        value: value - before,
        how: `${how}, moins la valeur publiée avant`,
      });
  };

  // 0. Two readings: a number of people visible now and before shows the people added since.
  for (const [i, x] of vars.entries())
    if (
      x.value !== null &&
      x.before !== undefined &&
      peopleCells.has(i) &&
      small(x.value - x.before)
    )
      found.push({
        cell: x.id,
        value: x.value - x.before,
        how: "différence avec un mois précédent",
      });

  // 1. Each relation alone: one unknown left is solved.
  for (const r of relations) {
    const unknown = r.terms.filter((t) => vars[t.v].value === null);
    if (unknown.length !== 1) continue;
    const rest = r.terms.reduce((sum, t) => sum + (vars[t.v].value ?? 0) * t.c, 0);
    report(unknown[0].v, -rest / unknown[0].c, r.name);
  }

  // 2. Any linear combination: reduced row echelon form over the unknowns.
  const unknowns = vars.map((x, i) => (x.value === null ? i : -1)).filter((i) => i >= 0);
  const col = new Map(unknowns.map((i, k) => [i, k]));
  const rows = relations.map((r) => {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    for (const t of r.terms) {
      const k = col.get(t.v);
      if (k === undefined) row[unknowns.length] -= t.c * vars[t.v].value!;
      else row[k] += t.c;
    }
    return row;
  });
  let pivotRow = 0;
  const solved = new Map<number, number>();
  for (let k = 0; k < unknowns.length && pivotRow < rows.length; k++) {
    const p = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[k]) > 1e-9);
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p], rows[pivotRow]];
    const pivot = rows[pivotRow][k];
    rows[pivotRow] = rows[pivotRow].map((x) => x / pivot);
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow || Math.abs(rows[i][k]) < 1e-9) continue;
      const f = rows[i][k];
      rows[i] = rows[i].map((x, j) => x - f * rows[pivotRow][j]);
    }
    pivotRow++;
  }
  for (const row of rows) {
    const nonZero = row.slice(0, -1).flatMap((x, k) => (Math.abs(x) > 1e-9 ? [k] : []));
    if (nonZero.length !== 1) continue;
    const value = Math.round(row[row.length - 1] / row[nonZero[0]]);
    solved.set(unknowns[nonZero[0]], value);
    report(unknowns[nonZero[0]], value, "combinaison linéaire des relations");
  }

  // 3. Bounds propagated through every relation and inequality until nothing moves.
  const lb = vars.map((x, i) => solved.get(i) ?? x.lb);
  const ub = vars.map((x, i) => solved.get(i) ?? x.ub);
  for (let round = 0, moved = true; moved && round < 500; round++) {
    moved = false;
    const tighten = (i: number, lo: number, hi: number) => {
      if (lo > lb[i] + 1e-9) [lb[i], moved] = [Math.ceil(lo - 1e-9), true];
      if (hi < ub[i] - 1e-9) [ub[i], moved] = [Math.floor(hi + 1e-9), true];
    };
    for (const r of relations)
      for (const t of r.terms) {
        // c·x = −Σ others c'·x'
        let lo = 0;
        let hi = 0;
        for (const o of r.terms) {
          if (o === t) continue;
          const [a, b] =
            o.c > 0 ? [-o.c * ub[o.v], -o.c * lb[o.v]] : [-o.c * lb[o.v], -o.c * ub[o.v]];
          lo += a;
          hi += b;
        }
        const [x, y] = t.c > 0 ? [lo / t.c, hi / t.c] : [hi / t.c, lo / t.c];
        tighten(t.v, Number.isNaN(x) ? -Infinity : x, Number.isNaN(y) ? Infinity : y);
      }
    for (const [q, n] of atLeast) {
      tighten(q, lb[n], Infinity);
      tighten(n, -Infinity, ub[q]);
    }
  }
  for (const i of unknowns)
    if (lb[i] === ub[i]) report(i, lb[i], "bornes propagées (≥ 1, quantité ≥ déclarations)");

  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.cell) && seen.add(f.cell));
}
