import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { notFound } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { adviceRows, type IndicationsContext } from '../loaders';
import { MAX_VALIDITY_YEARS } from '../rules';
import {
  adviceNumbers,
  advices,
  evaluationNumbers,
  evaluations,
  idempotencyKeys,
  workSupportPackages,
  type AdviceRow,
} from '../tables';
import { Advice } from '../types/advice';
import { AdviceType, EvaluationOutcome, EvaluationTrigger } from '../types/enums';
import { evaluateAdviceRule, evaluatedAdvice } from '../workflow/evaluation';
import { candidatePoolFact } from '../workflow/pool';

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

  @Field(() => Int, {
    nullable: true,
    description: 'Required for INTENSITEIT_HERZIEN: the guidance hours per month from now on.',
  })
  intensity?: number | null;

  @Field(() => AdviceType, {
    nullable: true,
    description: 'Required for OMGEZET_NAAR_ANDER_ADVIES: the type of the advice it becomes.',
  })
  convertTo?: EnumValue<typeof AdviceType> | null;
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
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(advices)
          .where(and(eq(advices.id, valid.adviceId), adviceRows(context.policy.rows)))
          .for('update');
        if (!current) throw notFound('Advice', valid.adviceId);
        const [derivedImw] = await tx
          .select()
          .from(advices)
          .where(eq(advices.derivedFromId, current.id))
          .for('update');
        const evaluated = evaluatedAdvice(
          current,
          derivedImw ?? null,
          { ...valid, expert: context.caller.sub },
          // The product's day (common/clock), so a pinned day dates the evaluation too.
          context.policy.today,
          {
            evaluation: await nextId(tx, evaluationNumbers, 'EV'),
            converted:
              valid.outcome === 'OMGEZET_NAAR_ANDER_ADVIES'
                ? await nextId(tx, adviceNumbers, 'AD')
                : null,
          },
        );
        await tx.insert(evaluations).values(evaluated.evaluation);
        for (const advice of evaluated.advices) {
          await tx.update(advices).set(advice).where(eq(advices.id, advice.id));
          await recordFact(tx, candidatePoolFact(advice));
        }
        if (evaluated.converted) {
          await tx.insert(advices).values(evaluated.converted);
          await recordFact(tx, candidatePoolFact(evaluated.converted));
        }
        if (evaluated.intensity !== null) {
          await tx
            .update(workSupportPackages)
            .set({ intensity: evaluated.intensity })
            .where(eq(workSupportPackages.adviceId, current.id));
        }
        return { record: await load(tx, current.id), id: current.id, personId: current.personId };
      },
    });
  }
}
