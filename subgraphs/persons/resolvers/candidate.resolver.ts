import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';

import {
  adviceTypeForMeasure,
  assertMayPullCandidates,
  POOL_MEASURES,
  poolChangedSince,
  pseudonymOf,
} from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { todayInBelgium } from '../../../common/dates';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, notFound } from '../../../common/errors';
import {
  ConnectionArgs,
  ConnectionType,
  paginateInMemory,
  type Connection,
} from '../../../common/pagination';
import { DateTimeScalar } from '../../../common/scalars';
import type { PersonsContext } from '../loaders';
import { fitOf, orderKey, poolFor, scoreOf, vacancyFacts, type PlacedVacancy } from '../matching';
import { CandidateProfile, CandidateRemoval, type CandidateMeasure } from '../types/candidate';
import type { LanguageLevel } from '../types/enums';

const CandidateConnection = ConnectionType(CandidateProfile, 'CandidateProfile');
const CandidateRemovalConnection = ConnectionType(CandidateRemoval, 'CandidateRemoval');

@ArgsType()
class CandidatesArgs extends ConnectionArgs {
  @Category('l', { views: [11] })
  @Field(() => ID, { description: 'One of your own open vacancies.' })
  vacancyId: string;

  @Category('l', { views: [11] })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only the profiles that joined the pool since: a ticket valid from this instant’s day on, or a return to the pool recorded since (a nightly sync; candidatesRemoved tells who left).',
  })
  changedSince?: Date | null;
}

@ArgsType()
class CandidatesRemovedArgs extends ConnectionArgs {
  @Category('l', { views: [11] })
  @Field(() => ID, { description: 'One of your own open vacancies.' })
  vacancyId: string;

  @Category('l', { views: [11] })
  @Field(() => DateTimeScalar, { description: 'When your previous pull began.' })
  changedSince: Date;
}

/**
 * The vacancy the pool is pulled for: the caller's own, open. Another employer's vacancy, or
 * one that does not exist, is NOT_FOUND alike. Asked of maatwerk outside any transaction.
 */
export async function ownOpenVacancy(
  context: PersonsContext,
  employerId: string,
  vacancyId: string,
  argument = 'vacancyId',
): Promise<PlacedVacancy> {
  const vacancy = await vacancyFacts(context, vacancyId);
  if (!vacancy || vacancy.employer?.id !== employerId || !vacancy.municipality) {
    throw notFound('Vacancy', vacancyId);
  }
  if (vacancy.status !== 'OPEN') {
    throw badUserInput(
      argument,
      `vacancy ${vacancyId} is ${vacancy.status}; only an open vacancy has candidates`,
    );
  }
  return vacancy as PlacedVacancy;
}

/** The employer's open vacancy, the advice type its pool holds, and that pool. */
async function employerPool(context: PersonsContext, vacancyId: string) {
  assertMayPullCandidates(context.policy.caller);
  const employerId = context.policy.rows.ownEmployer();
  const vacancy = await ownOpenVacancy(context, employerId, vacancyId);
  const adviceType = adviceTypeForMeasure(vacancy.measure);
  if (!adviceType) {
    throw badUserInput(
      'vacancyId',
      `vacancy ${vacancyId} is for ${vacancy.measure}, which no advice opens; the pool serves ${POOL_MEASURES.join(', ')} vacancies`,
    );
  }
  return { employerId, vacancy, adviceType, pool: await poolFor(context, adviceType) };
}

@Resolver(() => CandidateProfile)
export class CandidateResolver {
  @Category('l', { views: [11] })
  @Query(() => CandidateConnection, {
    description:
      'The pseudonymous candidate pool for one of your open vacancies (employers only, B.4 note 11): holders of a valid advice of the vacancy’s measure who look for work, ranked by fit, generalised to k-anonymity.',
  })
  async candidates(
    @Args(() => CandidatesArgs) args: CandidatesArgs,
    @Ctx() context: PersonsContext,
  ): Promise<Connection<CandidateProfile>> {
    const { employerId, vacancy, pool } = await employerPool(context, args.vacancyId);
    const since = args.changedSince ? todayInBelgium(args.changedSince) : undefined;
    // Joined since: a ticket that began since, or a return to the pool the directory recorded
    // since (an opt-out taken back, a placement ended).
    const changed = args.changedSince
      ? new Set(await poolChangedSince(context.db, pool.adviceType, args.changedSince, pool.today))
      : undefined;

    const entries = [...pool.shown]
      .filter(
        ([member]) => !since || member.ticket.since >= since || changed!.has(member.person.id),
      )
      .map(([member, generalised]) => ({
        key: orderKey(scoreOf(pool, member, vacancy), pseudonymOf(employerId, member.person.id)),
        member,
        generalised,
      }));
    return paginateInMemory(entries, args, ({ member, generalised }): CandidateProfile => {
      const { person } = member;
      const { score, why } = fitOf(pool, member, vacancy);
      return {
        personId: person.id,
        pseudonym: pseudonymOf(employerId, person.id),
        region: { personId: person.id, ...generalised.region },
        ageBand: generalised.ageBand,
        activityPreferences: person.activityPreferences,
        availableFrom: member.availableFrom,
        languages: [
          { personId: person.id, language: 'nl', level: person.dutchLevel },
          { personId: person.id, language: 'en', level: person.englishLevel },
        ] as { personId: string; language: string; level: EnumValue<typeof LanguageLevel> }[],
        educationLevel: person.educationLevel,
        mobility: person.mobility,
        measure: pool.adviceType as EnumValue<typeof CandidateMeasure>,
        ticketValidUntil: member.ticket.until,
        score,
        why,
      };
    });
  }

  @Category('l', { views: [11] })
  @Query(() => CandidateRemovalConnection, {
    description:
      'The pseudonyms that left the pool of one of your open vacancies since an instant (a nightly sync deletes them): whoever may have been in it since and is not now, because the ticket ended, the person was hired, opted out, or is left out for k-anonymity. It may name a pseudonym you never pulled; nothing is kept to compute it.',
  })
  async candidatesRemoved(
    @Args(() => CandidatesRemovedArgs) args: CandidatesRemovedArgs,
    @Ctx() context: PersonsContext,
  ): Promise<Connection<CandidateRemoval>> {
    const { employerId, pool } = await employerPool(context, args.vacancyId);
    const changed = await poolChangedSince(
      context.db,
      pool.adviceType,
      args.changedSince,
      pool.today,
    );
    const shown = new Set([...pool.shown.keys()].map((member) => member.person.id));
    const left = new Set(changed.filter((personId) => !shown.has(personId)));
    // Members k-anonymity leaves out today may have been shown before: reported as gone too.
    for (const member of pool.members) if (!pool.shown.has(member)) left.add(member.person.id);
    const entries = [...left].map((personId) => {
      const pseudonym = pseudonymOf(employerId, personId);
      return { key: pseudonym, node: { personId, pseudonym } };
    });
    return paginateInMemory(entries, args, (entry) => entry.node);
  }
}
