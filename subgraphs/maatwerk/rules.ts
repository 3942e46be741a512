import type { EnumValue } from '../../common/enums';
import type { BelgianRegion, ColleagueCoachDuty, GuideDuty, ReferralStatus } from './types/enums';

/**
 * Sustainable employment (DOMAIN A.6): a placement still running this many months after its
 * start. The documents leave N open, so it is one constant.
 */
export const SUSTAINED_AFTER_MONTHS = 6;

/** Statuses of a failed match: each needs failure feedback (DOMAIN B.2.3, 000 BA10). */
export const FAILED_REFERRAL_STATUSES = [
  'REJECTED_BY_EMPLOYER',
  'DECLINED_BY_CANDIDATE',
  'WITHDRAWN',
] as const satisfies readonly EnumValue<typeof ReferralStatus>[];

/** The guide's duties as the IM decree lists them (DOMAIN B.3), in `GuideDuty` order. */
export const GUIDE_DUTY_DESCRIPTIONS: Record<EnumValue<typeof GuideDuty>, string> = {
  PRACTICAL_GUIDANCE: 'Practical guidance based on the support plan',
  ON_THE_JOB_COACHING: 'On-the-job coaching',
  WORKPLACE_ADJUSTMENTS: 'Proposing preventive and remedial adjustments',
  ADAPTED_ONBOARDING: 'Adapted onboarding and integration',
  COMMUNICATION: 'Better communication with the worker',
  ADVICE_BEYOND_WORK: 'Advice and referral for problems beyond work',
  FOLLOW_UP: 'Continuous follow-up and passing information to the employer or colleague-coach',
  INFORMATION_FOR_VDAB: 'Supplying VDAB with information for evaluation',
};

/** The colleague-coach's duties (DOMAIN B.3), in `ColleagueCoachDuty` order. */
export const COLLEAGUE_COACH_DUTY_DESCRIPTIONS: Record<
  EnumValue<typeof ColleagueCoachDuty>,
  string
> = {
  WORKFLOOR_INTEGRATION: 'Integration on the work floor',
  DAILY_COACHING: 'Daily coaching',
  FIRST_POINT_OF_CONTACT: 'First point of contact when difficulties arise',
  SIGNALLING: 'Signalling problems and opportunities to the employer and the guide',
};

/** Adds calendar months to an ISO date; a day past the month's end falls on its last day. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Whether a placement is sustained: true once it has run N months, false if it ended earlier,
 * null while it runs and N months have not passed yet.
 */
export function isSustained(
  placement: { startDate: string; endDate: string | null },
  today: string,
): boolean | null {
  const threshold = addMonths(placement.startDate, SUSTAINED_AFTER_MONTHS);
  const runsUntil =
    placement.endDate !== null && placement.endDate <= today ? placement.endDate : null;
  if (runsUntil !== null) return runsUntil >= threshold;
  return today >= threshold ? true : null;
}

/** Filled over allotted full-time equivalents, two decimals; may exceed 1 (DOMAIN B.5). */
export function occupancy(contingent: { vteAllotted: number; vteFilled: number }): number | null {
  if (contingent.vteAllotted <= 0) return null;
  return Math.round((contingent.vteFilled / contingent.vteAllotted) * 100) / 100;
}

/**
 * The region of a municipality from its NIS code: 21 is the Brussels-Capital Region; 25 (Walloon
 * Brabant) and 5x, 6x, 8x, 9x are Walloon; the Flemish provinces are 1x, 23, 24, 3x, 4x and 7x.
 */
export function regionOfNisCode(nisCode: string): EnumValue<typeof BelgianRegion> {
  const prefix = nisCode.slice(0, 2);
  if (prefix === '21') return 'BRUSSEL';
  if (prefix === '25' || ['5', '6', '8', '9'].includes(prefix[0])) return 'WALLONIE';
  return 'VLAANDEREN';
}
