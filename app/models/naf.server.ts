// The NAF rev. 2 nomenclature (@socialgouv/codes-naf): the sub-classes a company's APE code is
// chosen from, and the code as people type it.

import { createRequire } from "node:module";

// ---------------------------------------------------------------- NAF codes

export type NafOption = { code: string; label: string };

// Read with a local require (not bundled, parsed on first use), like the reference data.
const requireData = createRequire(import.meta.url);
let nafList: NafOption[] | null = null;
let nafIndex: Map<string, NafOption> | null = null;

/** The NAF rev. 2 sub-classes ("49.41A"), the level an APE code is given at, in code order. */
export function nafSubclasses(): NafOption[] {
  if (!nafList) {
    const all = requireData("@socialgouv/codes-naf/index.json") as Array<{
      id: string;
      label: string;
    }>;
    nafList = all
      .filter((entry) => /^\d{2}\.\d{2}[A-Z]$/.test(entry.id))
      .map((entry) => ({ code: entry.id, label: entry.label }));
    nafIndex = new Map(nafList.map((entry) => [entry.code, entry]));
  }
  return nafList;
}

export function findNaf(code: string): NafOption | null {
  nafSubclasses();
  return nafIndex!.get(code) ?? null;
}

/** "4941a", "49 41 A", "49.41.A" → "49.41A" (anything else is returned trimmed, upper-cased). */
export function normaliseNafCode(input: string): string {
  const compact = input.replace(/[\s.\u00a0-]/g, "").toUpperCase();
  const match = /^(\d{2})(\d{2})([A-Z])$/.exec(compact);
  return match ? `${match[1]}.${match[2]}${match[3]}` : input.trim().toUpperCase();
}
