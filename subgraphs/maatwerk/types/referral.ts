import { Category, PersonKey } from '../../../common/access/categories';
import { Field, ID, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { DateTimeScalar } from '../../../common/scalars';
import { FailureReason, ReferralOrigin, ReferralStatus } from './enums';

@Category('n')
@ObjectType({
  description: 'Why a match failed or did not last: mandatory feedback from the employer to VDAB.',
})
@PersonKey('personId')
export class FailureFeedback {
  personId: string;

  @Field(() => FailureReason)
  reasonCode: EnumValue<typeof FailureReason>;

  @Field(() => String, { nullable: true, description: 'Required when the reason is OTHER.' })
  text: string | null;

  @Field(() => DateTimeScalar)
  givenAt: Date;
}

@Category('n')
@ObjectType({ description: 'A referral (toeleiding) of a person to a vacancy or an employer.' })
@PersonKey('personId')
export class Referral {
  @Field(() => ID)
  id: string;

  personId: string;

  vacancyId: string | null;

  employerId: string;

  @Field(() => ReferralOrigin)
  origin: EnumValue<typeof ReferralOrigin>;

  @Field(() => [String], { description: 'What the match rests on, e.g. interests, proximity.' })
  matchBasis: string[];

  @Field(() => ReferralStatus)
  status: EnumValue<typeof ReferralStatus>;

  @Field(() => DateTimeScalar)
  proposedAt: Date;

  @Field(() => DateTimeScalar)
  statusChangedAt: Date;
}
