// The catalogue of e-mail templates: a name, and a function from data to subject, HTML and text.
import { invitationEmail } from "./invitation";
import { passwordResetEmail } from "./password-reset";

export const emailTemplates = {
  invitation: invitationEmail,
  "password-reset": passwordResetEmail,
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateData<T extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[T]
>[0];
