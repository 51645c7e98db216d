import { renderEmail } from "./layout";

export type InvitationEmailData = {
  inviterName: string;
  roleDescription: string;
  acceptUrl: string;
  expiresInDays: number;
};

export function invitationEmail(data: InvitationEmailData) {
  return renderEmail("Invitation à rejoindre Engagés", "Vous êtes invité(e) à rejoindre Engagés", [
    {
      kind: "paragraph",
      text: `${data.inviterName} vous invite à rejoindre Engagés, l'espace du club « Les entreprises s'engagent », ${data.roleDescription}.`,
    },
    {
      kind: "paragraph",
      text: "Pour accepter, choisissez votre mot de passe en suivant ce lien :",
    },
    { kind: "button", label: "Accepter l'invitation", url: data.acceptUrl },
    {
      kind: "note",
      text: `Ce lien est personnel et valable ${data.expiresInDays} jours. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.`,
    },
  ]);
}
