// What a message from the directory to another member company must be (issue 18, point 8).
// Client-safe: the same schema gives the form its French errors and guards the action.
import { z } from "zod";
import { personalDataConfirmation, refinePersonalData } from "./personal-data";

export const COMPANY_CONTACT_MESSAGE_MAX = 2000;

export const companyContactSchema = /* @__PURE__ */ (() =>
  z
    .object({
      toCompanyId: z.string({ error: "Entreprise inconnue." }).trim().min(1).max(40),
      message: z
        .string({ error: "Écrivez un message." })
        .trim()
        .min(10, "Écrivez un message d'au moins 10 caractères.")
        .max(COMPANY_CONTACT_MESSAGE_MAX, "2 000 caractères au plus."),
      envoyerQuandMeme: personalDataConfirmation,
    })
    .superRefine(...refinePersonalData(["message"])))();
export type CompanyContactInput = z.infer<typeof companyContactSchema>;
