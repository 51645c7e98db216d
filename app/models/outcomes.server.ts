// What became of the people of a company's realisations, 6 and 12 months on (issue 15, decision
// 026): the outcomes due ("À suivre") and their recording, counts only.
import { prisma } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import {
  ASKED_FOR_MONTHS,
  FOLLOWED_ACTION_TYPES,
  OUTCOME_MILESTONES,
  OUTCOME_SITUATIONS,
  addMonths,
  dayOf,
  outcomesDue,
  type OutcomeCounts,
  type OutcomeDue,
} from "~/utils/outcomes";
import type { OutcomeInput } from "~/utils/schemas/outcome";
import { PARIS, zoneOfDepartement } from "~/utils/time/zones";
import { calendarDay } from "~/utils/time/wall-clock";
import { formatDay } from "~/utils/format";
import { ROME_DOMAINES, isRomeDomaine } from "~/utils/rome";

/** The counts of an outcome, as its audit entry and the company's export show them. */
export const OUTCOME_COUNTS_SELECT = {
  people: true,
  stillInCompany: true,
  employedElsewhere: true,
  inTraining: true,
  jobSeeking: true,
  unknown: true,
} as const;

/** A refusal the form shows as it is (French). */
export class OutcomeError extends Error {}

const LONGEST_MILESTONE = Math.max(...OUTCOME_MILESTONES);

const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** Today's calendar day where the realisation was declared (its club's zone). */
function todayFor(departementCode: string | null, now: Date) {
  return calendarDay(now, zoneOfDepartement(departementCode));
}

const FOLLOWED_WHERE = {
  actionTypeCode: { in: [...FOLLOWED_ACTION_TYPES] as string[] },
  unit: "PEOPLE",
};

export type OutcomeToGive = OutcomeDue & {
  realisationId: string;
  date: string;
  actionTypeCode: string;
  publicCategoryCode: string;
  contractType: string | null;
  targetRomeCode: string | null;
  people: number;
  /** An earlier answer for another number of people: the realisation was edited since. */
  redo: boolean;
};

/**
 * The outcomes a company has to give on `now`: each followed realisation's milestones that fell
 * due in the last year and have no answer for its current number of people, oldest first.
 */
export async function listOutcomesToGive(companyId: string, now = new Date()) {
  // Bounds in Paris with a day's margin; each realisation is then judged in its own zone.
  const today = calendarDay(now, PARIS);
  const realisations = await prisma.realisation.findMany({
    where: {
      companyId,
      ...FOLLOWED_WHERE,
      date: {
        gt: dateOf(addMonths(today, -(ASKED_FOR_MONTHS + LONGEST_MILESTONE) - 1)),
        lte: dateOf(addMonths(addMonths(today, 1), -Math.min(...OUTCOME_MILESTONES))),
      },
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: {
      id: true,
      date: true,
      departementCode: true,
      actionTypeCode: true,
      publicCategoryCode: true,
      contractType: true,
      targetRomeCode: true,
      quantity: true,
      outcomes: { select: { months: true, people: true } },
    },
  });
  const due: OutcomeToGive[] = realisations.flatMap((r) => {
    const answered = r.outcomes.filter((o) => o.people === r.quantity).map((o) => o.months);
    return outcomesDue(dayOf(r.date), todayFor(r.departementCode, now), answered).map((d) => ({
      ...d,
      realisationId: r.id,
      date: dayOf(r.date),
      actionTypeCode: r.actionTypeCode,
      publicCategoryCode: r.publicCategoryCode,
      contractType: r.contractType,
      targetRomeCode: r.targetRomeCode,
      people: r.quantity,
      redo: r.outcomes.some((o) => o.months === d.months),
    }));
  });
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.date.localeCompare(b.date));
}

/** How many outcomes are due and how many of them are late, for the dashboard. */
export async function countOutcomesToGive(companyId: string, now = new Date()) {
  const due = await listOutcomesToGive(companyId, now);
  return { due: due.length, late: due.filter((d) => d.late).length };
}

/** The situations of an input, in the form's order. */
function countsOf(input: OutcomeInput): OutcomeCounts {
  return Object.fromEntries(OUTCOME_SITUATIONS.map((s) => [s.key, input[s.key]])) as OutcomeCounts;
}

/**
 * Records (or corrects) the situation of a realisation's people at a milestone. Refused unless
 * the realisation is the company's, followed, past that milestone, and the counts add up to its
 * people. The answer and its audit entry land together.
 */
export async function recordOutcome(
  actorId: string,
  companyId: string,
  input: OutcomeInput,
  now = new Date(),
) {
  const counts = countsOf(input);
  await prisma.$transaction(async (tx) => {
    const realisation = await tx.realisation.findFirst({
      where: { id: input.realisationId, companyId },
      select: {
        id: true,
        date: true,
        clubId: true,
        departementCode: true,
        actionTypeCode: true,
        unit: true,
        quantity: true,
        targetRomeCode: true,
      },
    });
    if (!realisation) throw new OutcomeError("Cette réalisation n'existe pas.");
    const followed =
      realisation.unit === FOLLOWED_WHERE.unit &&
      (FOLLOWED_ACTION_TYPES as readonly string[]).includes(realisation.actionTypeCode);
    if (!followed) {
      throw new OutcomeError(
        "Le devenir des personnes se renseigne pour les recrutements, alternances, immersions, formations et prêts de main-d'œuvre comptés en personnes.",
      );
    }
    const dueOn = addMonths(dayOf(realisation.date), input.months);
    if (dueOn > todayFor(realisation.departementCode, now)) {
      throw new OutcomeError(
        `Ce suivi à ${input.months} mois se renseigne à partir du ${formatDay(dueOn)}.`,
      );
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total !== realisation.quantity) {
      throw new OutcomeError(
        `Les situations doivent totaliser ${realisation.quantity} personne${
          realisation.quantity > 1 ? "s" : ""
        } (vous en indiquez ${total}).`,
      );
    }
    const target = targetOf(realisation, input, counts);
    if (target.romeCode !== realisation.targetRomeCode) {
      await tx.realisation.update({
        where: { id: realisation.id },
        data: { targetRomeCode: target.romeCode },
      });
    }
    const key = { realisationId: realisation.id, months: input.months };
    const before = await tx.realisationOutcome.findUnique({
      where: { realisationId_months: key },
      select: OUTCOME_COUNTS_SELECT,
    });
    const values = { ...counts, people: realisation.quantity, reachedTarget: target.reached };
    await tx.realisationOutcome.upsert({
      where: { realisationId_months: key },
      create: { ...key, ...values },
      update: values,
    });
    await audit(tx, {
      actorId,
      action: "OUTCOME",
      entityType: "Realisation",
      entityId: realisation.id,
      companyId,
      clubId: realisation.clubId,
      before: before ?? undefined,
      after: {
        months: input.months,
        ...counts,
        people: realisation.quantity,
        ...(target.reached === null
          ? {}
          : { targetRomeCode: target.romeCode, reachedTarget: target.reached }),
      },
    });
  });
}

/**
 * A training's target job (ROME domaine: the one given, else the one it named) and how many
 * reached it, among those in a job; other realisations have none (decision 029).
 */
function targetOf(
  realisation: { actionTypeCode: string; targetRomeCode: string | null },
  input: OutcomeInput,
  counts: OutcomeCounts,
): { romeCode: string | null; reached: number | null } {
  if (realisation.actionTypeCode !== "TRAINING") {
    return { romeCode: realisation.targetRomeCode, reached: null };
  }
  const romeCode = input.targetRomeCode || realisation.targetRomeCode;
  if (!romeCode) return { romeCode: null, reached: null };
  if (!isRomeDomaine(romeCode)) throw new OutcomeError("Choisissez un métier visé de la liste.");
  if (input.reachedTarget === undefined) {
    throw new OutcomeError("Indiquez combien de personnes exercent le métier visé (0 si aucune).");
  }
  const employed = counts.stillInCompany + counts.employedElsewhere;
  if (input.reachedTarget > employed) {
    throw new OutcomeError(
      `Seules les personnes en emploi peuvent exercer le métier visé : ${employed} au plus.`,
    );
  }
  return { romeCode, reached: input.reachedTarget };
}

/** The target job families a training may name, for the form's plain select. */
export const romeOptions = () =>
  ROME_DOMAINES.map((d) => ({ value: d.code, label: `${d.code} — ${d.label}` }));
