// What a Passerelles post, a contact, a conclusion and a directory card must be. Client-safe:
// the same schemas give the forms their French errors and guard the actions.
import { z } from "zod";
import { CONTRACT_TYPES, PUBLIC_CATEGORIES } from "../domain";
import { isRomeDomaine, parseRomeList } from "../rome";
import { isRealIsoDate } from "./dates";
import { FIRST_DECLARABLE_DATE } from "./realisation";
import { personalDataConfirmation, refinePersonalData } from "./personal-data";

export const POST_KINDS = ["NEED", "AVAILABILITY"] as const;
export const POST_KIND_LABELS = {
  NEED: "Besoin de personnel",
  AVAILABILITY: "Personnel disponible",
} as const;
export const ARRANGEMENTS = ["LOAN", "HIRE"] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];
export const ARRANGEMENT_LABELS = {
  LOAN: "Prêt de main-d'œuvre temporaire",
  HIRE: "Embauche (reclassement)",
} as const;
export const NETWORK_VISIBILITIES = ["CLUB", "DEPARTEMENT"] as const;
export const NETWORK_VISIBILITY_LABELS = {
  CLUB: "Mon club seulement",
  DEPARTEMENT: "Tous les clubs de mon département",
} as const;

export const MAX_HEADCOUNT = 500;

const isoDate = (label: string) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez une date au format jj/mm/aaaa.")
    .refine(isRealIsoDate, "Cette date n'existe pas.");

const headcount = /* @__PURE__ */ (() =>
  z.coerce
    .number({ error: "Indiquez un nombre de personnes." })
    .int("Indiquez un nombre entier.")
    .min(1, "Au moins 1 personne.")
    .max(MAX_HEADCOUNT, `${MAX_HEADCOUNT} personnes au plus.`))();

const romeDomain = /* @__PURE__ */ (() =>
  z
    .string({ error: "Choisissez la famille de métiers." })
    .refine(isRomeDomaine, "Choisissez une famille de métiers de la liste."))();

export const postSchema = /* @__PURE__ */ (() =>
  z
    .object({
      kind: z.enum(POST_KINDS, { error: "Choisissez : besoin ou disponibilité." }),
      arrangement: z.enum(ARRANGEMENTS, { error: "Choisissez : prêt ou embauche." }),
      romeDomain,
      tradeLabel: z
        .string({ error: "Indiquez le métier." })
        .trim()
        .min(2, "Indiquez le métier.")
        .max(100, "100 caractères au plus."),
      headcount,
      startDate: isoDate("la date de début"),
      endDate: isoDate("la date de fin"),
      communeCode: z
        .string({ error: "Choisissez la commune." })
        .trim()
        .regex(/^[0-9AB]{5}$/, "Choisissez la commune dans la liste."),
      description: z.string().trim().max(2000, "2 000 caractères au plus.").optional(),
      visibility: z.enum(NETWORK_VISIBILITIES, { error: "Choisissez qui voit l'annonce." }),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["tradeLabel", "description"]))
    .refine((v) => v.endDate >= v.startDate, {
      path: ["endDate"],
      message: "La fin doit suivre le début.",
    }))();
export type PostInput = z.infer<typeof postSchema>;

export const contactSchema = /* @__PURE__ */ (() =>
  z.object({
    postId: z.string({ error: "Annonce inconnue." }).min(1).max(40),
    counterpartId: z.string({ error: "Annonce inconnue." }).min(1).max(40),
    message: z
      .string({ error: "Écrivez un message." })
      .trim()
      .min(10, "Écrivez un message d'au moins 10 caractères.")
      .max(2000, "2 000 caractères au plus."),
  }))();

const publicCodes = /* @__PURE__ */ (() =>
  PUBLIC_CATEGORIES.map((p) => p.code) as [string, ...string[]])();

export const concludeSchema = /* @__PURE__ */ (() =>
  z
    .object({
      matchId: z.string({ error: "Mise en relation inconnue." }).min(1).max(40),
      arrangement: z.enum(ARRANGEMENTS, { error: "Choisissez : prêt ou embauche." }),
      headcount,
      startDate: isoDate("la date de début"),
      endDate: isoDate("la date de fin"),
      publicCategoryCode: z.enum(publicCodes, { error: "Choisissez le public concerné." }),
      otherPublicLabel: z.string().trim().max(100, "100 caractères au plus.").optional(),
      contractType: z.preprocess(
        (v) => (v === "" ? undefined : v),
        z.enum(CONTRACT_TYPES, { error: "Choisissez le type de contrat." }).optional(),
      ),
    })
    .superRefine((v, ctx) => {
      if (v.startDate < FIRST_DECLARABLE_DATE) {
        ctx.addIssue({
          code: "custom",
          path: ["startDate"],
          message: "La date doit être postérieure au 1er janvier 2018.",
        });
      }
      if (v.endDate < v.startDate) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: "La fin doit suivre le début.",
        });
      }
      if (v.arrangement === "HIRE" && !v.contractType) {
        ctx.addIssue({
          code: "custom",
          path: ["contractType"],
          message: "Pour une embauche, indiquez le type de contrat.",
        });
      }
      if (v.publicCategoryCode === "OTHER" && !v.otherPublicLabel) {
        ctx.addIssue({
          code: "custom",
          path: ["otherPublicLabel"],
          message: "Précisez de quel public il s'agit.",
        });
      }
    }))();
export type ConcludeInput = z.infer<typeof concludeSchema>;

const romeList = /* @__PURE__ */ (() =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => parseRomeList(Array.isArray(v) ? v.join(",") : v)))();

const checkbox = /* @__PURE__ */ (() =>
  z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"))();

export const cardSchema = /* @__PURE__ */ (() =>
  z
    .object({
      listed: checkbox,
      visibility: z.enum(NETWORK_VISIBILITIES, { error: "Choisissez qui voit votre fiche." }),
      showSector: checkbox,
      showHeadcount: checkbox,
      showCommune: checkbox,
      tradesEmployed: romeList,
      tradesRecruited: romeList,
      offer: z.string().trim().max(1000, "1 000 caractères au plus.").optional(),
      seek: z.string().trim().max(1000, "1 000 caractères au plus.").optional(),
      contactEmail: z
        .string()
        .trim()
        .toLowerCase()
        .max(200, "200 caractères au plus.")
        .refine(
          (v) => v === "" || z.email().safeParse(v).success,
          "Indiquez une adresse e-mail valide (par exemple contact@entreprise.fr), ou laissez vide.",
        )
        .optional(),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["offer", "seek"])))();
export type CardInput = z.infer<typeof cardSchema>;

/** Field errors of a failed parse, by field name (for plain forms). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
