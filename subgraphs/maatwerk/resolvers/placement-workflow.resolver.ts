import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import { now } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { placementRows, type MaatwerkContext } from '../loaders';
import { SUSTAINED_AFTER_MONTHS } from '../rules';
import { idempotencyKeys, placements, referrals, supportPlans, type PlacementRow } from '../tables';
import { FailureReason, PlacementEndReason } from '../types/enums';
import { Placement } from '../types/placement';
import {
  assignJobCoachRule,
  endedPlacement,
  endPlacementRule,
  feedbackOnEnd,
  placementFact,
} from '../workflow/placement';
import { closedSupportPlan } from '../workflow/support-plan';

@InputType({ description: 'The end of a placement, with its reason.' })
class EndPlacementInput extends MutationInput {
  @Field(() => ID)
  placementId: string;

  @Field(() => DateScalar)
  endDate: string;

  @Field(() => PlacementEndReason)
  endReason: EnumValue<typeof PlacementEndReason>;

  @Field(() => FailureReason, {
    nullable: true,
    description: `Required when the work did not last (ended within ${SUSTAINED_AFTER_MONTHS} months, not to a regular job): why, for VDAB (000 BA10).`,
  })
  failureReason?: EnumValue<typeof FailureReason> | null;

  @Field(() => String, { nullable: true, description: 'Required with failure reason OTHER.' })
  failureText?: string | null;
}

@InputType({ description: 'The job coach who coaches the worker of a placement (note 14).' })
class AssignJobCoachInput extends MutationInput {
  @Field(() => ID)
  placementId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The job coach’s user id at your organisation (the `sub` of their token); null unassigns.',
  })
  jobCoach: string | null;
}

const loadPlacement = async (tx: Database, id: string): Promise<PlacementRow> => {
  const [placement] = await tx.select().from(placements).where(eq(placements.id, id));
  return placement;
};

/** A placement the caller reaches, locked for the change; undefined outside its rows. */
async function lockedPlacement(
  tx: Database,
  context: MaatwerkContext,
  id: string,
): Promise<PlacementRow | undefined> {
  const [placement] = await tx
    .select()
    .from(placements)
    .where(and(eq(placements.id, id), placementRows(context.policy.rows)))
    .for('update');
  return placement;
}

/** What the employer changes of a running placement (B.2.3): its job coach, and its end with a reason. */
@Resolver(() => Placement)
export class PlacementWorkflowResolver {
  @Category('n')
  @Mutation(() => Placement, {
    description:
      'Assigns the job coach who coaches the worker of a running placement at your organisation: from today the coach sees that worker, and a former coach no longer does.',
  })
  assignJobCoach(
    @Arg('input', () => AssignJobCoachInput) input: AssignJobCoachInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<PlacementRow> {
    return runMutation(context, {
      name: 'assignJobCoach',
      rule: assignJobCoachRule,
      input,
      idempotencyKeys,
      load: loadPlacement,
      write: async (tx, valid) => {
        const current = await lockedPlacement(tx, context, valid.placementId);
        // Only the paying employer's own staff coach its workers, not an enclave's host.
        if (!current || current.employerId !== context.policy.rows.ownEmployer()) {
          throw notFound('Placement', valid.placementId);
        }
        if (current.status !== 'ACTIVE') {
          throw badUserInput(
            'input.placementId',
            `${current.id} has ended; a job coach is assigned to a running placement`,
          );
        }
        const [placement] = await tx
          .update(placements)
          .set({ jobCoach: valid.jobCoach })
          .where(eq(placements.id, current.id))
          .returning();
        await recordFact(tx, placementFact(placement, context.policy.today));
        return { record: placement, id: placement.id, personId: placement.personId };
      },
    });
  }

  @Category('n')
  @Mutation(() => Placement, {
    description: 'Ends an active placement at your organisation, with the reason.',
  })
  endPlacement(
    @Arg('input', () => EndPlacementInput) input: EndPlacementInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<PlacementRow> {
    return runMutation(context, {
      name: 'endPlacement',
      rule: endPlacementRule,
      input,
      idempotencyKeys,
      load: loadPlacement,
      write: async (tx, valid) => {
        const current = await lockedPlacement(tx, context, valid.placementId);
        if (!current) throw notFound('Placement', valid.placementId);
        const ended = endedPlacement(current, valid);
        const feedback = feedbackOnEnd(current, valid, now());
        const [placement] = await tx
          .update(placements)
          // The whole row is written back: its change time too, or it keeps the old one.
          .set({ ...ended, updatedAt: now() })
          .where(eq(placements.id, current.id))
          .returning();
        if (feedback && placement.referralId) {
          await tx.update(referrals).set(feedback).where(eq(referrals.id, placement.referralId));
        }
        // Its support plan closes with it: the review still planned will not be held.
        const [plan] = await tx
          .select()
          .from(supportPlans)
          .where(eq(supportPlans.placementId, placement.id));
        if (plan) {
          await tx
            .update(supportPlans)
            .set(closedSupportPlan(plan))
            .where(eq(supportPlans.id, plan.id));
        }
        // The employer keeps its own employee's file for the time of the placement.
        await recordFact(tx, placementFact(placement));
        return { record: placement, id: placement.id, personId: placement.personId };
      },
    });
  }
}
