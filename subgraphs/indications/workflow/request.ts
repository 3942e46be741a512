import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { MAX_VALIDITY_YEARS, reviewRegimeFor } from '../rules';
import {
  AdviceType,
  AttestationKind,
  AttestationSource,
  IndicationDecision,
  IndicationOrigin,
  IndicationProcedure,
  IndicationRoute,
  IndicationStatus,
  ObtainedVia,
} from '../types/enums';

type Status = EnumValue<typeof IndicationStatus>;
type Route = EnumValue<typeof IndicationRoute>;

/**
 * The indication state machine of B.2.2. The attestation route retrieves and validates; the
 * ICF and UKW routes gather information and assess; under the four-eyes regime an assessment
 * goes to a second review before the decision.
 */
export const REQUEST_LIFECYCLE = new Lifecycle<Status>('IndicationRequest', {
  DRAFT: ['SUBMITTED'],
  SUBMITTED: ['ATTEST_RETRIEVAL', 'INFO_GATHERING'],
  ATTEST_RETRIEVAL: ['VALIDATED'],
  VALIDATED: ['GRANTED', 'REFUSED'],
  INFO_GATHERING: ['ICF_ASSESSED'],
  ICF_ASSESSED: ['SECOND_REVIEW', 'GRANTED', 'REFUSED'],
  SECOND_REVIEW: ['GRANTED', 'REFUSED'],
  GRANTED: [],
  REFUSED: [],
});

/** The first step after submission follows the route. */
const FIRST_STEP: Record<Route, Status> = {
  ATTEST: 'ATTEST_RETRIEVAL',
  ICF: 'INFO_GATHERING',
  UKW: 'INFO_GATHERING',
};

/**
 * The moves the lifecycle alone does not decide: the route picks the branch after submission,
 * and the review regime of the day decides whether an assessment needs a second review.
 */
export function assertRouteAndRegime(
  request: { id: string; route: Route; status: Status },
  to: Status,
  today: string,
): void {
  const refuse = (why: string) => {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `IndicationRequest ${request.id} is ${request.status}: it cannot move to ${to}, ${why}.`,
      { entity: 'IndicationRequest', id: request.id, from: request.status, to },
    );
  };
  if (request.status === 'SUBMITTED' && to !== FIRST_STEP[request.route]) {
    refuse(`because the ${request.route} route continues with ${FIRST_STEP[request.route]}`);
  }
  if (request.status === 'ICF_ASSESSED') {
    const regime = reviewRegimeFor(today);
    if (regime === 'VIER_OGEN' && to !== 'SECOND_REVIEW') {
      refuse('because under the four-eyes regime a second review comes first');
    }
    if (regime === 'TWEE_OGEN' && to === 'SECOND_REVIEW') {
      refuse('because under the two-eyes regime the consultant’s advice is final');
    }
  }
}

/** The phase timestamp a step records (B.5 phase durations). */
export const PHASE_TIMESTAMP: Partial<
  Record<Status, 'infoCompleteAt' | 'icfStartedAt' | 'consultantAdviceAt' | 'reviewedAt'>
> = {
  VALIDATED: 'infoCompleteAt',
  INFO_GATHERING: 'icfStartedAt',
  ICF_ASSESSED: 'consultantAdviceAt',
  SECOND_REVIEW: 'reviewedAt',
};

export const submitRequestRule = z
  .object({
    personId: idRule,
    requestedType: z.enum(AdviceType.values),
    route: z.enum(IndicationRoute.values),
    procedure: z.enum(IndicationProcedure.values),
    origin: z.enum(IndicationOrigin.values),
    signedFormAt: calendarDateRule(),
    vacancyId: z.string().trim().min(1).nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((request, context) => {
    if (request.procedure !== 'STANDAARD' && !request.vacancyId) {
      context.addIssue({
        code: 'custom',
        path: ['vacancyId'],
        message: `is required for a ${request.procedure} request: it starts from an open vacancy`,
      });
    }
    if (request.route === 'UKW' && request.requestedType !== 'CMW') {
      context.addIssue({
        code: 'custom',
        path: ['requestedType'],
        message: 'must be CMW on the UKW route, which grants a temporary CMW',
      });
    }
  });

/** A validity, or an extension of one: whole years, at most 5 at a time (003). */
export const validityYearsRule = z
  .number()
  .int('must be a whole number of years')
  .min(1, 'must be at least 1 year')
  .max(MAX_VALIDITY_YEARS, `must be at most ${MAX_VALIDITY_YEARS} years`);

export const moveRequestRule = z.object({
  requestId: idRule,
  status: z
    .enum(IndicationStatus.values)
    .refine(
      (status) => status !== 'GRANTED' && status !== 'REFUSED',
      'GRANTED and REFUSED are reached with decideIndicationRequest',
    ),
  idempotencyKey: idempotencyKeyRule,
});

export const decideRequestRule = z.object({
  requestId: idRule,
  decision: z.enum(IndicationDecision.values),
  validityYears: validityYearsRule.nullish(),
  idempotencyKey: idempotencyKeyRule,
});

/** Attestations are gathered while the file is open: after submission, before the decision. */
export const OPEN_FOR_ATTESTATIONS: readonly EnumValue<typeof IndicationStatus>[] = [
  'SUBMITTED',
  'ATTEST_RETRIEVAL',
  'INFO_GATHERING',
];

export const attachAttestationRule = z
  .object({
    requestId: idRule,
    kind: z.enum(AttestationKind.values),
    source: z.enum(AttestationSource.values),
    obtainedVia: z.enum(ObtainedVia.values),
    validFrom: calendarDateRule(),
    validUntil: calendarDateRule().nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .refine(
    (attestation) => !attestation.validUntil || attestation.validUntil >= attestation.validFrom,
    {
      path: ['validUntil'],
      message: 'must not be before validFrom',
    },
  );
