// The catalogue of e-mail templates: a name, and a function from data to subject, HTML and text.
import { companyContactEmail } from "./company-contact";
import { invitationEmail } from "./invitation";
import { joinRequestEmail } from "./join-request";
import { meetingCancelledEmail } from "./meeting-cancelled";
import { meetingInvitationEmail } from "./meeting-invitation";
import { meetingReminderEmail } from "./meeting-reminder";
import { meetingUpdatedEmail } from "./meeting-updated";
import { outcomesDueEmail } from "./outcomes-due";
import { passerelleContactEmail } from "./passerelle-contact";
import { passwordResetEmail } from "./password-reset";
import { practiceAppreciatedEmail } from "./practice-appreciated";
import { practiceDigestEmail } from "./practice-digest";
import { reminderEmail } from "./reminder";
import { sireneClosedEmail } from "./sirene-closed";

export const emailTemplates = {
  invitation: invitationEmail,
  "password-reset": passwordResetEmail,
  reminder: reminderEmail,
  "meeting-invitation": meetingInvitationEmail,
  "meeting-updated": meetingUpdatedEmail,
  "meeting-reminder": meetingReminderEmail,
  "meeting-cancelled": meetingCancelledEmail,
  "practice-digest": practiceDigestEmail,
  "practice-appreciated": practiceAppreciatedEmail,
  "passerelle-contact": passerelleContactEmail,
  "company-contact": companyContactEmail,
  "join-request": joinRequestEmail,
  "sirene-closed": sireneClosedEmail,
  "outcomes-due": outcomesDueEmail,
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateData<T extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[T]
>[0];
