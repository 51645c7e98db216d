import { paragraphsOf, renderEmail, unsubscribeFooterHtml } from "./layout";

export type ReminderEmailData = {
  clubName: string;
  companyName: string;
  contactName: string | null;
  /** The animator's message (plain text; blank lines separate paragraphs). */
  message: string;
  /** The animator who sent it; null for the quarterly campaign. */
  senderName: string | null;
  declareUrl: string;
  unsubscribeUrl: string;
};

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
      { kind: "button", label: "Déclarer une réalisation", url: data.declareUrl },
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
