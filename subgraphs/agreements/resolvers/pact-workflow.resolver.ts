import { and, asc, eq } from 'drizzle-orm';
import { today } from '../../../common/clock';
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
  activationPactParticipations as participations,
  idempotencyKeys,
  municipalities,
  pactParticipationNumbers,
  type ActivationPactParticipationRow,
} from '../tables';
import { PactStatus } from '../types/enums';
import { ActivationPactParticipation } from '../types/pact';
import {
  invitedParticipation,
  invitePactRule,
  movedParticipation,
  movePactRule,
  sharedDrawingRights,
} from '../workflow/pact';

@InputType({ description: 'A local government called to the activation pact of a year.' })
class InvitePactParticipationInput extends MutationInput {
  @Field(() => ID)
  municipalityNisCode: string;

  @Field(() => Int, { description: '2023 or 2024.' })
  year: number;

  @Field(() => Int, { description: 'Beneficiaries of the right to social integration.' })
  rmiCount: number;

  @Field(() => Int, { description: 'Displaced persons from Ukraine on equivalent leefloon.' })
  ukrCount: number;

  @Field(() => Int, { description: 'The leefloon population the floor is computed on.' })
  leefloonBase: number;
}

@InputType({ description: 'The next step of a pact participation, with what that step records.' })
class MovePactParticipationInput extends MutationInput {
  @Field(() => ID)
  participationId: string;

  @Field(() => PactStatus)
  status: EnumValue<typeof PactStatus>;

  @Field(() => Boolean, { nullable: true, description: 'Required for PLAN_ALIGNED.' })
  inSoActionPlan?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Required for REPORTED: activated leefloon recipients registered at VDAB.',
  })
  activatedRegistered?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Required for REPORTED.' })
  councilReportAt?: string | null;
}

const load = async (tx: Database, id: string) =>
  (await tx.select().from(participations).where(eq(participations.id, id)))[0];

/** Shares the drawing rights of a year anew, after a call or a decline. */
async function redistributeDrawingRights(tx: Database, year: number): Promise<void> {
  const participants = await tx
    .select()
    .from(participations)
    .where(eq(participations.year, year))
    .orderBy(asc(participations.id))
    .for('update');
  for (const changed of sharedDrawingRights(participants)) {
    await tx
      .update(participations)
      .set({ maxAmountCents: changed.maxAmountCents })
      .where(eq(participations.id, changed.id));
  }
}

/** The local activation pact (DOMAIN B.2.4, B.5), administered by the department. */
@Resolver(() => ActivationPactParticipation)
export class PactWorkflowResolver {
  @Category('p')
  @Mutation(() => ActivationPactParticipation, {
    description:
      'Calls a local government to the pact of a year; the drawing rights are shared anew.',
  })
  invitePactParticipation(
    @Arg('input', () => InvitePactParticipationInput) input: InvitePactParticipationInput,
    @Ctx() context: AgreementsContext,
  ): Promise<ActivationPactParticipationRow> {
    return runMutation(context, {
      name: 'invitePactParticipation',
      rule: invitePactRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [municipality] = await tx
          .select({ nisCode: municipalities.nisCode })
          .from(municipalities)
          .where(eq(municipalities.nisCode, valid.municipalityNisCode));
        if (!municipality) throw notFound('Municipality', valid.municipalityNisCode);
        const [already] = await tx
          .select({ id: participations.id })
          .from(participations)
          .where(
            and(
              eq(participations.municipalityNisCode, valid.municipalityNisCode),
              eq(participations.year, valid.year),
            ),
          );
        if (already) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${valid.municipalityNisCode} is already in the pact of ${valid.year} (${already.id}).`,
            { participationId: already.id },
          );
        }
        const [created] = await tx
          .insert(participations)
          .values(
            invitedParticipation({
              id: await nextId(tx, pactParticipationNumbers, 'PP'),
              municipalityNisCode: valid.municipalityNisCode,
              year: valid.year,
              rmiCount: valid.rmiCount,
              ukrCount: valid.ukrCount,
              leefloonBase: valid.leefloonBase,
            }),
          )
          .returning();
        await redistributeDrawingRights(tx, valid.year);
        return { record: await load(tx, created.id), id: created.id };
      },
    });
  }

  @Category('p')
  @Mutation(() => ActivationPactParticipation, {
    description:
      'Moves a participation one step: CONFIRMED, PLAN_ALIGNED, RESULT_PERIOD, REPORTED (with the activations and the council date), SETTLED (computes the payout), PAID, or DECLINED.',
  })
  movePactParticipation(
    @Arg('input', () => MovePactParticipationInput) input: MovePactParticipationInput,
    @Ctx() context: AgreementsContext,
  ): Promise<ActivationPactParticipationRow> {
    return runMutation(context, {
      name: 'movePactParticipation',
      rule: movePactRule,
      input,
      idempotencyKeys,
      load,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(participations)
          .where(eq(participations.id, valid.participationId))
          .for('update');
        if (!current) throw notFound('ActivationPactParticipation', valid.participationId);
        const moved = movedParticipation(current, valid, today());
        await tx.update(participations).set(moved).where(eq(participations.id, current.id));
        if (valid.status === 'DECLINED') await redistributeDrawingRights(tx, current.year);
        return { record: await load(tx, current.id), id: current.id };
      },
    });
  }
}
