import { z } from "zod";

export const emailField = z
  .string({ error: "Saisissez une adresse e-mail." })
  .trim()
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."));

export const personNameField = z
  .string({ error: "Indiquez le nom et le prénom." })
  .trim()
  .min(2, "Indiquez le nom et le prénom.")
  .max(100, "100 caractères au plus.");

export const inviteBaseSchema = z.object({ email: emailField, name: personNameField });
