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

  // Note 6: what kind of workplace, for the VDAB ICF consultant; an OCMW reads only start, end
  // and work outcome (note 10).
  @Category('n', { views: [6] })
  @Field(() => PlacementType)
  type: EnumValue<typeof PlacementType>;

  @Category('n', { views: [6, 10] })
  @Field(() => DateScalar)
  startDate: string;

  @Category('n', { views: [6, 10] })
  @Field(() => DateScalar, { nullable: true })
  endDate: string | null;

  @Category('n', { views: [6] })
  @Field(() => Float, { description: 'Working time as a fraction of a full-time job.' })
  fte: number;

  // Names the work support package: as much category k as the package itself.
  @Category('k')
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

  @Field(() => String, {
    nullable: true,
    description: 'The job coach assigned to the worker (their user id at the employer, note 14).',
  })
  jobCoach: string | null;

  @Category('n', { views: [6, 10] })
  @Field(() => PlacementStatus)
  status: EnumValue<typeof PlacementStatus>;

  // The work outcome: how it ended (note 10, and workplace information for note 6).
  @Category('n', { views: [6, 10] })
  @Field(() => PlacementEndReason, { nullable: true })
  endReason: EnumValue<typeof PlacementEndReason> | null;

  @Field(() => Boolean, { description: 'No wage and no premiums (always so for AMA_SE).' })
  unpaid: boolean;
}
