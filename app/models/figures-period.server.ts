// The period of a figures page (club, département, country) and of its export, from the URL's
// `annee`, `periode`, `du` and `au`: the period itself, the same months a year earlier and the
// 24 months of the trend, with their French labels.

import type { Period } from "~/models/figures.server";
import { QUARTERS, readPeriodRequest } from "~/utils/figure-period-request";
import { formatDay } from "~/utils/format";
import { DAY_MS, calendarDate } from "~/utils/time/wall-clock";
import { PARIS, type TimeZone } from "~/utils/time/zones";

/** "mois": a range of months given by `du` and `au` ("2025-01" to "2025-06", both included). */
export type FigurePeriodKey = "annee" | (typeof QUARTERS)[number] | "mois";

export type FigurePeriod = {
  year: number;
  periode: FigurePeriodKey;
  /** The first and last months of the period ("2025-01"), as the `du` and `au` filters say. */
  fromMonth: string;
  toMonth: string;
  current: Period;
  previous: Period;
  /** The 24 months of the trend, ending with the period's last month. */
  trend: Period;
  label: string;
  previousLabel: string;
  /** True when the period is not over: it is cut at `now`, and so is last year's. */
  partial: boolean;
  /** What the URL asked for that could not be applied as given, in French. */
  notices: string[];
};

function shiftYears(date: Date, years: number) {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/**
 * A calendar year or one of its quarters (UTC, like every figure), from `annee` and `periode`;
 * or a range of whole months from `du` to `au` ("YYYY-MM", at most 10 years). What could not be
 * applied as asked is said in `notices` (figure-period-request.ts). "This year" and "today" are
 * those of the scope's zone: its club's, its département's, Paris for the country (decision 021).
 */
export function parseFigurePeriod(
  url: URL,
  now = new Date(),
  zone: TimeZone = PARIS,
): FigurePeriod {
  const today = calendarDate(now, zone);
  const request = readPeriodRequest(url.searchParams, today);
  const monthRange = request.range;
  const year = request.year;
  const periode: FigurePeriodKey = monthRange ? "mois" : (request.quarter ?? "annee");
  const quarter = request.quarter === null ? null : QUARTERS.indexOf(request.quarter);
  const from = monthRange
    ? monthRange.du
    : new Date(Date.UTC(year, quarter === null ? 0 : quarter * 3, 1));
  const end = monthRange
    ? new Date(Date.UTC(monthRange.au.getUTCFullYear(), monthRange.au.getUTCMonth() + 1, 1))
    : new Date(Date.UTC(year, quarter === null ? 12 : quarter * 3 + 3, 1));
  // A period under way stops at the end of today; last year's comparison stops on the same day.
  const endOfToday = new Date(today.getTime() + DAY_MS);
  const partial = end > endOfToday && from < endOfToday;
  const to = partial ? endOfToday : end;
  const lastInstant = new Date(to.getTime() - 1);
  const trendTo = new Date(
    Date.UTC(lastInstant.getUTCFullYear(), lastInstant.getUTCMonth() + 1, 1),
  );
  const trendFrom = new Date(Date.UTC(trendTo.getUTCFullYear(), trendTo.getUTCMonth() - 24, 1));
  const name = monthRange
    ? "la période"
    : quarter === null
      ? `l'année ${year}`
      : `le ${quarter + 1}e trimestre ${year}`;
  const describe = (p: Period) =>
    `du ${formatDay(p.from)} au ${formatDay(new Date(p.to.getTime() - DAY_MS))}`;
  const previous = { from: shiftYears(from, -1), to: shiftYears(to, -1) };
  return {
    year,
    periode,
    fromMonth: from.toISOString().slice(0, 7),
    toMonth: new Date(end.getTime() - 1).toISOString().slice(0, 7),
    current: { from, to },
    previous,
    trend: { from: trendFrom, to: trendTo },
    label: `${name[0].toUpperCase()}${name.slice(1)} (${describe({ from, to })})`,
    previousLabel: describe(previous),
    partial,
    notices: request.notices,
  };
}
