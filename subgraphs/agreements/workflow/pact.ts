import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
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
