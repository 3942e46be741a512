import { Field, Int, ObjectType } from 'type-graphql';

import { Figure, FigurePart } from '../../../common/statistics/figure';
import { Period } from '../../../common/statistics/period';

@ObjectType({
  description:
    'The local activation pact of one year in an area (DOMAIN B.5), summed over its local governments; a participation counts in its local government. Participants that declined are left out. Euros and local governments are published as they are; activations and floors count persons and are suppressed under 5, and a payout is hidden with them, as below the maximum it is €1,000 × (activated − floor).',
})
export class PactSettlementStatistics {
  @Field(() => Int, {
    description:
      "The pact year: the call of that year and its result period (2023, 2024). A quarter reads its year's pact, as it stands on asOf.",
  })
  pactYear: number;

  @Field(() => Figure, { description: 'Local governments in the pact that did not decline.' })
  participants: Figure;

  @Field(() => Figure, { description: 'Payouts of the settled participations, in euros.' })
  payout: Figure;

  @Field(() => Figure, { description: 'Drawing rights (maximum amounts), in euros.' })
  maximum: Figure;

  @Field(() => Figure, {
    description:
      'Activated leefloon recipients registered at VDAB, as reported (so far, during the result period).',
  })
  activated: Figure;

  @Field(() => Figure, {
    description: 'Activations needed before any is paid (⌈0.225 × leefloon base⌉), summed.',
  })
  floor: Figure;
}

@ObjectType({
  description:
    'The agreement and pact figures of DOMAIN B.5 for one area and period, summed over the municipalities the area is made of. A municipality is covered by an agreement when it is a party itself or a member of a partnership or regiegebied that is one; an action counts once in every municipality its agreement covers; a pact participation counts in its local government (NIS code).',
})
export class AgreementStatistics {
  @Field(() => Period)
  period: Period;

  @Field(() => Figure, {
    description:
      'Municipalities covered by an SO VDAB–local government in force on the last day of the period, over all municipalities (target 0.9).',
  })
  soCoverage: Figure;

  @Field(() => Figure, {
    description:
      "Actions of the action plans of the period's year, counted once per municipality their agreement covers: in an area, an action of an agreement covering n of its municipalities counts n times. The status is today's.",
  })
  actions: Figure;

  @Field(() => [FigurePart], {
    description: 'The same actions by status (PLANNED, IN_PROGRESS, DONE, DELAYED, CANCELLED).',
  })
  actionStatus: FigurePart[];

  @Field(() => PactSettlementStatistics, {
    description: "The local activation pact of the period's year.",
  })
  pactSettlement: PactSettlementStatistics;
}
