// What an outcome form must hold: which realisation and milestone, and a count per situation.
// That the counts add up to the realisation's people is checked on the server, which knows them.
// Built in a pure function: the page's browser bundle drops it with the action (decision 017).
import { z } from "zod";
import { MAX_QUANTITY } from "./realisation";
import { OUTCOME_MILESTONES, OUTCOME_SITUATIONS, type OutcomeSituation } from "../outcomes";

function buildOutcomeSchema() {
  const count = z.coerce
    .number({ error: "Indiquez un nombre (0 si personne)." })
    .int("Indiquez un nombre entier.")
    .min(0, "Le nombre ne peut pas être négatif.")
    .max(MAX_QUANTITY.PEOPLE, `${MAX_QUANTITY.PEOPLE} au plus.`);
  const counts = Object.fromEntries(OUTCOME_SITUATIONS.map((s) => [s.key, count])) as Record<
    OutcomeSituation,
    typeof count
  >;
  return z.object({
    realisationId: z.string({ error: "Réalisation inconnue." }).min(1, "Réalisation inconnue."),
    months: z.coerce
      .number({ error: "Échéance inconnue." })
      .refine((m) => (OUTCOME_MILESTONES as readonly number[]).includes(m), "Échéance inconnue."),
    ...counts,
    // Trainings only: the target job family (ROME domaine) and how many reached it (decision 029).
    targetRomeCode: z.string().trim().max(3).optional(),
    reachedTarget: z.preprocess((v) => (v === "" ? undefined : v), count.optional()),
  });
}

export const outcomeSchema = /* @__PURE__ */ buildOutcomeSchema();
export type OutcomeInput = z.infer<typeof outcomeSchema>;
