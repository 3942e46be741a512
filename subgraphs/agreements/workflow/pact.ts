import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { activationFloor, maximumAmounts, PACT_SETTLEMENT, settle } from '../pact-settlement';
import type { ActivationPactParticipationRow as Participation } from '../tables';
import { PactStatus } from '../types/enums';

type Status = EnumValue<typeof PactStatus>;

/**
 * B.2.4: call → confirmation → plan aligned with VDAB → one-year result period → report to the
 * council → the department settles → paid. A local government may decline until its result
 * period starts; its share then goes to the others.
 */
export const PACT_LIFECYCLE = new Lifecycle<Status>('ActivationPactParticipation', {
  INVITED: ['CONFIRMED', 'DECLINED'],
  CONFIRMED: ['PLAN_ALIGNED', 'DECLINED'],
  PLAN_ALIGNED: ['RESULT_PERIOD', 'DECLINED'],
  RESULT_PERIOD: ['REPORTED'],
  REPORTED: ['SETTLED'],
  SETTLED: ['PAID'],
  PAID: [],
  DECLINED: [],
});

/** The pact years of the documents (002 Spoor 4): calls in June 2023 and June 2024. */
export const PACT_YEARS = [2023, 2024] as const;

const count = (what: string) =>
  z.number().int(`must be a whole number of ${what}`).min(0, 'must not be negative');

export const invitePactRule = z.object({
  municipalityNisCode: z.string().regex(/^\d{5}$/, 'must be a NIS code of five digits'),
  year: z
    .number()
    .int()
    .refine((year) => (PACT_YEARS as readonly number[]).includes(year), {
      message: `must be a pact year: ${PACT_YEARS.join(' or ')}`,
    }),
  rmiCount: count('RMI beneficiaries'),
  ukrCount: count('displaced persons'),
  leefloonBase: count('leefloon recipients'),
  idempotencyKey: idempotencyKeyRule,
});

export const movePactRule = z
  .object({
    participationId: idRule,
    status: z.enum(PactStatus.values),
    inSoActionPlan: z.boolean().nullish(),
    activatedRegistered: count('activations').nullish(),
    councilReportAt: calendarDateRule().nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((move, context) => {
    const require = (field: 'inSoActionPlan' | 'activatedRegistered' | 'councilReportAt') => {
      if (move[field] === null || move[field] === undefined) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is required to move to ${move.status}`,
        });
      }
    };
    if (move.status === 'PLAN_ALIGNED') require('inSoActionPlan');
    if (move.status === 'REPORTED') {
      require('activatedRegistered');
      require('councilReportAt');
    }
  });

/** A move of a participation, with the facts its step records. */
export interface PactMove {
  status: Status;
  inSoActionPlan?: boolean | null;
  activatedRegistered?: number | null;
  councilReportAt?: string | null;
}

/**
 * A local government called to the pact of a year, as `invitePactParticipation` writes it and
 * the seeds generate it: its floor is fixed now, its drawing right once the call is shared.
 */
export function invitedParticipation(
  fields: Pick<
    Participation,
    'id' | 'municipalityNisCode' | 'year' | 'rmiCount' | 'ukrCount' | 'leefloonBase'
  >,
): Participation {
  return {
    ...fields,
    status: 'INVITED',
    confirmedAt: null,
    planAlignedWithVdab: false,
    inSoActionPlan: false,
    baselineRate: PACT_SETTLEMENT.baselineRate,
    activatedRegistered: null,
    maxAmountCents: null,
    floor: activationFloor(fields.leefloonBase),
    eligible: null,
    payoutCents: null,
    councilReportAt: null,
  };
}

/**
 * The participation after one move of its lifecycle, on day `on`; refuses an illegal move
 * (INVALID_TRANSITION). Settling computes the payout by B.5.
 */
export function movedParticipation(
  participation: Participation,
  move: PactMove,
  on: string,
): Participation {
  PACT_LIFECYCLE.assertMove(participation.id, participation.status, move.status);
  const moved = { ...participation, status: move.status };
  switch (move.status) {
    case 'CONFIRMED':
      return { ...moved, confirmedAt: on };
    case 'PLAN_ALIGNED':
      return { ...moved, planAlignedWithVdab: true, inSoActionPlan: move.inSoActionPlan! };
    case 'REPORTED':
      return {
        ...moved,
        activatedRegistered: move.activatedRegistered!,
        councilReportAt: move.councilReportAt!,
      };
    case 'DECLINED':
      return { ...moved, maxAmountCents: null };
    case 'SETTLED':
      return {
        ...moved,
        ...settle({
          floor: participation.floor,
          maxAmountCents: participation.maxAmountCents ?? 0,
          activatedRegistered: participation.activatedRegistered ?? 0,
        }),
      };
    default:
      return moved;
  }
}

/** Whose drawing right is still open to change: not declined, and not yet settled. */
export const OPEN_TO_SHARING: readonly Status[] = [
  'INVITED',
  'CONFIRMED',
  'PLAN_ALIGNED',
  'RESULT_PERIOD',
  'REPORTED',
];

/**
 * The drawing rights of a year shared anew over its participants, in proportion to RMI + UKR:
 * the open participations get their new maximum; settled rights stay as they were. Returns
 * the participations whose maximum changed.
 */
export function sharedDrawingRights(year: readonly Participation[]): Participation[] {
  const open = year.filter((p) => OPEN_TO_SHARING.includes(p.status));
  const settled = year.filter((p) => p.status === 'SETTLED' || p.status === 'PAID');
  const maxima = maximumAmounts([...open, ...settled]);
  return open.flatMap((p, i) =>
    p.maxAmountCents === maxima[i] ? [] : [{ ...p, maxAmountCents: maxima[i] }],
  );
}
