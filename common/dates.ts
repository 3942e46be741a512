/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), the way the tables and the `Date` scalar carry
 * them, and "today" as it is in Belgium, where the decisions and deadlines of the domain fall.
 */
export const TIME_ZONE = 'Europe/Brussels';

/** Built once: constructing an Intl formatter costs far more than formatting with it. */
const BELGIAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/**
 * The calendar date in Belgium of an instant, as an ISO date. Today is the clock's
 * (common/clock.ts): only it hands this function the real time.
 */
export function todayInBelgium(now: Date): string {
  return BELGIAN_DATE.format(now);
}

/** The UTC calendar date of an instant; a `Date` scalar value is midnight UTC of its day. */
export const isoDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Adds days to an ISO date, returning an ISO date. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return isoDate(next);
}

/** The first day of the month of an ISO date. */
export const firstOfMonth = (date: string): string => `${date.slice(0, 7)}-01`;

/** Adds months to the first day of a month, returning the first day of that month. */
export function addMonths(firstDay: string, months: number): string {
  const next = new Date(`${firstDay}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + months);
  return isoDate(next);
}

/** Adds years to an ISO date; 29 February becomes the 28th in a year without one. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(year, month - 1, Math.min(day, lastDay))));
}
