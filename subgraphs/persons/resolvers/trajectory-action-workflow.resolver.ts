import { eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import { actionNumbers, idempotencyKeys, trajectoryActions } from '../tables';
import { ActionOutcome, Instrument } from '../types/enums';
import { TrajectoryAction } from '../types/trajectory';
import { addActionRule, addedAction, endActionRule, endedAction } from '../workflow/activation';
import { assertRunning, scopedTrajectory, scopedTrajectoryPart } from '../workflow/scoped';

@InputType({ description: 'A step added to a running trajectory.' })
class AddTrajectoryActionInput extends MutationInput {
  @Field(() => ID)
  trajectoryId: string;

  @Field(() => Instrument)
  instrument: EnumValue<typeof Instrument>;

  @Field(() => String)
  provider: string;

  @Field(() => DateScalar)
  startDate: string;
}

@InputType({ description: 'The end of a trajectory action, with its outcome.' })
class EndTrajectoryActionInput extends MutationInput {
  @Field(() => ID)
  actionId: string;

  @Field(() => ActionOutcome, { description: 'COMPLETED, STOPPED_EARLY or NOT_STARTED.' })
  outcome: EnumValue<typeof ActionOutcome>;

  @Field(() => DateScalar)
  endDate: string;
}

const load = async (tx: Database, id: string) =>
  (await tx.select().from(trajectoryActions).where(eq(trajectoryActions.id, id)))[0];

/** The actions of a trajectory (DOMAIN B.2.1): internships, trainings, work experience, … */
@Resolver(() => TrajectoryAction)
export class TrajectoryActionWorkflowResolver {
  @Category('f')
  @Mutation(() => TrajectoryAction, { description: 'Adds an action to a running trajectory.' })
  addTrajectoryAction(
    @Arg('input', () => AddTrajectoryActionInput) input: AddTrajectoryActionInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'addTrajectoryAction',
      rule: addActionRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const trajectory = await scopedTrajectory(tx, context.policy.rows, valid.trajectoryId);
        assertRunning(trajectory, 'it takes no new actions');
        if (valid.startDate < trajectory.startedAt) {
          throw badUserInput(
            'input.startDate',
            `must not be before the trajectory started (${trajectory.startedAt})`,
          );
        }
        const [action] = await tx
          .insert(trajectoryActions)
          .values(
            addedAction({
              id: await nextId(tx, actionNumbers, 'TA', 7),
              trajectoryId: trajectory.id,
              instrument: valid.instrument,
              provider: valid.provider,
              startDate: valid.startDate,
            }),
          )
          .returning();
        return { record: action, id: action.id, personId: trajectory.personId };
      },
    });
  }

  @Category('f')
  @Mutation(() => TrajectoryAction, { description: 'Ends an ongoing action with its outcome.' })
  endTrajectoryAction(
    @Arg('input', () => EndTrajectoryActionInput) input: EndTrajectoryActionInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'endTrajectoryAction',
      rule: endActionRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const { row: current, personId } = await scopedTrajectoryPart(
          tx,
          context.policy.rows,
          trajectoryActions,
          'TrajectoryAction',
          valid.actionId,
        );
        const [action] = await tx
          .update(trajectoryActions)
          .set(endedAction(current, valid))
          .where(eq(trajectoryActions.id, current.id))
          .returning();
        return { record: action, id: action.id, personId };
      },
    });
  }
}
