import { eq } from 'drizzle-orm';
import { today } from '../../../common/clock';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import { idempotencyKeys, transmissionNumbers, transmissions } from '../tables';
import { TransmissionKind } from '../types/enums';
import { Transmission } from '../types/trajectory';
import {
  answerTransmissionRule,
  sendTransmissionRule,
  answeredTransmission,
  sentTransmission,
} from '../workflow/activation';
import { scopedTrajectory, scopedTrajectoryPart } from '../workflow/scoped';

@InputType({ description: 'A notice from VDAB to the OCMW about a shared client.' })
class SendTransmissionInput extends MutationInput {
  @Field(() => ID)
  trajectoryId: string;

  @Field(() => TransmissionKind)
  kind: EnumValue<typeof TransmissionKind>;

  @Field(() => String)
  description: string;
}

@InputType({ description: 'The OCMW’s mandatory feedback on a transmission.' })
class AnswerTransmissionInput extends MutationInput {
  @Field(() => ID)
  transmissionId: string;

  @Field(() => String)
  feedback: string;
}

const load = async (tx: Database, id: string) =>
  (await tx.select().from(transmissions).where(eq(transmissions.id, id)))[0];

/** Transmissions between VDAB and the OCMW (DOMAIN B.2.1): VDAB notifies, the OCMW answers. */
@Resolver(() => Transmission)
export class TransmissionWorkflowResolver {
  @Category('g')
  @Mutation(() => Transmission, {
    description: 'Notifies the OCMW that a shared client did not keep to the agreements.',
  })
  sendTransmission(
    @Arg('input', () => SendTransmissionInput) input: SendTransmissionInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'sendTransmission',
      rule: sendTransmissionRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const trajectory = await scopedTrajectory(tx, context.policy.rows, valid.trajectoryId);
        const [transmission] = await tx
          .insert(transmissions)
          .values(
            sentTransmission({
              id: await nextId(tx, transmissionNumbers, 'TR'),
              trajectoryId: trajectory.id,
              kind: valid.kind,
              sentAt: today(),
              description: valid.description,
            }),
          )
          .returning();
        return { record: transmission, id: transmission.id, personId: trajectory.personId };
      },
    });
  }

  @Category('g')
  @Mutation(() => Transmission, {
    description: 'Gives the OCMW’s feedback on a transmission about one of its clients.',
  })
  answerTransmission(
    @Arg('input', () => AnswerTransmissionInput) input: AnswerTransmissionInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'answerTransmission',
      rule: answerTransmissionRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const { row: current, personId } = await scopedTrajectoryPart(
          tx,
          context.policy.rows,
          transmissions,
          'Transmission',
          valid.transmissionId,
        );
        const [transmission] = await tx
          .update(transmissions)
          .set(answeredTransmission(current, valid.feedback, today()))
          .where(eq(transmissions.id, current.id))
          .returning();
        return { record: transmission, id: transmission.id, personId };
      },
    });
  }
}
