// The outcome rates of the figures (issue 15, decision 029): which people each rate counts,
// over which realisations, and the cohort whose milestone fell due in a period. Client-safe:
// the figures pages label their tables with these.
import { addMonths } from "~/utils/outcomes";

/** People who had a job through the realisation: is it still a job, 6 and 12 months on? */
export const KEPT_ACTION_TYPES = ["HIRE", "WORK_STUDY", "WORKFORCE_LOAN"] as const;
/** People trained or welcomed for a while: did they reach a job, 6 months on? */
export const ACCESS_ACTION_TYPES = ["IMMERSION", "TRAINING"] as const;

/** A rate and what it rests on; `notReported` is the share of the people due not answered yet. */
export type OutcomeRate = {
  /** People in the situation counted (numerator). */
  value: number;
  /** People the rate rests on: those whose outcome was given. */
  people: number;
  /** People whose outcome fell due (the followed realisations of the cohort). */
  due: number;
  rate: number | null;
  notReported: number | null;
  /** Public figures only: resting on too few people to be published (decision 014). */
  masked?: boolean;
};

export const OUTCOME_RATES = [
  { key: "employed6", label: "En emploi à 6 mois", help: "recrutements, alternances, prêts" },
  { key: "employed12", label: "En emploi à 12 mois", help: "recrutements, alternances, prêts" },
  { key: "access6", label: "Accès à l'emploi à 6 mois", help: "immersions, formations" },
  {
    key: "target6",
    label: "Accès au métier visé à 6 mois",
    help: "formations avec un métier visé",
  },
] as const;
export type OutcomeRateKey = (typeof OUTCOME_RATES)[number]["key"];
export type OutcomeRow = { code: string; label: string } & Record<OutcomeRateKey, OutcomeRate>;

export function toRate(value: number, people: number, due: number): OutcomeRate {
  return {
    value,
    people,
    due,
    rate: people > 0 ? value / people : null,
    notReported: due > 0 ? Math.max(0, due - people) / due : null,
  };
}

const dayOfDate = (d: Date) => d.toISOString().slice(0, 10);
const dateOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

function lastDayOfMonth(day: string) {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The latest realisation date whose `months` milestone has fallen due on `today`: today less the
 * months, or that month's last day when today ends its month (a 31 August realisation is due on
 * 28 February).
 */
export function dueBy(today: string, months: number): string {
  const back = addMonths(today, -months);
  return lastDayOfMonth(today) === today ? lastDayOfMonth(back) : back;
}

/**
 * The realisations whose `months` milestone fell due during the period and by `today`: the
 * period moved back by the months (periods start and end on a month's first day, so the move is
 * exact), cut at `dueBy`.
 */
export function cohortPeriod(period: { from: Date; to: Date }, months: number, today: string) {
  const from = dateOfDay(addMonths(dayOfDate(period.from), -months));
  const shiftedTo = dateOfDay(addMonths(dayOfDate(period.to), -months));
  const cutTo = new Date(dateOfDay(dueBy(today, months)).getTime() + 86_400_000);
  const to = shiftedTo < cutTo ? shiftedTo : cutTo;
  return { from, to: to < from ? from : to };
}
