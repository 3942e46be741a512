import { and, gte, isNull, lte, ne, or, type SQL } from 'drizzle-orm';

import { collaborationAgreements as agreements } from './tables';
import { AgreementStatus } from './types/enums';

/**
 * Agreements in force on a day: signed (no longer a draft), and the day within their period. The
 * status says where an agreement stands today, not where it stood then, so an agreement since
 * renewed or expired still counts for the days of its period.
 */
export function inForceOn(day: string): SQL {
  return and(
    ne(agreements.status, AgreementStatus.DRAFT),
    lte(agreements.periodStart, day),
    or(isNull(agreements.periodEnd), gte(agreements.periodEnd, day)),
  )!;
}
