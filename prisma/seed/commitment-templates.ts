// The catalogue of demo commitments: each demo company draws its commitments from a few of these.

export type Template = {
  theme: string;
  action: string;
  publics: string[];
  ambition: string;
  /** Range of the numeric target (in the action type's unit); none when absent. */
  target?: [number, number];
  otherPublicLabel?: string;
};

export const TEMPLATES = {
  HIRE_DELD: {
    theme: "INCLUSION",
    action: "HIRE",
    publics: ["DELD", "RSA"],
    ambition:
      "Recruter en CDI des demandeurs d'emploi de longue durée sur nos métiers en tension, avec un tuteur dédié pendant les six premiers mois.",
    target: [3, 8],
  },
  ALT_YOUTH: {
    theme: "YOUTH",
    action: "WORK_STUDY",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Accueillir des alternants orientés par la mission locale et leur proposer un poste à l'issue de leur contrat.",
    target: [2, 5],
  },
  STAGE3E: {
    theme: "YOUTH",
    action: "INTERNSHIP",
    publics: ["YOUTH", "QPV"],
    ambition:
      "Ouvrir nos portes aux élèves de 3e et de seconde des collèges et lycées du secteur pour leur stage d'observation.",
    target: [4, 10],
  },
  HANDI_HIRE: {
    theme: "DISABILITY",
    action: "HIRE",
    publics: ["DISABILITY"],
    ambition:
      "Dépasser 6 % de travailleurs handicapés en recrutant et en adaptant les postes avec Cap emploi.",
    target: [1, 4],
  },
  HANDI_ESAT: {
    theme: "DISABILITY",
    action: "INCLUSIVE_PURCHASE",
    publics: ["DISABILITY"],
    ambition: "Confier l'entretien des espaces verts et la blanchisserie à un ESAT du territoire.",
    target: [6_000, 25_000],
  },
  PURCHASE_SIAE: {
    theme: "INCLUSIVE_PURCHASING",
    action: "INCLUSIVE_PURCHASE",
    publics: ["IAE", "DISABILITY"],
    ambition:
      "Doubler nos achats auprès des structures d'insertion et des entreprises adaptées : fournitures, traiteur, nettoyage.",
    target: [10_000, 50_000],
  },
  SENIOR_HIRE: {
    theme: "SENIORS",
    action: "HIRE",
    publics: ["SENIOR", "DELD"],
    ambition:
      "Ouvrir nos recrutements aux candidats de plus de 50 ans, sans limite d'âge dans nos annonces.",
    target: [2, 5],
  },
  SENIOR_MENTOR: {
    theme: "SENIORS",
    action: "MENTORING",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Faire transmettre leur savoir-faire par nos salariés seniors, en binôme avec les jeunes qui nous rejoignent.",
    target: [3, 8],
  },
  QPV_JOBDATING: {
    theme: "QPV",
    action: "JOB_DATING",
    publics: ["QPV", "YOUTH", "DELD"],
    ambition:
      "Organiser deux job datings par an dans les quartiers prioritaires avec France Travail et la mission locale.",
    target: [10, 30],
  },
  QPV_MENTOR: {
    theme: "QPV",
    action: "MENTORING",
    publics: ["QPV", "YOUTH"],
    ambition:
      "Parrainer des jeunes des quartiers prioritaires dans leur recherche d'emploi : un salarié, un filleul, une rencontre par mois.",
    target: [3, 10],
  },
  REFUGEE_TRAINING: {
    theme: "REFUGEES",
    action: "TRAINING",
    publics: ["REFUGEE"],
    ambition:
      "Former au français professionnel et à nos métiers des personnes réfugiées, avant de leur proposer un contrat.",
    target: [2, 6],
  },
  JUSTICE_IMMERSION: {
    theme: "JUSTICE",
    action: "IMMERSION",
    publics: ["JUSTICE"],
    ambition:
      "Proposer des immersions à des personnes sous main de justice, en lien avec le SPIP, pour préparer leur sortie.",
    target: [1, 3],
  },
  LP_PFMP: {
    theme: "VOCATIONAL_SCHOOLS",
    action: "INTERNSHIP",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Accueillir les élèves de bac pro du lycée professionnel voisin pour leurs périodes de formation en milieu professionnel.",
    target: [3, 8],
  },
  VOLUNTEER_CV: {
    theme: "PATRONAGE",
    action: "VOLUNTEERING",
    publics: ["DELD", "RSA", "QPV"],
    ambition:
      "Offrir du bénévolat de compétences : ateliers CV et simulations d'entretien animés par nos salariés.",
    target: [40, 160],
  },
  LENDING_IAE: {
    theme: "WORKFORCE_LENDING",
    action: "WORKFORCE_LOAN",
    publics: ["IAE", "DELD"],
    ambition:
      "Accueillir des salariés d'une structure d'insertion sur nos pics d'activité, avec une passerelle vers un CDI.",
    target: [2, 6],
  },
  IMMERSION_PMSMP: {
    theme: "INCLUSION",
    action: "IMMERSION",
    publics: ["DELD", "RSA", "IAE"],
    ambition:
      "Proposer des immersions professionnelles (PMSMP) pour faire découvrir nos métiers avant toute embauche.",
    target: [5, 12],
  },
  TRAINING_RSA: {
    theme: "INCLUSION",
    action: "TRAINING",
    publics: ["RSA", "DELD"],
    ambition:
      "Former en interne des bénéficiaires du RSA à nos métiers (préparation opérationnelle à l'emploi), avec une embauche à la clé.",
    target: [3, 8],
  },
  OTHER_AIDANTS: {
    theme: "OTHER",
    action: "OTHER",
    publics: ["OTHER", "RSA"],
    otherPublicLabel: "Aidants familiaux et parents isolés",
    ambition:
      "Aménager les horaires et les tournées pour permettre le retour à l'emploi d'aidants familiaux et de parents isolés.",
  },
  YOUTH_HIRE: {
    theme: "YOUTH",
    action: "HIRE",
    publics: ["YOUTH", "NEET", "QPV"],
    ambition:
      "Embaucher des jeunes sans diplôme sur des postes d'entrée, avec une formation qualifiante financée par l'entreprise.",
    target: [2, 5],
  },
} satisfies Record<string, Template>;
export type TemplateKey = keyof typeof TEMPLATES;

/** The publics a commitment may add to its template's, and a realisation may name. */
export const ALL_PUBLICS = [
  "DELD",
  "RSA",
  "QPV",
  "NEET",
  "YOUTH",
  "DISABILITY",
  "SENIOR",
  "REFUGEE",
  "JUSTICE",
  "IAE",
];

/** A target rounded as a person would write it. */
export function roundTarget(n: number): number {
  if (n >= 10_000) return Math.round(n / 1000) * 1000;
  if (n >= 1_000) return Math.round(n / 500) * 500;
  if (n >= 40) return Math.round(n / 10) * 10;
  return n;
}
