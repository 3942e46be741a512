import { and, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { todayInBelgium } from '../../../common/dates';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { domainError, ErrorCode, notFound } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import type { AgreementsContext } from '../loaders';
import {
  actionPlans,
  agreementActions,
  agreementCoverage,
  collaborationAgreements as agreements,
  idempotencyKeys,
} from '../tables';
import { AgreementAction } from '../types/action-plan';
import { CollaborationAgreement } from '../types/agreement';
import { ActionStatus, AgreementStatus } from '../types/enums';
import {
  ACTION_LIFECYCLE,
  AGREEMENT_LIFECYCLE,
  moveActionRule,
  moveAgreementRule,
  RUBRICS,
} from '../workflow/agreement';

@InputType({ description: 'The next step of a collaboration agreement.' })
class MoveCollaborationAgreementInput extends MutationInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => AgreementStatus)
  status: EnumValue<typeof AgreementStatus>;
}

@InputType({ description: 'The status of an action of a yearly action plan.' })
class MoveAgreementActionInput extends MutationInput {
  @Field(() => ID)
  actionId: string;

  @Field(() => ActionStatus)
  status: EnumValue<typeof ActionStatus>;
}

/**
 * Agreements and action plans are kept by the regisseur or VDAB network manager of the area
 * (the CITY_MONITOR role of A.3). B.4 names no owner for column o, so this is a decision: each
 * keeps the agreements that cover their own municipality.
 */
const KEEPERS = ['CITY_MONITOR'] as const;

const ownMunicipality = (org: string) =>
  org.startsWith('municipality:') ? org.slice('municipality:'.length) : '';

/** The agreements covering the caller's municipality. */
const ownAgreements = (tx: Database, org: string) =>
  tx
    .select({ agreementId: agreementCoverage.agreementId })
    .from(agreementCoverage)
    .where(eq(agreementCoverage.municipalityNisCode, ownMunicipality(org)));

const loadAgreement = async (tx: Database, id: string) =>
  (await tx.select().from(agreements).where(eq(agreements.id, id)))[0];
const loadAction = async (tx: Database, id: string) =>
  (await tx.select().from(agreementActions).where(eq(agreementActions.id, id)))[0];

/** The agreement lifecycle of B.2.4 and the status of the actions of its yearly plans. */
@Resolver()
export class AgreementWorkflowResolver {
  @Category('o')
  @Mutation(() => CollaborationAgreement, {
    description:
      'Moves an agreement covering your municipality one step: SIGNED (every rubric filled), ACTIVE, EVALUATION, RENEWED or EXPIRED.',
  })
  moveCollaborationAgreement(
    @Arg('input', () => MoveCollaborationAgreementInput) input: MoveCollaborationAgreementInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'moveCollaborationAgreement',
      rule: moveAgreementRule,
      category: 'o',
      writers: KEEPERS,
      input,
      idempotencyKeys,
      load: loadAgreement,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(agreements)
          .where(
            and(
              eq(agreements.id, valid.agreementId),
              inArray(agreements.id, ownAgreements(tx, context.caller.org)),
            ),
          )
          .for('update');
        if (!current) throw notFound('CollaborationAgreement', valid.agreementId);
        AGREEMENT_LIFECYCLE.assertMove(current.id, current.status, valid.status);
        const missing = RUBRICS.filter((rubric) => !current[rubric]?.trim());
        if (valid.status === 'SIGNED' && missing.length > 0) {
          throw domainError(
            ErrorCode.INVALID_TRANSITION,
            `CollaborationAgreement ${current.id} cannot be signed before its rubrics are written: ${missing.join(', ')}.`,
            {
              entity: 'CollaborationAgreement',
              id: current.id,
              from: current.status,
              to: 'SIGNED',
            },
          );
        }
        const [agreement] = await tx
          .update(agreements)
          .set({
            status: valid.status,
            ...(valid.status === 'SIGNED' && { signedAt: todayInBelgium() }),
          })
          .where(eq(agreements.id, current.id))
          .returning();
        return { record: agreement, id: agreement.id };
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
      category: 'o',
      writers: KEEPERS,
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
              inArray(actionPlans.agreementId, ownAgreements(tx, context.caller.org)),
            ),
          )
          .for('update');
        if (!found) throw notFound('AgreementAction', valid.actionId);
        ACTION_LIFECYCLE.assertMove(found.action.id, found.action.status, valid.status);
        const [action] = await tx
          .update(agreementActions)
          .set({ status: valid.status })
          .where(eq(agreementActions.id, found.action.id))
          .returning();
        return { record: action, id: action.id };
      },
    });
  }
}
