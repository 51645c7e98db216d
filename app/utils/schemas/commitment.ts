// What a commitment must be, shared by the declaration form and its action. Client-safe.
import { z } from "zod";
import { isRealIsoDate } from "./dates";
import { personalDataConfirmation, refinePersonalData } from "./personal-data";
import {
  ACTION_TYPES,
  COMMITMENT_STATUSES,
  COMMITMENT_VISIBILITIES,
  PUBLIC_CATEGORIES,
  THEMES,
  UNITS,
} from "../domain";

const themeCodes = /* @__PURE__ */ (() => THEMES.map((t) => t.code) as [string, ...string[]])();
const actionTypeCodes = /* @__PURE__ */ (() =>
  ACTION_TYPES.map((a) => a.code) as [string, ...string[]])();
const publicCodes = /* @__PURE__ */ (() =>
  PUBLIC_CATEGORIES.map((p) => p.code) as [string, ...string[]])();
const isoDate = (label: string) =>
  z
    .string({ error: `Indiquez la date de ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Indiquez la date de ${label} (jj/mm/aaaa).`)
    .refine(isRealIsoDate, "Cette date n'existe pas.");

export const commitmentSchema = /* @__PURE__ */ (() =>
  z
    .object({
      year: z.coerce
        .number({ error: "Choisissez l'année." })
        .int()
        .min(2018, "L'année doit être 2018 ou après.")
        .max(2100, "Choisissez une année de la liste."),
      themeCode: z.enum(themeCodes, { error: "Choisissez un thème." }),
      actionTypeCode: z.enum(actionTypeCodes, { error: "Choisissez un type d'action." }),
      publics: z
        .array(z.enum(publicCodes, { error: "Choisissez des publics de la liste." }), {
          error: "Choisissez au moins un public.",
        })
        .min(1, "Choisissez au moins un public.")
        .max(publicCodes.length),
      otherPublicLabel: z.string().trim().max(100, "100 caractères au plus.").optional(),
      ambition: z
        .string({ error: "Décrivez votre engagement en quelques mots." })
        .trim()
        .min(10, "Décrivez votre engagement en quelques mots (10 caractères au moins).")
        .max(1000, "1 000 caractères au plus."),
      targetQuantity: z.coerce
        .number({ error: "Indiquez un nombre." })
        .int("Indiquez un nombre entier.")
        .min(1, "L'objectif doit être d'au moins 1.")
        .max(100_000_000, "Cet objectif est trop grand.")
        .optional(),
      targetUnit: z.enum(UNITS, { error: "Choisissez une unité." }).optional(),
      startDate: isoDate("début"),
      endDate: isoDate("fin"),
      status: z.enum(COMMITMENT_STATUSES, { error: "Choisissez un état." }).default("ACTIVE"),
      visibility: z
        .enum(COMMITMENT_VISIBILITIES, { error: "Choisissez la visibilité." })
        .default("CLUB"),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["ambition", "otherPublicLabel"]))
    .superRefine((value, ctx) => {
      if (value.endDate < value.startDate) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: "La fin doit venir après le début.",
        });
      }
      if (value.publics.includes("OTHER") && !value.otherPublicLabel) {
        ctx.addIssue({
          code: "custom",
          path: ["otherPublicLabel"],
          message: "Précisez le public « Autre ».",
        });
      }
    }))();

export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const commitmentStatusSchema = /* @__PURE__ */ (() =>
  z.object({
    status: z.enum(COMMITMENT_STATUSES, { error: "Choisissez un état de la liste." }),
  }))();
