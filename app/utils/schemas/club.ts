// What a club must be when the national administration creates or edits it. Client-safe.
import { z } from "zod";

export const clubSchema = /* @__PURE__ */ (() =>
  z.object({
    departementCode: z
      .string({ error: "Choisissez le département du club." })
      .trim()
      .regex(/^(\d{2}|2A|2B|97\d)$/, "Choisissez le département du club dans la liste."),
    name: z
      .string({ error: "Indiquez le nom du club." })
      .trim()
      .min(3, "Indiquez le nom du club (3 caractères au moins).")
      .max(120, "120 caractères au plus."),
    description: z.string().trim().max(2000, "2 000 caractères au plus.").optional().default(""),
  }))();

export type ClubInput = z.infer<typeof clubSchema>;
