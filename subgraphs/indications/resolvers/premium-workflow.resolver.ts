import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { now, today } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { adviceRows, premiumIncreaseRows, type IndicationsContext } from '../loaders';
import {
  advices,
  idempotencyKeys,
  premiumIncreaseNumbers,
  premiumIncreaseRequests as increases,
  workSupportPackages,
  type PremiumIncreaseRequestRow,
} from '../tables';
import { PremiumIncreaseRequest } from '../types/advice';
import { PremiumIncreaseStatus, SupportPremiumLevel } from '../types/enums';
import {
  decidedIncrease,
  decideIncreaseRule,
  increaseProblem,
  requestIncreaseRule,
} from '../workflow/premium';

@InputType({ description: 'A request to raise the support premium of your employee’s package.' })
class RequestPremiumIncreaseInput extends MutationInput {
  @Field(() => ID, {
    description: 'The advice (a valid CMW or IMW ticket) of a person you employ today.',
  })
  adviceId: string;

  @Field(() => String, {
    description: 'Why: the support the worker needs beyond the current level.',
  })
  motivation: string;

  @Field(() => SupportPremiumLevel, {
    nullable: true,
    description: 'The level you ask for, above the current one; leave it out to let VDAB decide.',
  })
  requestedLevel?: EnumValue<typeof SupportPremiumLevel> | null;
}

@InputType({ description: 'VDAB’s decision on a request to raise a support premium.' })
class DecidePremiumIncreaseInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => PremiumIncreaseStatus, { description: 'ACCEPTED or REFUSED.' })
  decision: EnumValue<typeof PremiumIncreaseStatus>;

  @Field(() => SupportPremiumLevel, {
    nullable: true,
    description: 'Required to accept: the new level, above the current one.',
  })
  newLevel?: EnumValue<typeof SupportPremiumLevel> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required to refuse: why, for the employer.',
  })
  refusalReason?: string | null;
}

const load = async (tx: Database, id: string): Promise<PremiumIncreaseRequestRow> =>
  (await tx.select().from(increases).where(eq(increases.id, id)))[0];

/**
 * The support premium "can be raised at the employer's request" (003): the employer asks for its
 * own employee's package with a motivation, VDAB (which sets the work support package) accepts it
 * with the new level the package then carries, or refuses it with a reason.
 */
@Resolver()
export class PremiumWorkflowResolver {
  @Category('k')
  @Mutation(() => PremiumIncreaseRequest, {
    description:
      'Asks VDAB to raise the support premium of the work support package of a person you employ (status PENDING).',
  })
  requestPremiumIncrease(
    @Arg('input', () => RequestPremiumIncreaseInput) input: RequestPremiumIncreaseInput,
    @Ctx() context: IndicationsContext,
  ): Promise<PremiumIncreaseRequestRow> {
    const { policy } = context;
    return runMutation(context, {
      name: 'requestPremiumIncrease',
      rule: requestIncreaseRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [advice] = await tx
          .select()
          .from(advices)
          .where(and(eq(advices.id, valid.adviceId), adviceRows(policy.rows)));
        if (!advice) throw notFound('Advice', valid.adviceId);
        // The package is the employer's to read and revise for its own employees only (note 14).
        if (!(await policy.employs(tx, advice.personId))) {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `${advice.personId} is not your employee today: a support-premium revision is asked for your own employees only (B.4 note 14).`,
            { category: 'k' },
          );
        }
        const [wop] = await tx
          .select()
          .from(workSupportPackages)
          .where(eq(workSupportPackages.adviceId, advice.id))
          .for('update');
        if (!wop) {
          throw badUserInput(
            'input.adviceId',
            `${advice.id} carries no work support package, so no support premium to raise`,
          );
        }
        const problem = increaseProblem(wop, valid.requestedLevel);
        if (problem) throw badUserInput(problem.field, `${advice.id}: ${problem.message}`);
        const employerId = policy.rows.ownEmployer();
        const [waiting] = await tx
          .select({ id: increases.id })
          .from(increases)
          .where(
            and(
              eq(increases.packageId, wop.id),
              eq(increases.employerId, employerId),
              eq(increases.status, 'PENDING'),
            ),
          );
        if (waiting) {
          throw domainError(
            ErrorCode.CONFLICT,
            `Your request ${waiting.id} to raise the support premium of ${advice.id} waits for VDAB's decision already.`,
            { requestId: waiting.id },
          );
        }
        const [request] = await tx
          .insert(increases)
          .values({
            id: await nextId(tx, premiumIncreaseNumbers, 'PIR'),
            packageId: wop.id,
            adviceId: advice.id,
            personId: advice.personId,
            employerId,
            requestedAt: today(),
            motivation: valid.motivation,
            levelAtRequest: wop.supportPremiumLevel,
            requestedLevel: valid.requestedLevel ?? null,
            status: 'PENDING',
          })
          .returning();
        return { record: request, id: request.id, personId: request.personId };
      },
    });
  }

  @Category('k')
  @Mutation(() => PremiumIncreaseRequest, {
    description:
      'Accepts a request to raise a support premium (the package gets the new level and its monthly amount) or refuses it with a reason.',
  })
  decidePremiumIncrease(
    @Arg('input', () => DecidePremiumIncreaseInput) input: DecidePremiumIncreaseInput,
    @Ctx() context: IndicationsContext,
  ): Promise<PremiumIncreaseRequestRow> {
    const { policy } = context;
    return runMutation(context, {
      name: 'decidePremiumIncrease',
      rule: decideIncreaseRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(increases)
          .where(and(eq(increases.id, valid.requestId), premiumIncreaseRows(policy.rows)))
          .for('update');
        if (!current) throw notFound('PremiumIncreaseRequest', valid.requestId);
        const [wop] = await tx
          .select()
          .from(workSupportPackages)
          .where(eq(workSupportPackages.id, current.packageId))
          .for('update');
        if (valid.decision === 'ACCEPTED' && current.status === 'PENDING') {
          const problem = increaseProblem(wop, valid.newLevel);
          if (problem) {
            throw badUserInput(
              problem.field === 'input.requestedLevel' ? 'input.newLevel' : 'input.requestId',
              `${current.id}: ${problem.message}`,
            );
          }
        }
        const decided = decidedIncrease(current, wop, valid, now());
        const [request] = await tx
          .update(increases)
          .set(decided.request)
          .where(eq(increases.id, current.id))
          .returning();
        if (decided.wop !== wop) {
          await tx
            .update(workSupportPackages)
            .set({
              supportPremiumLevel: decided.wop.supportPremiumLevel,
              supportPremiumCents: decided.wop.supportPremiumCents,
            })
            .where(eq(workSupportPackages.id, wop.id));
        }
        return { record: request, id: request.id, personId: request.personId };
      },
    });
  }
}
