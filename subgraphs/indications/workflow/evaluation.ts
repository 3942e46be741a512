import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { badUserInput } from '../../../common/errors';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { addDays } from '../../../common/dates';
import { adviceStatusOn, MAX_VALIDITY_YEARS, validityEnd } from '../rules';
import type { AdviceInsert, AdviceRow, EvaluationRow } from '../tables';
import { AdviceStatus, AdviceType, EvaluationOutcome, EvaluationTrigger } from '../types/enums';
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
    intensity: z
      .number()
      .int('must be whole hours')
      .min(0, 'must not be negative')
      .max(80, 'must be at most 80 hours a month')
      .nullish(),
    convertTo: z.enum(AdviceType.values).nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((evaluation, context) => {
    const onlyWith = (field: 'intensity' | 'convertTo', outcome: Outcome, why: string) => {
      const given = evaluation[field] !== null && evaluation[field] !== undefined;
      if (evaluation.outcome === outcome && !given) {
        context.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
      }
      if (evaluation.outcome !== outcome && given) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is only given for ${outcome}, not for ${evaluation.outcome}`,
        });
      }
    };
    onlyWith('intensity', 'INTENSITEIT_HERZIEN', 'when the evaluation revises the intensity');
    onlyWith('convertTo', 'OMGEZET_NAAR_ANDER_ADVIES', 'when the advice is converted');
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

export interface EvaluationDecision {
  trigger: EnumValue<typeof EvaluationTrigger>;
  outcome: Outcome;
  placementId?: string | null;
  extensionYears?: number | null;
  intensity?: number | null;
  convertTo?: EnumValue<typeof AdviceType> | null;
  expert: string;
}

export interface Evaluated {
  evaluation: EvaluationRow;
  /** The evaluated advice, and its derived IMW where that follows an extension. */
  advices: AdviceRow[];
  /** The advice an evaluation converts to (OMGEZET_NAAR_ANDER_ADVIES). */
  converted: AdviceInsert | null;
  /** The support intensity a revision sets on the advice's work support package. */
  intensity: number | null;
}

/**
 * An evaluation on day `on`, as `evaluateAdvice` writes it and the seeds generate it (B.2.2):
 * VERLENGD extends the validity after its current end (the derived IMW of a CMW follows),
 * INTENSITEIT_HERZIEN sets a new support intensity, BEEINDIGD ends the advice, and
 * OMGEZET_NAAR_ANDER_ADVIES supersedes it by a new advice of another type, based on the
 * werkvloerevaluatie. Refuses an advice that is not ACTIVE on that day (INVALID_TRANSITION).
 */
export function evaluatedAdvice(
  advice: AdviceRow,
  derivedImw: AdviceRow | null,
  decision: EvaluationDecision,
  on: string,
  ids: { evaluation: string; converted: string | null },
): Evaluated {
  const next = STATUS_AFTER[decision.outcome];
  ADVICE_LIFECYCLE.assertMove(advice.id, adviceStatusOn(advice, on) ?? 'REFUSED', next);
  if (decision.outcome === 'OMGEZET_NAAR_ANDER_ADVIES' && decision.convertTo === advice.type) {
    throw badUserInput(
      'input.convertTo',
      `must be another type than the advice's own (${advice.type})`,
    );
  }
  const evaluation: EvaluationRow = {
    id: ids.evaluation,
    adviceId: advice.id,
    personId: advice.personId,
    trigger: decision.trigger,
    placementId: decision.placementId ?? null,
    expert: decision.expert,
    evaluatedAt: on,
    outcome: decision.outcome,
  };
  const extend = (target: AdviceRow): AdviceRow => {
    const newValidUntil = validityEnd(addDays(target.validUntil!, 1), decision.extensionYears!);
    return {
      ...target,
      // A UKW advice extended after its evaluation is a regular CMW from then on.
      temporary: false,
      validUntil: newValidUntil,
      extensions: [
        ...target.extensions,
        {
          extendedAt: on,
          previousValidUntil: target.validUntil!,
          newValidUntil,
          evaluationId: ids.evaluation,
        },
      ],
    };
  };
  const ended = next === 'ACTIVE' ? {} : { status: next, endedAt: on };
  const evaluated = decision.outcome === 'VERLENGD' ? extend(advice) : { ...advice, ...ended };
  return {
    evaluation,
    advices: [
      evaluated,
      ...(derivedImw && decision.outcome === 'VERLENGD' ? [extend(derivedImw)] : []),
    ],
    converted:
      decision.outcome === 'OMGEZET_NAAR_ANDER_ADVIES'
        ? {
            id: ids.converted!,
            personId: advice.personId,
            requestId: advice.requestId,
            type: decision.convertTo!,
            basis: 'WERKVLOEREVALUATIE',
            temporary: false,
            derivedFromId: null,
            decision: 'TOEGEKEND',
            decidedAt: new Date(`${on}T12:00:00Z`),
            validFrom: on,
            validUntil: validityEnd(on, MAX_VALIDITY_YEARS),
            extensions: [],
            status: 'ACTIVE',
            endedAt: null,
            hiredAt: null,
          }
        : null,
    intensity: decision.outcome === 'INTENSITEIT_HERZIEN' ? decision.intensity! : null,
  };
}
