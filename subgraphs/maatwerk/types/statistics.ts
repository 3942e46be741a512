import { Field, ObjectType } from 'type-graphql';

import type { Area } from '../../../common/statistics/area-table';
import { Figure, FigurePart } from '../../../common/statistics/figure';
import { Period } from '../../../common/statistics/period';

@ObjectType({
  description:
    'The maatwerk figures of DOMAIN B.5 for one area and period. This subgraph does not hold where a person lives, so everything counts where the work is: a vacancy at its workplace municipality; a contingent at its employer’s municipality; a referral, hire or failed match at the workplace of the vacancy it names, or at the employer’s municipality when it names none; a placement where its referral counts (at its employer without one). Work outside Flanders (Brussels employers) is in no area. Referrals and placements each concern one person: counts of them under 5 are suppressed, with the cells that would give them away. Vacancies and FTE are not persons and are published as they are.',
})
export class MaatwerkStatistics {
  /** The area the figures describe, for the figures asked of another subgraph. */
  area: Area;

  @Field(() => Period)
  period: Period;

  @Field(() => Figure, { description: 'Vacancies open on the last day of the period.' })
  openVacancies: Figure;

  @Field(() => [FigurePart], {
    description: 'Vacancies open on the last day of the period, by measure (CMW, IMW, LDE, …).',
  })
  openVacanciesByMeasure: FigurePart[];

  @Field(() => Figure, {
    description:
      'Vacancies filled during the period. A filled vacancy that was closed or opened again afterwards keeps no fill date and is not counted.',
  })
  filledVacancies: Figure;

  @Field(() => [FigurePart], {
    description:
      'Occupancy per contingent measure (CMW, LDE): FTE filled / FTE allotted in the contingents of the period’s year, as the employers report them; may exceed 1 (Gent CMW 2020: 1104.9 / 1077.8 = 1.0251).',
  })
  occupancy: FigurePart[];

  @Field(() => Figure, { description: 'Referrals (toeleidingen) proposed in the period.' })
  referrals: Figure;

  @Field(() => Figure, { description: 'Referrals that ended in a hire during the period.' })
  hires: Figure;

  @Field(() => Figure, {
    description:
      'Referrals that ended in a failed match during the period (rejected by the employer, declined by the candidate, or withdrawn).',
  })
  failedReferrals: Figure;

  @Field(() => [FigurePart], {
    description:
      'The failed matches of the period by the failure reason the employer gave; they add up to failedReferrals.',
  })
  failureReasons: FigurePart[];

  @Field(() => Figure, {
    description:
      'Referral → hire conversion: referrals hired in the period / referrals decided in the period (hired or failed). Referrals still in progress at the end of the period are in neither count.',
  })
  referralConversion: Figure;

  @Field(() => Figure, { description: 'Placements that started during the period.' })
  placementsStarted: Figure;

  @Field(() => Figure, {
    description:
      'Placements running on the last day of the period (an end date is the last day worked).',
  })
  placementsActive: Figure;
}
