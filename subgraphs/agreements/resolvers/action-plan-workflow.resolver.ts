import { and, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { AgreementsContext } from '../loaders';
import {
  actionPlanNumbers,
  actionPlans,
  agreementActionNumbers,
  agreementActions,
  idempotencyKeys,
} from '../tables';
import { ActionPlan, AgreementAction } from '../types/action-plan';
import { ActionStatus, AgreementTargetGroup } from '../types/enums';
import {
  addActionPlanRule,
  addActionRule,
  movedAction,
  moveActionRule,
  plannedAction,
  plannedYear,
} from '../workflow/agreement';
import { agreementsCovering, ownAgreement } from '../workflow/scoped';

@InputType({ description: 'The action plan of a year of a running agreement.' })
class AddActionPlanInput extends MutationInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Visible to the partners: the pact wants status and owners shown.',
  })
  published?: boolean | null;
}

@InputType({ description: 'An action of a yearly plan, with its owner (trekker) and deadline.' })
class AddAgreementActionInput extends MutationInput {
  @Field(() => ID)
  actionPlanId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Who pulls the action (trekker).' })
  owner: string;

  @Field(() => DateScalar, { description: "In the plan's year." })
  deadline: string;

  @Field(() => AgreementTargetGroup, { nullable: true })
  targetGroup?: EnumValue<typeof AgreementTargetGroup> | null;

  @Field(() => String, { nullable: true })
  qualitativeIndicator?: string | null;
}

@InputType({ description: 'The status of an action of a yearly action plan.' })
class MoveAgreementActionInput extends MutationInput {
  @Field(() => ID)
  actionId: string;

  @Field(() => ActionStatus)
  status: EnumValue<typeof ActionStatus>;
}

const loadPlan = async (tx: Database, id: string) =>
  (await tx.select().from(actionPlans).where(eq(actionPlans.id, id)))[0];
const loadAction = async (tx: Database, id: string) =>
  (await tx.select().from(agreementActions).where(eq(agreementActions.id, id)))[0];

/** The yearly action plans of an agreement (B.2.4) and their actions, kept by the regisseur. */
@Resolver()
export class ActionPlanWorkflowResolver {
  @Category('o')
  @Mutation(() => ActionPlan, {
    description:
      'Adds the action plan of a year to a running agreement covering you; one per year.',
  })
  addActionPlan(
    @Arg('input', () => AddActionPlanInput) input: AddActionPlanInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'addActionPlan',
      rule: addActionPlanRule,
      input,
      idempotencyKeys,
      load: loadPlan,
      write: async (tx, valid) => {
        const agreement = await ownAgreement(tx, context.policy.rows, valid.agreementId, 'share');
        const [existing] = await tx
          .select({ id: actionPlans.id })
          .from(actionPlans)
          .where(and(eq(actionPlans.agreementId, agreement.id), eq(actionPlans.year, valid.year)));
        if (existing) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${agreement.id} already has its action plan for ${valid.year} (${existing.id}).`,
            { actionPlanId: existing.id },
          );
        }
        const [plan] = await tx
          .insert(actionPlans)
          .values(
            plannedYear(agreement, {
              id: await nextId(tx, actionPlanNumbers, 'AP'),
              year: valid.year,
              published: valid.published,
            }),
          )
          .returning();
        return { record: plan, id: plan.id };
      },
    });
  }

  @Category('o')
  @Mutation(() => AgreementAction, {
    description: 'Adds an action, PLANNED, to a yearly plan of an agreement covering you.',
  })
  addAgreementAction(
    @Arg('input', () => AddAgreementActionInput) input: AddAgreementActionInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'addAgreementAction',
      rule: addActionRule,
      input,
      idempotencyKeys,
      load: loadAction,
      write: async (tx, valid) => {
        const [plan] = await tx
          .select()
          .from(actionPlans)
          .where(
            and(
              eq(actionPlans.id, valid.actionPlanId),
              inArray(
                actionPlans.agreementId,
                agreementsCovering(tx, context.policy.rows.ownMunicipality()),
              ),
            ),
          )
          .for('share');
        if (!plan) throw notFound('ActionPlan', valid.actionPlanId);
        const [action] = await tx
          .insert(agreementActions)
          .values(
            plannedAction(plan, {
              id: await nextId(tx, agreementActionNumbers, 'AA'),
              title: valid.title,
              owner: valid.owner,
              deadline: valid.deadline,
              targetGroup: valid.targetGroup ?? null,
              qualitativeIndicator: valid.qualitativeIndicator ?? null,
            }),
          )
          .returning();
        return { record: action, id: action.id };
      },
    });
  }

  @Category('o')
  @Mutation(() => AgreementAction, {
    description: 'Sets the status of an action in the yearly plan of an agreement covering you.',
  })
  moveAgreementAction(
    @Arg('input', () => MoveAgreementActionInput) input: MoveAgreementActionInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'moveAgreementAction',
      rule: moveActionRule,
      input,
      idempotencyKeys,
      load: loadAction,
      write: async (tx, valid) => {
        const [found] = await tx
          .select({ action: agreementActions })
          .from(agreementActions)
          .innerJoin(actionPlans, eq(actionPlans.id, agreementActions.actionPlanId))
          .where(
            and(
              eq(agreementActions.id, valid.actionId),
              inArray(
                actionPlans.agreementId,
                agreementsCovering(tx, context.policy.rows.ownMunicipality()),
              ),
            ),
          )
          .for('update');
        if (!found) throw notFound('AgreementAction', valid.actionId);
        const [action] = await tx
          .update(agreementActions)
          .set(movedAction(found.action, valid.status))
          .where(eq(agreementActions.id, found.action.id))
          .returning();
        return { record: action, id: action.id };
      },
    });
  }
}
