import { Category, PersonKey } from '../../../common/access/categories';
import { Field, Float, ID, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { PlacementEndReason, PlacementStatus, PlacementType } from './enums';

@Category('n')
@ObjectType({ description: 'A person at work (or on an internship) with an employer.' })
@PersonKey('personId')
export class Placement {
  @Field(() => ID)
  id: string;

  personId: string;

  employerId: string;

  hostEmployerId: string | null;

  adviceId: string | null;

  referralId: string | null;

  @Category('n', { minimal: true })
  @Field(() => PlacementType)
  type: EnumValue<typeof PlacementType>;

  @Category('n', { minimal: true })
  @Field(() => DateScalar)
  startDate: string;

  @Category('n', { minimal: true })
  @Field(() => DateScalar, { nullable: true })
  endDate: string | null;

  @Category('n', { minimal: true })
  @Field(() => Float, { description: 'Working time as a fraction of a full-time job.' })
  fte: number;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the work support package (WOP) in the indications subgraph.',
  })
  wopRef: string | null;

  @Field(() => String, { nullable: true, description: 'The qualified workplace guide (jobcoach).' })
  qualifiedGuide: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Co-worker coaching day to day when the guide is not a direct colleague.',
  })
  colleagueCoach: string | null;

  @Category('n', { minimal: true })
  @Field(() => PlacementStatus)
  status: EnumValue<typeof PlacementStatus>;

  @Category('n', { minimal: true })
  @Field(() => PlacementEndReason, { nullable: true })
  endReason: EnumValue<typeof PlacementEndReason> | null;

  @Field(() => Boolean, { description: 'No wage and no premiums (always so for AMA_SE).' })
  unpaid: boolean;
}
