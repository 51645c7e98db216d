import { z } from "zod";

// Schemas shared by forms (client-side validation) and actions (the check that counts).

export const emailField = /* @__PURE__ */ (() =>
  z
    .string({ error: "Saisissez une adresse e-mail." })
    .trim()
    .max(254, "Cette adresse e-mail est trop longue.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.")))();

export const personNameField = /* @__PURE__ */ (() =>
  z
    .string({ error: "Indiquez le nom et le prénom." })
    .trim()
    .min(2, "Indiquez le nom et le prénom.")
    .max(100, "100 caractères au plus."))();

export const inviteBaseSchema = /* @__PURE__ */ (() =>
  z.object({ email: emailField, name: personNameField }))();

export const loginSchema = /* @__PURE__ */ (() =>
  z.object({
    email: z
      .string({ error: "Saisissez votre adresse e-mail." })
      .trim()
      .min(1, "Saisissez votre adresse e-mail.")
      .max(254, "Cette adresse e-mail est trop longue.")
      .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.")),
    password: z
      .string({ error: "Saisissez votre mot de passe." })
      .min(1, "Saisissez votre mot de passe.")
      .max(200, "Ce mot de passe est trop long."),
  }))();

/**
 * The client's address, as server.mjs computed it from the socket (or from X-Forwarded-For only
 * when TRUST_PROXY says a proxy is in front); a value sent by the client itself is discarded there.
 */

export const passwordSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: "Choisissez un mot de passe." })
    .min(12, "Le mot de passe doit faire au moins 12 caractères.")
    .max(200, "Le mot de passe doit faire au plus 200 caractères."))();

/** A new password typed twice, plus any other fields of the form (account creation, reset). */
export function withNewPassword<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({
      ...shape,
      password: passwordSchema,
      confirm: z.string({ error: "Saisissez à nouveau le mot de passe." }),
    })
    .refine(
      (v) => {
        const { password, confirm } = v as { password: string; confirm: string };
        return password === confirm;
      },
      { path: ["confirm"], message: "Les deux mots de passe ne sont pas identiques." },
    );
}
