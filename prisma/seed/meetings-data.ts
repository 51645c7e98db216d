// The meetings of the Pas-de-Calais club, past (with minutes) and to come, and the Nord club's next one.

import { at, DAY } from "./calendar";

export type DemoMeeting = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl?: string;
  agenda: string;
  minutes?: string;
  practices?: string[];
  withProspects?: boolean;
};

export function meetings62(now: Date): DemoMeeting[] {
  const meeting = (daysFromNow: number, hour: number, minute: number, hours: number) => {
    const startsAt = at(new Date(now.getTime() + daysFromNow * DAY), hour, minute);
    return { startsAt, endsAt: new Date(startsAt.getTime() + hours * 3600 * 1000) };
  };
  return [
    {
      title: "Rencontre du club : bilan des engagements et accueil des nouveaux membres",
      ...meeting(-330, 8, 30, 2),
      place: "CCI Artois, salle du conseil, Arras",
      agenda:
        "1. Accueil par le sous-préfet\n2. Bilan des engagements du premier semestre\n" +
        "3. Présentation des nouveaux membres\n4. Calendrier des rencontres de l'année",
      minutes: `## Compte rendu

**Présents :** une quinzaine d'entreprises membres, la sous-préfecture, France Travail et la mission locale.

### Bilan des derniers mois
- Les recrutements déclarés progressent, surtout dans le transport et la propreté.
- L'alternance reste le premier levier pour les jeunes de moins de 26 ans.
- Les achats auprès des structures inclusives sont encore peu déclarés : un atelier dédié sera organisé.

### Nouveaux membres
Deux entreprises du Calaisis rejoignent le club.

### À retenir
- Déclarer les réalisations au fil de l'eau, même une seule immersion compte.
- Prochaine rencontre : petit-déjeuner « recruter sans CV » à Liévin.
`,
    },
    {
      title: "Petit-déjeuner : recruter sans CV",
      ...meeting(-215, 8, 0, 2),
      place: "Métallerie de l'Artois, Liévin (visite de l'atelier)",
      agenda:
        "1. Visite de l'atelier\n2. Témoignage : la méthode de recrutement par simulation\n" +
        "3. Échanges avec France Travail sur les immersions (PMSMP)",
      practices: ["sans-cv"],
      minutes: `## Compte rendu

La Métallerie de l'Artois a présenté sa démarche de **recrutement par simulation** : les candidats
sont évalués sur des exercices pratiques, sans CV ni diplôme exigé.

### Ce que nous retenons
1. Définir les habiletés nécessaires au poste avant de recruter.
2. Faire précéder l'embauche d'une **immersion de deux semaines** (PMSMP).
3. Désigner un tuteur dès le premier jour.

### Suites
- France Travail propose un accompagnement aux entreprises qui veulent essayer.
- Trois membres se sont dits prêts à tester la méthode d'ici la fin de l'année.
`,
    },
    {
      title: "Atelier achats inclusifs avec les SIAE du territoire",
      ...meeting(-120, 14, 0, 3),
      place: "Maison de l'économie sociale et solidaire, Lens",
      videoUrl: "https://visio.example/club-62-achats-inclusifs",
      agenda:
        "1. Pourquoi acheter inclusif : ce que cela change pour les publics\n" +
        "2. Rencontres avec les structures d'insertion et les entreprises adaptées\n" +
        "3. Témoignage de la Clinique des Deux Caps",
      practices: ["esat"],
      minutes: `## Compte rendu

Douze structures d'insertion et entreprises adaptées sont venues présenter leurs offres
(nettoyage, espaces verts, blanchisserie, traiteur, logistique).

### Chiffres partagés
- Les achats inclusifs déclarés par les membres ont nettement progressé sur un an.
- Objectif collectif proposé : **un achat inclusif par entreprise membre** avant la fin de l'année.

### Suites
- La liste des structures présentes est disponible auprès de l'animateur.
- Un point d'étape sera fait à la plénière.
`,
    },
    {
      title: "Réunion plénière : préparation du forum de l'alternance",
      ...meeting(-42, 17, 30, 2),
      place: "Clinique des Deux Caps, Boulogne-sur-Mer",
      agenda:
        "1. Point sur les engagements de l'année\n2. Organisation du forum de l'alternance\n" +
        "3. Mise à l'honneur d'une bonne pratique",
      practices: ["sans-cv"],
      minutes: `## Compte rendu

### Engagements de l'année
La majorité des membres ont déclaré au moins une réalisation ce trimestre. L'animateur relancera
les entreprises qui n'ont rien déclaré depuis plusieurs mois.

### Forum de l'alternance
- Lieu retenu : Calais ; date à confirmer avec les lycées professionnels.
- Chaque membre est invité à proposer au moins **une offre d'alternance**.
- Les lycées professionnels du Calaisis et la mission locale seront associés.

### Bonne pratique mise à l'honneur
« Recruter sans CV » de la Métallerie de l'Artois, déjà reprise par plusieurs membres.
`,
    },
    {
      title: "Job dating inclusif de Calais : point d'étape",
      ...meeting(21, 9, 0, 2),
      place: "Opale Compétences Formation, Calais",
      videoUrl: "https://visio.example/club-62-job-dating",
      agenda:
        "1. Postes proposés par les membres\n2. Logistique de la journée\n" +
        "3. Mobilisation des candidats avec France Travail et les structures d'insertion",
      withProspects: true,
    },
    {
      title: "Assemblée annuelle du club : bilan et engagements de l'année à venir",
      ...meeting(70, 17, 0, 2.5),
      place: "Préfecture du Pas-de-Calais, Arras",
      agenda:
        "1. Mot du préfet\n2. Bilan de l'année par public et par type d'action\n" +
        "3. Témoignages de trois entreprises\n4. Nouveaux engagements\n5. Verre de l'amitié",
      withProspects: true,
    },
  ];
}
