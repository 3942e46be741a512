import { and, eq, gt, lte, notInArray, sql } from 'drizzle-orm';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';

import {
  adviceTypeForMeasure,
  assertMayPullCandidates,
  kAnonymise,
  POOL_MEASURES,
  poolTickets,
  pseudonymOf,
  regionContains,
  type Generalised,
  type PoolTicket,
} from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { anyOf } from '../../../common/db/any-of';
import { today as clockToday } from '../../../common/clock';
import { addDays, todayInBelgium } from '../../../common/dates';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import {
  ConnectionArgs,
  ConnectionType,
  decodeCursor,
  encodeCursor,
  type Connection,
} from '../../../common/pagination';
import { pageSize } from '../../../common/page-size';
import { queryPeer } from '../../../common/peers';
import { DateTimeScalar } from '../../../common/scalars';
import type { PersonsContext } from '../loaders';
import { persons, trajectories, trajectoryActions, type PersonRow } from '../tables';
import { CandidateProfile, type CandidateMeasure } from '../types/candidate';
import type { LanguageLevel } from '../types/enums';

const CandidateConnection = ConnectionType(CandidateProfile, 'CandidateProfile');

@ArgsType()
class CandidatesArgs extends ConnectionArgs {
  @Category('l', { views: [11] })
  @Field(() => ID, { description: 'One of your own open vacancies.' })
  vacancyId: string;

  @Category('l', { views: [11] })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only the profiles that joined the pool on or after this instant’s day (a nightly sync).',
  })
  changedSince?: Date | null;
}

/** The vacancy as the maatwerk subgraph shows it to the same caller. */
interface VacancyFacts {
  measure: string;
  activity: string;
  status: string;
  languageRequirement: string;
  employer: { id: string } | null;
  municipality: { nisCode: string } | null;
}

const VACANCY = `query CandidateVacancy($id: ID!) {
  vacancy(id: $id) {
    measure activity status languageRequirement
    employer { id }
    municipality { nisCode }
  }
}`;

/**
 * The vacancy the pool is pulled for: the caller's own, open. Another employer's vacancy, or
 * one that does not exist, is NOT_FOUND alike. Asked of maatwerk outside any transaction.
 */
export async function ownOpenVacancy(
  context: PersonsContext,
  employerId: string,
  vacancyId: string,
  argument = 'vacancyId',
): Promise<VacancyFacts & { municipality: { nisCode: string } }> {
  const answer = await queryPeer<{ vacancy: VacancyFacts | null }>(
    context,
    'maatwerk',
    VACANCY,
    { id: vacancyId },
    { categories: ['m'] },
  );
  if (answer.errors.length > 0 && !answer.data?.vacancy) {
    throw domainError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      `The maatwerk subgraph gave no vacancy ${vacancyId}: ${answer.errors[0].message}`,
    );
  }
  const vacancy = answer.data?.vacancy;
  if (!vacancy || vacancy.employer?.id !== employerId || !vacancy.municipality) {
    throw notFound('Vacancy', vacancyId);
  }
  if (vacancy.status !== 'OPEN') {
    throw badUserInput(
      argument,
      `vacancy ${vacancyId} is ${vacancy.status}; only an open vacancy has candidates`,
    );
  }
  return vacancy as VacancyFacts & { municipality: { nisCode: string } };
}

/** Persons looking for work: not at work (a placement or a job makes them WERKEND). */
export const AT_WORK = ['WERKEND', 'INTERIM'] as const;

const LEVELS: readonly string[] = ['NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** A pool member with what the ranking reads, before it is shown. */
interface Member {
  person: PersonRow;
  residenceNisCode: string;
  birthDate: string;
  ticket: PoolTicket;
  availableFrom: string;
}

/**
 * The fit of a profile with the vacancy, computed from the profile as shown (its generalised
 * region), so neither the score nor a reason tells more than the profile itself.
 */
function fit(
  member: Member,
  shown: Generalised,
  vacancy: VacancyFacts & { municipality: { nisCode: string } },
  adviceType: string,
  today: string,
): { score: number; why: string[] } {
  const why = [`holds a valid ${adviceType} ticket until ${member.ticket.until}`];
  let score = 25;
  if (member.person.activityPreferences.includes(vacancy.activity)) {
    score += 30;
    why.push(`wants to work in ${vacancy.activity}`);
  }
  if (regionContains(shown.region, vacancy.municipality.nisCode)) {
    const points = {
      MUNICIPALITY: 25,
      ARRONDISSEMENT: 20,
      PROVINCE: member.person.mobility === 'CAR' ? 15 : 10,
      FLANDERS: 0,
    }[shown.region.level];
    // Limited mobility reaches a workplace in its own municipality only.
    const outOfReach =
      member.person.mobility === 'LIMITED' && shown.region.level !== 'MUNICIPALITY';
    if (points > 0 && !outOfReach) {
      score += points;
      why.push(`lives in ${shown.region.name}, where the workplace is`);
    }
  }
  if (member.availableFrom <= today) {
    score += 20;
    why.push('available now');
  } else if (member.availableFrom <= addDays(today, 30)) {
    score += 10;
    why.push(`available from ${member.availableFrom}`);
  }
  const required = vacancy.languageRequirement;
  if (required !== 'NONE') {
    if (LEVELS.indexOf(member.person.dutchLevel) >= LEVELS.indexOf(required)) {
      why.push(`meets the vacancy’s Dutch level (${required})`);
    } else {
      score -= 15;
      why.push(`Dutch below the vacancy’s ${required}`);
    }
  }
  return { score: Math.max(0, Math.min(100, score)), why };
}

/** The cursor's order: best fit first, then by pseudonym (random-like and per employer). */
const orderKey = (score: number, pseudonym: string) =>
  `${String(999 - score).padStart(3, '0')}|${pseudonym}`;

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
    const { db, policy } = context;
    assertMayPullCandidates(policy.caller);
    const employerId = policy.rows.ownEmployer();
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const vacancy = await ownOpenVacancy(context, employerId, args.vacancyId);
    const adviceType = adviceTypeForMeasure(vacancy.measure);
    if (!adviceType) {
      throw badUserInput(
        'vacancyId',
        `vacancy ${args.vacancyId} is for ${vacancy.measure}, which no advice opens; the pool serves ${POOL_MEASURES.join(', ')} vacancies`,
      );
    }
    const today = clockToday();

    const tickets = await poolTickets(db, adviceType, today);
    const ids = [...tickets.keys()];
    const rows = ids.length
      ? await db
          .select()
          .from(persons)
          .where(and(anyOf(persons.id, ids), notInArray(persons.labourMarketStatus, [...AT_WORK])))
      : [];
    // A running action (a training, an internship) makes a candidate available the day after.
    const busy = rows.length
      ? await db
          .select({
            personId: trajectories.personId,
            until: sql<string>`max(${trajectoryActions.endDate})::text`,
          })
          .from(trajectoryActions)
          .innerJoin(trajectories, eq(trajectories.id, trajectoryActions.trajectoryId))
          .where(
            and(
              anyOf(
                trajectories.personId,
                rows.map((row) => row.id),
              ),
              lte(trajectoryActions.startDate, today),
              gt(trajectoryActions.endDate, today),
            ),
          )
          .groupBy(trajectories.personId)
      : [];
    const busyUntil = new Map(busy.map((row) => [row.personId, row.until]));

    const members: Member[] = rows.map((person) => {
      const ticket = tickets.get(person.id)!;
      const free = busyUntil.get(person.id);
      return {
        person,
        residenceNisCode: person.residenceNisCode,
        birthDate: person.birthDate,
        ticket,
        availableFrom: free ? addDays(free, 1) : ticket.since,
      };
    });
    const shown = kAnonymise(members, today);
    const since = args.changedSince ? todayInBelgium(args.changedSince) : undefined;

    const profiles = [...shown]
      .filter(([member]) => !since || member.ticket.since >= since)
      .map(([member, generalised]) => {
        const { person } = member;
        const pseudonym = pseudonymOf(employerId, person.id);
        const { score, why } = fit(member, generalised, vacancy, adviceType, today);
        const profile: CandidateProfile = {
          personId: person.id,
          pseudonym,
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
          measure: adviceType as EnumValue<typeof CandidateMeasure>,
          ticketValidUntil: member.ticket.until,
          score,
          why,
        };
        return { key: orderKey(score, pseudonym), profile };
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    const start = after ? profiles.findIndex((entry) => entry.key > after) : 0;
    const rest = start < 0 ? [] : profiles.slice(start);
    const page = rest.slice(0, limit);
    const edges = page.map(({ key, profile }) => ({ cursor: encodeCursor(key), node: profile }));
    return {
      edges,
      pageInfo: { hasNextPage: rest.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: Promise.resolve(profiles.length),
    };
  }
}
