import { and, eq, isNull } from 'drizzle-orm';
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
import type { PersonsContext } from '../loaders';
import {
  handoverNumbers,
  handovers,
  idempotencyKeys,
  persons,
  trajectories,
  trajectoryNumbers,
  type TrajectoryRow,
} from '../tables';
import { Regie } from '../types/enums';
import { Trajectory } from '../types/trajectory';
import {
  endedTrajectory,
  endTrajectoryRule,
  handOverRule,
  handedOver,
  startedTrajectory,
  startTrajectoryRule,
} from '../workflow/activation';
import { scopedTrajectory } from '../workflow/scoped';

@InputType({ description: 'A trajectory towards work for a person you guide.' })
class StartTrajectoryInput extends MutationInput {
  @Field(() => ID)
  personId: string;

  @Field(() => Regie, { description: 'Who directs it: OCMW or VDAB.' })
  regie: EnumValue<typeof Regie>;
}

@InputType({ description: 'The end of a running trajectory.' })
class EndTrajectoryInput extends MutationInput {
  @Field(() => ID)
  trajectoryId: string;

  @Field(() => DateScalar)
  endDate: string;
}

@InputType({ description: 'A warm handover of the regie of a trajectory to the other side.' })
class HandOverRegieInput extends MutationInput {
  @Field(() => ID)
  trajectoryId: string;

  @Field(() => Regie)
  toRegie: EnumValue<typeof Regie>;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

const loadTrajectory = async (tx: Database, id: string): Promise<TrajectoryRow> =>
  (await tx.select().from(trajectories).where(eq(trajectories.id, id)))[0];

/**
 * The trajectory of B.2.1: started by the OCMW or VDAB, one at a time, its regie handed over
 * warmly between them, and ended once.
 */
@Resolver()
export class TrajectoryWorkflowResolver {
  @Category('f')
  @Mutation(() => Trajectory, {
    description: 'Starts a trajectory for a person in your caseload; one runs at a time.',
  })
  startTrajectory(
    @Arg('input', () => StartTrajectoryInput) input: StartTrajectoryInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'startTrajectory',
      rule: startTrajectoryRule,
      input,
      idempotencyKeys,
      load: loadTrajectory,
      write: async (tx, valid) => {
        const [person] = await tx
          .select({ id: persons.id })
          .from(persons)
          .where(and(eq(persons.id, valid.personId), context.policy.rows.persons(persons.id)));
        if (!person) throw notFound('Person', valid.personId);
        const [running] = await tx
          .select({ id: trajectories.id })
          .from(trajectories)
          .where(and(eq(trajectories.personId, person.id), isNull(trajectories.endedAt)));
        if (running) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${person.id} already has a running trajectory (${running.id}): hand over its regie instead.`,
            { trajectoryId: running.id },
          );
        }
        const [trajectory] = await tx
          .insert(trajectories)
          .values(
            startedTrajectory({
              id: await nextId(tx, trajectoryNumbers, 'T'),
              personId: person.id,
              regie: valid.regie,
              startedAt: today(),
            }),
          )
          .returning();
        return { record: trajectory, id: trajectory.id, personId: trajectory.personId };
      },
    });
  }

  @Category('f')
  @Mutation(() => Trajectory, { description: 'Ends a running trajectory.' })
  endTrajectory(
    @Arg('input', () => EndTrajectoryInput) input: EndTrajectoryInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'endTrajectory',
      rule: endTrajectoryRule,
      input,
      idempotencyKeys,
      load: loadTrajectory,
      write: async (tx, valid) => {
        const current = await scopedTrajectory(tx, context.policy.rows, valid.trajectoryId);
        const [trajectory] = await tx
          .update(trajectories)
          .set(endedTrajectory(current, valid.endDate))
          .where(eq(trajectories.id, current.id))
          .returning();
        return { record: trajectory, id: trajectory.id, personId: trajectory.personId };
      },
    });
  }

  @Category('f')
  @Mutation(() => Trajectory, {
    description: 'Hands the regie of a running trajectory over to the other side (OCMW ↔ VDAB).',
  })
  handOverRegie(
    @Arg('input', () => HandOverRegieInput) input: HandOverRegieInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'handOverRegie',
      rule: handOverRule,
      input,
      idempotencyKeys,
      load: loadTrajectory,
      write: async (tx, valid) => {
        const current = await scopedTrajectory(tx, context.policy.rows, valid.trajectoryId);
        const moved = handedOver(
          current,
          {
            id: await nextId(tx, handoverNumbers, 'H'),
            toRegie: valid.toRegie,
            note: valid.note ?? null,
          },
          today(),
        );
        await tx.insert(handovers).values(moved.handover);
        const [trajectory] = await tx
          .update(trajectories)
          .set(moved.trajectory)
          .where(eq(trajectories.id, current.id))
          .returning();
        return { record: trajectory, id: trajectory.id, personId: trajectory.personId };
      },
    });
  }
}
