// Every French format of the app, shared by pages, exports and e-mails (client-safe): numbers,
// agreed words, dates and times. Dates come in two kinds: instants (createdAt, a meeting's start),
// read in a zone (Paris unless the object is a club's: app/utils/time/zones.ts); and day-only
// values (a realisation's date, a commitment's period, a month of figures), stored at UTC midnight
// and shown as that calendar day, never shifted by a zone. They live here rather than in a file of
// their own so that every page loads them in the chunk it already loads (decision 017's budget).
import type { TimeZone } from "./time/zones";

export const numberFormat = /* @__PURE__ */ new Intl.NumberFormat("fr-FR");

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

// ---------------------------------------------------------------- dates and times

/** Paris time: the zone of every instant that belongs to no club of another zone. */
export const PARIS = "Europe/Paris";

type Value = Date | string | number;

/**
 * A French formatter of one shape: one Intl object per zone, made on first use (cheap to import,
 * shared after; pages pay a few bytes, decision 017).
 */
export function zoned(options: Intl.DateTimeFormatOptions) {
  const byZone: Record<string, Intl.DateTimeFormat> = {};
  return (value: Value, zone: TimeZone | "UTC" = PARIS): string =>
    (byZone[zone] ??= new Intl.DateTimeFormat("fr-FR", { ...options, timeZone: zone })).format(
      new Date(value),
    );
}

const longDate = /* @__PURE__ */ zoned({ dateStyle: "long" });
const longDateTime = /* @__PURE__ */ zoned({ dateStyle: "long", timeStyle: "short" });
const hourMinute = /* @__PURE__ */ zoned({ hour: "2-digit", minute: "2-digit" });
const monthYear = /* @__PURE__ */ zoned({ month: "long", year: "numeric" });
const shortMonthYear = /* @__PURE__ */ zoned({ month: "short", year: "numeric" });
const monthName = /* @__PURE__ */ zoned({ month: "long" });

// ---------------------------------------------------------------- day-only values

/** "12 mars 2026": a day-only value (stored at UTC midnight), the same day everywhere. */
export const formatDay = (value: Value) => longDate(value, "UTC");

/** "décembre 2026" (short: "déc. 2026"): the month of a day-only value. */
export const formatMonth = (value: Value, style: "long" | "short" = "long") =>
  (style === "long" ? monthYear : shortMonthYear)(value, "UTC");

/** "mars": the month's name alone, of a day-only value. */
export const formatMonthName = (value: Value) => monthName(value, "UTC");

// ---------------------------------------------------------------- instants

/** "12 mars 2026": the calendar day of an instant in the zone. */
export const formatDate: (value: Value, zone?: TimeZone) => string = longDate;

/** "12 mars 2026 à 09:05": an instant in the zone. */
export const formatDateTime: (value: Value, zone?: TimeZone) => string = longDateTime;

/** "09 h 00": the French way of writing a time (no-break spaces: never cut across lines). */
export const formatTime = (value: Value, zone: TimeZone = PARIS) =>
  hourMinute(value, zone).replace(":", "\u00a0h\u00a0");
