// A meeting's date and hours in words, in its club's zone: formatted by the loaders and the
// e-mails, so never shipped to the browser.

import { PARIS, formatTime, zoned } from "../format";
import { zoneSuffix, type TimeZone } from "./zones";

type Value = Date | string | number;

const meetingDay = /* @__PURE__ */ zoned({
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/**
 * "jeudi 10 décembre 2026, de 09 h 00 à 11 h 00" (or "du … au …" over several days) in the club's
 * zone, followed by the zone's name outside Paris (", heure de La Réunion").
 */
export function formatMeetingWhen(startsAt: Value, endsAt: Value, zone: TimeZone = PARIS): string {
  const [startDay, endDay] = [meetingDay(startsAt, zone), meetingDay(endsAt, zone)];
  const [start, end] = [formatTime(startsAt, zone), formatTime(endsAt, zone)];
  const when =
    startDay === endDay
      ? `${startDay}, de ${start} à ${end}`
      : `du ${startDay} à ${start} au ${endDay} à ${end}`;
  return `${when}${zoneSuffix(zone)}`;
}
