import { Field, ObjectType } from 'type-graphql';

import { Figure, FigurePart } from '../../../common/statistics/figure';
import { Period } from '../../../common/statistics/period';

@ObjectType({
  description:
    'The indication figures of DOMAIN B.5 for one area and period. A request counts where the person lived when it was submitted; counts of persons under 5 are suppressed, with the cells that would give them away.',
})
export class IndicationStatistics {
  @Field(() => Period)
  period: Period;

  @Field(() => Figure, { description: 'Requests with the signed form dated in the period.' })
  requests: Figure;

  @Field(() => [FigurePart], { description: 'Requests by requested advice type.' })
  requestsByAdviceType: FigurePart[];

  @Field(() => [FigurePart], { description: 'Requests by route (ATTEST, ICF, UKW).' })
  requestsByRoute: FigurePart[];

  @Field(() => Figure, {
    description:
      'Requests granted in the period. An IMW derived from a granted CMW is not counted here (see derivedImwGranted).',
  })
  granted: Figure;

  @Field(() => [FigurePart])
  grantedByAdviceType: FigurePart[];

  @Field(() => [FigurePart])
  grantedByRoute: FigurePart[];

  @Field(() => Figure, { description: 'Requests refused in the period.' })
  refused: Figure;

  @Field(() => [FigurePart])
  refusedByAdviceType: FigurePart[];

  @Field(() => [FigurePart])
  refusedByRoute: FigurePart[];

  @Field(() => Figure, { description: 'IMW advices derived from a granted CMW, reported apart.' })
  derivedImwGranted: Figure;

  @Field(() => Figure, { description: 'Granted / (granted + refused).' })
  grantRate: Figure;

  @Field(() => Figure, { description: 'Mean days from the signed form to the decision.' })
  leadTimeMeanDays: Figure;

  @Field(() => Figure)
  leadTimeMedianDays: Figure;

  @Field(() => Figure, { description: '80% of the decisions were taken within this many days.' })
  leadTimeP80Days: Figure;

  @Field(() => [FigurePart], {
    description:
      'Decisions by lead time in weeks (WEEKS_0_4 … WEEKS_26_PLUS); the 3-month target falls at 13 weeks.',
  })
  leadTimeDistribution: FigurePart[];

  @Field(() => Figure, {
    description:
      'Share of the decisions taken within 3 calendar months of the signed form (target 0.8).',
  })
  decidedWithin3Months: Figure;

  @Field(() => Figure, {
    description:
      'Requests open on the last day of the period that were signed more than 3 months before.',
  })
  backlogOver3Months: Figure;

  @Field(() => [FigurePart], {
    description:
      'Mean days of each phase, over the requests decided in the period that went through it.',
  })
  phaseDurations: FigurePart[];

  @Field(() => Figure, {
    description: 'Granted spoed advices followed by a hire / granted spoed advices (should be 1).',
  })
  spoedHireCompliance: Figure;

  @Field(() => Figure, {
    description: 'Persons with a valid advice on the last day of the period.',
  })
  validRightHolders: Figure;

  @Field(() => [FigurePart], {
    description: 'Persons with a valid advice on the last day of the period, per advice type.',
  })
  validRightHoldersByAdviceType: FigurePart[];
}
