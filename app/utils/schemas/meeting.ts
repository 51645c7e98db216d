import { z } from "zod";
import { MARKDOWN_NESTING_MESSAGE, withinMarkdownNesting } from "../markdown-nesting";
import { PARIS, type TimeZone } from "../time/zones";
import { parseLocal } from "../time/wall-clock";

// The meeting form, read by the actions. Times are typed in the club's own zone (datetime-local
// inputs: Paris, or La Réunion's hour for a club of 974…) and turned into instants by the model.

const MAX_DURATION_MS = 7 * 24 * 3600_000;

const localDateTime = (label: string, zone: TimeZone) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .superRefine((value, ctx) => {
      const parsed = parseLocal(value, zone);
      if (parsed.ok) return;
      ctx.addIssue({
        code: "custom",
        message:
          parsed.reason === "nonexistent"
            ? "Cette heure n'existe pas en France ce jour-là (passage à l'heure d'été) : choisissez-en une autre."
            : `Indiquez ${label} sous la forme jj/mm/aaaa hh:mm.`,
      });
    });

/** The form's schema for a club of this zone (Paris by default). */
export const meetingSchema = (zone: TimeZone = PARIS) =>
  z
    .object({
      title: z
        .string({ error: "Donnez un titre à la réunion." })
        .trim()
        .min(3, "Donnez un titre à la réunion (3 caractères au moins).")
        .max(200, "200 caractères au plus."),
      startsAt: localDateTime("la date et l'heure de début", zone),
      endsAt: localDateTime("la date et l'heure de fin", zone),
      place: z.string().trim().max(300, "300 caractères au plus.").optional().default(""),
      videoUrl: z
        .string()
        .trim()
        .max(500, "500 caractères au plus.")
        .refine((value) => {
          try {
            const url = new URL(value);
            return url.protocol === "https:" && url.hostname.includes(".");
          } catch {
            return false;
          }
        }, "Indiquez une adresse commençant par https://, par exemple https://visio.exemple.fr/club.")
        .optional(),
      agenda: z
        .string()
        .trim()
        .max(5000, "5 000 caractères au plus.")
        .refine(withinMarkdownNesting, MARKDOWN_NESTING_MESSAGE)
        .optional()
        .default(""),
    })
    .superRefine((value, ctx) => {
      if (!value.place && !value.videoUrl) {
        ctx.addIssue({
          code: "custom",
          path: ["place"],
          message: "Indiquez le lieu de la réunion, ou un lien de visioconférence.",
        });
      }
      const start = parseLocal(value.startsAt, zone);
      const end = parseLocal(value.endsAt, zone);
      if (start.ok && end.ok) {
        if (end.date <= start.date) {
          ctx.addIssue({
            code: "custom",
            path: ["endsAt"],
            message: "La fin doit être après le début.",
          });
        } else if (end.date.getTime() - start.date.getTime() > MAX_DURATION_MS) {
          ctx.addIssue({
            code: "custom",
            path: ["endsAt"],
            message: "Une réunion dure au plus 7 jours.",
          });
        }
      }
    });

export type MeetingFormValue = z.infer<ReturnType<typeof meetingSchema>>;

/** The minutes of a meeting (Markdown), as the minutes page saves them. */
export const minutesTextSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .max(50_000, "Le compte rendu fait au plus 50 000 caractères.")
    .refine(withinMarkdownNesting, MARKDOWN_NESTING_MESSAGE)
    .default(""))();
