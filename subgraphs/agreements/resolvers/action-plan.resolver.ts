import { and, eq } from 'drizzle-orm';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { AgreementsContext } from '../loaders';
import { actionPlans, type ActionPlanRow, type AgreementActionRow } from '../tables';
import { ActionPlan, AgreementAction } from '../types/action-plan';
import { CollaborationAgreement } from '../types/agreement';
import { agreementScope } from '../workflow/scoped';

const ActionPlanConnection = ConnectionType(ActionPlan, 'ActionPlan');

@ArgsType()
class ActionPlansArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  agreementId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Category('o')
  @Query(() => ActionPlanConnection, { description: 'Yearly action plans, in id order.' })
  actionPlans(
    @Args(() => ActionPlansArgs) args: ActionPlansArgs,
    @Ctx() { db, policy }: AgreementsContext,
  ) {
    const filters = [agreementScope(db, policy.rows, actionPlans.agreementId)];
    if (args.agreementId) filters.push(eq(actionPlans.agreementId, args.agreementId));
    if (typeof args.year === 'number') filters.push(eq(actionPlans.year, args.year));
    return paginate(db, actionPlans, 'id', and(...filters), args);
  }

  @FieldResolver(() => CollaborationAgreement)
  agreement(@Root() plan: ActionPlanRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.agreementById.load(plan.agreementId);
  }

  @FieldResolver(() => [AgreementAction])
  actions(@Root() plan: ActionPlanRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.actionsByPlan.load(plan.id);
  }
}

@Resolver(() => AgreementAction)
export class AgreementActionResolver {
  @FieldResolver(() => ActionPlan)
  actionPlan(@Root() action: AgreementActionRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.actionPlanById.load(action.actionPlanId);
  }
}
