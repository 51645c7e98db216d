// Wall-clock time in a zone ↔ the instant it means (stored in UTC), with Intl only: the form's
// datetime-local value "2026-03-29T09:00" typed for a club, its calendar day, month and midnight.
// Across a daylight-saving change (Paris, last Sundays of March and October) a wall-clock time
// may not exist (the skipped hour: refused) or happen twice (the repeated hour: the first one).

import { PARIS } from "../format";
import type { TimeZone } from "./zones";

/** A day of 24 hours in milliseconds (UTC days; a zone's day is calendarDate's business). */
export const DAY_MS = 86_400_000;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

type Fields = { year: number; month: number; day: number; hour: number; minute: number };
type FieldsWithSeconds = Fields & { second: number };

const partsFormats = new Map<TimeZone, Intl.DateTimeFormat>();

function partsFormat(zone: TimeZone) {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone (to the second). */
export function wallClock(instant: Date, zone: TimeZone = PARIS): FieldsWithSeconds {
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-29T09:00", the value a datetime-local input shows for this instant in the zone. */
export function toLocalInput(instant: Date, zone: TimeZone = PARIS): string {
  const f = wallClock(instant, zone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** "2026-03-29", the calendar day of an instant in the zone. */
export function calendarDay(instant: Date, zone: TimeZone = PARIS): string {
  return toLocalInput(instant, zone).slice(0, 10);
}

/** "2026-03-29", the stored calendar day of a day-only value (UTC midnight), in every zone. */
export const isoDay = (value: Date | string) => new Date(value).toISOString().slice(0, 10);

/**
 * The zone's calendar day of an instant as a day-only value (UTC midnight, as realisations and
 * periods store days): "today" for a figures period or a date field.
 */
export function calendarDate(instant: Date, zone: TimeZone = PARIS): Date {
  const f = wallClock(instant, zone);
  return new Date(Date.UTC(f.year, f.month - 1, f.day));
}

/**
 * The zone's wall-clock time of an instant, as a Date whose UTC fields hold it: for spreadsheet
 * cells, which have no zone (a cell of 09:00 must read 09:00).
 */
export function wallClockCell(instant: Date, zone: TimeZone = PARIS): Date {
  const f = wallClock(instant, zone);
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second));
}

/**
 * Today's date where it is latest in the app's zones (La Réunion, UTC+4): a day-only value after
 * it is in the future for every club; one before may be today for a club further east.
 */
export function latestToday(now = new Date()): string {
  return calendarDay(now, "Indian/Reunion");
}

/** The zone's offset from UTC at an instant, in ms (+4 h in La Réunion, −4 h in Guadeloupe). */
function offsetAt(instant: number, zone: TimeZone) {
  const f = wallClock(new Date(instant), zone);
  const second = Math.floor(instant / 1000) * 1000;
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - second;
}

export type LocalTimeResult =
  { ok: true; date: Date } | { ok: false; reason: "format" | "nonexistent" };

/** The instant a wall-clock time of the zone means: the earliest one when it happens twice. */
export function instantOf(fields: Fields, zone: TimeZone = PARIS): LocalTimeResult {
  const { year, month, day, hour, minute } = fields;
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wanted);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return { ok: false, reason: "format" };
  }
  // The offsets in force a day before and a day after cover any single change of that day; the
  // larger offset gives the earlier instant (summer time first when the hour is repeated).
  const offsets = [
    ...new Set([offsetAt(wanted - 86_400_000, zone), offsetAt(wanted + 86_400_000, zone)]),
  ];
  offsets.sort((a, b) => b - a);
  for (const offset of offsets) {
    const candidate = new Date(wanted - offset);
    if (
      toLocalInput(candidate, zone) ===
      `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`
    ) {
      return { ok: true, date: candidate };
    }
  }
  return { ok: false, reason: "nonexistent" };
}

/** The instant a datetime-local value ("2026-03-29T09:00") typed for the zone means. */
export function parseLocal(value: string, zone: TimeZone = PARIS): LocalTimeResult {
  const m = LOCAL_PATTERN.exec(value.trim());
  if (!m) return { ok: false, reason: "format" };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return instantOf({ year, month, day, hour, minute }, zone);
}

/** The first instant of a calendar day of the zone (midnight, or the first hour that exists). */
function firstInstantOf(year: number, month: number, day: number, zone: TimeZone): Date {
  for (let hour = 0; hour < 24; hour++) {
    const found = instantOf({ year, month, day, hour, minute: 0 }, zone);
    if (found.ok) return found.date;
  }
  throw new Error(`Aucune heure le ${year}-${month}-${day} (${zone}).`);
}

/** The first instant of the zone's calendar day of an instant. */
export function startOfDay(instant: Date, zone: TimeZone = PARIS): Date {
  const f = wallClock(instant, zone);
  return firstInstantOf(f.year, f.month, f.day, zone);
}

/** The first instant of the zone's calendar month of an instant. */
export function startOfMonth(instant: Date, zone: TimeZone = PARIS): Date {
  const f = wallClock(instant, zone);
  return firstInstantOf(f.year, f.month, 1, zone);
}
