// How a figures page reads its period from the URL — `annee` + `periode` (the year, or one of its
// quarters), or `du`/`au` (a range of months) — and says, in French, what it could not apply as
// asked and what it shows instead: a wrong filter never silently becomes the whole year.
// Client-safe and pure (`now` given).
import { yearChoices } from "./years";
import { formatMonth } from "./format";

export const QUARTERS = ["T1", "T2", "T3", "T4"] as const;
export type Quarter = (typeof QUARTERS)[number];

/** The `periode` choices of a figures page: the whole year or one of its quarters. */
export const YEAR_PERIOD_CHOICES = [
  { value: "annee", label: "Toute l'année" },
  { value: "T1", label: "1er trimestre (janvier à mars)" },
  { value: "T2", label: "2e trimestre (avril à juin)" },
  { value: "T3", label: "3e trimestre (juillet à septembre)" },
  { value: "T4", label: "4e trimestre (octobre à décembre)" },
] as const satisfies ReadonlyArray<{ value: "annee" | Quarter; label: string }>;

/** The first month anything can be declared for (FIRST_DECLARABLE_DATE). */
const FIRST_MONTH = { year: 2018, month: 0 };
/** The longest month range, in calendar years between its first and last months. */
const MAX_RANGE_YEARS = 10;

export type PeriodRequest = {
  /** A range of whole months (first instants, UTC, both included), or null for a year/quarter. */
  range: { du: Date; au: Date } | null;
  year: number;
  quarter: Quarter | null;
  /** What was ignored or corrected, in French, for the page and the exports. */
  notices: string[];
};

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthOf = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/** A value as the visitor gave it, quoted and cut short. */
export function quotedValue(raw: string) {
  return `« ${raw.length > 30 ? `${raw.slice(0, 29)}…` : raw} »`;
}

/** "2025-03" → the first instant of that month (UTC), or null. */
function parseMonth(value: string): Date | null {
  const m = MONTH_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return monthOf(year, Number(m[2]) - 1);
}

/** The month range asked for, corrected where it can be; else why it cannot be used. */
function readMonthRange(rawDu: string, rawAu: string, now: Date, notices: string[]) {
  const problems: string[] = [];
  const read = (raw: string, what: string) => {
    if (raw === "") problems.push(`le mois ${what} manque`);
    const month = raw === "" ? null : parseMonth(raw);
    if (raw !== "" && !month) problems.push(`${quotedValue(raw)} n'est pas un mois (AAAA-MM)`);
    return month;
  };
  let du = read(rawDu, "de début (du)");
  let au = read(rawAu, "de fin (au)");
  if (!du || !au)
    return {
      range: null,
      problem: `la période de mois à mois n'a pas pu être lue : ${problems.join(" ; ")}`,
    };
  if (du > au) {
    notices.push(
      `Le mois de début (${formatMonth(du)}) venait après le mois de fin (${formatMonth(au)}) : les deux ont été inversés.`,
    );
    [du, au] = [au, du];
  }
  const asked = `de ${formatMonth(du)} à ${formatMonth(au)}`;
  const first = monthOf(FIRST_MONTH.year, FIRST_MONTH.month);
  const lastYear = Math.max(...yearChoices(now));
  const last = monthOf(lastYear, 11);
  if (au < first || du > last) {
    return {
      range: null,
      problem: `la période ${asked} est en dehors des années proposées (${FIRST_MONTH.year} à ${lastYear})`,
    };
  }
  if (du < first) {
    du = first;
    notices.push(
      `Les déclarations commencent en ${formatMonth(first)} : la période commence donc en ${formatMonth(first)}.`,
    );
  }
  if (au > last) {
    au = last;
    notices.push(
      `Les années proposées s'arrêtent en ${lastYear} : la période s'arrête donc en ${formatMonth(last)}.`,
    );
  }
  if (au.getUTCFullYear() - du.getUTCFullYear() > MAX_RANGE_YEARS) {
    du = monthOf(au.getUTCFullYear() - MAX_RANGE_YEARS, 0);
    notices.push(
      `Une période couvre ${MAX_RANGE_YEARS} ans au plus : elle commence donc en ${formatMonth(du)}.`,
    );
  }
  return { range: { du, au }, problem: null };
}

/** The year asked for, or the current one when it is not offered (said in `notices`). */
function readYear(raw: string, now: Date, notices: string[]) {
  const current = now.getUTCFullYear();
  if (raw === "") return current;
  const years = yearChoices(now);
  if (/^\d{4}$/.test(raw) && years.includes(Number(raw))) return Number(raw);
  notices.push(
    `L'année ${quotedValue(raw)} n'est pas proposée (${Math.min(...years)} à ${Math.max(...years)}) : l'année ${current} est affichée à la place.`,
  );
  return current;
}

/**
 * The period a figures URL asks for. `du`/`au` are read when `periode` is `mois`, or absent with
 * months given; otherwise `annee` and `periode`. Empty values (a form's untouched fields) are no
 * request and give no notice.
 */
export function readPeriodRequest(params: URLSearchParams, now = new Date()): PeriodRequest {
  const get = (key: string) => (params.get(key) ?? "").trim();
  const [rawPeriode, rawDu, rawAu] = [get("periode"), get("du"), get("au")];
  const notices: string[] = [];
  const isQuarter = (QUARTERS as readonly string[]).includes(rawPeriode);
  const known = ["", "annee", "mois"].includes(rawPeriode) || isQuarter;
  if (!known) {
    notices.push(
      `La période ${quotedValue(rawPeriode)} n'existe pas (année, T1 à T4 ou de mois à mois) : toute l'année est affichée.`,
    );
  }
  const wantsMonths =
    rawPeriode === "mois" || (rawPeriode === "" && (rawDu !== "" || rawAu !== ""));
  if (!wantsMonths && (rawDu !== "" || rawAu !== "")) {
    notices.push(
      "Les mois « du » et « au » ne valent que pour la période « de mois à mois » : ils sont ignorés.",
    );
  }
  const months = wantsMonths ? readMonthRange(rawDu, rawAu, now, notices) : null;
  if (months?.range) {
    return { range: months.range, year: months.range.du.getUTCFullYear(), quarter: null, notices };
  }
  const year = readYear(get("annee"), now, notices);
  if (months?.problem) {
    const problem = months.problem[0].toUpperCase() + months.problem.slice(1);
    notices.push(`${problem} : l'année ${year} est affichée à la place.`);
  }
  return { range: null, year, quarter: isQuarter ? (rawPeriode as Quarter) : null, notices };
}
