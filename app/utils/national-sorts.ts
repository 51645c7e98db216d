/** The columns the national table (admin) may be sorted by, as `?tri=` values, and their headers. */
export const NATIONAL_SORTS = {
  code: "Code",
  nom: "Département",
  entreprises: "Entreprises engagées",
  engagements: "Engagements",
  realisations: "Réalisations",
  recrutements: "Personnes recrutées",
} as const;
export type NationalSort = keyof typeof NATIONAL_SORTS;
