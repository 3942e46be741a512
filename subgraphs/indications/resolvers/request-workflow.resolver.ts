import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import type { Role } from '../../../common/access/caller';
import { Category } from '../../../common/access/categories';
import { consentPurpose, Purpose } from '../../../common/access/purposes';
import { relationInForce } from '../../../common/access/scope';
import { relations } from '../../../common/access/tables';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { todayInBelgium } from '../../../common/dates';
import { queryPeer } from '../../../common/peers';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { IndicationsContext } from '../loaders';
import {
  derivedImwOf,
  reviewRegimeFor,
  UKW_VALIDITY_YEARS,
  validityEnd,
  MAX_VALIDITY_YEARS,
} from '../rules';
import {
  adviceNumbers,
  advices,
  attestationNumbers,
  attestations,
  idempotencyKeys,
  indicationRequests as requests,
  requestNumbers,
  reviews,
  type AdviceInsert,
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
  assertRouteAndRegime,
  attachAttestationRule,
  decideRequestRule,
  moveRequestRule,
  OPEN_FOR_ATTESTATIONS,
  PHASE_TIMESTAMP,
  REQUEST_LIFECYCLE,
  submitRequestRule,
} from '../workflow/request';

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

/** Indication consultants and the partners who file requests for their clients. */
const FILERS: readonly Role[] = [
  'VDAB_ICF_CONSULTANT',
  'LG_ICF_CONSULTANT',
  'VDAB_MEDIATOR',
  'GTB_COUNSELLOR',
];
const CONSULTANTS: readonly Role[] = ['VDAB_ICF_CONSULTANT', 'LG_ICF_CONSULTANT'];

const RESIDENCE = `query Residence($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { residence { nisCode } } }
}`;

const load = async (tx: Database, id: string) =>
  (await tx.select().from(requests).where(eq(requests.id, id)))[0];

async function scopedRequest(tx: Database, context: IndicationsContext, id: string) {
  const [request] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.id, id), context.scope.personFilter(requests.personId)))
    .for('update');
  if (!request) throw notFound('IndicationRequest', id);
  return request;
}

/** The consent that allows pulling the person's attestations for VDAB, which decides (000 BA1). */
async function dataCouplingConsent(tx: Database, personId: string): Promise<string | undefined> {
  const [consent] = await tx
    .select({ source: relations.source })
    .from(relations)
    .where(
      and(
        eq(relations.personId, personId),
        eq(relations.org, 'vdab'),
        eq(relations.purpose, consentPurpose('ATTEST_DATAKOPPELING')),
        relationInForce(),
      ),
    )
    .limit(1);
  return consent?.source.replace(/^consent:/, '');
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
      category: 'j',
      writers: FILERS,
      input,
      idempotencyKeys,
      load,
      // The residence lives in the persons subgraph; the request keeps a copy for statistics.
      gather: async (valid) => {
        const answer = await queryPeer<{
          _entities: ({ residence: { nisCode: string } | null } | null)[];
        }>(context.peers, 'persons', context.caller, RESIDENCE, {
          representations: [{ __typename: 'Person', id: valid.personId }],
        });
        return { residence: answer.data?._entities[0]?.residence?.nisCode };
      },
      write: async (tx, valid, { residence }) => {
        if (!residence) throw notFound('Person', valid.personId);
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
      category: 'j',
      writers: FILERS,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        REQUEST_LIFECYCLE.assertMove(current.id, current.status, valid.status);
        assertRouteAndRegime(current, valid.status, todayInBelgium());
        const now = new Date();
        const changes: Partial<IndicationRequestRow> = { status: valid.status };
        if (valid.status === 'SUBMITTED') {
          const consent =
            current.route === 'ATTEST' ? await dataCouplingConsent(tx, current.personId) : null;
          if (current.route === 'ATTEST' && !consent) {
            throw badUserInput(
              'input.status',
              `${current.id} cannot be submitted on the ATTEST route: ${current.personId} has not given VDAB the ATTEST_DATAKOPPELING consent`,
            );
          }
          changes.submittedAt = now;
          changes.consentRef = consent ?? null;
          // VDAB decides every request, so it holds the person's file for the indication.
          await tx.insert(relations).values({
            org: 'vdab',
            personId: current.personId,
            purpose: Purpose.INDICATION,
            validFrom: current.signedFormAt!,
            source: `indication_request:${current.id}`,
          });
        }
        const phase = PHASE_TIMESTAMP[valid.status];
        if (phase) changes[phase] = now;
        await tx.update(requests).set(changes).where(eq(requests.id, current.id));
        return { record: await load(tx, current.id), id: current.id, personId: current.personId };
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
      category: 'j',
      writers: CONSULTANTS,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        REQUEST_LIFECYCLE.assertMove(current.id, current.status, valid.decision);
        const today = todayInBelgium();
        assertRouteAndRegime(current, valid.decision, today);
        const now = new Date();
        const granted = valid.decision === 'GRANTED';
        const years =
          current.route === 'UKW'
            ? UKW_VALIDITY_YEARS
            : (valid.validityYears ?? MAX_VALIDITY_YEARS);
        const advice: AdviceInsert = {
          id: await nextId(tx, adviceNumbers, 'AD'),
          personId: current.personId,
          requestId: current.id,
          type: current.requestedType,
          basis: current.route,
          temporary: current.route === 'UKW',
          decision: granted ? 'TOEGEKEND' : 'GEWEIGERD',
          decidedAt: now,
          validFrom: granted ? today : null,
          validUntil: granted ? validityEnd(today, years) : null,
          status: granted ? 'ACTIVE' : null,
        };
        await tx.insert(advices).values(advice);
        if (granted && advice.type === 'CMW') {
          await tx
            .insert(advices)
            .values(derivedImwOf(advice, await nextId(tx, adviceNumbers, 'AD')));
        }
        const regime = reviewRegimeFor(today);
        await tx
          .insert(reviews)
          .values({
            id: current.id.replace(/^IR-/, 'RV-'),
            requestId: current.id,
            personId: current.personId,
            regime,
            secondReviewer: regime === 'VIER_OGEN' ? 'TEAM_TOM' : null,
            reviewedAt: now,
          })
          .onConflictDoUpdate({
            target: reviews.requestId,
            set: { reviewedAt: sql`excluded.reviewed_at` },
          });
        await tx
          .update(requests)
          .set({ status: valid.decision, decidedAt: now })
          .where(eq(requests.id, current.id));
        return { record: await load(tx, current.id), id: current.id, personId: current.personId };
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
      category: 'h',
      writers: CONSULTANTS,
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
        if (!(await dataCouplingConsent(tx, current.personId))) {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `${current.personId} has not given VDAB the ATTEST_DATAKOPPELING consent: attestations of ${current.id} cannot be added.`,
            { category: 'h' },
          );
        }
        const { idempotencyKey: _key, requestId: _request, ...fields } = valid;
        const [attestation] = await tx
          .insert(attestations)
          .values({
            ...fields,
            validUntil: valid.validUntil ?? null,
            id: await nextId(tx, attestationNumbers, 'AT'),
            requestId: current.id,
            personId: current.personId,
          })
          .returning();
        return { record: attestation, id: attestation.id, personId: current.personId };
      },
    });
  }
}
