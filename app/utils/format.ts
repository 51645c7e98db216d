// French formats of numbers and words shared by pages, exports and e-mails (client-safe). Dates
// and times: app/utils/time/.
export const numberFormat = new Intl.NumberFormat("fr-FR");

/** A word agreed with a count in French (singular below 2): "retirée" for 1, "retirées" for 3. */
export function agreed(count: number, singular: string, pluralForm = `${singular}s`) {
  return Math.abs(count) < 2 ? singular : pluralForm;
}

/** A count with its noun, agreed in French: "1 personne", "0 engagement", "3 heures". */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`) {
  return `${numberFormat.format(count)} ${agreed(count, singular, pluralForm)}`;
}

/** A quantity in its unit (PEOPLE | EUROS | HOURS): "1 personne", "12 heures", "1 500 €". */
export function quantityOf(quantity: number, unit: string) {
  if (unit === "EUROS") return `${numberFormat.format(quantity)} €`;
  return countOf(quantity, unit === "HOURS" ? "heure" : "personne");
}
