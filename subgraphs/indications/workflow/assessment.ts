import { z } from 'zod';

import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import type { IcfAssessmentRow, IndicationRequestRow } from '../tables';
import { AmaReason, IcfInput } from '../types/enums';
import { MILESTONES } from './request';

export const milestoneRule = z.object({
  requestId: idRule,
  milestone: z.enum(Object.keys(MILESTONES) as [keyof typeof MILESTONES]),
  idempotencyKey: idempotencyKeyRule,
});

const findings = (what: string) =>
  z
    .array(z.string().trim().min(1, 'must not hold empty entries').max(500))
    .min(1, `must name at least one ${what}`)
    .max(20);

/** The ICF assessment along the three dimensions of the IM target-group definition (003). */
export const icfAssessmentRule = z.object({
  requestId: idRule,
  consultantId: idRule,
  inputs: z.array(z.enum(IcfInput.values)).min(1, 'must name what the assessment draws on'),
  impairments: findings('impairment or psychosocial factor'),
  activityLimitations: findings('activity limitation'),
  personalAndExternalFactors: findings('personal or external factor'),
  amaReasons: z.array(z.enum(AmaReason.values)).default([]),
  icfScore: z.number().int('must be a whole number').min(0).max(100, 'must be 0 to 100'),
  conclusion: z.string().trim().min(10, 'must state the conclusion').max(2000),
  workRelevantSupportNeeds: z
    .string()
    .trim()
    .min(10, 'must summarise the support needed at work')
    .max(2000),
  idempotencyKey: idempotencyKeyRule,
});

/** Why the reasons for work-like activities fit: asked for AMA advices only (B.2.2). */
export function amaReasonsProblem(
  requestedType: IndicationRequestRow['requestedType'],
  amaReasons: readonly string[],
): string | undefined {
  const ama = requestedType === 'AMA_SE' || requestedType === 'AMA_WELZIJN';
  if (ama && amaReasons.length === 0) return `are required for a ${requestedType} request`;
  if (!ama && amaReasons.length > 0) return `are only given for AMA requests, not ${requestedType}`;
  return undefined;
}

/** The assessment record of a request, one per request, numbered after it. */
export function icfAssessmentOf(
  request: Pick<IndicationRequestRow, 'id' | 'personId'>,
  fields: Omit<IcfAssessmentRow, 'id' | 'requestId' | 'personId' | 'assessedAt'>,
  at: Date,
): IcfAssessmentRow {
  return {
    ...fields,
    id: request.id.replace(/^IR-/, 'ICF-'),
    requestId: request.id,
    personId: request.personId,
    assessedAt: at,
  };
}
