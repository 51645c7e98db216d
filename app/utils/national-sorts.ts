import { quotedValue } from "./figure-period-request";

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

/**
 * The national table's order from `tri` and `ordre`; an unknown value falls back to the code,
 * ascending, and says so in `notices` (the page shows them).
 */
export function readNationalSort(params: URLSearchParams) {
  const notices: string[] = [];
  const rawSort = (params.get("tri") ?? "").trim();
  const rawOrder = (params.get("ordre") ?? "").trim();
  // Own keys only: `in` also finds Object.prototype's ("__proto__", "constructor"…).
  const known = Object.hasOwn(NATIONAL_SORTS, rawSort);
  if (rawSort !== "" && !known) {
    notices.push(`Le tri ${quotedValue(rawSort)} n'existe pas : le tableau est trié par code.`);
  }
  if (rawOrder !== "" && rawOrder !== "asc" && rawOrder !== "desc") {
    notices.push(`L'ordre ${quotedValue(rawOrder)} n'existe pas : l'ordre croissant est appliqué.`);
  }
  const sort: NationalSort = known ? (rawSort as NationalSort) : "code";
  return { sort, descending: rawOrder === "desc", notices };
}
