import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { consentsGiven, recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { queryPeer } from '../../../common/peers';
import { candidatePoolFact } from '../workflow/pool';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { IndicationsContext } from '../loaders';
import { MAX_VALIDITY_YEARS, UKW_VALIDITY_YEARS } from '../rules';
import {
  adviceNumbers,
  advices,
  attestationNumbers,
  attestations,
  idempotencyKeys,
  indicationRequests as requests,
  requestNumbers,
  reviews,
  type AttestationRow,
  type IndicationRequestRow,
} from '../tables';
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
import { Attestation, IndicationRequest } from '../types/request';
import {
  attachAttestationRule,
  attachedAttestation,
  bringsDerivedImw,
  decidedRequest,
  decideRequestRule,
  indicationFact,
  movedRequest,
  moveRequestRule,
  OPEN_FOR_ATTESTATIONS,
  submitRequestRule,
} from '../workflow/request';
import { loadRequest, scopedRequest } from '../workflow/scoped';
import { vacancyProblem, type LinkedVacancy } from '../workflow/filing';
import { now } from '../../../common/clock';

@InputType({ description: 'A new indication request, saved as a draft until it is submitted.' })
class CreateIndicationRequestInput extends MutationInput {
  @Field(() => ID)
  personId: string;

  @Field(() => AdviceType)
  requestedType: EnumValue<typeof AdviceType>;

  @Field(() => IndicationRoute)
  route: EnumValue<typeof IndicationRoute>;

  @Field(() => IndicationProcedure)
  procedure: EnumValue<typeof IndicationProcedure>;

  @Field(() => IndicationOrigin)
  origin: EnumValue<typeof IndicationOrigin>;

  @Field(() => DateScalar, { description: 'The day the citizen signed the request form.' })
  signedFormAt: string;

  @Field(() => ID, { nullable: true, description: 'Required for SPOED and prior routing.' })
  vacancyId?: string | null;
}

@InputType({ description: 'The next phase of an indication request.' })
class MoveIndicationRequestInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => IndicationStatus, {
    description:
      'SUBMITTED, then ATTEST_RETRIEVAL → VALIDATED, or INFO_GATHERING → ICF_ASSESSED (→ SECOND_REVIEW under four eyes).',
  })
  status: EnumValue<typeof IndicationStatus>;
}

@InputType({ description: 'The decision on an indication request.' })
class DecideIndicationRequestInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => IndicationDecision)
  decision: EnumValue<typeof IndicationDecision>;

  @Field(() => Int, {
    nullable: true,
    description: `Validity of a granted advice, 1 to ${MAX_VALIDITY_YEARS} years (default ${MAX_VALIDITY_YEARS}); the UKW route always gives ${UKW_VALIDITY_YEARS}.`,
  })
  validityYears?: number | null;
}

@InputType({ description: 'An attestation added to an open indication request.' })
class AttachAttestationInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => AttestationKind)
  kind: EnumValue<typeof AttestationKind>;

  @Field(() => AttestationSource)
  source: EnumValue<typeof AttestationSource>;

  @Field(() => ObtainedVia)
  obtainedVia: EnumValue<typeof ObtainedVia>;

  @Field(() => DateScalar)
  validFrom: string;

  @Field(() => DateScalar, { nullable: true })
  validUntil?: string | null;
}

const LINKED_VACANCY = `query LinkedVacancy($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Vacancy { id status measure employer { id type } }
  }
}`;

const RESIDENCE = `query Residence($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { residence { nisCode } } }
}`;

/** The vacancy a spoed or prior-routing request names, as the caller may read it. */
async function linkedVacancy(
  context: IndicationsContext,
  vacancyId: string,
): Promise<LinkedVacancy | null> {
  const answer = await queryPeer<{ _entities: (LinkedVacancy | null)[] }>(
    context,
    'maatwerk',
    LINKED_VACANCY,
    { representations: [{ __typename: 'Vacancy', id: vacancyId }] },
    { categories: ['m'] },
  );
  if (answer.errors.some((error) => error.extensions?.code === ErrorCode.FORBIDDEN)) {
    throw domainError(
      ErrorCode.FORBIDDEN,
      `input.vacancyId: your mandate does not include vacancies (data category m), so you cannot link ${vacancyId}; a VDAB ICF consultant or the employer files a request on a vacancy.`,
      { field: 'input.vacancyId', category: 'm' },
    );
  }
  const vacancy = answer.data?._entities[0];
  return vacancy?.status ? vacancy : null;
}

/** The person's residence municipality, as the caller reads it (B.4 b); undefined if it may not. */
async function residenceOf(
  context: IndicationsContext,
  personId: string,
): Promise<string | undefined> {
  const answer = await queryPeer<{
    _entities: ({ residence: { nisCode: string } | null } | null)[];
  }>(
    context,
    'persons',
    RESIDENCE,
    { representations: [{ __typename: 'Person', id: personId }] },
    { categories: ['b'] },
  );
  return answer.data?._entities[0]?.residence?.nisCode;
}

/** The consent that allows pulling the person's attestations for VDAB, which decides (000 BA1). */
async function dataCouplingConsent(
  tx: Database,
  context: IndicationsContext,
  personId: string,
): Promise<string | undefined> {
  const given = await consentsGiven(tx, {
    org: 'vdab',
    type: 'ATTEST_DATAKOPPELING',
    personIds: [personId],
    today: context.policy.today,
  });
  return given.get(personId);
}

/** The indication lifecycle of B.2.2 as mutations: file, submit, move through the phases, decide. */
@Resolver(() => IndicationRequest)
export class RequestWorkflowResolver {
  @Category('j')
  @Mutation(() => IndicationRequest, {
    description: 'Files an indication request for a person you work with, as a DRAFT.',
  })
  createIndicationRequest(
    @Arg('input', () => CreateIndicationRequestInput) input: CreateIndicationRequestInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IndicationRequestRow> {
    return runMutation(context, {
      name: 'createIndicationRequest',
      rule: submitRequestRule,
      input,
      idempotencyKeys,
      load: loadRequest,
      // The residence lives in the persons subgraph; the request keeps a copy for statistics.
      gather: async (valid) => {
        const residence = await residenceOf(context, valid.personId);
        // Whether the vacancy is open is read as the caller, like everything else: a filer whose
        // mandate holds no vacancies (B.4 m) cannot link one.
        const vacancy = valid.vacancyId ? await linkedVacancy(context, valid.vacancyId) : null;
        return { residence, vacancy };
      },
      write: async (tx, valid, { residence, vacancy }) => {
        if (!residence) throw notFound('Person', valid.personId);
        const problem = valid.vacancyId
          ? vacancyProblem(valid.procedure, valid.requestedType, vacancy)
          : undefined;
        if (problem) throw badUserInput('input.vacancyId', `${valid.vacancyId} ${problem}`);
        const { idempotencyKey: _key, ...fields } = valid;
        const [request] = await tx
          .insert(requests)
          .values({
            ...fields,
            vacancyId: valid.vacancyId ?? null,
            id: await nextId(tx, requestNumbers, 'IR'),
            indicatorOrg: context.caller.role === 'LG_ICF_CONSULTANT' ? 'OCMW' : 'VDAB',
            municipalityNisCode: residence,
            status: 'DRAFT',
          })
          .returning();
        return { record: request, id: request.id, personId: request.personId };
      },
    });
  }

  @Category('j')
  @Mutation(() => IndicationRequest, {
    description:
      'Moves a request to its next phase. Submitting on the attestation route needs the citizen’s data-coupling consent.',
  })
  moveIndicationRequest(
    @Arg('input', () => MoveIndicationRequestInput) input: MoveIndicationRequestInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IndicationRequestRow> {
    return runMutation(context, {
      name: 'moveIndicationRequest',
      rule: moveRequestRule,
      input,
      idempotencyKeys,
      load: loadRequest,
      // An employer's filing arrives without the residence, which the employer may not read
      // (B.4 b): VDAB's first move copies it, asked as VDAB before the transaction.
      gather: async (valid) => {
        const [request] = await context.db
          .select({ personId: requests.personId, municipality: requests.municipalityNisCode })
          .from(requests)
          .where(
            and(eq(requests.id, valid.requestId), context.policy.rows.persons(requests.personId)),
          );
        return {
          residence:
            request && !request.municipality
              ? await residenceOf(context, request.personId)
              : undefined,
        };
      },
      write: async (tx, valid, { residence }) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        const moved = movedRequest(current, valid.status, now());
        if (!moved.municipalityNisCode) {
          if (!residence) {
            throw domainError(
              ErrorCode.FORBIDDEN,
              `${current.id} is an employer's filing without a residence yet, and ${current.personId}'s residence (data category b) is not yours to read: a VDAB ICF consultant takes it in hand.`,
              { category: 'b' },
            );
          }
          moved.municipalityNisCode = residence;
        }
        if (valid.status === 'SUBMITTED') {
          const consent =
            current.route === 'ATTEST'
              ? await dataCouplingConsent(tx, context, current.personId)
              : null;
          if (current.route === 'ATTEST' && !consent) {
            throw badUserInput(
              'input.status',
              `${current.id} cannot be submitted on the ATTEST route: ${current.personId} has not given VDAB the ATTEST_DATAKOPPELING consent`,
            );
          }
          moved.consentRef = consent ?? null;
          await recordFact(tx, indicationFact(moved, context.caller.org));
        }
        await tx.update(requests).set(moved).where(eq(requests.id, current.id));
        return {
          record: await loadRequest(tx, current.id),
          id: current.id,
          personId: current.personId,
        };
      },
    });
  }

  @Category('j')
  @Mutation(() => IndicationRequest, {
    description:
      'Decides a request. Granting a CMW also grants the IMW it brings; the UKW route grants a temporary CMW of 2 years.',
  })
  decideIndicationRequest(
    @Arg('input', () => DecideIndicationRequestInput) input: DecideIndicationRequestInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IndicationRequestRow> {
    return runMutation(context, {
      name: 'decideIndicationRequest',
      rule: decideRequestRule,
      input,
      idempotencyKeys,
      load: loadRequest,
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        const decided = decidedRequest(
          current,
          valid.decision,
          valid.validityYears ?? MAX_VALIDITY_YEARS,
          now(),
          {
            advice: await nextId(tx, adviceNumbers, 'AD'),
            derivedImw: bringsDerivedImw(current, valid.decision)
              ? await nextId(tx, adviceNumbers, 'AD')
              : null,
          },
        );
        await tx.insert(advices).values(decided.advices);
        for (const advice of decided.advices) await recordFact(tx, candidatePoolFact(advice));
        await tx
          .insert(reviews)
          .values(decided.review)
          .onConflictDoUpdate({
            target: reviews.requestId,
            set: { reviewedAt: sql`excluded.reviewed_at` },
          });
        await tx.update(requests).set(decided.request).where(eq(requests.id, current.id));
        return {
          record: await loadRequest(tx, current.id),
          id: current.id,
          personId: current.personId,
        };
      },
    });
  }

  @Category('h')
  @Mutation(() => Attestation, {
    description:
      'Adds an attestation to an open request, pulled from its source or uploaded; either needs the citizen’s ATTEST_DATAKOPPELING consent.',
  })
  attachAttestation(
    @Arg('input', () => AttachAttestationInput) input: AttachAttestationInput,
    @Ctx() context: IndicationsContext,
  ): Promise<AttestationRow> {
    return runMutation(context, {
      name: 'attachAttestation',
      rule: attachAttestationRule,
      input,
      idempotencyKeys,
      load: async (tx, id) =>
        (await tx.select().from(attestations).where(eq(attestations.id, id)))[0],
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        if (!OPEN_FOR_ATTESTATIONS.includes(current.status)) {
          throw domainError(
            ErrorCode.INVALID_TRANSITION,
            `IndicationRequest ${current.id} is ${current.status}: attestations are added between submission and the decision.`,
            { entity: 'IndicationRequest', id: current.id, from: current.status },
          );
        }
        // Attestations are a consent category for indicators (W·C in B.4): pulled or uploaded.
        if (!(await dataCouplingConsent(tx, context, current.personId))) {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `${current.personId} has not given VDAB the ATTEST_DATAKOPPELING consent: attestations of ${current.id} cannot be added.`,
            { category: 'h' },
          );
        }
        const { idempotencyKey: _key, requestId: _request, ...fields } = valid;
        const [attestation] = await tx
          .insert(attestations)
          .values(
            attachedAttestation(current, {
              ...fields,
              validUntil: valid.validUntil ?? null,
              id: await nextId(tx, attestationNumbers, 'AT'),
            }),
          )
          .returning();
        return { record: attestation, id: attestation.id, personId: current.personId };
      },
    });
  }
}
