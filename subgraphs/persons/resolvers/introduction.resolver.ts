import { and, eq, isNull, notInArray } from 'drizzle-orm';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import {
  adviceTypeForMeasure,
  memberByPseudonym,
  poolTickets,
} from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import type { RowScope } from '../../../common/access/rows';
import { now } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode, notFound } from '../../../common/errors';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { queryPeer } from '../../../common/peers';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import {
  idempotencyKeys,
  introductionNumbers,
  introductionRequests,
  persons,
  type IntroductionRequestRow,
} from '../tables';
import { IntroductionStatus } from '../types/enums';
import { IntroductionRequest } from '../types/introduction';
import { Vacancy } from '../types/matching';
import { Person } from '../types/person';
import {
  answeredIntroduction,
  answerIntroductionRule,
  requestedIntroduction,
  requestIntroductionRule,
} from '../workflow/introduction';
import { AT_WORK } from '../matching';
import { ownOpenVacancy } from './candidate.resolver';

const IntroductionRequestConnection = ConnectionType(IntroductionRequest, 'IntroductionRequest');

/** The introduction requests the caller may reach (common/access decides whose). */
const introductionRows = (rows: RowScope) =>
  rows.introductionRequests({
    personId: introductionRequests.personId,
    employerId: introductionRequests.employerId,
  });

@ArgsType()
class IntroductionRequestsArgs extends ConnectionArgs {
  @Category('n')
  @Field(() => IntroductionStatus, { nullable: true })
  status?: EnumValue<typeof IntroductionStatus> | null;
}

@InputType({ description: 'Ask VDAB to introduce you to a candidate of your vacancy’s pool.' })
class RequestIntroductionInput extends MutationInput {
  @Field(() => String, { description: 'The candidate’s pseudonym, as `candidates` shows it.' })
  pseudonym: string;

  @Field(() => ID, { description: 'Your open vacancy whose pool the candidate is in.' })
  vacancyId: string;
}

@InputType({ description: 'VDAB’s answer to an employer’s request for an introduction.' })
class AnswerIntroductionRequestInput extends MutationInput {
  @Field(() => ID)
  introductionRequestId: string;

  @Field(() => Boolean, {
    description: 'true: refer the candidate to the vacancy (a referral); false: refuse.',
  })
  accept: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Required to refuse; the employer reads it.',
  })
  reason?: string | null;
}

const loadIntroduction = async (tx: Database, id: string): Promise<IntroductionRequestRow> => {
  const [request] = await tx
    .select()
    .from(introductionRequests)
    .where(eq(introductionRequests.id, id));
  return request;
};

/** The candidate behind an employer's pseudonym, among the vacancy's pool who look for work. */
async function poolMember(
  db: Database,
  query: { employerId: string; pseudonym: string; adviceType: string; today: string },
): Promise<string | undefined> {
  const tickets = await poolTickets(db, query.adviceType, query.today);
  const personId = memberByPseudonym(query.employerId, query.pseudonym, tickets.keys());
  if (!personId) return undefined;
  const [looking] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), notInArray(persons.labourMarketStatus, [...AT_WORK])));
  return looking?.id;
}

const PROPOSE_REFERRAL = `mutation IntroducedReferral($input: ProposeReferralInput!) {
  proposeReferral(input: $input) { id }
}`;

/**
 * From profile to person, the legal ways only (issue 14, B.4 note 11): an employer asks VDAB to
 * introduce it to a pseudonymous candidate of its vacancy's pool; the mediator, or the partner
 * guiding the person, sees the request in its caseload and accepts it, which makes a VDAB
 * referral (and so opens the candidate to that employer), or refuses it with a reason.
 */
@Resolver(() => IntroductionRequest)
export class IntroductionResolver {
  @Category('n')
  @Query(() => IntroductionRequestConnection, {
    description:
      'Introduction requests, in id order: an employer’s own; those about your caseload for VDAB and its partners; your own as a citizen.',
  })
  introductionRequests(
    @Args(() => IntroductionRequestsArgs) args: IntroductionRequestsArgs,
    @Ctx() { db, policy }: PersonsContext,
  ) {
    const status = args.status ? eq(introductionRequests.status, args.status) : undefined;
    return paginate(
      db,
      introductionRequests,
      'id',
      and(introductionRows(policy.rows), status),
      args,
    );
  }

  @FieldResolver(() => Vacancy)
  vacancy(@Root() request: IntroductionRequestRow): Vacancy {
    return { id: request.vacancyId };
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'Whom it is about, if you may see them: VDAB and its partners do; an employer once the referral (or the candidate’s opt-in) opens them, null before.',
  })
  person(@Root() request: IntroductionRequestRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.personById.load(request.personId);
  }

  @Category('n')
  @Mutation(() => IntroductionRequest, {
    description:
      'Asks VDAB to introduce you to a candidate of your open vacancy’s pool, by pseudonym (status REQUESTED). The identity opens only once VDAB refers the candidate.',
  })
  requestIntroduction(
    @Arg('input', () => RequestIntroductionInput) input: RequestIntroductionInput,
    @Ctx() context: PersonsContext,
  ): Promise<IntroductionRequestRow> {
    const { policy } = context;
    return runMutation(context, {
      name: 'requestIntroduction',
      rule: requestIntroductionRule,
      input,
      idempotencyKeys,
      load: loadIntroduction,
      // The vacancy is maatwerk's, asked as the same employer before the transaction opens.
      gather: async (valid) => {
        const employerId = policy.rows.ownEmployer();
        const vacancy = await ownOpenVacancy(
          context,
          employerId,
          valid.vacancyId,
          'input.vacancyId',
        );
        const adviceType = adviceTypeForMeasure(vacancy.measure);
        const personId = adviceType
          ? await poolMember(context.db, {
              employerId,
              pseudonym: valid.pseudonym,
              adviceType,
              today: policy.today,
            })
          : undefined;
        // Another employer's pseudonym, a candidate who left the pool, or a made-up one: alike.
        if (!personId) {
          throw domainError(
            ErrorCode.NOT_FOUND,
            `Candidate ${valid.pseudonym} was not found in the pool of vacancy ${valid.vacancyId}. Take a pseudonym from candidates(vacancyId: "${valid.vacancyId}").`,
          );
        }
        return { employerId, personId };
      },
      write: async (tx, valid, { employerId, personId }) => {
        const [request] = await tx
          .insert(introductionRequests)
          .values(
            requestedIntroduction(
              {
                id: await nextId(tx, introductionNumbers, 'IN'),
                employerId,
                vacancyId: valid.vacancyId,
                personId,
                pseudonym: valid.pseudonym,
              },
              now(),
            ),
          )
          .onConflictDoNothing()
          .returning();
        if (!request) {
          const [waiting] = await tx
            .select({ id: introductionRequests.id })
            .from(introductionRequests)
            .where(
              and(
                eq(introductionRequests.employerId, employerId),
                eq(introductionRequests.vacancyId, valid.vacancyId),
                eq(introductionRequests.personId, personId),
                eq(introductionRequests.status, 'REQUESTED'),
              ),
            );
          throw domainError(
            ErrorCode.CONFLICT,
            `You already asked to be introduced to ${valid.pseudonym} for ${valid.vacancyId} (${waiting?.id}); VDAB has not answered yet.`,
            { introductionRequestId: waiting?.id },
          );
        }
        return { record: request, id: request.id, personId };
      },
    });
  }

  @Category('n')
  @Mutation(() => IntroductionRequest, {
    description:
      'Answers an introduction request about a person in your caseload: accept makes a VDAB referral to the vacancy (status ACCEPTED, `referralId`), refuse needs a reason. An acceptance whose referral could not be made is sent again by accepting again.',
  })
  async answerIntroductionRequest(
    @Arg('input', () => AnswerIntroductionRequestInput) input: AnswerIntroductionRequestInput,
    @Ctx() context: PersonsContext,
  ): Promise<IntroductionRequestRow> {
    const { caller, policy } = context;
    const answered = await runMutation(context, {
      name: 'answerIntroductionRequest',
      rule: answerIntroductionRule,
      input,
      idempotencyKeys,
      load: loadIntroduction,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(introductionRequests)
          .where(
            and(
              eq(introductionRequests.id, valid.introductionRequestId),
              introductionRows(policy.rows),
            ),
          )
          .for('update');
        if (!current) throw notFound('IntroductionRequest', valid.introductionRequestId);
        // Accepted before, but its referral was not made: it is sent again below.
        const resend = valid.accept && current.status === 'ACCEPTED' && !current.referralId;
        const request = resend
          ? current
          : (
              await tx
                .update(introductionRequests)
                .set(answeredIntroduction(current, valid, { org: caller.org, at: now() }))
                .where(eq(introductionRequests.id, current.id))
                .returning()
            )[0];
        return { record: request, id: request.id, personId: request.personId };
      },
    });
    if (answered.status !== 'ACCEPTED' || answered.referralId) return answered;
    return referIntroduced(context, answered);
  }
}

/**
 * An accepted introduction becomes a VDAB referral in maatwerk, asked as the same caller after
 * the acceptance has committed (a transaction must not wait on another service; on the embedded
 * database it would wait on itself). The idempotency key makes maatwerk refer once however often
 * it is sent; a referral already in progress for the person and vacancy is the one linked.
 */
async function referIntroduced(
  context: PersonsContext,
  request: IntroductionRequestRow,
): Promise<IntroductionRequestRow> {
  const answer = await queryPeer<{ proposeReferral: { id: string } | null }>(
    context,
    'maatwerk',
    PROPOSE_REFERRAL,
    {
      input: {
        personId: request.personId,
        vacancyId: request.vacancyId,
        matchBasis: ['introduction requested by the employer'],
        idempotencyKey: `introduction:${request.id}`,
      },
    },
    { categories: ['n'] },
  );
  const [error] = answer.errors;
  const conflicting =
    error?.extensions?.code === ErrorCode.CONFLICT
      ? (error.extensions as { referralId?: unknown }).referralId
      : undefined;
  const referralId =
    answer.data?.proposeReferral?.id ?? (typeof conflicting === 'string' ? conflicting : null);
  if (!referralId) {
    throw domainError(
      (error?.extensions?.code as ErrorCode | undefined) ?? ErrorCode.SUBGRAPH_UNAVAILABLE,
      `Introduction request ${request.id} is accepted, but maatwerk made no referral: ${(error?.message ?? 'no answer').replace(/\.?$/, '.')} Accept it again to retry, or refuse it with a reason.`,
      { introductionRequestId: request.id },
    );
  }
  const [linked] = await context.db
    .update(introductionRequests)
    .set({ referralId })
    .where(and(eq(introductionRequests.id, request.id), isNull(introductionRequests.referralId)))
    .returning();
  return linked ?? (await loadIntroduction(context.db, request.id));
}
