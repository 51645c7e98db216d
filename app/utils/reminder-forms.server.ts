// The reminder forms' schemas (club.$clubId.relances, club.$clubId.attestations), built on the
// server only: their limits come from reminders.server.ts. Also read by
// tests/required-field-lists.test.ts.
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
