import { isoDay } from "~/utils/time/wall-clock";

/** True for an ISO day (aaaa-mm-jj) that exists: 2026-02-30 does not (Date.parse would roll it over). */
export function isRealIsoDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value;
}
