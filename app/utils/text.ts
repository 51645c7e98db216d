// Comparing what people type with what is stored: case and accents do not count. Client-safe.

/** Lower case, without accents (combining marks removed): "Électricité" → "electricite". */
export function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Collators made once: `localeCompare` with options builds one on every call, about a hundred
// times slower (a big club's 1,300 names took ~100 ms to sort).
/** French order, ignoring case and accents: for names. */
export const compareFrench = new Intl.Collator("fr", { sensitivity: "base" }).compare;
/** French order with numbers compared as numbers: "2A" < "10" < "971". */
export const compareFrenchNumeric = new Intl.Collator("fr", { numeric: true }).compare;
