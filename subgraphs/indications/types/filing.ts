import { Field, ID, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar, DateTimeScalar } from '../../../common/scalars';
import { AdviceType, IndicationProcedure } from './enums';

/**
 * A spoed or prior-routing request as the employer that filed it follows it: what it asked, on
 * which vacancy, and where it stands, in the employer's minimised view of advices (B.4 j, note
 * 13): whether it led to a valid ticket until a date, never the route, the phases or the
 * attestations. VDAB reads the same request in full as `IndicationRequest` (same id).
 */
@Category('j', { views: [13] })
@ObjectType({
  description:
    'A spoed or prior-routing request an employer filed, as the employer follows it (B.4 note 13); the same id is the IndicationRequest VDAB handles.',
})
@PersonKey('personId')
export class IndicationFiling {
  @Field(() => ID)
  id: string;

  personId: string;

  vacancyId: string | null;

  @Field(() => IndicationProcedure)
  procedure: EnumValue<typeof IndicationProcedure>;

  @Field(() => AdviceType, { description: 'The ticket asked: the measure of the vacancy.' })
  requestedType: EnumValue<typeof AdviceType>;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the candidate signed the request form.',
  })
  signedFormAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the employer filed it.' })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;
}
