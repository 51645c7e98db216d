// The unit a commitment is counted in, and the rule tying realisations to it (client-safe: the
// realisation form explains the rule before posting, the server enforces it).
import { ACTION_TYPES, UNITS, type Unit } from "./domain";
import { unitOf } from "./schemas/realisation";

/** Units as words in a sentence ("se compte en euros", not "en €"). */
export const UNIT_WORDS: Record<Unit, string> = {
  PEOPLE: "personnes",
  EUROS: "euros",
  HOURS: "heures",
};

/** The commitment's unit: its target's, else its action type's. */
export function commitmentUnit(commitment: {
  targetUnit: string | null;
  actionTypeCode: string;
}): Unit {
  return UNITS.find((u) => u === commitment.targetUnit) ?? unitOf(commitment.actionTypeCode);
}

/** What the realisation form says under a chosen commitment. */
export function commitmentUnitHint(unit: Unit) {
  return `Cet engagement se compte en ${UNIT_WORDS[unit]} : seules les actions comptées en ${UNIT_WORDS[unit]} peuvent y être rattachées.`;
}

/**
 * Why a realisation of this action type cannot count toward a commitment in that unit, or null
 * when it can: 5 hours of volunteering are not 5 people of an immersion commitment.
 */
export function unitMismatch(unit: Unit, actionTypeCode: string): string | null {
  const actionUnit = unitOf(actionTypeCode);
  if (actionUnit === unit) return null;
  const label = ACTION_TYPES.find((a) => a.code === actionTypeCode)?.label ?? actionTypeCode;
  return `Cet engagement se compte en ${UNIT_WORDS[unit]}, or « ${label} » se compte en ${UNIT_WORDS[actionUnit]} : choisissez un type d'action compté en ${UNIT_WORDS[unit]}, ou aucun engagement.`;
}
