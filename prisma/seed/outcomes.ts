// The demo's outcomes (decision 026): what became of the people of past hires, work-study
// contracts, immersions, training courses and loans. Two in three milestones that fell due more
// than two months ago are answered; the rest, and the recent ones, stay « À suivre ». No random
// draw: the steps before keep their sequence of the generator.

import {
  FOLLOWED_ACTION_TYPES,
  LATE_AFTER_MONTHS,
  addMonths,
  dayOf,
  outcomesDue,
  type OutcomeCounts,
} from "~/utils/outcomes";
import type { Demo } from "./demo-context";

/** Target jobs of the demo's training courses (ROME domaines): metalwork, warehousing, social
 *  work, sales. */
const TARGET_JOBS = ["H29", "N11", "K12", "D14"];

/** A plausible split of `people`: most still there, then a job elsewhere, training, seeking. */
function split(people: number, months: number, turn: number): OutcomeCounts {
  const stayed = Math.max(
    0,
    Math.round(people * (months === 6 ? 0.75 : 0.65)) - (turn % 4 === 3 ? 1 : 0),
  );
  const rest = people - stayed;
  const elsewhere = Math.ceil(rest / 2);
  const training = rest - elsewhere > 0 && turn % 3 === 1 ? 1 : 0;
  const unknown = turn % 5 === 4 && rest - elsewhere - training > 0 ? 1 : 0;
  return {
    stillInCompany: stayed,
    employedElsewhere: elsewhere,
    inTraining: training,
    jobSeeking: rest - elsewhere - training - unknown,
    unknown,
  };
}

export async function seedOutcomes(demo: Demo) {
  const { db, now } = demo;
  const today = dayOf(now);
  const answeredBefore = addMonths(today, -LATE_AFTER_MONTHS);
  const realisations = await db.realisation.findMany({
    where: { actionTypeCode: { in: [...FOLLOWED_ACTION_TYPES] }, unit: "PEOPLE" },
    select: { id: true, date: true, quantity: true, actionTypeCode: true },
  });
  realisations.sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      a.actionTypeCode.localeCompare(b.actionTypeCode) ||
      a.quantity - b.quantity,
  );
  // Every other training names its target job (decision 029); about 60 % of those in a job hold it.
  const targetOf = (r: (typeof realisations)[number], turn: number) =>
    r.actionTypeCode === "TRAINING" && turn % 2 === 0
      ? TARGET_JOBS[turn % TARGET_JOBS.length]
      : null;
  for (const [turn, r] of realisations.entries()) {
    const target = targetOf(r, turn);
    if (target)
      await db.realisation.update({ where: { id: r.id }, data: { targetRomeCode: target } });
  }
  const rows = realisations.flatMap((r, turn) =>
    outcomesDue(dayOf(r.date), today, [])
      .filter((due) => due.dueOn < answeredBefore && turn % 3 !== 0)
      .map((due) => {
        const counts = split(r.quantity, due.months, turn);
        const employed = counts.stillInCompany + counts.employedElsewhere;
        return {
          realisationId: r.id,
          months: due.months,
          people: r.quantity,
          ...counts,
          reachedTarget: targetOf(r, turn) ? Math.round(employed * 0.6) : null,
        };
      }),
  );
  await db.realisationOutcome.createMany({ data: rows });
  demo.counts.outcomes = rows.length;
}
