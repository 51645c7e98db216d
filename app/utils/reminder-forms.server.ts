// The reminder forms' schemas (club.$clubId.relances, club.$clubId.attestations), built on the
// server only: their limits come from reminders.server.ts. Also read by
// tests/required-field-lists.test.ts.
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import {
  MESSAGE_MAX_LENGTH,
  REMINDER_CAP_MAX_DAYS,
  REMINDER_CAP_MIN_DAYS,
} from "~/models/reminders.server";

export function sendSchema() {
  return z.object({
    membershipIds: z
      .array(z.string().max(64), { error: "Cochez au moins un membre à relancer." })
      .min(1, "Cochez au moins un membre à relancer.")
      .max(500),
    message: z
      .string({ error: "Écrivez le message de la relance." })
      .trim()
      .min(20, "Le message doit compter au moins 20 caractères.")
      .max(MESSAGE_MAX_LENGTH, `Le message doit compter ${MESSAGE_MAX_LENGTH} caractères au plus.`),
  });
}

export function capSchema() {
  return z.object({
    reminderCapDays: z.coerce
      .number({ error: "Indiquez un nombre de jours." })
      .int("Indiquez un nombre entier de jours.")
      .min(REMINDER_CAP_MIN_DAYS, `Au moins ${REMINDER_CAP_MIN_DAYS} jours.`)
      .max(REMINDER_CAP_MAX_DAYS, `Au plus ${REMINDER_CAP_MAX_DAYS} jours.`),
  });
}

/**
 * The send form: what was typed (shown again when refused), then either the checked input or
 * the errors of its fields.
 */
export function readSendForm(formData: FormData) {
  const values = {
    ids: formData.getAll("membershipIds").map(String).slice(0, 500),
    message: String(formData.get("message") ?? ""),
  };
  const submission = parseWithZod(formData, { schema: sendSchema() });
  if (submission.status === "success") return { values, input: submission.value };
  return {
    values,
    errors: {
      membershipIds: submission.error?.membershipIds ?? undefined,
      message: submission.error?.message ?? undefined,
    },
  };
}

/** The flash shown once the reminders are queued, naming the companies reminded. */
export function sentFlash(sent: string[]) {
  return {
    kind: "success" as const,
    message: `Relance envoyée à ${sent.length} entreprise${sent.length > 1 ? "s" : ""} : ${sent.join(", ")}.`,
  };
}
