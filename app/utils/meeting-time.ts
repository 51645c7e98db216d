// Meetings are typed and shown in Paris time (Europe/Paris), and stored in UTC. These helpers
// convert the wall-clock value of an <input type="datetime-local"> ("2026-03-29T09:00") to the
// instant it means in Paris, and back, across the daylight-saving changes. Shared by the form
// (browser) and the server: only Intl, no dependency.

export const MEETING_TIME_ZONE = "Europe/Paris";

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: MEETING_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The Paris wall-clock fields of an instant. */
function parisFields(date: Date) {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(date).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** "2026-03-29T09:00", the value a datetime-local input shows for this instant in Paris. */
export function toParisLocalInput(date: Date): string {
  const f = parisFields(date);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

export type ParisTimeResult =
  { ok: true; date: Date } | { ok: false; reason: "format" | "nonexistent" };

/**
 * The instant a Paris wall-clock time means. When the clocks go back (last Sunday of October),
 * 02:30 happens twice: the first one (summer time) is taken. When they go forward (last Sunday
 * of March), 02:30 does not exist: `nonexistent`.
 */
export function parseParisLocal(value: string): ParisTimeResult {
  const m = LOCAL_PATTERN.exec(value.trim());
  if (!m) return { ok: false, reason: "format" };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
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
  // Paris is UTC+1 or UTC+2: try both offsets, earliest instant first.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wanted - offsetHours * 3600_000);
    const f = parisFields(candidate);
    if (Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute) === wanted) {
      return { ok: true, date: candidate };
    }
  }
  return { ok: false, reason: "nonexistent" };
}

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: MEETING_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: MEETING_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
});
const shortDayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: MEETING_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "09 h 00" — the French way of writing a time (no-break spaces: never cut across lines). */
function frenchTime(date: Date) {
  return timeFormat.format(date).replace(":", "\u00a0h\u00a0");
}

/** "jeudi 10 décembre 2026, de 09 h 00 à 11 h 00" (or "du … au …" over several days), Paris time. */
export function formatMeetingWhen(startsAt: Date | string, endsAt: Date | string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startDay = dayFormat.format(start);
  const endDay = dayFormat.format(end);
  if (startDay === endDay) {
    return `${startDay}, de ${frenchTime(start)} à ${frenchTime(end)}`;
  }
  return `du ${startDay} à ${frenchTime(start)} au ${endDay} à ${frenchTime(end)}`;
}

/** "10 déc. 2026", Paris time. */
export function formatMeetingDay(date: Date | string): string {
  return shortDayFormat.format(new Date(date));
}
