import { and, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';

import { adviceTypeForMeasure, holdsTicket } from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import { now } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { idempotencyKeyRule, idRule, MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { MaatwerkContext } from '../loaders';
import {
  idempotencyKeys,
  referralNumbers,
  referrals,
  vacancies,
  type ReferralRow,
} from '../tables';
import { Referral } from '../types/referral';
import { IN_PROGRESS_STATUSES, proposedReferral, referralFact } from '../workflow/referral';

@InputType({ description: 'You apply to an open vacancy yourself (a direct application).' })
class ApplyToVacancyInput extends MutationInput {
  @Field(() => ID)
  vacancyId: string;
}

const applyRule = z.object({ vacancyId: idRule, idempotencyKey: idempotencyKeyRule });

/** What a direct application rests on, for the employer and VDAB reading the referral. */
const DIRECT_APPLICATION = 'direct application by the candidate';

const loadReferral = async (tx: Database, id: string): Promise<ReferralRow> => {
  const [referral] = await tx.select().from(referrals).where(eq(referrals.id, id));
  return referral;
};

/**
 * A direct application (B.3: "holders of a right may apply directly to a maatwerkbedrijf or be
 * referred by VDAB"; B.4 note 11): the citizen applies to an open vacancy of a measure their
 * valid advice opens, which makes a referral of origin DIRECT_BY_CITIZEN and so opens their file
 * to that vacancy's employer alone, as a candidacy.
 */
@Resolver(() => Referral)
export class ApplicationWorkflowResolver {
  @Category('n')
  @Mutation(() => Referral, {
    description:
      'Applies to an open CMW, IMW or AMA SE vacancy yourself (role CITIZEN), with a valid advice of its measure: a referral of origin DIRECT_BY_CITIZEN, which shows that employer who you are.',
  })
  applyToVacancy(
    @Arg('input', () => ApplyToVacancyInput) input: ApplyToVacancyInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<ReferralRow> {
    return runMutation(context, {
      name: 'applyToVacancy',
      rule: applyRule,
      input,
      idempotencyKeys,
      load: loadReferral,
      write: async (tx, valid) => {
        const personId = context.caller.sub;
        const today = context.policy.today;
        const [vacancy] = await tx
          .select()
          .from(vacancies)
          .where(eq(vacancies.id, valid.vacancyId))
          .for('share');
        if (!vacancy) throw notFound('Vacancy', valid.vacancyId);
        if (vacancy.status !== 'OPEN') {
          throw badUserInput(
            'input.vacancyId',
            `vacancy ${vacancy.id} is ${vacancy.status}; apply to an open one (vacancies(status: OPEN))`,
          );
        }
        const adviceType = adviceTypeForMeasure(vacancy.measure);
        if (!adviceType) {
          throw badUserInput(
            'input.vacancyId',
            `vacancy ${vacancy.id} is a ${vacancy.measure} place, which no advice opens; ask your VDAB mediator to refer you to it`,
          );
        }
        if (!(await holdsTicket(tx, { personId, adviceType, today }))) {
          throw badUserInput(
            'input.vacancyId',
            `vacancy ${vacancy.id} is a ${vacancy.measure} place, and you hold no ${adviceType} advice valid today; a direct application needs one (your VDAB mediator can start an indication)`,
          );
        }
        const [open] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(
            and(
              eq(referrals.personId, personId),
              eq(referrals.vacancyId, vacancy.id),
              inArray(referrals.status, [...IN_PROGRESS_STATUSES]),
            ),
          );
        if (open) {
          throw domainError(
            ErrorCode.CONFLICT,
            `You already have referral ${open.id} to ${vacancy.id} in progress.`,
            { referralId: open.id },
          );
        }
        const [referral] = await tx
          .insert(referrals)
          .values(
            proposedReferral(
              {
                id: await nextId(tx, referralNumbers, 'R'),
                personId,
                vacancyId: vacancy.id,
                employerId: vacancy.employerId,
                origin: 'DIRECT_BY_CITIZEN',
                matchBasis: [DIRECT_APPLICATION],
              },
              now(),
            ),
          )
          .returning();
        await recordFact(tx, referralFact(referral, { proposedOn: today, changedOn: today }));
        return { record: referral, id: referral.id, personId };
      },
    });
  }
}
