import type { EnumValue } from '../../../common/enums';
import { Category, PersonKey } from '../../../common/access/categories';
import { Field, ID, ObjectType } from 'type-graphql';

import { DateScalar } from '../../../common/scalars';
import { ActionOutcome, Instrument, Regie, TransmissionKind } from './enums';

@Category('f')
@ObjectType({
  description: 'A step in a trajectory: an internship, a training, work experience, …',
})
@PersonKey('personId')
export class TrajectoryAction {
  @Field(() => ID)
  id: string;

  trajectoryId: string;

  /** The trajectory's person, whose data it is. */
  personId: string;

  @Field(() => Instrument)
  instrument: EnumValue<typeof Instrument>;

  @Field(() => String)
  provider: string;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar, { nullable: true })
  endDate: string | null;

  @Field(() => ActionOutcome)
  outcome: EnumValue<typeof ActionOutcome>;
}

@Category('g')
@ObjectType({ description: 'A notice from VDAB to the OCMW; the OCMW must give feedback.' })
@PersonKey('personId')
export class Transmission {
  @Field(() => ID)
  id: string;

  trajectoryId: string;

  /** The trajectory's person, whose data it is. */
  personId: string;

  @Field(() => TransmissionKind)
  kind: EnumValue<typeof TransmissionKind>;

  @Field(() => DateScalar)
  sentAt: string;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  ocmwFeedback: string | null;

  @Field(() => DateScalar, { nullable: true })
  feedbackAt: string | null;

  sanctionId: string | null;
}

@Category('f')
@ObjectType({ description: 'A warm handover of the regie between OCMW and VDAB.' })
@PersonKey('personId')
export class Handover {
  @Field(() => ID)
  id: string;

  trajectoryId: string;

  /** The trajectory's person, whose data it is. */
  personId: string;

  @Field(() => Regie)
  fromRegie: EnumValue<typeof Regie>;

  @Field(() => Regie)
  toRegie: EnumValue<typeof Regie>;

  @Field(() => DateScalar)
  handedOverAt: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@Category('f')
@ObjectType({ description: "A person's trajectory towards work, directed by the OCMW or VDAB." })
@PersonKey('personId')
export class Trajectory {
  @Field(() => ID)
  id: string;

  personId: string;

  @Field(() => Regie)
  regie: EnumValue<typeof Regie>;

  @Field(() => DateScalar)
  startedAt: string;

  @Field(() => DateScalar, { nullable: true })
  endedAt: string | null;
}
