// Dates of the demo, relative to its "now" (local time, as the demo has always been drawn).

import type { Random } from "../factories";

export const DAY = 24 * 3600 * 1000;

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setMonth(d.getMonth() + months);
  return d;
}

export function at(date: Date, hours: number, minutes = 0): Date {
  const d = new Date(date);
  d.setHours(hours, minutes, 0, 0);
  return d;
}

export function between(random: Random, from: Date, to: Date): Date {
  const t = from.getTime() + random.next() * Math.max(0, to.getTime() - from.getTime());
  return at(new Date(t), 12);
}

export function minDate(a: Date, b: Date) {
  return a < b ? a : b;
}
export function maxDate(a: Date, b: Date) {
  return a > b ? a : b;
}
