import { Field, ID, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateTimeScalar } from '../../../common/scalars';
import { IntroductionStatus } from './enums';

/**
 * An employer's request to be introduced to a candidate of its pool (issue 14, B.4 note 11): a
 * step towards a referral (n). The employer reads it by the pseudonym it asked with; VDAB and the
 * partner guiding the person read whom it is about. `person` is the person as the reader's own
 * row scope has them: for the employer nobody until the referral (or an opt-in) opens them.
 */
@Category('n')
@PersonKey('personId')
@ObjectType({ description: 'A request to be introduced to a pseudonymous candidate.' })
export class IntroductionRequest {
  @Field(() => ID)
  id: string;

  personId: string;

  employerId: string;

  vacancyId: string;

  @Field(() => String, { description: 'The pseudonym the employer asked with.' })
  pseudonym: string;

  @Field(() => IntroductionStatus)
  status: EnumValue<typeof IntroductionStatus>;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The organisation that answered.' })
  answeredBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why VDAB refused the introduction.' })
  refusalReason: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The referral an acceptance made (read it with `referral(id:)`); null while none is made.',
  })
  referralId: string | null;
}
