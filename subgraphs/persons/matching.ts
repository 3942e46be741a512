import DataLoader from 'dataloader';
import { and, eq, gt, lte, notInArray, sql } from 'drizzle-orm';

import {
  adviceTypeForMeasure,
  kAnonymise,
  poolTickets,
  regionContains,
  type Generalised,
  type PoolTicket,
} from '../../common/access/candidate-pool';
import type { RequestPolicy } from '../../common/access/policy';
import { anyOf } from '../../common/db/any-of';
import { addDays } from '../../common/dates';
import { domainError, ErrorCode } from '../../common/errors';
import { queryPeer } from '../../common/peers';
import type { PersonsContext } from './loaders';
import { persons, trajectories, trajectoryActions, type PersonRow } from './tables';

/**
 * The candidate pool and its ranking (issue 14), one implementation for every reader: the
 * employer's pseudonymous pull (`candidates`), VDAB's and GTB's matching within their caseload
 * (`Vacancy.candidates`, `Person.matchingVacancies`) and a nightly sync's removals. Who may read
 * what of it is decided in common/access/candidate-pool.ts; this file only builds and ranks.
 */

/** The vacancy as the maatwerk subgraph shows it to the same caller. */
export interface VacancyFacts {
  id: string;
  measure: string;
  activity: string;
  status: string;
  languageRequirement: string;
  employer: { id: string } | null;
  municipality: { nisCode: string } | null;
}

/** A vacancy the pool can rank for: it has a workplace. */
export type PlacedVacancy = VacancyFacts & { municipality: { nisCode: string } };

const VACANCY_FIELDS =
  'id measure activity status languageRequirement employer { id } municipality { nisCode }';

/** Persons looking for work: not at work (a placement or a job makes them WERKEND). */
export const AT_WORK = ['WERKEND', 'INTERIM'] as const;

const LEVELS: readonly string[] = ['NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** A pool member with what the ranking reads, before it is shown. */
export interface Member {
  person: PersonRow;
  residenceNisCode: string;
  birthDate: string;
  ticket: PoolTicket;
  availableFrom: string;
}

/** The pool of one advice type on one day: its members and how each is shown. */
export interface Pool {
  adviceType: string;
  today: string;
  members: Member[];
  byPerson: ReadonlyMap<string, Member>;
  /** The generalised profile of every member k-anonymity lets be shown; the rest are absent. */
  shown: ReadonlyMap<Member, Generalised>;
}

/**
 * The pool of an advice type on `today`: the holders of a valid ticket who look for work and did
 * not opt out (common/access/candidate-pool.ts), with their availability, generalised to
 * k-anonymity over the whole pool, so a person is shown the same to every reader. Three
 * statements, whatever the pool's size.
 */
export async function loadPool(
  db: PersonsContext['db'],
  adviceType: string,
  today: string,
): Promise<Pool> {
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
  return {
    adviceType,
    today,
    members,
    byPerson: new Map(members.map((member) => [member.person.id, member])),
    shown: kAnonymise(members, today),
  };
}

/** What k-anonymity makes of a member it cannot show: Flanders, any age. */
const COARSEST: Generalised = {
  region: { level: 'FLANDERS', code: 'VLG', name: 'Vlaanderen' },
  ageBand: 'ANY',
};

/**
 * The profile a member is ranked by: as the pool shows it to an employer, so a mediator and an
 * employer see one score and one set of reasons for one person; a member the pool cannot show
 * (too few alike) is ranked as the coarsest profile, never by more than any profile holds.
 */
export function rankedProfile(pool: Pool, member: Member): Generalised {
  return pool.shown.get(member) ?? COARSEST;
}

/**
 * The fit of a profile with the vacancy, computed from the profile as shown (its generalised
 * region), so neither the score nor a reason tells more than the profile itself.
 */
export function fit(
  member: Member,
  shown: Generalised,
  vacancy: PlacedVacancy,
  adviceType: string,
  today: string,
): { score: number; why: string[] } {
  const why: string[] = [];
  return { score: scored(member, shown, vacancy, adviceType, today, why), why };
}

/**
 * The score of `fit`, and its reasons when `why` is given: a pool is ranked by score alone, and
 * only the page shown says why.
 */
function scored(
  member: Member,
  shown: Generalised,
  vacancy: PlacedVacancy,
  adviceType: string,
  today: string,
  why?: string[],
): number {
  why?.push(`holds a valid ${adviceType} ticket until ${member.ticket.until}`);
  let score = 25;
  if (member.person.activityPreferences.includes(vacancy.activity)) {
    score += 30;
    why?.push(`wants to work in ${vacancy.activity}`);
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
      why?.push(`lives in ${shown.region.name}, where the workplace is`);
    }
  }
  if (member.availableFrom <= today) {
    score += 20;
    why?.push('available now');
  } else if (member.availableFrom <= addDays(today, 30)) {
    score += 10;
    why?.push(`available from ${member.availableFrom}`);
  }
  const required = vacancy.languageRequirement;
  if (required !== 'NONE') {
    if (LEVELS.indexOf(member.person.dutchLevel) >= LEVELS.indexOf(required)) {
      why?.push(`meets the vacancy’s Dutch level (${required})`);
    } else {
      score -= 15;
      why?.push(`Dutch below the vacancy’s ${required}`);
    }
  }
  return Math.max(0, Math.min(100, score));
}

/** A member's score with a vacancy alone, as `fitOf` gives it: what a pool is ranked by. */
export function scoreOf(pool: Pool, member: Member, vacancy: PlacedVacancy): number {
  return scored(member, rankedProfile(pool, member), vacancy, pool.adviceType, pool.today);
}

/** A member's fit with a vacancy, from the profile the pool ranks it by. */
export function fitOf(
  pool: Pool,
  member: Member,
  vacancy: PlacedVacancy,
): { score: number; why: string[] } {
  return fit(member, rankedProfile(pool, member), vacancy, pool.adviceType, pool.today);
}

/**
 * The cursor's order: best fit first, then by a tie-break key (the pseudonym for an employer,
 * random-like and its own; the person or vacancy id for VDAB).
 */
export const orderKey = (score: number, tieBreak: string) =>
  `${String(999 - score).padStart(3, '0')}|${tieBreak}`;

/** Whether a vacancy can be ranked for: open, with a workplace and a measure some advice fills. */
export function rankable(vacancy: VacancyFacts | null): vacancy is PlacedVacancy {
  return (
    !!vacancy &&
    vacancy.status === 'OPEN' &&
    !!vacancy.municipality &&
    !!adviceTypeForMeasure(vacancy.measure)
  );
}

// ── Per request: one pool per advice type, vacancies asked of maatwerk in batches ─────────────

interface RequestMatching {
  pools: Map<string, Promise<Pool>>;
  vacancies: DataLoader<string, VacancyFacts | null>;
  openByMeasure: Map<string, Promise<PlacedVacancy[]>>;
}

const perRequest = new WeakMap<RequestPolicy, RequestMatching>();

function matchingOf(context: PersonsContext): RequestMatching {
  let matching = perRequest.get(context.policy);
  if (!matching) {
    matching = {
      pools: new Map(),
      vacancies: new DataLoader((ids) => vacanciesById(context, [...ids]), { maxBatchSize: 100 }),
      openByMeasure: new Map(),
    };
    perRequest.set(context.policy, matching);
  }
  return matching;
}

/** The pool of an advice type today, built once per request however many fields read it. */
export function poolFor(context: PersonsContext, adviceType: string): Promise<Pool> {
  const { pools } = matchingOf(context);
  let pool = pools.get(adviceType);
  if (!pool) {
    pool = loadPool(context.db, adviceType, context.policy.today);
    pools.set(adviceType, pool);
  }
  return pool;
}

/** A vacancy as maatwerk shows it to the caller, or null; the vacancies of a request in one call. */
export function vacancyFacts(context: PersonsContext, id: string): Promise<VacancyFacts | null> {
  return matchingOf(context).vacancies.load(id);
}

function unavailable(what: string, errors: { message: string }[]): Error {
  return domainError(
    ErrorCode.SUBGRAPH_UNAVAILABLE,
    `The maatwerk subgraph gave no ${what}: ${errors[0]?.message ?? 'no answer'}`,
  );
}

/** One peer call for a batch of vacancies, one alias each; outside any transaction. */
async function vacanciesById(
  context: PersonsContext,
  ids: string[],
): Promise<(VacancyFacts | null)[]> {
  const declared = ids.map((_, i) => `$v${i}: ID!`).join(', ');
  const selected = ids.map((_, i) => `v${i}: vacancy(id: $v${i}) { ${VACANCY_FIELDS} }`).join('\n');
  const answer = await queryPeer<Record<string, VacancyFacts | null>>(
    context,
    'maatwerk',
    `query MatchedVacancies(${declared}) {\n${selected}\n}`,
    Object.fromEntries(ids.map((id, i) => [`v${i}`, id])),
    { categories: ['m'] },
  );
  // A vacancy the caller may not see is NOT_FOUND for it, and null here; anything else failed.
  const failed = answer.errors.filter((error) => error.extensions?.code !== 'NOT_FOUND');
  if (failed.length > 0 || !answer.data) throw unavailable('vacancies', answer.errors);
  return ids.map((_, i) => answer.data![`v${i}`] ?? null);
}

const OPEN_VACANCIES = `query OpenVacancies($measure: VacancyMeasure!, $after: String) {
  vacancies(measure: $measure, status: OPEN, first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { ${VACANCY_FIELDS} } }
  }
}`;

interface VacancyPage {
  vacancies: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: VacancyFacts }[];
  };
}

/** Every open vacancy of a measure, as the caller sees them: asked once per request. */
export function openVacancies(context: PersonsContext, measure: string): Promise<PlacedVacancy[]> {
  const { openByMeasure } = matchingOf(context);
  let found = openByMeasure.get(measure);
  if (!found) {
    found = (async () => {
      const all: PlacedVacancy[] = [];
      let after: string | null = null;
      do {
        const answer = await queryPeer<VacancyPage>(
          context,
          'maatwerk',
          OPEN_VACANCIES,
          { measure, after },
          { categories: ['m'] },
        );
        if (answer.errors.length > 0 || !answer.data) {
          throw unavailable(`open ${measure} vacancies`, answer.errors);
        }
        const page: VacancyPage['vacancies'] = answer.data.vacancies;
        all.push(...page.edges.map((edge) => edge.node).filter(rankable));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return all;
    })();
    openByMeasure.set(measure, found);
  }
  return found;
}
