// French stemming for the searches (issue 18, point 8; decision 020): "recrutement",
// "recrutements" and "recruter" share the stem "recrut", "apprentis" and "apprentissage" start
// with "apprent". The Snowball French stemmer of @orama/stemmers, applied alike to what is
// indexed (Practice.searchStems, the directory's fields) and to what a person types.
import { stemmer } from "@orama/stemmers/french";

/** The words of a text: letters and digits only, lower case. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase("fr").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The stem of one word, lower case. Words of fewer than 4 letters, and numbers, are kept as they
 * are: their stems would be too short to search for.
 */
export function stemOf(word: string): string {
  const lower = word.toLocaleLowerCase("fr");
  if (lower.length < 4 || /\p{N}/u.test(lower)) return lower;
  const stem = stemmer(lower);
  return stem.length >= 3 ? stem : lower;
}

/** The distinct stems of a text, space-separated: what Practice.searchStems holds. */
export function stemsOf(...texts: string[]): string {
  const stems = new Set(texts.flatMap(wordsOf).map(stemOf));
  return [...stems].join(" ");
}
