// Long lists shown a page at a time (a big club has more than a thousand companies): the page
// asked for in the URL, and that page of an already sorted list. Client-safe.

/** Rows per page of the long tables (club home, prefecture drill-down). */
export const ROWS_PER_PAGE = 50;

/** `page` from the URL: 1 unless a positive whole number. */
export function readPage(params: URLSearchParams) {
  return Math.max(1, Math.min(10_000, Math.trunc(Number(params.get("page"))) || 1));
}

/** The page of the rows asked for (the last one when asked past it), and how many pages. */
export function pageOf<T>(rows: T[], page: number, size = ROWS_PER_PAGE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const shown = Math.min(page, pages);
  return { rows: rows.slice((shown - 1) * size, shown * size), page: shown, pages };
}
