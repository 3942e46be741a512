import { Field, ID, Int, ObjectType } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { ActionStatus, AgreementTargetGroup } from './enums';

@Category('o')
@ObjectType({
  description:
    'The yearly operational plan of an agreement. Publishing action status and owners is a stated goal of the pact.',
})
export class ActionPlan {
  @Field(() => ID)
  id: string;

  agreementId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Boolean)
  published: boolean;
}

@Category('o')
@ObjectType({ description: 'An action of a yearly action plan.' })
export class AgreementAction {
  @Field(() => ID)
  id: string;

  actionPlanId: string;

  @Field(() => String)
  title: string;

  @Field(() => AgreementTargetGroup, {
    nullable: true,
    description: 'Null for a cross-cutting action.',
  })
  targetGroup: EnumValue<typeof AgreementTargetGroup> | null;

  @Field(() => String, { description: 'The trekker: who owns the action.' })
  owner: string;

  @Field(() => ActionStatus)
  status: EnumValue<typeof ActionStatus>;

  @Field(() => DateScalar, { nullable: true })
  deadline: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The qualitative indicator agreed alongside the figures.',
  })
  qualitativeIndicator: string | null;
}
