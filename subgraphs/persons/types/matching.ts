import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import type { PersonRow } from '../tables';
import { CandidateMeasure } from './candidate';
import { Person } from './person';

/**
 * A vacancy (owned by the maatwerk subgraph), to which this subgraph adds the candidates VDAB and
 * its partners match to it within their caseload.
 */
@ObjectType({ description: 'A job or internship place an employer offers.' })
@Directive('@key(fields: "id")')
export class Vacancy {
  @Field(() => ID)
  id: string;
}

/**
 * A person of the caller's caseload in the pool of a vacancy (issue 14): the pool's ranking and
 * reasons, the same an employer sees for that person's pseudonymous profile, with the identity.
 * The whole of it is the person's matching profile (l); the ticket is their advice (j).
 */
@Category('l')
@PersonKey('personId')
@ObjectType({ description: 'A candidate of your caseload for a vacancy, ranked by fit.' })
export class VacancyCandidate {
  /** Whose match it is, for the audit trail. */
  personId: string;

  @Field(() => Person)
  person: PersonRow;

  @Field(() => Int, {
    description: 'Fit with the vacancy, 0–100: the score the employer’s pool gives the person.',
  })
  score: number;

  @Field(() => [String], { description: 'Why the candidate fits, reason by reason.' })
  why: string[];

  @Field(() => DateScalar, { description: 'The first day the candidate can start.' })
  availableFrom: string;

  @Category('j')
  @Field(() => CandidateMeasure, { description: 'The advice type of the ticket matched.' })
  measure: EnumValue<typeof CandidateMeasure>;

  @Category('j')
  @Field(() => DateScalar)
  ticketValidUntil: string;
}

/** An open vacancy the person's valid advice fits, ranked by the pool's fit. */
@Category('l')
@PersonKey('personId')
@ObjectType({ description: 'An open vacancy for a person of your caseload, ranked by fit.' })
export class VacancyMatch {
  /** Whose match it is, for the audit trail. */
  personId: string;

  @Field(() => Vacancy)
  vacancy: Vacancy;

  @Field(() => Int, {
    description:
      'Fit with the vacancy, 0–100: the score the person has in the vacancy’s candidates.',
  })
  score: number;

  @Field(() => [String], { description: 'Why the vacancy fits, reason by reason.' })
  why: string[];

  @Category('j')
  @Field(() => CandidateMeasure, { description: 'The advice type of the ticket matched.' })
  measure: EnumValue<typeof CandidateMeasure>;
}
