/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), the way the tables and the `Date` scalar carry
 * them, and "today" as it is in Belgium, where the decisions and deadlines of the domain fall.
 */
export const TIME_ZONE = 'Europe/Brussels';

/** Built once: constructing an Intl formatter costs far more than formatting with it. */
const BELGIAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** Today's calendar date in Belgium, as an ISO date. */
export function todayInBelgium(now: Date = new Date()): string {
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
