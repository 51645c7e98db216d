import { renderEmail } from "./layout";

export type PracticeAppreciatedData = {
  /** One line per practice that was appreciated since the last message. */
  practices: Array<{ title: string; url: string; kudos: number; comments: number; tried: number }>;
  /** The one-click opt-out shared with the weekly digest (User.digestOptOut). */
  unsubscribeUrl: string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The author's batched news: their practices were found inspiring, commented, tried. */
export function practiceAppreciatedEmail(data: PracticeAppreciatedData) {
  return renderEmail(
    "Votre bonne pratique inspire d'autres entreprises",
    "Votre partage porte ses fruits",
    [
      {
        kind: "paragraph",
        text: "Merci d'avoir partagé ce qui marche chez vous. Depuis hier :",
      },
      ...data.practices.flatMap((p) => [
        {
          kind: "paragraph" as const,
          text: `« ${p.title} » : ${[
            p.kudos ? plural(p.kudos, "« inspirant »", "« inspirant »") : null,
            p.comments ? plural(p.comments, "commentaire", "commentaires") : null,
            p.tried ? plural(p.tried, "entreprise l'a essayée", "entreprises l'ont essayée") : null,
          ]
            .filter(Boolean)
            .join(", ")}.`,
        },
        { kind: "button" as const, label: "Voir la pratique", url: p.url },
      ]),
      {
        kind: "unsubscribe",
        text: "Vous ne souhaitez plus recevoir ces nouvelles ni la lettre hebdomadaire des bonnes pratiques ?",
        label: "se désabonner",
        url: data.unsubscribeUrl,
      },
    ],
  );
}
