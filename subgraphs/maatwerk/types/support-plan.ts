import { Category, PersonKey } from '../../../common/access/categories';
import { Field, ID, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { ColleagueCoachDuty, GuideDuty } from './enums';

@Category('n')
@ObjectType({ description: 'One of the eight mandatory duties of the guide, and what is agreed.' })
@PersonKey('personId')
export class GuideDutyArrangement {
  /** The worker whose plan it is. */
  personId: string;

  @Field(() => GuideDuty)
  duty: EnumValue<typeof GuideDuty>;

  @Field(() => String, { description: 'The duty as the decree describes it.' })
  description: string;

  @Field(() => String, { description: 'How this placement fulfils it.' })
  arrangement: string;
}

@Category('n')
@ObjectType({ description: 'One of the four duties of the colleague-coach, and what is agreed.' })
@PersonKey('personId')
export class ColleagueCoachDutyArrangement {
  /** The worker whose plan it is. */
  personId: string;

  @Field(() => ColleagueCoachDuty)
  duty: EnumValue<typeof ColleagueCoachDuty>;

  @Field(() => String, { description: 'The duty as the decree describes it.' })
  description: string;

  @Field(() => String, { description: 'How this placement fulfils it.' })
  arrangement: string;
}

@Category('n')
@ObjectType({
  description: 'The support plan (ondersteuningsplan) that guides work-floor coaching.',
})
@PersonKey('personId')
export class SupportPlan {
  @Field(() => ID)
  id: string;

  placementId: string;

  personId: string;

  @Field(() => DateScalar)
  drawnUpAt: string;

  @Field(() => Boolean, {
    description: 'When false, a colleague-coach is appointed and has four duties.',
  })
  guideIsDirectColleague: boolean;

  guideDutyArrangements: string[];

  colleagueCoachDutyArrangements: string[];

  @Field(() => [DateScalar], { description: 'Planned and past reviews of the plan.' })
  reviewDates: string[];
}
