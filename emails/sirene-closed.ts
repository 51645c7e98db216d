import { renderEmail } from "./layout";

export type SireneClosedEmailData = {
  companyName: string;
  siret: string;
  clubName: string;
  membersUrl: string;
};

/** To a club's animators: the SIRENE register now says a member's establishment is closed. */
export function sireneClosedEmail(data: SireneClosedEmailData) {
  return renderEmail(
    `Établissement fermé selon le répertoire SIRENE : ${data.companyName}`,
    "Un établissement du club est fermé selon le répertoire SIRENE",
    [
      {
        kind: "paragraph",
        text: `D'après le répertoire SIRENE, l'établissement ${data.companyName} (SIRET ${data.siret}), inscrit au club « ${data.clubName} », est fermé.`,
      },
      {
        kind: "paragraph",
        text: "Rien n'a été modifié sur Engagés : vérifiez auprès de l'entreprise, puis notez son départ du club si c'est le cas. Ses déclarations passées restent dans les chiffres.",
      },
      { kind: "button", label: "Voir les membres du club", url: data.membersUrl },
    ],
  );
}
