import { renderEmail } from "./layout";

export type OutcomesDueEmailData = {
  clubName: string;
  companyName: string;
  /** Outcomes to give, and how many of them are late. */
  due: number;
  late: number;
  url: string;
  unsubscribeUrl: string;
};

/** What became of the people hired or trained: outcomes have fallen due (issue 15). */
export function outcomesDueEmail(data: OutcomesDueEmailData) {
  const plural = data.due > 1;
  return renderEmail(
    `${data.companyName} : ${data.due} suivi${plural ? "s" : ""} à renseigner`,
    "Que sont devenues les personnes recrutées ou formées ?",
    [
      {
        kind: "paragraph",
        text: `${data.due} suivi${plural ? "s" : ""} à 6 ou 12 mois ${plural ? "sont" : "est"} à renseigner pour ${data.companyName}${data.late > 0 ? `, dont ${data.late} en retard` : ""} : combien de personnes sont toujours dans l'entreprise, en emploi ailleurs, en formation ou en recherche d'emploi. Des nombres seulement, jamais de nom.`,
      },
      {
        kind: "paragraph",
        text: "Ces suivis mesurent l'accès durable à l'emploi : ils font les chiffres du club et de la préfecture.",
      },
      { kind: "button", label: "Renseigner les suivis", url: data.url },
      {
        kind: "unsubscribe",
        text: `Message du club « ${data.clubName} ». Vous ne souhaitez plus recevoir ses relances ?`,
        label: "se désabonner des relances",
        url: data.unsubscribeUrl,
      },
    ],
  );
}
