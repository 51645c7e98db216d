import { paragraphsOf, renderEmail } from "./layout";

export type PasserelleContactEmailData = {
  /** Who writes: a member company, or the club's animator brokering. */
  senderCompanyName: string;
  senderName: string;
  recipientCompanyName: string;
  /** The recipient's post the contact is about, in words ("Besoin : 3 × Soudeur TIG…"). */
  aboutPost: string;
  /** The other side's post. */
  counterpartPost: string;
  message: string;
  postUrl: string;
};

/** A contact between two companies on the Passerelles board; answers go to the sender (Reply-To). */
export function passerelleContactEmail(data: PasserelleContactEmailData) {
  const paragraphs = paragraphsOf(data.message);
  return renderEmail(
    `Passerelles : ${data.senderCompanyName} vous contacte`,
    `${data.senderCompanyName} souhaite vous mettre en relation`,
    [
      { kind: "paragraph", text: `À propos de votre annonce : ${data.aboutPost}.` },
      { kind: "paragraph", text: `Annonce en face : ${data.counterpartPost}.` },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "button", label: "Voir l'annonce et la mise en relation", url: data.postUrl },
      {
        kind: "note",
        text: `Message de ${data.senderName} (${data.senderCompanyName}) pour ${data.recipientCompanyName}, envoyé par Engagés. Répondez directement à ce message pour lui écrire.`,
      },
    ],
  );
}
