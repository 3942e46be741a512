import { and } from 'drizzle-orm';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { adviceTypeForMeasure, POOL_MEASURES } from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { anyOf } from '../../../common/db/any-of';
import type { EnumValue } from '../../../common/enums';
import {
  ConnectionArgs,
  ConnectionType,
  paginateInMemory,
  type Connection,
} from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import {
  fitOf,
  openVacancies,
  orderKey,
  poolFor,
  rankable,
  vacancyFacts,
  type Pool,
} from '../matching';
import { persons, type PersonRow } from '../tables';
import type { CandidateMeasure } from '../types/candidate';
import { Vacancy, VacancyCandidate, VacancyMatch } from '../types/matching';
import { Person } from '../types/person';

const VacancyCandidateConnection = ConnectionType(VacancyCandidate, 'VacancyCandidate');
const VacancyMatchConnection = ConnectionType(VacancyMatch, 'VacancyMatch');

type Measure = EnumValue<typeof CandidateMeasure>;

/** The pool's members the caller's row scope reaches (its caseload), once per pool and request. */
const caseloads = new WeakMap<Pool, Promise<Set<string>>>();

function caseloadOf(context: PersonsContext, pool: Pool): Promise<Set<string>> {
  let reached = caseloads.get(pool);
  if (!reached) {
    const ids = pool.members.map((member) => member.person.id);
    reached = ids.length
      ? context.db
          .select({ id: persons.id })
          .from(persons)
          .where(and(anyOf(persons.id, ids), context.policy.rows.persons(persons.id)))
          .then((rows) => new Set(rows.map((row) => row.id)))
      : Promise.resolve(new Set());
    caseloads.set(pool, reached);
  }
  return reached;
}

/**
 * Matching for VDAB and GTB (issue 14): the employer's pool and ranking, with identities, within
 * the caller's row scope. It is the matching profile in full (l): B.4 gives it to VDAB's
 * mediators and its partners (W), to the ICF consultants (R) and to the citizen for their own
 * file; an employer (note 11's pseudonymous subset), a job coach or an OCMW is refused by the
 * field guard like for any field of l.
 */
@Resolver(() => Vacancy)
export class VacancyCandidatesResolver {
  @Category('l')
  @FieldResolver(() => VacancyCandidateConnection, {
    description:
      'Matching within your caseload, for whoever reads the matching profile in full (VDAB mediators, GTB counsellors): the persons you may see in this vacancy’s pool (a valid advice of its measure, looking for work), ranked by the fit and reasons the employer’s pool gives them, best first. Empty for a vacancy that is not open or whose measure no advice fills.',
  })
  async candidates(
    @Root() vacancy: Vacancy,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: PersonsContext,
  ): Promise<Connection<VacancyCandidate>> {
    const facts = await vacancyFacts(context, vacancy.id);
    if (!rankable(facts)) {
      return paginateInMemory([] as { key: string; node: VacancyCandidate }[], args, (e) => e.node);
    }
    const pool = await poolFor(context, adviceTypeForMeasure(facts.measure)!);
    const caseload = await caseloadOf(context, pool);
    const entries = pool.members
      .filter((member) => caseload.has(member.person.id))
      .map((member) => {
        const { score, why } = fitOf(pool, member, facts);
        const node: VacancyCandidate = {
          personId: member.person.id,
          person: member.person,
          score,
          why,
          availableFrom: member.availableFrom,
          measure: pool.adviceType as Measure,
          ticketValidUntil: member.ticket.until,
        };
        return { key: orderKey(score, member.person.id), node };
      });
    return paginateInMemory(entries, args, (entry) => entry.node);
  }
}

@Resolver(() => Person)
export class PersonMatchingResolver {
  @Category('l')
  @FieldResolver(() => VacancyMatchConnection, {
    description:
      'Matching within your caseload, for whoever reads the matching profile in full (VDAB mediators, GTB counsellors): the open vacancies whose measure the person’s valid advice fills, ranked by the fit the person has in each vacancy’s candidates, best first. Empty for a person outside the pool (no valid advice, at work, opted out).',
  })
  async matchingVacancies(
    @Root() person: PersonRow,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: PersonsContext,
  ): Promise<Connection<VacancyMatch>> {
    const entries: { key: string; node: VacancyMatch }[] = [];
    for (const measure of POOL_MEASURES) {
      const pool = await poolFor(context, adviceTypeForMeasure(measure)!);
      const member = pool.byPerson.get(person.id);
      if (!member) continue;
      for (const vacancy of await openVacancies(context, measure)) {
        const { score, why } = fitOf(pool, member, vacancy);
        entries.push({
          key: orderKey(score, vacancy.id),
          node: {
            personId: person.id,
            vacancy: { id: vacancy.id },
            score,
            why,
            measure: pool.adviceType as Measure,
          },
        });
      }
    }
    return paginateInMemory(entries, args, (entry) => entry.node);
  }
}
