import { config } from './config';
import { todayInBelgium } from './dates';

/**
 * The product's one clock for calendar rules (retention, and whatever else depends on the day):
 * TODAY when it is set, otherwise today's date in Belgium. Rules take the day from here, or as a
 * parameter from a caller that did, never from the database's `current_date` or `now()`.
 */
export function today(): string {
  return config.TODAY ?? todayInBelgium();
}
