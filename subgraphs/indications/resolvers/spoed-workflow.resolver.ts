import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import { notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { adviceRows, type IndicationsContext } from '../loaders';
import {
  advices,
  idempotencyKeys,
  indicationRequests as requests,
  type AdviceRow,
} from '../tables';
import { Advice } from '../types/advice';
import { spoedHireRecorded, spoedHireRule } from '../workflow/spoed';

@InputType({ description: 'The hire that fulfils the obligation of a granted spoed advice.' })
class RecordSpoedHireInput extends MutationInput {
  @Field(() => ID)
  adviceId: string;

  @Field(() => ID, { description: 'The vacancy the spoed request was made for.' })
  vacancyId: string;

  @Field(() => DateScalar, { description: 'The first day of the placement.' })
  hiredOn: string;
}

const load = async (tx: Database, id: string): Promise<AdviceRow> =>
  (await tx.select().from(advices).where(eq(advices.id, id)))[0];

/**
 * Spoed carries a hiring obligation (000 BA6): the employer's hire, made in the maatwerk
 * subgraph, is recorded on the advice here, which closes the obligation.
 */
@Resolver()
export class SpoedWorkflowResolver {
  // The employer reads advices minimised (B.4 j, note 13); recording its own hire is within that.
  @Category('j', { minimal: true })
  @Mutation(() => Advice, {
    description:
      'Records the hire on a granted spoed advice: done by the maatwerk subgraph when you hire the candidate on the vacancy of the spoed request.',
  })
  recordSpoedHire(
    @Arg('input', () => RecordSpoedHireInput) input: RecordSpoedHireInput,
    @Ctx() context: IndicationsContext,
  ) {
    return runMutation(context, {
      name: 'recordSpoedHire',
      rule: spoedHireRule,
      // The employer hires; its scope (the referral or placement) lets it reach the advice.
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(advices)
          .where(and(eq(advices.id, valid.adviceId), adviceRows(context.policy.rows)))
          .for('update');
        const [request] = current?.requestId
          ? await tx.select().from(requests).where(eq(requests.id, current.requestId))
          : [];
        if (!current || !request) throw notFound('Advice', valid.adviceId);
        const [advice] = await tx
          .update(advices)
          .set(spoedHireRecorded(current, request, valid))
          .where(eq(advices.id, current.id))
          .returning();
        return { record: advice, id: advice.id, personId: advice.personId };
      },
    });
  }
}
