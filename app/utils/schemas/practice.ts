// What a good practice must be, shared by the practice form and its actions. Client-safe.
import { z } from "zod";
import { PRACTICE_VISIBILITIES, PUBLIC_CATEGORIES, THEMES } from "../domain";
import { MARKDOWN_NESTING_MESSAGE, withinMarkdownNesting } from "../markdown-nesting";
import { personalDataConfirmation, refinePersonalData } from "./personal-data";

const themeCodes = /* @__PURE__ */ (() => THEMES.map((t) => t.code) as [string, ...string[]])();
const publicCodes = /* @__PURE__ */ (() =>
  PUBLIC_CATEGORIES.map((p) => p.code) as [string, ...string[]])();

export const PRACTICE_TITLE_MAX = 150;
export const PRACTICE_BODY_MAX = 20_000;
export const COMMENT_MAX = 2_000;
export const REPORT_REASON_MAX = 1_000;
/** Images of one practice: how many, how large, which formats (checked by their bytes). */
export const PRACTICE_IMAGES_MAX = 3;
export const PRACTICE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const PRACTICE_IMAGE_ACCEPT = "image/png,image/jpeg,image/webp";

export const practiceSchema = /* @__PURE__ */ (() =>
  z
    .object({
      clubId: z.string({ error: "Choisissez le club." }).min(1, "Choisissez le club."),
      title: z
        .string({ error: "Donnez un titre à votre pratique." })
        .trim()
        .min(5, "Donnez un titre d'au moins 5 caractères.")
        .max(PRACTICE_TITLE_MAX, `${PRACTICE_TITLE_MAX} caractères au plus.`),
      body: z
        .string({ error: "Racontez votre pratique." })
        .trim()
        .min(20, "Racontez votre pratique en quelques phrases (20 caractères au moins).")
        .max(PRACTICE_BODY_MAX, "20 000 caractères au plus.")
        .refine(withinMarkdownNesting, MARKDOWN_NESTING_MESSAGE),
      visibility: z.enum(PRACTICE_VISIBILITIES, { error: "Choisissez qui peut la lire." }),
      publics: z
        .array(z.enum(publicCodes, { error: "Choisissez des publics de la liste." }))
        .max(publicCodes.length)
        .default([]),
      themes: z
        .array(z.enum(themeCodes, { error: "Choisissez des thèmes de la liste." }))
        .max(themeCodes.length)
        .default([]),
      commitmentId: z.string().optional(),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["title", "body"])))();

export type PracticeValues = z.infer<typeof practiceSchema>;

export const commentSchema = /* @__PURE__ */ (() =>
  z
    .object({
      body: z
        .string({ error: "Écrivez votre commentaire." })
        .trim()
        .min(2, "Écrivez votre commentaire.")
        .max(COMMENT_MAX, "2 000 caractères au plus.")
        .refine(withinMarkdownNesting, MARKDOWN_NESTING_MESSAGE),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["body"])))();

export const reportSchema = /* @__PURE__ */ (() =>
  z.object({
    reason: z
      .string({ error: "Dites en quelques mots ce qui pose problème." })
      .trim()
      .min(5, "Dites en quelques mots ce qui pose problème (5 caractères au moins).")
      .max(REPORT_REASON_MAX, "1 000 caractères au plus."),
    commentId: z.string().optional(),
  }))();
