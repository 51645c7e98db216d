// What a realisation must be, for the quick form, the edit form and every row of an import.
// Client-safe (no server imports): the form validates with it before posting.
import { z } from "zod";
import { isRealIsoDate } from "./dates";
import { personalDataConfirmation, refinePersonalData } from "./personal-data";
import { ACTION_TYPES, CONTRACT_TYPES, PUBLIC_CATEGORIES, QPV_VALUES } from "../domain";
import { latestToday } from "../time/wall-clock";

export const FIRST_DECLARABLE_DATE = "2018-01-01";
export const MAX_QUANTITY = { PEOPLE: 10_000, EUROS: 100_000_000, HOURS: 1_000_000 } as const;

const actionTypeCodes = /* @__PURE__ */ (() =>
  ACTION_TYPES.map((a) => a.code) as [string, ...string[]])();
const publicCodes = /* @__PURE__ */ (() =>
  PUBLIC_CATEGORIES.map((p) => p.code) as [string, ...string[]])();

export const realisationSchema = /* @__PURE__ */ (() =>
  z
    .object({
      date: z
        .string({ error: "Indiquez la date." })
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez une date au format jj/mm/aaaa.")
        .refine(isRealIsoDate, "Cette date n'existe pas.")
        .refine(
          (v) => v >= FIRST_DECLARABLE_DATE,
          "La date doit être postérieure au 1er janvier 2018.",
        )
        .refine((v) => v <= latestToday(), "La date ne peut pas être dans le futur."),
      actionTypeCode: z.enum(actionTypeCodes, { error: "Choisissez le type d'action." }),
      publicCategoryCode: z.enum(publicCodes, { error: "Choisissez le public." }),
      otherPublicLabel: z.string().trim().max(100, "100 caractères au plus.").optional(),
      contractType: z
        .enum(CONTRACT_TYPES, { error: "Choisissez un type de contrat de la liste." })
        .optional(),
      quantity: z.coerce
        .number({ error: "Indiquez un nombre." })
        .int("Indiquez un nombre entier.")
        .min(1, "Le nombre doit être d'au moins 1."),
      qpv: z.enum(QPV_VALUES, { error: "Répondez oui, non ou ne sait pas." }).default("UNKNOWN"),
      note: z.string().trim().max(1000, "1 000 caractères au plus.").optional(),
      commitmentId: z.string().trim().max(40).optional(),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["note", "otherPublicLabel"]))
    .superRefine((value, ctx) => {
      const actionType = ACTION_TYPES.find((a) => a.code === value.actionTypeCode);
      if (!actionType) return;
      if (actionType.isHire && !value.contractType) {
        ctx.addIssue({
          code: "custom",
          path: ["contractType"],
          message: "Pour un recrutement, indiquez le type de contrat.",
        });
      }
      if (value.publicCategoryCode === "OTHER" && !value.otherPublicLabel) {
        ctx.addIssue({
          code: "custom",
          path: ["otherPublicLabel"],
          message: "Précisez de quel public il s'agit.",
        });
      }
      const max = MAX_QUANTITY[actionType.defaultUnit];
      if (value.quantity > max) {
        ctx.addIssue({
          code: "custom",
          path: ["quantity"],
          message: `Le nombre ne peut pas dépasser ${max.toLocaleString("fr-FR")}.`,
        });
      }
    }))();

export type RealisationInput = z.infer<typeof realisationSchema>;

/** The unit a realisation is counted in: its action type's. */
export function unitOf(actionTypeCode: string) {
  return ACTION_TYPES.find((a) => a.code === actionTypeCode)?.defaultUnit ?? "PEOPLE";
}
