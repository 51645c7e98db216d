/** The years offered in year selectors: the programme started in 2018; next year is for planning. */
export function yearChoices(now = new Date()) {
  const current = now.getUTCFullYear();
  const years: number[] = [];
  for (let y = current + 1; y >= Math.max(2018, current - 5); y--) years.push(y);
  return years;
}

/** A year from a query string, or the current year when absent or out of range. */
export function parseYear(value: string | null, now = new Date()) {
  const year = Number(value);
  return yearChoices(now).includes(year) ? year : now.getUTCFullYear();
}
