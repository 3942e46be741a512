import { and, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import { isoDate } from '../../../common/dates';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { notFound } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { MaatwerkContext } from '../loaders';
import { idempotencyKeys, referrals, vacancies, vacancyNumbers, type VacancyRow } from '../tables';
import { DutchRequirement, VacancyMeasure, VacancyStatus } from '../types/enums';
import { Vacancy } from '../types/vacancy';
import { referralFact, IN_PROGRESS_STATUSES, JOB_ENDED, movedReferral } from '../workflow/referral';
import {
  ENDS_REFERRALS,
  moveVacancyRule,
  openVacancyRule,
  movedVacancy,
} from '../workflow/vacancy';
import { now, today } from '../../../common/clock';

@InputType({ description: 'A new vacancy of your own organisation.' })
class OpenVacancyInput extends MutationInput {
  @Field(() => VacancyMeasure)
  measure: EnumValue<typeof VacancyMeasure>;

  @Field(() => String)
  jobTitle: string;

  @Field(() => String, { description: 'The activity, as in a person’s activity preferences.' })
  activity: string;

  @Field(() => ID, { description: 'NIS code of the municipality where the work is done.' })
  municipalityNisCode: string;

  @Field(() => Float)
  hoursPerWeek: number;

  @Field(() => DutchRequirement)
  languageRequirement: EnumValue<typeof DutchRequirement>;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Default 1.' })
  positions?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Always true for CMW and false for IMW; your choice for the other measures.',
  })
  reservedForTicketHolders?: boolean | null;
}

@InputType({ description: 'A vacancy filled, closed, cancelled or opened again.' })
class MoveVacancyInput extends MutationInput {
  @Field(() => ID)
  vacancyId: string;

  @Field(() => VacancyStatus)
  status: EnumValue<typeof VacancyStatus>;
}

const loadVacancy = async (tx: Database, id: string): Promise<VacancyRow> => {
  const [vacancy] = await tx.select().from(vacancies).where(eq(vacancies.id, id));
  return vacancy;
};

/**
 * Withdraws the open referrals of a vacancy that ends: the job is no longer available. Returns
 * the persons whose referral changed, for the audit log.
 */
async function withdrawOpenReferrals(
  tx: Database,
  vacancyId: string,
  at: Date,
  today: string,
): Promise<string[]> {
  const open = await tx
    .select()
    .from(referrals)
    .where(
      and(eq(referrals.vacancyId, vacancyId), inArray(referrals.status, [...IN_PROGRESS_STATUSES])),
    )
    .for('update');
  for (const referral of open) {
    const withdrawn = movedReferral(referral, JOB_ENDED, at);
    await tx.update(referrals).set(withdrawn).where(eq(referrals.id, referral.id));
    await recordFact(
      tx,
      referralFact(withdrawn, { proposedOn: isoDate(withdrawn.proposedAt), changedOn: today }),
    );
  }
  return open.map((referral) => referral.personId);
}

/** The vacancy lifecycle of B.2.3: an employer opens its vacancies and closes them. */
@Resolver(() => Vacancy)
export class VacancyWorkflowResolver {
  @Category('m')
  @Mutation(() => Vacancy, { description: 'Opens a vacancy of your own organisation.' })
  openVacancy(
    @Arg('input', () => OpenVacancyInput) input: OpenVacancyInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<VacancyRow> {
    return runMutation(context, {
      name: 'openVacancy',
      rule: openVacancyRule,
      input,
      idempotencyKeys,
      load: loadVacancy,
      write: async (tx, valid) => {
        const { idempotencyKey: _key, ...fields } = valid;
        const [vacancy] = await tx
          .insert(vacancies)
          .values({
            ...fields,
            id: await nextId(tx, vacancyNumbers, 'V'),
            employerId: context.policy.rows.ownEmployer(),
            status: 'OPEN',
            openedAt: today(),
          })
          .returning();
        return { record: vacancy, id: vacancy.id };
      },
    });
  }

  @Category('m')
  @Mutation(() => Vacancy, {
    description:
      'Moves a vacancy of your own: FILLED, CLOSED or CANCELLED (open referrals are withdrawn), or OPEN again after FILLED.',
  })
  moveVacancy(
    @Arg('input', () => MoveVacancyInput) input: MoveVacancyInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<VacancyRow> {
    return runMutation(context, {
      name: 'moveVacancy',
      rule: moveVacancyRule,
      input,
      idempotencyKeys,
      load: loadVacancy,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(vacancies)
          .where(
            and(
              eq(vacancies.id, valid.vacancyId),
              eq(vacancies.employerId, context.policy.rows.ownEmployer()),
            ),
          )
          .for('update');
        if (!current) throw notFound('Vacancy', valid.vacancyId);
        const moved = movedVacancy(current, valid.status, today());
        const at = now();
        const [vacancy] = await tx
          .update(vacancies)
          .set({ status: moved.status, closedAt: moved.closedAt })
          .where(eq(vacancies.id, current.id))
          .returning();
        const withdrawn = ENDS_REFERRALS.includes(valid.status)
          ? await withdrawOpenReferrals(tx, current.id, at, context.policy.today)
          : [];
        return { record: vacancy, id: vacancy.id, alsoChanged: withdrawn };
      },
    });
  }
}
