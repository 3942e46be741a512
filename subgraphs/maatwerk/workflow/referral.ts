import { z } from 'zod';

import type { DirectoryFact } from '../../../common/access/directory';
import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { ReferralRow } from '../tables';
import { FailureReason, ReferralOrigin, ReferralStatus } from '../types/enums';

type Status = EnumValue<typeof ReferralStatus>;
type Reason = EnumValue<typeof FailureReason>;

/** Matches that ended without a hire: each carries the employer's failure feedback (A.6). */
export const FAILED_STATUSES: readonly Status[] = [
  'REJECTED_BY_EMPLOYER',
  'DECLINED_BY_CANDIDATE',
  'WITHDRAWN',
];

export const IN_PROGRESS_STATUSES: readonly Status[] = ['PROPOSED', 'CONTACTED', 'INTAKE', 'BVS'];

/** B.2.3: proposed → contacted → intake → (BVS) → hired, or a failed end from any open state. */
export const REFERRAL_LIFECYCLE = new Lifecycle<Status>('Referral', {
  PROPOSED: ['CONTACTED', ...FAILED_STATUSES],
  CONTACTED: ['INTAKE', ...FAILED_STATUSES],
  INTAKE: ['BVS', 'HIRED', ...FAILED_STATUSES],
  BVS: ['HIRED', ...FAILED_STATUSES],
  HIRED: [],
  REJECTED_BY_EMPLOYER: [],
  DECLINED_BY_CANDIDATE: [],
  WITHDRAWN: [],
});

/** The failure feedback a failed move must carry, and only a failed move. */
export const failureFeedbackRule = z
  .object({
    status: z.enum(ReferralStatus.values),
    failureReason: z.enum(FailureReason.values).nullish(),
    failureText: z.string().trim().max(2000, 'at most 2000 characters').nullish(),
  })
  .superRefine((move, context) => {
    const failed = FAILED_STATUSES.includes(move.status);
    if (failed && !move.failureReason) {
      context.addIssue({
        code: 'custom',
        path: ['failureReason'],
        message: `is required when a referral ends as ${move.status} (failure feedback to VDAB)`,
      });
    }
    if (!failed && move.failureReason) {
      context.addIssue({
        code: 'custom',
        path: ['failureReason'],
        message: `is only given when a match fails, not for ${move.status}`,
      });
    }
    if (move.failureReason === 'OTHER' && !move.failureText) {
      context.addIssue({
        code: 'custom',
        path: ['failureText'],
        message: 'is required when the failure reason is OTHER',
      });
    }
  });

/**
 * The fact the reference directory reads off a referral (DOMAIN B.4 note 11): it opens the
 * candidate's file to the employer from the day it is proposed, and a failed match or a hire
 * says on which day (`changedOn`, the day of its last move) it closed.
 */
export function referralFact(
  referral: Pick<ReferralRow, 'id' | 'personId' | 'employerId' | 'status'>,
  days: { proposedOn: string; changedOn: string },
): DirectoryFact {
  return {
    kind: 'referral',
    id: referral.id,
    personId: referral.personId,
    employerId: referral.employerId,
    proposedOn: days.proposedOn,
    failedOn: FAILED_STATUSES.includes(referral.status) ? days.changedOn : null,
    hiredOn: referral.status === 'HIRED' ? days.changedOn : null,
  };
}

type Origin = EnumValue<typeof ReferralOrigin>;

/**
 * The origins VDAB and its partners propose a referral under (B.2.3). A direct application is the
 * candidate's own step, registered by the employer with the candidate's consent, never proposed.
 */
export const PROPOSED_ORIGINS = ['VDAB_TOELEIDING', 'OCMW', 'SPOED', 'PRIOR_ROUTING'] as const;

export const proposeReferralRule = z.object({
  personId: idRule,
  vacancyId: idRule,
  origin: z
    .enum(ReferralOrigin.values)
    .refine(
      (origin) => (PROPOSED_ORIGINS as readonly string[]).includes(origin),
      'DIRECT_BY_CITIZEN is not proposed: a direct application is the candidate’s own, registered by the employer with the candidate’s consent',
    )
    .nullish()
    .transform((origin): Origin => origin ?? 'VDAB_TOELEIDING'),
  matchBasis: z
    .array(z.string().trim().min(1, 'must not hold empty entries'))
    .min(1, 'must name at least one ground of the match, e.g. interests or proximity')
    .max(10, 'must name at most 10 grounds'),
  idempotencyKey: idempotencyKeyRule,
});

export const moveReferralRule = failureFeedbackRule.and(
  z.object({
    referralId: idRule,
    status: z
      .enum(ReferralStatus.values)
      .refine((status) => status !== 'HIRED', 'HIRED is reached with hireCandidate'),
    idempotencyKey: idempotencyKeyRule,
  }),
);

/** A move of a referral, with the failure feedback a failed match carries. */
export interface ReferralMove {
  status: Status;
  failureReason?: Reason | null;
  failureText?: string | null;
}

/** A vacancy that ends withdraws the referrals still in progress (DOMAIN B.2.3). */
export const JOB_ENDED: ReferralMove = {
  status: 'WITHDRAWN',
  failureReason: 'JOB_NO_LONGER_AVAILABLE',
};

/**
 * A new referral, as `proposeReferral` writes it and the seeds generate it: PROPOSED, with no
 * feedback yet.
 */
export function proposedReferral(
  fields: Pick<
    ReferralRow,
    'id' | 'personId' | 'vacancyId' | 'employerId' | 'origin' | 'matchBasis'
  >,
  at: Date,
): ReferralRow {
  return {
    ...fields,
    status: 'PROPOSED',
    proposedAt: at,
    statusChangedAt: at,
    failureReason: null,
    failureText: null,
    failureGivenAt: null,
    updatedAt: at,
  };
}

/** The referral after one move of its lifecycle; refuses an illegal move (INVALID_TRANSITION). */
export function movedReferral(referral: ReferralRow, move: ReferralMove, at: Date): ReferralRow {
  REFERRAL_LIFECYCLE.assertMove(referral.id, referral.status, move.status);
  const feedback = move.failureReason
    ? {
        failureReason: move.failureReason,
        failureText: move.failureText ?? null,
        failureGivenAt: at,
      }
    : { failureReason: null, failureText: null, failureGivenAt: null };
  return { ...referral, status: move.status, statusChangedAt: at, ...feedback, updatedAt: at };
}

/** What the person's other files say, for an origin that rests on them (read as the proposer). */
export interface OriginFacts {
  /** Persons subgraph: the person's trajectories (category f). */
  trajectories?: readonly { regie: string; endedAt: string | null }[];
  /** Indications subgraph: the person's indication requests (category j). */
  requests?: readonly { id: string; procedure: string; status: string; vacancyId: string | null }[];
}

/** The indication procedure an origin's referral follows from (B.2.2 and B.2.3). */
export const PROCEDURE_OF_ORIGIN: Partial<Record<Origin, string>> = {
  SPOED: 'SPOED',
  PRIOR_ROUTING: 'PRIOR_INDICERINGSROUTING',
};

/**
 * Why a referral cannot carry this origin, or undefined. OCMW: the OCMW directs the person's
 * trajectory and uses VDAB's offer (002 p6), so VDAB or its partner refers on its behalf (B.4
 * gives the OCMW no W on n); SPOED and PRIOR_ROUTING: the match the employer's registration
 * named, so a spoed or prior-routing request of the person for this very vacancy, filed and not
 * refused.
 */
export function originProblem(
  origin: Origin,
  facts: OriginFacts,
  vacancyId: string,
  personId: string,
): string | undefined {
  if (origin === 'OCMW') {
    const directed = (facts.trajectories ?? []).some(
      (trajectory) => trajectory.regie === 'OCMW' && trajectory.endedAt === null,
    );
    return directed
      ? undefined
      : `OCMW is for a client whose running trajectory the OCMW directs (regie OCMW); ${personId} has none, so refer as VDAB_TOELEIDING`;
  }
  const procedure = PROCEDURE_OF_ORIGIN[origin];
  if (!procedure) return undefined;
  const grounded = (facts.requests ?? []).some(
    (request) =>
      request.procedure === procedure &&
      request.vacancyId === vacancyId &&
      request.status !== 'DRAFT' &&
      request.status !== 'REFUSED',
  );
  return grounded
    ? undefined
    : `${origin} follows from a ${procedure} request of ${personId} for ${vacancyId}, filed and not refused; there is none, so refer as VDAB_TOELEIDING`;
}
