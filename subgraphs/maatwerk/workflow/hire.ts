import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import type { PlacementType, VacancyMeasure } from '../types/enums';

type Measure = EnumValue<typeof VacancyMeasure>;
type Type = EnumValue<typeof PlacementType>;

/**
 * What a hire on a vacancy becomes, and the advice it needs (DOMAIN B.2.3, B.3): a CM place
 * needs a CMW advice, an IM place an IMW advice, an AMA SE place an AMA SE advice; a BVS is an
 * internship open to anyone referred. LDE places are not maatwerk placements.
 */
export const HIRE_BY_MEASURE: Partial<Record<Measure, { type: Type; advice: string | null }>> = {
  CMW: { type: 'CMW', advice: 'CMW' },
  IMW: { type: 'IMW', advice: 'IMW' },
  AMA_SE_PLAATS: { type: 'AMA_SE', advice: 'AMA_SE' },
  BVS_PLAATS: { type: 'BVS', advice: null },
};

export const hireRule = z.object({
  referralId: idRule,
  adviceId: idRule.nullish(),
  startDate: calendarDateRule(),
  fte: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1 (full time)'),
  idempotencyKey: idempotencyKeyRule,
});

export interface AdviceFacts {
  id: string;
  type: string | null;
  status: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * Why an advice does not carry a hire starting on `startDate`, or undefined when it does. An
 * employer sees a ticket as "valid until <date>" only (B.4 note 13), and only one valid
 * `today`: without its first day, a start before today cannot be checked against it.
 */
export function adviceProblem(
  advice: AdviceFacts | undefined,
  required: string,
  startDate: string,
  today: string,
): string | undefined {
  if (!advice) return 'is not an advice of this person that you may see';
  if (advice.type !== required) return `is a ${advice.type} advice; this place needs ${required}`;
  if (advice.status !== 'ACTIVE') return `is ${advice.status ?? 'not granted'}, not ACTIVE`;
  if (advice.validFrom ? advice.validFrom > startDate : startDate < today) {
    return advice.validFrom
      ? `is not yet valid on ${startDate} (valid from ${advice.validFrom})`
      : `is valid today; a hire cannot start before today (${today}) on it`;
  }
  if (advice.validUntil && advice.validUntil < startDate) {
    return `expired on ${advice.validUntil}, before the start on ${startDate}`;
  }
  return undefined;
}
