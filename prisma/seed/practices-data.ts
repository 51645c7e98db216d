// The demo good practices, their tags, comments and the companies that tried them.

import type { PracticeTagInput } from "../factories";

export type DemoPractice = {
  key: string;
  company: string;
  title: string;
  body: string;
  visibility: "CLUB" | "DEPARTEMENT" | "ALL";
  tags: PracticeTagInput[];
  monthsAgo: number;
  featured?: boolean;
  linkAction?: string;
  comments?: string[];
  triedBy?: string[];
};

const P = (code: string): PracticeTagInput => ({ kind: "PUBLIC", code });
const T = (code: string): PracticeTagInput => ({ kind: "THEME", code });

export const PRACTICES: DemoPractice[] = [
  {
    key: "sans-cv",
    company: "metallerie",
    title: "Recruter sans CV : notre méthode par mises en situation",
    visibility: "ALL",
    featured: true,
    monthsAgo: 9,
    linkAction: "IMMERSION",
    tags: [P("DELD"), P("RSA"), T("INCLUSION")],
    triedBy: ["proprete", "logistique", "recyclage"],
    comments: [
      "Nous l'avons testé sur nos postes de cariste : très concluant, merci pour le partage !",
      "Combien de temps durent vos exercices de mise en situation ?",
    ],
    body: `Depuis deux ans, nous recrutons nos soudeurs et nos agents de production **sans regarder le CV**.

## Comment nous faisons
1. Avec France Travail, nous avons listé les habiletés utiles au poste (précision, respect des consignes, travail en équipe).
2. Les candidats passent des **exercices pratiques** d'une demi-journée.
3. Ceux qui réussissent font une immersion de deux semaines (PMSMP), puis signent un contrat.

## Ce que cela a changé
- Des candidats que nous n'aurions jamais reçus sur CV : demandeurs d'emploi de longue durée, bénéficiaires du RSA.
- Moins de départs pendant la période d'essai.

*Nous accueillons volontiers les membres du club qui veulent voir l'atelier.*`,
  },
  {
    key: "tuteur",
    company: "delattre",
    title: "Un tuteur pour chaque nouveau conducteur",
    visibility: "DEPARTEMENT",
    monthsAgo: 7,
    linkAction: "HIRE",
    tags: [P("DELD"), P("YOUTH"), T("INCLUSION"), T("YOUTH")],
    comments: ["Bonne idée, nous allons faire de même pour nos agents de quai."],
    body: `Chaque conducteur recruté est accompagné pendant six mois par un **conducteur expérimenté volontaire**.

- Les premières tournées se font en double.
- Un point hebdomadaire avec l'exploitation.
- Le tuteur reçoit une prime et une formation d'une journée.

Résultat : tous les conducteurs recrutés cette année par ce biais sont encore chez nous.`,
  },
  {
    key: "esat",
    company: "clinique",
    title: "Notre blanchisserie confiée à un ESAT",
    visibility: "ALL",
    monthsAgo: 6,
    linkAction: "INCLUSIVE_PURCHASE",
    tags: [P("DISABILITY"), T("INCLUSIVE_PURCHASING"), T("DISABILITY")],
    triedBy: ["ehpad"],
    body: `Nous avons confié le traitement du linge de nos services à un **ESAT** du Boulonnais.

### Les étapes
1. Visite de l'établissement avec notre service qualité.
2. Un lot test de trois mois.
3. Un contrat annuel, avec un point trimestriel.

Ces achats comptent dans notre obligation d'emploi de travailleurs handicapés, et la qualité est au rendez-vous.`,
  },
  {
    key: "stage-3e",
    company: "laiterie",
    title: "Stages de 3e : une semaine pour découvrir tous nos métiers",
    visibility: "CLUB",
    monthsAgo: 11,
    linkAction: "INTERNSHIP",
    tags: [P("YOUTH"), P("QPV"), T("YOUTH"), T("VOCATIONAL_SCHOOLS")],
    body: `Plutôt que d'accueillir un élève dans un seul service, nous organisons une **semaine de découverte** pour six collégiens à la fois :
la collecte du lait, la fabrication, le laboratoire, la maintenance et l'expédition.

Nous réservons la moitié des places aux collèges des quartiers prioritaires.`,
  },
  {
    key: "poste-adapte",
    company: "equipauto",
    title: "Adapter un poste de travail avec l'aide de l'Agefiph",
    visibility: "CLUB",
    monthsAgo: 5,
    linkAction: "HIRE",
    tags: [P("DISABILITY"), T("DISABILITY")],
    comments: [
      "Le délai de réponse de l'Agefiph a-t-il été long ?",
      "Environ six semaines dans notre cas.",
    ],
    body: `Pour un opérateur reconnu travailleur handicapé, nous avons adapté un poste de montage :
table à hauteur variable, outillage allégé, pauses aménagées.

- Étude ergonomique financée en partie par l'**Agefiph**.
- Le médecin du travail et Cap emploi ont été associés dès le début.`,
  },
  {
    key: "binomes",
    company: "maisons",
    title: "Des binômes seniors et apprentis sur nos chantiers",
    visibility: "DEPARTEMENT",
    monthsAgo: 8,
    linkAction: "MENTORING",
    tags: [P("SENIOR"), P("YOUTH"), T("SENIORS"), T("YOUTH")],
    body: `Nos compagnons de plus de 55 ans forment un **binôme** avec chaque apprenti.
Le senior transmet les gestes du métier ; l'apprenti partage les outils numériques du chantier.

Les seniors volontaires ont un temps dédié au tutorat dans leur planning.`,
  },
  {
    key: "job-dating-qpv",
    company: "logistique",
    title: "Un job dating au pied des immeubles à Calais",
    visibility: "DEPARTEMENT",
    monthsAgo: 4,
    linkAction: "JOB_DATING",
    tags: [P("QPV"), P("YOUTH"), T("QPV")],
    triedBy: ["relation-client"],
    comments: ["Bravo ! Nous serions partants pour nous joindre au prochain."],
    body: `Avec le centre social et France Travail, nous avons installé nos recruteurs **dans le quartier**, un samedi matin.

- Pas de CV demandé, des entretiens de dix minutes.
- Des préparateurs de commandes recrutés dans la foulée, après une immersion.

Le prochain aura lieu avec d'autres membres du club.`,
  },
  {
    key: "poei",
    company: "proprete",
    title: "Former avant de recruter : la préparation opérationnelle à l'emploi",
    visibility: "CLUB",
    monthsAgo: 10,
    linkAction: "TRAINING",
    tags: [P("RSA"), P("DELD"), T("INCLUSION")],
    body: `Nous manquions d'agents de propreté qualifiés. Avec France Travail, nous avons monté une **POEI** de 400 heures
pour des bénéficiaires du RSA, avec un CDI à la clé pour ceux qui la terminent.

**Conseil :** impliquer les chefs d'équipe dans la sélection et dans la formation pratique.`,
  },
  {
    key: "horaires",
    company: "domicile",
    title: "Des tournées aménagées pour les parents isolés",
    visibility: "CLUB",
    monthsAgo: 3,
    tags: [P("RSA"), P("OTHER"), T("OTHER")],
    body: `Nos intervenantes à domicile peuvent choisir des **tournées compatibles avec les horaires d'école**.
C'est ce qui a permis à plusieurs mères isolées, bénéficiaires du RSA, de reprendre un emploi chez nous.`,
  },
  {
    key: "ateliers-cv",
    company: "relation-client",
    title: "Des ateliers CV animés par nos conseillers",
    visibility: "ALL",
    monthsAgo: 2,
    linkAction: "VOLUNTEERING",
    tags: [P("QPV"), P("DELD"), T("PATRONAGE")],
    body: `Une fois par mois, des conseillers volontaires animent un **atelier CV et entretien** à la maison de quartier.
Ces heures de bénévolat de compétences sont prises sur le temps de travail.`,
  },
  {
    key: "spip",
    company: "recyclage",
    title: "Des immersions avec le SPIP pour préparer la sortie",
    visibility: "CLUB",
    monthsAgo: 6,
    linkAction: "IMMERSION",
    tags: [P("JUSTICE"), T("JUSTICE")],
    body: `En lien avec le service pénitentiaire d'insertion et de probation (**SPIP**), nous accueillons en immersion
des personnes en fin de peine. Deux d'entre elles ont ensuite été recrutées sur notre centre de tri.

Ce qui a aidé : un référent unique chez nous et au SPIP, et une présentation claire des règles de sécurité.`,
  },
  {
    key: "reconversion",
    company: "code-flandre",
    title: "Une promotion de développeurs en reconversion",
    visibility: "CLUB",
    monthsAgo: 7,
    linkAction: "TRAINING",
    tags: [P("DELD"), P("REFUGEE"), T("INCLUSION"), T("REFUGEES")],
    comments: ["Très inspirant, pouvez-vous nous présenter l'organisme de formation ?"],
    body: `Avec une école du numérique de la métropole, nous avons formé une promotion de **développeurs en reconversion** :
demandeurs d'emploi de longue durée et personnes réfugiées. La moitié a rejoint notre équipe en alternance.`,
  },
  {
    key: "iae-cdi",
    company: "cuisines",
    title: "Cuisine centrale : des parcours d'insertion vers le CDI",
    visibility: "DEPARTEMENT",
    monthsAgo: 4,
    linkAction: "WORKFORCE_LOAN",
    tags: [P("IAE"), T("INCLUSION"), T("WORKFORCE_LENDING")],
    body: `Nous accueillons des salariés d'une **entreprise de travail temporaire d'insertion** sur nos pics d'activité.
Au bout de six mois, ceux qui le souhaitent se voient proposer un CDI d'agent de restauration.`,
  },
];
