import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { IntroductionRequestRow } from '../tables';
import type { IntroductionStatus } from '../types/enums';

type Status = EnumValue<typeof IntroductionStatus>;

/**
 * From profile to person (issue 14, B.4 note 11): the employer asks, VDAB (or the partner guiding
 * the person) accepts, which makes a referral, or refuses with a reason. An acceptance whose
 * referral could not be made (the vacancy closed meanwhile) may still be refused.
 */
export const INTRODUCTION_LIFECYCLE = new Lifecycle<Status>('IntroductionRequest', {
  REQUESTED: ['ACCEPTED', 'REFUSED'],
  ACCEPTED: ['REFUSED'],
  REFUSED: [],
});

export const requestIntroductionRule = z.object({
  pseudonym: z
    .string()
    .trim()
    .regex(
      /^CP-[A-Za-z0-9_-]{16}$/,
      'must be a pseudonym from candidates, like CP-2M4x72fTg9gvqW91',
    ),
  vacancyId: idRule,
  idempotencyKey: idempotencyKeyRule,
});

export const answerIntroductionRule = z
  .object({
    introductionRequestId: idRule,
    accept: z.boolean(),
    reason: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((answer, context) => {
    if (!answer.accept && (answer.reason ?? '').length < 3) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message:
          'is required to refuse (at least 3 characters): the employer reads why, so give the reason without health or assistance details',
      });
    }
    if (answer.accept && answer.reason) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'is given with a refusal only; an acceptance makes a referral',
      });
    }
  });

/** A new request, as `requestIntroduction` writes it: waiting for VDAB's answer. */
export function requestedIntroduction(
  fields: Pick<
    IntroductionRequestRow,
    'id' | 'employerId' | 'vacancyId' | 'personId' | 'pseudonym'
  >,
  at: Date,
): IntroductionRequestRow {
  return {
    ...fields,
    status: 'REQUESTED',
    requestedAt: at,
    answeredAt: null,
    answeredBy: null,
    refusalReason: null,
    referralId: null,
  };
}

/**
 * The request answered by `org` at `at`. Refuses an illegal move (INVALID_TRANSITION): a second
 * answer, or refusing an acceptance whose referral exists (the referral's own lifecycle goes on).
 */
export function answeredIntroduction(
  request: IntroductionRequestRow,
  answer: { accept: boolean; reason?: string | null },
  by: { org: string; at: Date },
): IntroductionRequestRow {
  const to: Status = answer.accept ? 'ACCEPTED' : 'REFUSED';
  if (request.referralId) {
    INTRODUCTION_LIFECYCLE.refuse(
      request.id,
      request.status,
      to,
      `its referral ${request.referralId} is made; that referral's own steps follow (moveReferral)`,
    );
  }
  INTRODUCTION_LIFECYCLE.assertMove(request.id, request.status, to);
  return {
    ...request,
    status: to,
    answeredAt: by.at,
    answeredBy: by.org,
    refusalReason: answer.accept ? null : (answer.reason ?? null),
  };
}
