import { config } from './config';
import { todayInBelgium } from './dates';

/**
 * The product's one clock: today's calendar date in Belgium, or `TODAY` when it is pinned (tests,
 * a demo of another day). Rules and SQL take "today" from here, never from `current_date` or
 * `new Date()`, so a pinned day holds everywhere at once.
 */
export function today(): string {
  return config.TODAY ?? todayInBelgium();
}
