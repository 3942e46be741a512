import { config } from './config';
import { todayInBelgium } from './dates';

/**
 * The product's one clock: today's calendar date in Belgium, or `TODAY` when it is pinned (tests,
 * a demo of another day). Rules and SQL take "today" from here, never from `current_date` or
 * `new Date()`, so a pinned day holds everywhere at once.
 */
export function today(): string {
  return config.TODAY ?? currentDay();
}

let known: { minute: number; day: string } | undefined;

/** Today in Belgium, worked out once a minute: a formatter call on every request adds up. */
function currentDay(): string {
  const minute = Math.floor(Date.now() / 60_000);
  if (known?.minute !== minute) known = { minute, day: todayInBelgium(new Date()) };
  return known.day;
}

/**
 * This instant on the product's day: the time of day is the real one (so records of one day
 * keep their order), the date today's. Unpinned it is simply now. A rule stamps its records
 * with it, so a pinned day dates what it writes too.
 */
export function now(): Date {
  const instant = new Date();
  if (!config.TODAY) return instant;
  return new Date(`${config.TODAY}T${instant.toISOString().slice(11)}`);
}
