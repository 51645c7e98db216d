import { renderEmail } from "./layout";

export type PasswordResetEmailData = { name: string; resetUrl: string; expiresInMinutes: number };

export function passwordResetEmail(data: PasswordResetEmailData) {
  return renderEmail("Réinitialisation de votre mot de passe", "Choisir un nouveau mot de passe", [
    { kind: "paragraph", text: `Bonjour ${data.name},` },
    {
      kind: "paragraph",
      text: "Vous avez demandé à réinitialiser votre mot de passe Engagés. Suivez ce lien pour en choisir un nouveau :",
    },
    { kind: "button", label: "Choisir un nouveau mot de passe", url: data.resetUrl },
    {
      kind: "note",
      text: `Ce lien ne sert qu'une fois et expire dans ${data.expiresInMinutes} minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
    },
  ]);
}
