import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { DirectoryFact } from '../../../common/access/directory';
import { ORIGIN_OF_PROCEDURE } from './filing';
import { todayInBelgium } from '../../../common/dates';
import {
  derivedImwOf,
  MAX_VALIDITY_YEARS,
  reviewRegimeFor,
  UKW_VALIDITY_YEARS,
  validityEnd,
} from '../rules';
import type { AdviceRow, AttestationRow, IndicationRequestRow, ReviewInsert } from '../tables';
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

/**
 * The phase timestamps of B.2.2 and B.5 (submitted → information complete → ICF started →
 * consultant advice → review → decided). States stamp their own; two milestones fall inside a
 * state and are recorded on their own (`MILESTONES`).
 */
export const PHASE_TIMESTAMP: Partial<
  Record<Status, 'submittedAt' | 'consultantAdviceAt' | 'reviewedAt' | 'decidedAt'>
> = {
  SUBMITTED: 'submittedAt',
  // VDAB's validation is the review of the attestation route.
  VALIDATED: 'reviewedAt',
  ICF_ASSESSED: 'consultantAdviceAt',
  SECOND_REVIEW: 'reviewedAt',
  GRANTED: 'decidedAt',
  REFUSED: 'decidedAt',
};

/**
 * Milestones inside a state: the information (attestations, workplace information, reports) is
 * complete, and then, on the ICF and UKW routes, the consultant starts the ICF assessment.
 */
export const MILESTONES = {
  INFORMATION_COMPLETE: {
    field: 'infoCompleteAt',
    during: ['ATTEST_RETRIEVAL', 'INFO_GATHERING'],
    after: null,
  },
  ICF_STARTED: { field: 'icfStartedAt', during: ['INFO_GATHERING'], after: 'infoCompleteAt' },
} as const satisfies Record<
  string,
  {
    field: 'infoCompleteAt' | 'icfStartedAt';
    during: readonly Status[];
    after: 'infoCompleteAt' | null;
  }
>;
export type Milestone = keyof typeof MILESTONES;

type Request = IndicationRequestRow;

/** Refuses `action` (a move to `to`, or recording a milestone) with the reason. */
function refuse(
  request: Request,
  action: { to: string } | { milestone: string },
  why: string,
): never {
  const what = 'to' in action ? `move to ${action.to}` : `record ${action.milestone}`;
  throw domainError(
    ErrorCode.INVALID_TRANSITION,
    `IndicationRequest ${request.id} is ${request.status}: it cannot ${what}, ${why}.`,
    { entity: 'IndicationRequest', id: request.id, from: request.status, ...action },
  );
}

/** A new request as its filer writes it: a DRAFT without any phase behind it. */
export function draftedRequest(
  fields: Omit<
    Request,
    | 'status'
    | 'submittedAt'
    | 'infoCompleteAt'
    | 'icfStartedAt'
    | 'consultantAdviceAt'
    | 'reviewedAt'
    | 'decidedAt'
    | 'filedBy'
    | 'employerInformation'
  > &
    Partial<Pick<Request, 'filedBy' | 'employerInformation'>>,
): Request {
  return {
    filedBy: null,
    employerInformation: null,
    ...fields,
    status: 'DRAFT',
    submittedAt: null,
    infoCompleteAt: null,
    icfStartedAt: null,
    consultantAdviceAt: null,
    reviewedAt: null,
    decidedAt: null,
  };
}

/**
 * The request after one move of its lifecycle at `at`, stamping the phase it enters. Refuses
 * (INVALID_TRANSITION) a move the lifecycle, the route or the review regime of that day does
 * not allow, and a validation before the attestations are complete.
 */
export function movedRequest(request: Request, to: Status, at: Date): Request {
  REQUEST_LIFECYCLE.assertMove(request.id, request.status, to);
  assertRouteAndRegime(request, to, todayInBelgium(at));
  if (to === 'VALIDATED' && !request.infoCompleteAt) {
    refuse(request, { to }, 'because its information is not complete yet');
  }
  const phase = PHASE_TIMESTAMP[to];
  return { ...request, status: to, ...(phase ? { [phase]: at } : {}) };
}

/** The request with a milestone recorded at `at`; each is recorded once, in order. */
export function milestoneReached(request: Request, milestone: Milestone, at: Date): Request {
  const { field, during, after } = MILESTONES[milestone];
  if (!(during as readonly Status[]).includes(request.status)) {
    refuse(request, { milestone }, `which is recorded during ${during.join(' or ')}`);
  }
  if (request[field]) refuse(request, { milestone }, 'which is already recorded');
  if (after && !request[after]) {
    refuse(request, { milestone }, 'before its information is complete');
  }
  return { ...request, [field]: at };
}

/** The request once its ICF assessment is recorded: the consultant's advice (ICF_ASSESSED). */
export function assessedRequest(request: Request, at: Date): Request {
  if (request.status === 'INFO_GATHERING' && !request.icfStartedAt) {
    refuse(request, { to: 'ICF_ASSESSED' }, 'before the ICF assessment has started');
  }
  return movedRequest(request, 'ICF_ASSESSED', at);
}

/**
 * The fact the reference directory reads off a submitted request: VDAB, which decides every
 * request, and the organisation that handles it hold the person's file from the signed form on.
 */
export function indicationFact(request: Request, handledBy: string | null): DirectoryFact {
  return {
    kind: 'indication-request',
    id: request.id,
    personId: request.personId,
    signedFormAt: request.signedFormAt!,
    handledBy,
  };
}

/** Granting a CMW automatically grants the IMW (B.2.2, 000 BA1). */
export function bringsDerivedImw(
  request: Pick<Request, 'requestedType'>,
  decision: EnumValue<typeof IndicationDecision>,
): boolean {
  return decision === 'GRANTED' && request.requestedType === 'CMW';
}

export interface Decided {
  request: Request;
  /** The advice, and the IMW a granted CMW brings with it. */
  advices: AdviceRow[];
  review: ReviewInsert;
}

/**
 * A decision on `at`, as `decideIndicationRequest` writes it and the seeds generate it: the
 * advice (UKW: temporary, 2 years; otherwise `validityYears`, at most 5), the derived IMW of a
 * granted CMW, and the review under the regime of the day.
 */
export function decidedRequest(
  request: Request,
  decision: EnumValue<typeof IndicationDecision>,
  validityYears: number,
  at: Date,
  ids: { advice: string; derivedImw: string | null },
): Decided {
  const decided = movedRequest(request, decision, at);
  const day = todayInBelgium(at);
  const granted = decision === 'GRANTED';
  const years = request.route === 'UKW' ? UKW_VALIDITY_YEARS : validityYears;
  const advice: AdviceRow = {
    id: ids.advice,
    personId: request.personId,
    requestId: request.id,
    type: request.requestedType,
    basis: request.route,
    temporary: request.route === 'UKW',
    derivedFromId: null,
    decision: granted ? 'TOEGEKEND' : 'GEWEIGERD',
    decidedAt: at,
    validFrom: granted ? day : null,
    validUntil: granted ? validityEnd(day, Math.min(years, MAX_VALIDITY_YEARS)) : null,
    extensions: [],
    status: granted ? 'ACTIVE' : null,
    endedAt: null,
    hiredAt: null,
  };
  const regime = reviewRegimeFor(day);
  const assessed = request.route !== 'ATTEST';
  return {
    request: decided,
    advices: [
      advice,
      ...(bringsDerivedImw(request, decision) ? [derivedImwOf(advice, ids.derivedImw!)] : []),
    ],
    review: {
      id: request.id.replace(/^IR-/, 'RV-'),
      requestId: request.id,
      personId: request.personId,
      regime,
      // Four eyes review an assessment; DGS investigates prior routings (000 BA6).
      secondReviewer:
        regime === 'VIER_OGEN' && assessed
          ? request.procedure === 'PRIOR_INDICERINGSROUTING'
            ? 'DGS'
            : 'TEAM_TOM'
          : null,
      sampledForQualityControl: false,
      qcOutcome: null,
      reviewedAt: regime === 'VIER_OGEN' && assessed ? request.reviewedAt : null,
    },
  };
}

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
    // Spoed and prior routing start from an employer (B.2.2): they carry its origin, and only they.
    for (const [procedure, origin] of Object.entries(ORIGIN_OF_PROCEDURE)) {
      if ((request.procedure === procedure) !== (request.origin === origin)) {
        context.addIssue({
          code: 'custom',
          path: ['origin'],
          message: `must be ${origin} exactly when the procedure is ${procedure}: a ${procedure} request starts from the employer`,
        });
      }
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
    )
    .refine(
      (status) => status !== 'ICF_ASSESSED',
      'ICF_ASSESSED is reached by recording the assessment (recordIcfAssessment)',
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

/** An attestation added to a request's file, pulled from its source or uploaded. */
export function attachedAttestation(
  request: Pick<Request, 'id' | 'personId'>,
  fields: Omit<AttestationRow, 'requestId' | 'personId'>,
): AttestationRow {
  return { ...fields, requestId: request.id, personId: request.personId };
}
