import { and, eq } from 'drizzle-orm';
import { today } from '../../../common/clock';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { placementRows, type MaatwerkContext } from '../loaders';
import {
  idempotencyKeys,
  placements,
  supportPlanNumbers,
  supportPlans,
  type PlacementRow,
  type SupportPlanRow,
} from '../tables';
import { ColleagueCoachDuty, GuideDuty } from '../types/enums';
import { SupportPlan } from '../types/support-plan';
import {
  drawnUpSupportPlan,
  drawUpSupportPlanRule,
  reviewedSupportPlan,
  reviewSupportPlanRule,
  SUPPORT_PLAN_REVIEW_MONTHS,
} from '../workflow/support-plan';

@InputType({ description: 'What is agreed for one of the guide’s duties.' })
class GuideDutyArrangementInput {
  @Field(() => GuideDuty)
  duty: EnumValue<typeof GuideDuty>;

  @Field(() => String)
  arrangement: string;
}

@InputType({ description: 'What is agreed for one of the colleague-coach’s duties.' })
class ColleagueCoachDutyArrangementInput {
  @Field(() => ColleagueCoachDuty)
  duty: EnumValue<typeof ColleagueCoachDuty>;

  @Field(() => String)
  arrangement: string;
}

@InputType({ description: 'A support plan for a running placement at your organisation.' })
class DrawUpSupportPlanInput extends MutationInput {
  @Field(() => ID)
  placementId: string;

  @Field(() => DateScalar, { description: 'Not before the placement starts, not after today.' })
  drawnUpAt: string;

  @Field(() => String, { description: 'The qualified workplace guide (jobcoach).' })
  qualifiedGuide: string;

  @Field(() => Boolean, {
    description: 'When false, a colleague-coach is appointed with four duties of their own.',
  })
  guideIsDirectColleague: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Required exactly when the guide is not a direct colleague.',
  })
  colleagueCoach?: string | null;

  @Field(() => [GuideDutyArrangementInput], { description: 'Each of the eight duties, once.' })
  guideDuties: GuideDutyArrangementInput[];

  @Field(() => [ColleagueCoachDutyArrangementInput], {
    nullable: true,
    description: 'Each of the four duties, once, exactly when a colleague-coach is appointed.',
  })
  colleagueCoachDuties?: ColleagueCoachDutyArrangementInput[] | null;
}

@InputType({ description: 'A review of a support plan held, with what it revised.' })
class ReviewSupportPlanInput extends MutationInput {
  @Field(() => ID)
  supportPlanId: string;

  @Field(() => DateScalar, {
    description: 'After the plan’s last review (or its drawing up), not after today.',
  })
  reviewedOn: string;

  @Field(() => String, { nullable: true, description: 'A new guide; left out, the guide stays.' })
  qualifiedGuide?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Changed to false, a colleague-coach and all four of their duties are required; changed to true, the colleague-coach steps down.',
  })
  guideIsDirectColleague?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A new colleague-coach.' })
  colleagueCoach?: string | null;

  @Field(() => [GuideDutyArrangementInput], {
    nullable: true,
    description: 'Only the duties whose arrangement changes.',
  })
  guideDuties?: GuideDutyArrangementInput[] | null;

  @Field(() => [ColleagueCoachDutyArrangementInput], {
    nullable: true,
    description: 'Only the duties whose arrangement changes.',
  })
  colleagueCoachDuties?: ColleagueCoachDutyArrangementInput[] | null;
}

const loadSupportPlan = async (tx: Database, id: string): Promise<SupportPlanRow> =>
  (await tx.select().from(supportPlans).where(eq(supportPlans.id, id)))[0];

/**
 * The placement, locked for the change, when the caller may see it; the plan is its employer's to
 * keep, so an enclave's host company, which sees the placement too, is refused. Every change of a
 * plan locks its placement first, as `endPlacement` does, so they never wait on each other.
 */
async function employersPlacement(
  tx: Database,
  context: MaatwerkContext,
  id: string,
): Promise<PlacementRow> {
  const [placement] = await tx
    .select()
    .from(placements)
    .where(and(eq(placements.id, id), placementRows(context.policy.rows)))
    .for('update');
  if (!placement) throw notFound('Placement', id);
  if (context.policy.rows.ownEmployer() !== placement.employerId) {
    throw domainError(
      ErrorCode.FORBIDDEN,
      `The support plan of ${placement.id} is kept by its employer ${placement.employerId}, not by the company hosting the enclave.`,
    );
  }
  return placement;
}

/** Support plans (ondersteuningsplan, B.2.3 and B.3): drawn up, reviewed and revised, closed. */
@Resolver(() => SupportPlan)
export class SupportPlanWorkflowResolver {
  @Category('n')
  @Mutation(() => SupportPlan, {
    description: `Draws up the support plan of a running CMW, IMW or enclave placement at your organisation: who guides and coaches, what is agreed for each duty. Its first review is planned ${SUPPORT_PLAN_REVIEW_MONTHS} months on. One plan per placement; later changes go through a review.`,
  })
  drawUpSupportPlan(
    @Arg('input', () => DrawUpSupportPlanInput) input: DrawUpSupportPlanInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<SupportPlanRow> {
    return runMutation(context, {
      name: 'drawUpSupportPlan',
      rule: drawUpSupportPlanRule,
      // The employer of the placement draws the plan up; its job coaches review it.
      input,
      idempotencyKeys,
      load: loadSupportPlan,
      write: async (tx, valid) => {
        const current = await employersPlacement(tx, context, valid.placementId);
        const [existing] = await tx
          .select({ id: supportPlans.id })
          .from(supportPlans)
          .where(eq(supportPlans.placementId, current.id));
        if (existing) {
          throw domainError(
            ErrorCode.CONFLICT,
            `Placement ${current.id} already has support plan ${existing.id}; a review revises it.`,
            { supportPlanId: existing.id },
          );
        }
        const drawnUp = drawnUpSupportPlan(
          current,
          { ...valid, id: await nextId(tx, supportPlanNumbers, 'SP') },
          today(),
        );
        const [plan] = await tx.insert(supportPlans).values(drawnUp.plan).returning();
        await tx
          .update(placements)
          .set({
            qualifiedGuide: drawnUp.placement.qualifiedGuide,
            colleagueCoach: drawnUp.placement.colleagueCoach,
          })
          .where(eq(placements.id, current.id));
        return { record: plan, id: plan.id, personId: plan.personId };
      },
    });
  }

  @Category('n')
  @Mutation(() => SupportPlan, {
    description: `Records a review of a support plan in force and what it revised; the next review is planned ${SUPPORT_PLAN_REVIEW_MONTHS} months on. A plan closes when its placement ends.`,
  })
  reviewSupportPlan(
    @Arg('input', () => ReviewSupportPlanInput) input: ReviewSupportPlanInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<SupportPlanRow> {
    return runMutation(context, {
      name: 'reviewSupportPlan',
      rule: reviewSupportPlanRule,
      input,
      idempotencyKeys,
      load: loadSupportPlan,
      write: async (tx, valid) => {
        // A plan never changes placement, so finding it before the placement's lock is safe.
        const [found] = await tx
          .select({ placementId: supportPlans.placementId })
          .from(supportPlans)
          .innerJoin(placements, eq(placements.id, supportPlans.placementId))
          .where(and(eq(supportPlans.id, valid.supportPlanId), placementRows(context.policy.rows)));
        if (!found) throw notFound('SupportPlan', valid.supportPlanId);
        const placement = await employersPlacement(tx, context, found.placementId);
        const current = await loadSupportPlan(tx, valid.supportPlanId);
        const reviewed = reviewedSupportPlan(current, placement, valid, today());
        const [plan] = await tx
          .update(supportPlans)
          .set(reviewed.plan)
          .where(eq(supportPlans.id, current.id))
          .returning();
        await tx
          .update(placements)
          .set({
            qualifiedGuide: reviewed.placement.qualifiedGuide,
            colleagueCoach: reviewed.placement.colleagueCoach,
          })
          .where(eq(placements.id, placement.id));
        return { record: plan, id: plan.id, personId: plan.personId };
      },
    });
  }
}
