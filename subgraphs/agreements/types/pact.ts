import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { PactStatus } from './enums';

@Category('p')
@ObjectType({
  description:
    'A local government in the local activation pact of one year (2023, 2024) and its settlement: payout = min(€1,000 × max(0, activated − floor), maximum).',
})
export class ActivationPactParticipation {
  @Field(() => ID)
  id: string;

  municipalityNisCode: string;

  @Category('p', { minimal: true })
  @Field(() => Int)
  year: number;

  @Category('p', { minimal: true })
  @Field(() => PactStatus)
  status: EnumValue<typeof PactStatus>;

  @Category('p', { minimal: true })
  @Field(() => DateScalar, { nullable: true })
  confirmedAt: string | null;

  @Field(() => Boolean)
  planAlignedWithVdab: boolean;

  @Field(() => Boolean, { description: 'The pact plan is part of the SO action plan.' })
  inSoActionPlan: boolean;

  @Field(() => Int, { description: 'Beneficiaries of the right to social integration.' })
  rmiCount: number;

  @Field(() => Int, { description: 'Displaced persons from Ukraine on equivalent leefloon.' })
  ukrCount: number;

  @Field(() => Int, { description: 'The leefloon population the floor is computed on.' })
  leefloonBase: number;

  @Field(() => Float, { description: 'The Flemish baseline rate the floor uses (0.225).' })
  baselineRate: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Leefloon recipients registered at VDAB who were activated (so far, during the result period).',
  })
  activatedRegistered: number | null;

  @Category('p', { minimal: true })
  @Field(() => Int, {
    nullable: true,
    description:
      'Drawing right in euro cents: the budget × (RMI + UKR) over all participants. Null when declined.',
  })
  maxAmountCents: number | null;

  @Field(() => Int, { description: 'Activations needed before any is paid: ⌈rate × base⌉.' })
  floor: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Activations above the floor, once the result period ended.',
  })
  eligible: number | null;

  @Category('p', { minimal: true })
  @Field(() => Int, { nullable: true, description: 'Settled amount in euro cents.' })
  payoutCents: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the report went to the council.' })
  councilReportAt: string | null;
}
