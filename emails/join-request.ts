import { renderEmail } from "./layout";

export type JoinRequestEmailData = {
  companyName: string;
  clubName: string;
  departementCode: string;
  requesterName: string;
  answerUrl: string;
};

/** To a company's people: a club asks the company to join it; only they may accept. */
export function joinRequestEmail(data: JoinRequestEmailData) {
  return renderEmail(
    `Demande d'adhésion du club « ${data.clubName} »`,
    "Un club souhaite compter votre entreprise parmi ses membres",
    [
      {
        kind: "paragraph",
        text: `${data.requesterName}, qui anime le club « ${data.clubName} » (${data.departementCode}), souhaite que ${data.companyName} rejoigne ce club sur Engagés.`,
      },
      {
        kind: "paragraph",
        text: "Si vous acceptez, les animateurs de ce club et les services de l'État de son département pourront lire les engagements et les réalisations de votre entreprise. Rien ne change tant que vous n'avez pas accepté.",
      },
      { kind: "button", label: "Répondre à la demande", url: data.answerUrl },
      {
        kind: "note",
        text: "Si vous ne connaissez pas ce club, refusez la demande : personne n'obtient d'accès à votre entreprise sans votre accord.",
      },
    ],
  );
}
