import { FieldResolver, Resolver, Root } from 'type-graphql';

import { COLLEAGUE_COACH_DUTY_DESCRIPTIONS, GUIDE_DUTY_DESCRIPTIONS } from '../rules';
import type { SupportPlanRow } from '../tables';
import { ColleagueCoachDuty, GuideDuty } from '../types/enums';
import {
  ColleagueCoachDutyArrangement,
  GuideDutyArrangement,
  SupportPlan,
} from '../types/support-plan';

@Resolver(() => SupportPlan)
export class SupportPlanResolver {
  @FieldResolver(() => [GuideDutyArrangement], { description: 'All eight, in the decree’s order.' })
  guideDuties(@Root() plan: SupportPlanRow): GuideDutyArrangement[] {
    return GuideDuty.values.map((duty, i) => ({
      personId: plan.personId,
      duty,
      description: GUIDE_DUTY_DESCRIPTIONS[duty],
      arrangement: plan.guideDutyArrangements[i],
    }));
  }

  @FieldResolver(() => [ColleagueCoachDutyArrangement], {
    description: 'All four when a colleague-coach is appointed, else none.',
  })
  colleagueCoachDuties(@Root() plan: SupportPlanRow): ColleagueCoachDutyArrangement[] {
    if (plan.colleagueCoachDutyArrangements.length === 0) return [];
    return ColleagueCoachDuty.values.map((duty, i) => ({
      personId: plan.personId,
      duty,
      description: COLLEAGUE_COACH_DUTY_DESCRIPTIONS[duty],
      arrangement: plan.colleagueCoachDutyArrangements[i],
    }));
  }
}
