// The time zone of each club, from its département: the five overseas départements keep their
// own hour, everything else (Corsica's 2A and 2B included) is Paris time. A person not tied to a
// club (prefecture, administration) reads times in Paris time unless the object is a club's.

import { PARIS } from "../format";

export { PARIS };

const OVERSEAS = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "976": "Indian/Mayotte",
} as const;

export type TimeZone = typeof PARIS | (typeof OVERSEAS)[keyof typeof OVERSEAS];

/** The zone a club of this département lives in (Paris for an unknown code). */
export function zoneOfDepartement(code: string | null | undefined): TimeZone {
  return (code && OVERSEAS[code as keyof typeof OVERSEAS]) || PARIS;
}

const NAMES: Record<TimeZone, string> = {
  "Europe/Paris": "heure de Paris",
  "America/Guadeloupe": "heure de la Guadeloupe",
  "America/Martinique": "heure de la Martinique",
  "America/Cayenne": "heure de la Guyane",
  "Indian/Reunion": "heure de La Réunion",
  "Indian/Mayotte": "heure de Mayotte",
};

/** "heure de La Réunion": the words that remove the doubt about a time. */
export function zoneName(zone: TimeZone): string {
  return NAMES[zone];
}

/** ", heure de La Réunion" after a time outside Paris; nothing for Paris, the usual case. */
export function zoneSuffix(zone: TimeZone): string {
  return zone === PARIS ? "" : `, ${NAMES[zone]}`;
}
