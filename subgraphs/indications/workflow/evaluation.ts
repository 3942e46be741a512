import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { AdviceStatus, EvaluationOutcome, EvaluationTrigger } from '../types/enums';
import { validityYearsRule } from './request';

/** The advice's status as read today, or REFUSED for an advice that never took effect. */
type Status = EnumValue<typeof AdviceStatus> | 'REFUSED';
type Outcome = EnumValue<typeof EvaluationOutcome>;

/** B.2.2: while ACTIVE an evaluation extends, revises or ends an advice; past its validity it is EXPIRED. */
export const ADVICE_LIFECYCLE = new Lifecycle<Status>('Advice', {
  ACTIVE: ['ACTIVE', 'ENDED', 'SUPERSEDED'],
  EXPIRED: [],
  ENDED: [],
  SUPERSEDED: [],
  REFUSED: [],
});

/** What each evaluation outcome makes of the advice. */
export const STATUS_AFTER: Record<Outcome, EnumValue<typeof AdviceStatus>> = {
  VERLENGD: 'ACTIVE',
  INTENSITEIT_HERZIEN: 'ACTIVE',
  BEEINDIGD: 'ENDED',
  OMGEZET_NAAR_ANDER_ADVIES: 'SUPERSEDED',
};

export const evaluateAdviceRule = z
  .object({
    adviceId: idRule,
    trigger: z.enum(EvaluationTrigger.values),
    outcome: z.enum(EvaluationOutcome.values),
    placementId: z.string().trim().min(1).nullish(),
    extensionYears: validityYearsRule.nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((evaluation, context) => {
    const extends_ = evaluation.outcome === 'VERLENGD';
    if (extends_ && !evaluation.extensionYears) {
      context.addIssue({
        code: 'custom',
        path: ['extensionYears'],
        message: 'is required when the evaluation extends the advice (VERLENGD)',
      });
    }
    if (!extends_ && evaluation.extensionYears) {
      context.addIssue({
        code: 'custom',
        path: ['extensionYears'],
        message: `is only given when the advice is extended, not for ${evaluation.outcome}`,
      });
    }
  });
