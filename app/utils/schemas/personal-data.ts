// The personal-data rule (decision 019) as the forms' schemas apply it to their free texts.
// Client-safe: the browser says it before sending, the server refuses what it still finds.
import { z } from "zod";
import { personalDataError } from "../personal-data";

/**
 * Sent by the « Envoyer quand même » button only: the author confirms that the names flagged
 * in the texts are not people hired (a professional contact, a place). Refused data (phone
 * numbers, birth dates…) stays refused.
 */
export const CONFIRM_FIELD = "envoyerQuandMeme";
export const CONFIRM_VALUE = "oui";

/** The schema entry of the confirmation: add it as `envoyerQuandMeme` to the form's object. */
export const personalDataConfirmation = /* @__PURE__ */ (() => z.string().max(10).optional())();

type Issues = { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void };

/**
 * A refinement adding the personal-data error of each of `fields` that holds some. It runs even
 * when other fields are wrong, so every error shows at once.
 */
export function refinePersonalData(fields: readonly string[]) {
  const check = (value: unknown, ctx: Issues) => {
    if (typeof value !== "object" || value === null) return;
    const values = value as Record<string, unknown>;
    const confirmed = values[CONFIRM_FIELD] === CONFIRM_VALUE;
    for (const field of fields) {
      const text = values[field];
      if (typeof text !== "string" || text === "") continue;
      const message = personalDataError(text, { confirmed });
      if (message) ctx.addIssue({ code: "custom", path: [field], message });
    }
  };
  return [check, { when: () => true }] as const;
}
