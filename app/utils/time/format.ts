// Every French date and time of the app (pages, exports, e-mails; client-safe). Two kinds of
// values: instants (createdAt, a meeting's start), read in a zone (Paris unless the object is a
// club's); and day-only values (a realisation's date, a commitment's period, a month of figures),
// stored at UTC midnight and shown as that calendar day, never shifted by a zone.

import { PARIS, zoneSuffix, type TimeZone } from "./zones";

type Value = Date | string | number;

const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per shape and zone, made on first use (cheap to import, shared after). */
function formatter(zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${zone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("fr-FR", { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

// ---------------------------------------------------------------- day-only values

/** "12 mars 2026": a day-only value (stored at UTC midnight), the same day everywhere. */
export function formatDay(value: Value): string {
  return formatter("UTC", { dateStyle: "long" }).format(new Date(value));
}

/** "décembre 2026" (short: "déc. 2026"): the month of a day-only value. */
export function formatMonth(value: Value, style: "long" | "short" = "long"): string {
  return formatter("UTC", { month: style, year: "numeric" }).format(new Date(value));
}

/** "mars": the month's name alone, of a day-only value. */
export function formatMonthName(value: Value): string {
  return formatter("UTC", { month: "long" }).format(new Date(value));
}

// ---------------------------------------------------------------- instants

/** "12 mars 2026": the calendar day of an instant in the zone. */
export function formatDate(value: Value, zone: TimeZone = PARIS): string {
  return formatter(zone, { dateStyle: "long" }).format(new Date(value));
}

/** "12 mars 2026 à 09:05": an instant in the zone. */
export function formatDateTime(value: Value, zone: TimeZone = PARIS): string {
  return formatter(zone, { dateStyle: "long", timeStyle: "short" }).format(new Date(value));
}

/** "09 h 00": the French way of writing a time (no-break spaces: never cut across lines). */
export function formatTime(value: Value, zone: TimeZone = PARIS): string {
  return formatter(zone, { hour: "2-digit", minute: "2-digit" })
    .format(new Date(value))
    .replace(":", "\u00a0h\u00a0");
}

/**
 * "jeudi 10 décembre 2026, de 09 h 00 à 11 h 00" (or "du … au …" over several days) in the club's
 * zone, followed by the zone's name outside Paris (", heure de La Réunion").
 */
export function formatMeetingWhen(startsAt: Value, endsAt: Value, zone: TimeZone = PARIS): string {
  const long = formatter(zone, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const startDay = long.format(new Date(startsAt));
  const endDay = long.format(new Date(endsAt));
  const [start, end] = [formatTime(startsAt, zone), formatTime(endsAt, zone)];
  const when =
    startDay === endDay
      ? `${startDay}, de ${start} à ${end}`
      : `du ${startDay} à ${start} au ${endDay} à ${end}`;
  return `${when}${zoneSuffix(zone)}`;
}

/** "10 déc. 2026": a meeting's day in the club's zone. */
export function formatMeetingDay(value: Value, zone: TimeZone = PARIS): string {
  return formatter(zone, { day: "numeric", month: "short", year: "numeric" }).format(
    new Date(value),
  );
}
