import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { relations } from '../../../common/access/tables';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { placementScope, type MaatwerkContext } from '../loaders';
import { idempotencyKeys, placements, type PlacementRow } from '../tables';
import { PlacementEndReason } from '../types/enums';
import { Placement } from '../types/placement';
import { endPlacementRule, PLACEMENT_LIFECYCLE } from '../workflow/placement';

@InputType({ description: 'The end of a placement, with its reason.' })
class EndPlacementInput extends MutationInput {
  @Field(() => ID)
  placementId: string;

  @Field(() => DateScalar)
  endDate: string;

  @Field(() => PlacementEndReason)
  endReason: EnumValue<typeof PlacementEndReason>;
}

const loadPlacement = async (tx: Database, id: string): Promise<PlacementRow> => {
  const [placement] = await tx.select().from(placements).where(eq(placements.id, id));
  return placement;
};

/** The end of the placement lifecycle of B.2.3: the employer ends a placement with a reason. */
@Resolver(() => Placement)
export class PlacementWorkflowResolver {
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
      category: 'n',
      writers: ['EMPLOYER'],
      input,
      idempotencyKeys,
      load: loadPlacement,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(placements)
          .where(and(eq(placements.id, valid.placementId), placementScope(context.scope)))
          .for('update');
        if (!current) throw notFound('Placement', valid.placementId);
        PLACEMENT_LIFECYCLE.assertMove(current.id, current.status, 'ENDED');
        if (valid.endDate < current.startDate) {
          throw badUserInput(
            'input.endDate',
            `must not be before the start of the placement (${current.startDate})`,
          );
        }
        const [placement] = await tx
          .update(placements)
          .set({ status: 'ENDED', endDate: valid.endDate, endReason: valid.endReason })
          .where(eq(placements.id, current.id))
          .returning();
        // The employer keeps its own employee's file for the time of the placement.
        await tx
          .update(relations)
          .set({ validUntil: placement.endDate })
          .where(eq(relations.source, `placement:${placement.id}`));
        return { record: placement, id: placement.id, personId: placement.personId };
      },
    });
  }
}
