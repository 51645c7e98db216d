// What became of the people a realisation concerns (issue 15, decision 026): which realisations
// are followed, at which milestones, the situations counted, and when an outcome is due.
// Client-safe: the "À suivre" page labels its fields with these.
import { isoDay } from "~/utils/time/wall-clock";

/** Realisations whose people are followed: hires, work-study, immersions, training, loans. */
export const FOLLOWED_ACTION_TYPES = [
  "HIRE",
  "WORK_STUDY",
  "IMMERSION",
  "TRAINING",
  "WORKFORCE_LOAN",
] as const;

/** Months after the realisation's date at which its people's situation is asked. */
export const OUTCOME_MILESTONES = [6, 12] as const;
export type OutcomeMilestone = (typeof OUTCOME_MILESTONES)[number];

/** The situations counted, in the form's order; they add up to the realisation's people. */
export const OUTCOME_SITUATIONS = [
  { key: "stillInCompany", label: "Toujours dans l'entreprise" },
  { key: "employedElsewhere", label: "En emploi dans une autre structure" },
  { key: "inTraining", label: "En formation" },
  { key: "jobSeeking", label: "De nouveau en recherche d'emploi" },
  { key: "unknown", label: "Situation inconnue" },
] as const;
export type OutcomeSituation = (typeof OUTCOME_SITUATIONS)[number]["key"];
export type OutcomeCounts = Record<OutcomeSituation, number>;

/** An outcome not given this long after it fell due is late. */
export const LATE_AFTER_MONTHS = 2;
/** Outcomes that fell due longer ago than this are no longer asked. */
export const ASKED_FOR_MONTHS = 12;

/** The calendar day of a realisation's date (a day-only value, stored in UTC). */
export const dayOf = (date: Date) => isoDay(date);

/** A calendar day ("2026-03-31") plus some months, on the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return isoDay(first);
}

export type OutcomeDue = { months: OutcomeMilestone; dueOn: string; late: boolean };

/**
 * The milestones of a realisation dated `day` that are asked on `today` (both calendar days in the
 * club's zone), given those already answered for its current number of people.
 */
export function outcomesDue(day: string, today: string, answered: readonly number[]): OutcomeDue[] {
  const askedSince = addMonths(today, -ASKED_FOR_MONTHS);
  return OUTCOME_MILESTONES.flatMap((months) => {
    const dueOn = addMonths(day, months);
    if (answered.includes(months) || dueOn > today || dueOn <= askedSince) return [];
    return [{ months, dueOn, late: addMonths(dueOn, LATE_AFTER_MONTHS) <= today }];
  });
}
