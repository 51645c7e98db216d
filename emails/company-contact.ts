import { paragraphsOf, renderEmail } from "./layout";

export type CompanyContactEmailData = {
  senderCompanyName: string;
  senderName: string;
  recipientCompanyName: string;
  message: string;
  /** The sender company's card in the directory, for the recipient to see who writes. */
  directoryUrl: string;
};

/** A member company writes to another from the directory; answers go to the sender (Reply-To). */
export function companyContactEmail(data: CompanyContactEmailData) {
  const paragraphs = paragraphsOf(data.message);
  return renderEmail(
    `Annuaire des membres : ${data.senderCompanyName} vous écrit`,
    `${data.senderCompanyName} vous écrit depuis l'annuaire des membres`,
    [
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "button", label: "Voir l'annuaire des membres", url: data.directoryUrl },
      {
        kind: "note",
        text: `Message de ${data.senderName} (${data.senderCompanyName}) pour ${data.recipientCompanyName}, envoyé par Engagés depuis l'annuaire des membres de votre club. Répondez directement à ce message pour lui écrire.`,
      },
    ],
  );
}
