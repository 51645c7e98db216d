import { paragraphsOf, renderEmail, unsubscribeFooterHtml, type EmailBlock } from "./layout";

export type ReminderEmailData = {
  clubName: string;
  companyName: string;
  contactName: string | null;
  /** The animator's message (plain text; blank lines separate paragraphs). */
  message: string;
  /** The animator who sent it; null for the quarterly campaign. */
  senderName: string | null;
  /**
   * Where the e-mail leads: declaring, for a company that has people; creating the company's
   * account (an invitation of the club), for the contact of a company that has none yet; when the
   * club may not invite (decision 013), no link, only who to ask. Never to a page behind a sign-in
   * form the reader cannot pass.
   */
  next:
    | { kind: "declare"; url: string; label?: string }
    | { kind: "create-account"; url: string; validDays: number }
    | { kind: "ask-club" };
  unsubscribeUrl: string;
};

function nextBlocks(next: ReminderEmailData["next"], clubName: string): EmailBlock[] {
  switch (next.kind) {
    case "declare":
      return [{ kind: "button", label: next.label ?? "Déclarer une réalisation", url: next.url }];
    case "create-account":
      return [
        {
          kind: "paragraph",
          text: `Votre entreprise n'a pas encore de compte sur Engagés. Créez-le en choisissant votre mot de passe : vous pourrez ensuite déclarer vos actions et inviter vos collègues.`,
        },
        { kind: "button", label: "Créer le compte de l'entreprise", url: next.url },
        {
          kind: "note",
          text: `Ce lien vous est personnel et reste valable ${next.validDays} jours.`,
        },
      ];
    case "ask-club":
      return [
        {
          kind: "paragraph",
          text: `Votre entreprise n'a pas encore de compte sur Engagés : demandez à l'animateur du club « ${clubName} » de vous inviter à le créer.`,
        },
      ];
  }
}

/** A reminder (relance) to a silent member, with its one-click unsubscribe link. */
export function reminderEmail(data: ReminderEmailData) {
  const paragraphs = paragraphsOf(data.message);
  const signature = data.senderName
    ? `Message envoyé par ${data.senderName}, qui anime « ${data.clubName} », à ${data.companyName}${data.contactName ? ` (à l'attention de ${data.contactName})` : ""}.`
    : `Message de la relance trimestrielle de « ${data.clubName} », envoyé à ${data.companyName}${data.contactName ? ` (à l'attention de ${data.contactName})` : ""}.`;
  const unsubscribeText =
    "Vous ne souhaitez plus recevoir ces relances ? Désabonnez-vous en un clic :";
  const rendered = renderEmail(
    `« ${data.clubName} » attend de vos nouvelles`,
    `Vos actions pour l'inclusion : le club attend de vos nouvelles`,
    [
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      ...nextBlocks(data.next, data.clubName),
      { kind: "note", text: signature },
    ],
  );
  // The unsubscribe link sits at the bottom of the message, as a plain link (not a button).
  const footer = unsubscribeFooterHtml(
    unsubscribeText,
    "se désabonner des relances",
    data.unsubscribeUrl,
  );
  const end = rendered.html.lastIndexOf("</div>");
  return {
    subject: rendered.subject,
    html: `${rendered.html.slice(0, end)}${footer}\n${rendered.html.slice(end)}`,
    text: `${rendered.text}\n${unsubscribeText} ${data.unsubscribeUrl}\n`,
  };
}
