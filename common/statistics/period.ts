import { Field, InputType, Int, ObjectType, Directive } from 'type-graphql';

import { DateScalar } from '../scalars';
import { badUserInput } from '../errors';

@InputType({ description: 'A quarter of a year, or the whole year when `quarter` is left out.' })
export class PeriodInput {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '1 to 4; leave out for the whole year.' })
  quarter?: number | null;
}

@ObjectType({ description: 'The period a set of figures covers.' })
@Directive('@shareable')
export class Period {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true })
  quarter: number | null;

  @Field(() => String, { description: '`2025-Q3`, or `2025` for a whole year.' })
  label: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  until: string;
}

/** The oldest year figures go back to: the first indications under the 2019 decree. */
const FIRST_YEAR = 2019;
const LAST_YEAR = 2100;

/** The period an input names, with its first and last day; BAD_USER_INPUT for a period that is none. */
export function periodOf(input: PeriodInput): Period {
  const { year } = input;
  const quarter = input.quarter ?? null;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badUserInput('period.year', `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  if (quarter !== null && (quarter < 1 || quarter > 4)) {
    throw badUserInput('period.quarter', 'must be 1, 2, 3 or 4, or left out for the whole year');
  }
  const firstMonth = quarter === null ? 1 : 3 * quarter - 2;
  const lastMonth = quarter === null ? 12 : 3 * quarter;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const month = (m: number) => String(m).padStart(2, '0');
  return {
    year,
    quarter,
    label: quarter === null ? String(year) : `${year}-Q${quarter}`,
    from: `${year}-${month(firstMonth)}-01`,
    until: `${year}-${month(lastMonth)}-${lastDay}`,
  };
}
