import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { notFound } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { adviceScope, type IndicationsContext } from '../loaders';
import { addDays, todayInBelgium } from '../../../common/dates';
import { adviceStatusOn, MAX_VALIDITY_YEARS, validityEnd } from '../rules';
import {
  advices,
  evaluationNumbers,
  evaluations,
  idempotencyKeys,
  type AdviceRow,
} from '../tables';
import { Advice } from '../types/advice';
import { EvaluationOutcome, EvaluationTrigger } from '../types/enums';
import { ADVICE_LIFECYCLE, evaluateAdviceRule, STATUS_AFTER } from '../workflow/evaluation';

@InputType({ description: 'An evaluation of an active advice and what it decides.' })
class EvaluateAdviceInput extends MutationInput {
  @Field(() => ID)
  adviceId: string;

  @Field(() => EvaluationTrigger)
  trigger: EnumValue<typeof EvaluationTrigger>;

  @Field(() => EvaluationOutcome)
  outcome: EnumValue<typeof EvaluationOutcome>;

  @Field(() => ID, { nullable: true, description: 'The placement evaluated on the work floor.' })
  placementId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Required for VERLENGD: years added after the current validity, 1 to ${MAX_VALIDITY_YEARS}.`,
  })
  extensionYears?: number | null;
}

const load = async (tx: Database, id: string): Promise<AdviceRow> =>
  (await tx.select().from(advices).where(eq(advices.id, id)))[0];

/** Evaluations of B.2.2: extend, revise, end or convert an active advice. */
@Resolver(() => Advice)
export class EvaluationWorkflowResolver {
  @Category('j')
  @Mutation(() => Advice, {
    description:
      'Evaluates an active advice: VERLENGD extends it (a temporary UKW advice becomes a regular one), INTENSITEIT_HERZIEN revises its support, BEEINDIGD ends it, OMGEZET_NAAR_ANDER_ADVIES supersedes it.',
  })
  evaluateAdvice(
    @Arg('input', () => EvaluateAdviceInput) input: EvaluateAdviceInput,
    @Ctx() context: IndicationsContext,
  ): Promise<AdviceRow> {
    return runMutation(context, {
      name: 'evaluateAdvice',
      rule: evaluateAdviceRule,
      category: 'j',
      writers: ['VDAB_ICF_CONSULTANT', 'LG_ICF_CONSULTANT'],
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(advices)
          .where(and(eq(advices.id, valid.adviceId), adviceScope(context.scope)))
          .for('update');
        if (!current) throw notFound('Advice', valid.adviceId);
        const today = todayInBelgium();
        // An advice past its validity reads EXPIRED: it is no longer evaluated but asked anew.
        const status = adviceStatusOn(current, today) ?? 'REFUSED';
        const next = STATUS_AFTER[valid.outcome];
        ADVICE_LIFECYCLE.assertMove(current.id, status, next);
        const evaluationId = await nextId(tx, evaluationNumbers, 'EV');
        await tx.insert(evaluations).values({
          id: evaluationId,
          adviceId: current.id,
          personId: current.personId,
          trigger: valid.trigger,
          placementId: valid.placementId ?? null,
          expert: context.caller.sub,
          evaluatedAt: today,
          outcome: valid.outcome,
        });
        const changes: Partial<AdviceRow> = { status: next };
        if (valid.outcome === 'VERLENGD') {
          const newValidUntil = validityEnd(addDays(current.validUntil!, 1), valid.extensionYears!);
          changes.validUntil = newValidUntil;
          changes.temporary = false;
          changes.extensions = [
            ...current.extensions,
            {
              extendedAt: today,
              previousValidUntil: current.validUntil!,
              newValidUntil,
              evaluationId,
            },
          ];
        }
        if (next !== 'ACTIVE') changes.endedAt = today;
        await tx.update(advices).set(changes).where(eq(advices.id, current.id));
        return { record: await load(tx, current.id), id: current.id, personId: current.personId };
      },
    });
  }
}
