import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { SUPPORT_PREMIUM_MONTHLY_CENTS } from '../rules';
import type { PremiumIncreaseRequestRow, WorkSupportPackageRow } from '../tables';
import { PremiumIncreaseStatus, SupportPremiumLevel } from '../types/enums';

type Level = EnumValue<typeof SupportPremiumLevel>;
type Status = EnumValue<typeof PremiumIncreaseStatus>;

/** The levels from the lowest support premium to the highest (A < B < C < L, rules.ts amounts). */
export const LEVELS: readonly Level[] = SupportPremiumLevel.values;

export const isAbove = (level: Level, than: Level) => LEVELS.indexOf(level) > LEVELS.indexOf(than);

/** An increase request waits for VDAB, which accepts or refuses it once (A.4 state machines). */
export const INCREASE_LIFECYCLE = new Lifecycle<Status>('PremiumIncreaseRequest', {
  PENDING: ['ACCEPTED', 'REFUSED'],
  ACCEPTED: [],
  REFUSED: [],
});

const levelRule = z.enum(LEVELS as [Level, ...Level[]]);

export const requestIncreaseRule = z.object({
  adviceId: idRule,
  motivation: z
    .string()
    .trim()
    .min(
      20,
      'must say what support the worker needs beyond the current level (at least 20 characters)',
    )
    .max(2000, 'must be at most 2000 characters'),
  requestedLevel: levelRule.nullish(),
  idempotencyKey: idempotencyKeyRule,
});

export const decideIncreaseRule = z
  .object({
    requestId: idRule,
    decision: z
      .enum(PremiumIncreaseStatus.values)
      .refine(
        (status) => status !== 'PENDING',
        'must be ACCEPTED (with newLevel) or REFUSED (with refusalReason)',
      ),
    newLevel: levelRule.nullish(),
    refusalReason: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((decision, context) => {
    if (decision.decision === 'ACCEPTED' && !decision.newLevel) {
      context.addIssue({
        code: 'custom',
        path: ['newLevel'],
        message: 'is required to accept: the level the package carries from now on',
      });
    }
    if (decision.decision !== 'ACCEPTED' && decision.newLevel) {
      context.addIssue({
        code: 'custom',
        path: ['newLevel'],
        message: 'is only given when the request is accepted',
      });
    }
    if (decision.decision === 'REFUSED' && (decision.refusalReason ?? '').length < 10) {
      context.addIssue({
        code: 'custom',
        path: ['refusalReason'],
        message: 'is required to refuse (at least 10 characters): the employer reads why',
      });
    }
  });

/** Why this package's premium cannot be raised to `requested` (or at all), or undefined. */
export function increaseProblem(
  wop: Pick<WorkSupportPackageRow, 'supportPremiumLevel'>,
  requested: Level | null | undefined,
): { field: string; message: string } | undefined {
  const current = wop.supportPremiumLevel;
  if (current === LEVELS.at(-1)) {
    return {
      field: 'input.adviceId',
      message: `its support premium is at the highest level (${current}) already`,
    };
  }
  if (requested && !isAbove(requested, current)) {
    return {
      field: 'input.requestedLevel',
      message: `must be above the current level ${current} (${LEVELS.join(' < ')})`,
    };
  }
  return undefined;
}

/** The request and the package after VDAB's decision at `at`; refuses a second decision. */
export function decidedIncrease(
  request: PremiumIncreaseRequestRow,
  wop: WorkSupportPackageRow,
  decision: { decision: Status; newLevel?: Level | null; refusalReason?: string | null },
  at: Date,
): { request: PremiumIncreaseRequestRow; wop: WorkSupportPackageRow } {
  INCREASE_LIFECYCLE.assertMove(request.id, request.status, decision.decision);
  const accepted = decision.decision === 'ACCEPTED';
  const level = accepted ? decision.newLevel! : wop.supportPremiumLevel;
  return {
    request: {
      ...request,
      status: decision.decision,
      decidedAt: at,
      newLevel: accepted ? level : null,
      refusalReason: accepted ? null : decision.refusalReason!,
    },
    wop: accepted
      ? {
          ...wop,
          supportPremiumLevel: level,
          supportPremiumCents: SUPPORT_PREMIUM_MONTHLY_CENTS[level],
        }
      : wop,
  };
}
