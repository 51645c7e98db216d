// What opening an annual declaration campaign asks: the year declared and the deadline (a day).
// Whether the year and deadline fit today is checked on the server (it knows the scope's zone).
// Built in a pure function: the page's browser bundle drops it with the action (decision 017).
import { z } from "zod";
import { isRealIsoDate } from "./dates";

function buildCampaignSchema() {
  return z.object({
    year: z.coerce
      .number({ error: "Choisissez l'année déclarée." })
      .int("Choisissez l'année déclarée."),
    deadline: z
      .string({ error: "Indiquez la date limite." })
      .trim()
      .min(1, "Indiquez la date limite.")
      .refine(
        (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealIsoDate(v),
        "La date limite doit être une date valide (jj/mm/aaaa).",
      ),
  });
}

export const campaignSchema = /* @__PURE__ */ buildCampaignSchema();
export type CampaignInput = z.infer<typeof campaignSchema>;
