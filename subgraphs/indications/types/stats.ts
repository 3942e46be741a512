import { Field, Int, ObjectType } from 'type-graphql';

import { SMALL_CELL_THRESHOLD } from '../rules';

@ObjectType({
  description: `Indication figures of one year for the persons living in a municipality when they applied. Requests count once, so an IMW derived from a CMW is not counted twice. A count under ${SMALL_CELL_THRESHOLD} is suppressed (null).`,
})
export class IndicationStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests with the signed form dated in the year.',
  })
  submitted: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests granted in the year.' })
  granted: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests refused in the year.' })
  refused: number | null;

  @Field(() => Boolean, { description: 'Whether any count is suppressed as a small cell.' })
  suppressed: boolean;
}
