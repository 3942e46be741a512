import { and, count, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Field, Float, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { isoDate } from '../../../common/dates';
import { recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { logger } from '../../../common/logger';
import { queryPeer } from '../../../common/peers';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { referralRows, type MaatwerkContext } from '../loaders';
import {
  idempotencyKeys,
  placementNumbers,
  placements,
  referralNumbers,
  referrals,
  vacancies,
  type PlacementRow,
  type ReferralRow,
} from '../tables';
import { FailureReason, ReferralOrigin, ReferralStatus } from '../types/enums';
import { Placement } from '../types/placement';
import { Referral } from '../types/referral';
import { adviceProblem, HIRE_BY_MEASURE, hireRule, type AdviceFacts } from '../workflow/hire';
import { hiredPlacement, placementFact } from '../workflow/placement';
import { movedVacancy, VACANCY_LIFECYCLE } from '../workflow/vacancy';
import {
  referralFact,
  IN_PROGRESS_STATUSES,
  movedReferral,
  moveReferralRule,
  originProblem,
  PROCEDURE_OF_ORIGIN,
  proposedReferral,
  proposeReferralRule,
  type OriginFacts,
} from '../workflow/referral';
import { now, today } from '../../../common/clock';

@InputType({ description: 'A VDAB referral (toeleiding) of a person to an open vacancy.' })
class ProposeReferralInput extends MutationInput {
  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  vacancyId: string;

  @Field(() => ReferralOrigin, {
    nullable: true,
    description:
      'VDAB_TOELEIDING (default); OCMW for a client whose trajectory the OCMW directs; SPOED or PRIOR_ROUTING for the candidate of a spoed or prior-routing request on this vacancy. A direct application is registered by the employer, not proposed.',
  })
  origin?: EnumValue<typeof ReferralOrigin> | null;

  @Field(() => [String], { description: 'What the match rests on, e.g. interests, proximity.' })
  matchBasis: string[];
}

@InputType({ description: 'The next step of a referral; a failed match carries its feedback.' })
class MoveReferralInput extends MutationInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralStatus, {
    description: 'CONTACTED, INTAKE, BVS or a failed end. A hire goes through `hireCandidate`.',
  })
  status: EnumValue<typeof ReferralStatus>;

  @Field(() => FailureReason, { nullable: true, description: 'Required for a failed match.' })
  failureReason?: EnumValue<typeof FailureReason> | null;

  @Field(() => String, { nullable: true, description: 'Required when the reason is OTHER.' })
  failureText?: string | null;
}

@InputType({ description: 'A hire: the referral becomes a placement at your organisation.' })
class HireCandidateInput extends MutationInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The advice that carries the placement; not needed for a BVS internship.',
  })
  adviceId?: string | null;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => Float, { description: 'Full-time equivalent, more than 0 and at most 1.' })
  fte: number;
}

const ADVICES_OF_PERSON = `query AdvicesOfPerson($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { advices { id type status validFrom validUntil } }
  }
}`;

/** The person's advices as the indications subgraph shows them to this caller. */
async function advicesOf(context: MaatwerkContext, personId: string): Promise<AdviceFacts[]> {
  const answer = await queryPeer<{ _entities: ({ advices: AdviceFacts[] | null } | null)[] }>(
    context,
    'indications',
    ADVICES_OF_PERSON,
    { representations: [{ __typename: 'Person', id: personId }] },
    { categories: ['j'] },
  );
  return answer.data?._entities[0]?.advices ?? [];
}

const TRAJECTORIES_OF_PERSON = `query TrajectoriesOfPerson($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { trajectories { regie endedAt } }
  }
}`;

const REQUESTS_OF_PERSON = `query RequestsOfPerson($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { indicationRequests { id procedure status vacancy { id } } }
  }
}`;

/**
 * What an origin other than VDAB_TOELEIDING rests on, asked of the subgraph that holds it as the
 * proposer (who reads trajectories, f, and indication requests, j, in full) before the
 * transaction. A person outside the proposer's reach comes back empty; the write then says
 * NOT_FOUND as for anyone it does not reach.
 */
async function originFacts(
  context: MaatwerkContext,
  origin: EnumValue<typeof ReferralOrigin>,
  personId: string,
): Promise<OriginFacts> {
  const representations = [{ __typename: 'Person', id: personId }];
  if (origin === 'OCMW') {
    const answer = await queryPeer<{
      _entities: ({ trajectories: OriginFacts['trajectories'] | null } | null)[];
    }>(context, 'persons', TRAJECTORIES_OF_PERSON, { representations }, { categories: ['f'] });
    return { trajectories: answer.data?._entities[0]?.trajectories ?? [] };
  }
  if (!PROCEDURE_OF_ORIGIN[origin]) return {};
  const answer = await queryPeer<{
    _entities: ({
      indicationRequests:
        { id: string; procedure: string; status: string; vacancy: { id: string } | null }[] | null;
    } | null)[];
  }>(context, 'indications', REQUESTS_OF_PERSON, { representations }, { categories: ['j', 'm'] });
  const requests = answer.data?._entities[0]?.indicationRequests ?? [];
  return {
    requests: requests.map(({ vacancy, ...request }) => ({
      ...request,
      vacancyId: vacancy?.id ?? null,
    })),
  };
}

const RECORD_SPOED_HIRE = `mutation RecordSpoedHire($input: RecordSpoedHireInput!) {
  recordSpoedHire(input: $input) { id }
}`;

/**
 * A hire on a spoed request's vacancy fulfils its hiring obligation (000 BA6), which the
 * indications subgraph records on the advice. Asked after the hire has committed, since a peer
 * call must not hold the transaction; indications refuses (INVALID_TRANSITION) an advice with no
 * open spoed obligation, which is most hires. A failed call leaves the obligation open, visible
 * as such, and a replay of the hire with its idempotency key sends it again; the key below
 * makes indications record it once.
 */
async function closeSpoedObligation(
  context: MaatwerkContext,
  placement: PlacementRow,
  vacancyId: string,
) {
  if (!placement.adviceId) return;
  try {
    const answer = await queryPeer(context, 'indications', RECORD_SPOED_HIRE, {
      input: {
        adviceId: placement.adviceId,
        vacancyId,
        hiredOn: placement.startDate,
        idempotencyKey: `hire:${placement.id}`,
      },
    });
    const refused = answer.errors.filter(
      (error) => error.extensions?.code !== ErrorCode.INVALID_TRANSITION,
    );
    if (refused.length > 0) throw new Error(refused.map((error) => error.message).join('; '));
  } catch (error) {
    logger.error(
      {
        err: error,
        placementId: placement.id,
        adviceId: placement.adviceId,
        requestId: context.caller.requestId,
      },
      'The spoed hire was not recorded on its advice; replay the hire with its idempotency key.',
    );
  }
}

async function scopedReferral(tx: Database, context: MaatwerkContext, id: string) {
  const [referral] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), referralRows(context.policy.rows)))
    .for('update');
  if (!referral) throw notFound('Referral', id);
  return referral;
}

const loadReferral = async (tx: Database, id: string): Promise<ReferralRow> => {
  const [referral] = await tx.select().from(referrals).where(eq(referrals.id, id));
  return referral;
};

/** The referral lifecycle of B.2.3 as mutations: propose, then move step by step. */
@Resolver(() => Referral)
export class ReferralWorkflowResolver {
  @Category('n')
  @Mutation(() => Referral, {
    description: 'Refers a person in your caseload to an open vacancy (status PROPOSED).',
  })
  proposeReferral(
    @Arg('input', () => ProposeReferralInput) input: ProposeReferralInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<ReferralRow> {
    return runMutation(context, {
      name: 'proposeReferral',
      rule: proposeReferralRule,
      // VDAB and its partners refer (toeleiding); employers receive referrals.
      input,
      idempotencyKeys,
      load: loadReferral,
      gather: (valid) => originFacts(context, valid.origin, valid.personId),
      write: async (tx, valid, facts) => {
        if (!(await context.policy.reaches(tx, valid.personId))) {
          throw notFound('Person', valid.personId);
        }
        const [vacancy] = await tx
          .select()
          .from(vacancies)
          .where(eq(vacancies.id, valid.vacancyId))
          .for('share');
        if (!vacancy) throw notFound('Vacancy', valid.vacancyId);
        if (vacancy.status !== 'OPEN') {
          throw badUserInput(
            'input.vacancyId',
            `must be an open vacancy; ${vacancy.id} is ${vacancy.status}`,
          );
        }
        const problem = originProblem(valid.origin, facts, vacancy.id, valid.personId);
        if (problem) throw badUserInput('input.origin', problem);
        const open = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(
            and(
              eq(referrals.personId, valid.personId),
              eq(referrals.vacancyId, vacancy.id),
              inArray(referrals.status, [...IN_PROGRESS_STATUSES]),
            ),
          );
        if (open.length > 0) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${valid.personId} already has referral ${open[0].id} to ${vacancy.id} in progress.`,
            { referralId: open[0].id },
          );
        }
        const [referral] = await tx
          .insert(referrals)
          .values(
            proposedReferral(
              {
                id: await nextId(tx, referralNumbers, 'R'),
                personId: valid.personId,
                vacancyId: vacancy.id,
                employerId: vacancy.employerId,
                origin: valid.origin,
                matchBasis: valid.matchBasis,
              },
              now(),
            ),
          )
          .returning();
        const today = context.policy.today;
        await recordFact(tx, referralFact(referral, { proposedOn: today, changedOn: today }));
        return { record: referral, id: referral.id, personId: referral.personId };
      },
    });
  }

  @Category('n')
  @Mutation(() => Referral, {
    description:
      'Moves a referral one step: contacted, intake, BVS, or a failed end with its feedback.',
  })
  moveReferral(
    @Arg('input', () => MoveReferralInput) input: MoveReferralInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<ReferralRow> {
    return runMutation(context, {
      name: 'moveReferral',
      rule: moveReferralRule,
      input,
      idempotencyKeys,
      load: loadReferral,
      write: async (tx, valid) => {
        const current = await scopedReferral(tx, context, valid.referralId);
        const [referral] = await tx
          .update(referrals)
          .set(movedReferral(current, valid, now()))
          .where(eq(referrals.id, current.id))
          .returning();
        await recordFact(
          tx,
          referralFact(referral, {
            proposedOn: isoDate(referral.proposedAt),
            changedOn: context.policy.today,
          }),
        );
        return { record: referral, id: referral.id, personId: referral.personId };
      },
    });
  }

  @Category('n')
  @Mutation(() => Placement, {
    description:
      'Hires the candidate of a referral at INTAKE or BVS: the referral becomes HIRED and a placement starts. The person must hold an advice valid on the start date for the vacancy’s measure.',
  })
  async hireCandidate(
    @Arg('input', () => HireCandidateInput) input: HireCandidateInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<PlacementRow> {
    let vacancyId: string | null = null;
    const placement = await runMutation(context, {
      name: 'hireCandidate',
      rule: hireRule,
      input,
      idempotencyKeys,
      load: async (tx, id) => (await tx.select().from(placements).where(eq(placements.id, id)))[0],
      // The advices live in the indications subgraph: asked before the transaction, as the
      // employer, for the person the referral names (a referral never changes its person).
      gather: async (valid) => {
        const [referral] = await context.db
          .select({ personId: referrals.personId, vacancyId: referrals.vacancyId })
          .from(referrals)
          .where(and(eq(referrals.id, valid.referralId), referralRows(context.policy.rows)));
        vacancyId = referral?.vacancyId ?? null;
        return { advices: referral ? await advicesOf(context, referral.personId) : [] };
      },
      write: async (tx, valid, facts) => {
        const current = await scopedReferral(tx, context, valid.referralId);
        const hired = movedReferral(current, { status: 'HIRED' }, now());
        const [vacancy] = current.vacancyId
          ? await tx
              .select()
              .from(vacancies)
              .where(eq(vacancies.id, current.vacancyId))
              .for('update')
          : [];
        const hire = vacancy ? HIRE_BY_MEASURE[vacancy.measure] : undefined;
        if (!vacancy || !hire) {
          throw badUserInput(
            'input.referralId',
            `must be a referral to a CMW, IMW, AMA SE or BVS vacancy${vacancy ? `; ${vacancy.id} is ${vacancy.measure}` : ''}`,
          );
        }
        if (hire.advice) {
          if (!valid.adviceId) {
            throw badUserInput(
              'input.adviceId',
              `is required: a ${vacancy.measure} place needs a ${hire.advice} advice`,
            );
          }
          const advice = facts.advices.find((candidate) => candidate.id === valid.adviceId);
          const problem = adviceProblem(advice, hire.advice, valid.startDate, context.policy.today);
          if (problem) throw badUserInput('input.adviceId', `${valid.adviceId} ${problem}`);
        }
        await tx.update(referrals).set(hired).where(eq(referrals.id, current.id));
        await recordFact(
          tx,
          referralFact(hired, {
            proposedOn: isoDate(hired.proposedAt),
            changedOn: context.policy.today,
          }),
        );
        const [placement] = await tx
          .insert(placements)
          .values(
            hiredPlacement(hired, {
              id: await nextId(tx, placementNumbers, 'PL'),
              type: hire.type,
              adviceId: hire.advice ? (valid.adviceId ?? null) : null,
              startDate: valid.startDate,
              fte: valid.fte,
            }),
          )
          .returning();
        await recordFact(tx, placementFact(placement));
        const [{ active }] = await tx
          .select({ active: count() })
          .from(placements)
          .innerJoin(referrals, eq(referrals.id, placements.referralId))
          .where(and(eq(referrals.vacancyId, vacancy.id), eq(placements.status, 'ACTIVE')));
        if (active >= vacancy.positions && VACANCY_LIFECYCLE.canMove(vacancy.status, 'FILLED')) {
          const filled = movedVacancy(vacancy, 'FILLED', today());
          await tx
            .update(vacancies)
            .set({ status: filled.status, closedAt: filled.closedAt })
            .where(eq(vacancies.id, vacancy.id));
        }
        return { record: placement, id: placement.id, personId: placement.personId };
      },
    });
    if (vacancyId) await closeSpoedObligation(context, placement, vacancyId);
    return placement;
  }
}
