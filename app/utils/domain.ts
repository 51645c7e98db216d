// The vocabulary of the domain (docs/design.md): codes in English for the code and the database,
// labels in French for the UI. Shared by validation, the seed and the screens.

export const ROLES = ["COMPANY", "ANIMATOR", "PREFECTURE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  COMPANY: "Entreprise",
  ANIMATOR: "Animation de club",
  PREFECTURE: "Préfecture",
  ADMIN: "Administration nationale",
};

export const MEMBERSHIP_STATUSES = ["PROSPECT", "MEMBER", "LEFT"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  PROSPECT: "Prospect",
  MEMBER: "Membre",
  LEFT: "Parti",
};

/** A club member's activity, as the club home shows it. */
export type MemberActivity = "ACTIVE" | "SILENT" | "PROSPECT" | "LEFT";
export const MEMBER_ACTIVITY_LABELS: Record<MemberActivity, string> = {
  ACTIVE: "Actif",
  SILENT: "Silencieux",
  PROSPECT: "Prospect",
  LEFT: "Parti",
};

export const COMMITMENT_STATUSES = ["DRAFT", "ACTIVE", "ACHIEVED", "ABANDONED"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  DRAFT: "Brouillon",
  ACTIVE: "En cours",
  ACHIEVED: "Atteint",
  ABANDONED: "Abandonné",
};

export const COMMITMENT_VISIBILITIES = ["CLUB", "PUBLIC"] as const;
export const COMMITMENT_VISIBILITY_LABELS = {
  CLUB: "Visible du club seulement",
  PUBLIC: "Public",
} as const;

export const UNITS = ["PEOPLE", "EUROS", "HOURS"] as const;
export type Unit = (typeof UNITS)[number];
export const UNIT_LABELS: Record<Unit, string> = {
  PEOPLE: "personnes",
  EUROS: "€",
  HOURS: "heures",
};

export const CONTRACT_TYPES = [
  "CDI",
  "CDD_LONG",
  "CDD_SHORT",
  "INTERIM",
  "ALTERNANCE",
  "IAE",
  "OTHER",
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  CDI: "CDI",
  CDD_LONG: "CDD de 6 mois ou plus",
  CDD_SHORT: "CDD de moins de 6 mois",
  INTERIM: "Intérim",
  ALTERNANCE: "Contrat en alternance",
  IAE: "Contrat d'insertion (IAE)",
  OTHER: "Autre",
};

export const QPV_VALUES = ["YES", "NO", "UNKNOWN"] as const;
export const QPV_LABELS = { YES: "Oui", NO: "Non", UNKNOWN: "Ne sait pas" } as const;

export const PRACTICE_VISIBILITIES = ["CLUB", "DEPARTEMENT", "ALL"] as const;
export const PRACTICE_VISIBILITY_LABELS = {
  CLUB: "Mon club",
  DEPARTEMENT: "Mon département",
  ALL: "Tous les membres connectés",
} as const;

export const RSVP_VALUES = ["PENDING", "YES", "NO", "MAYBE"] as const;
export const RSVP_LABELS = {
  PENDING: "Sans réponse",
  YES: "Présent",
  NO: "Absent",
  MAYBE: "Peut-être",
} as const;

/** Publics éloignés de l'emploi (docs/design.md), in display order. */
export const PUBLIC_CATEGORIES = [
  { code: "DELD", label: "Demandeurs d'emploi de longue durée" },
  { code: "RSA", label: "Bénéficiaires du RSA" },
  { code: "QPV", label: "Résidents des quartiers prioritaires (QPV)" },
  { code: "NEET", label: "Jeunes sans qualification / NEET" },
  { code: "YOUTH", label: "Jeunes de moins de 26 ans" },
  { code: "DISABILITY", label: "Personnes en situation de handicap (RQTH)" },
  { code: "SENIOR", label: "Seniors (50 ans et plus)" },
  { code: "REFUGEE", label: "Réfugiés" },
  { code: "JUSTICE", label: "Personnes sortant de détention / sous main de justice" },
  { code: "IAE", label: "Personnes en parcours d'insertion (IAE)" },
  { code: "OTHER", label: "Autre public" },
] as const;

/** Themes of the national programme. */
export const THEMES = [
  { code: "YOUTH", label: "Jeunes (apprentissage, stages de 3e/seconde, alternance)" },
  { code: "INCLUSION", label: "Inclusion et recrutement" },
  { code: "DISABILITY", label: "Handicap" },
  { code: "SENIORS", label: "Seniors" },
  { code: "QPV", label: "Quartiers prioritaires (QPV)" },
  { code: "REFUGEES", label: "Réfugiés" },
  { code: "JUSTICE", label: "Justice et prévention de la récidive" },
  { code: "VOCATIONAL_SCHOOLS", label: "Lycées professionnels" },
  { code: "INCLUSIVE_PURCHASING", label: "Achats inclusifs (SIAE, EA/ESAT)" },
  { code: "PATRONAGE", label: "Mécénat et bénévolat de compétences" },
  { code: "WORKFORCE_LENDING", label: "Prêt de main-d'œuvre (passerelles)" },
  { code: "OTHER", label: "Autre" },
] as const;

/** Action types, with the unit they are counted in and whether they are hires. */
export const ACTION_TYPES = [
  { code: "HIRE", label: "Recrutement", defaultUnit: "PEOPLE", isHire: true },
  { code: "WORK_STUDY", label: "Contrat en alternance", defaultUnit: "PEOPLE", isHire: true },
  { code: "INTERNSHIP", label: "Stage", defaultUnit: "PEOPLE", isHire: false },
  { code: "IMMERSION", label: "Immersion (PMSMP)", defaultUnit: "PEOPLE", isHire: false },
  { code: "MENTORING", label: "Parrainage / mentorat", defaultUnit: "PEOPLE", isHire: false },
  { code: "JOB_DATING", label: "Job dating / forum", defaultUnit: "PEOPLE", isHire: false },
  { code: "TRAINING", label: "Formation", defaultUnit: "PEOPLE", isHire: false },
  {
    code: "INCLUSIVE_PURCHASE",
    label: "Achat auprès d'une structure inclusive",
    defaultUnit: "EUROS",
    isHire: false,
  },
  { code: "VOLUNTEERING", label: "Heures de bénévolat", defaultUnit: "HOURS", isHire: false },
  { code: "WORKFORCE_LOAN", label: "Prêt de main-d'œuvre", defaultUnit: "PEOPLE", isHire: false },
  { code: "OTHER", label: "Autre", defaultUnit: "PEOPLE", isHire: false },
] as const;

/** Which action types each theme offers (the catalogue; copied for every year). */
export const THEME_ACTION_TYPES: Record<string, string[]> = {
  YOUTH: ["WORK_STUDY", "INTERNSHIP", "IMMERSION", "MENTORING", "JOB_DATING", "HIRE", "OTHER"],
  INCLUSION: ["HIRE", "IMMERSION", "JOB_DATING", "TRAINING", "MENTORING", "OTHER"],
  DISABILITY: ["HIRE", "WORK_STUDY", "IMMERSION", "INCLUSIVE_PURCHASE", "TRAINING", "OTHER"],
  SENIORS: ["HIRE", "TRAINING", "MENTORING", "OTHER"],
  QPV: ["HIRE", "INTERNSHIP", "JOB_DATING", "MENTORING", "OTHER"],
  REFUGEES: ["HIRE", "TRAINING", "IMMERSION", "OTHER"],
  JUSTICE: ["HIRE", "IMMERSION", "TRAINING", "OTHER"],
  VOCATIONAL_SCHOOLS: ["INTERNSHIP", "WORK_STUDY", "MENTORING", "OTHER"],
  INCLUSIVE_PURCHASING: ["INCLUSIVE_PURCHASE", "OTHER"],
  PATRONAGE: ["VOLUNTEERING", "MENTORING", "OTHER"],
  WORKFORCE_LENDING: ["WORKFORCE_LOAN", "HIRE", "OTHER"],
  OTHER: ["HIRE", "INTERNSHIP", "IMMERSION", "TRAINING", "VOLUNTEERING", "OTHER"],
};

/** INSEE tranches d'effectif salarié. */
export const HEADCOUNT_BRACKETS = [
  { code: "00", label: "0 salarié" },
  { code: "01", label: "1 ou 2 salariés" },
  { code: "02", label: "3 à 5 salariés" },
  { code: "03", label: "6 à 9 salariés" },
  { code: "11", label: "10 à 19 salariés" },
  { code: "12", label: "20 à 49 salariés" },
  { code: "21", label: "50 à 99 salariés" },
  { code: "22", label: "100 à 199 salariés" },
  { code: "31", label: "200 à 249 salariés" },
  { code: "32", label: "250 à 499 salariés" },
  { code: "41", label: "500 à 999 salariés" },
  { code: "42", label: "1 000 à 1 999 salariés" },
  { code: "51", label: "2 000 à 4 999 salariés" },
  { code: "52", label: "5 000 à 9 999 salariés" },
  { code: "53", label: "10 000 salariés et plus" },
] as const;

export function labelOf<T extends { code: string; label: string }>(
  list: readonly T[],
  code: string | null | undefined,
): string {
  return list.find((item) => item.code === code)?.label ?? code ?? "";
}
