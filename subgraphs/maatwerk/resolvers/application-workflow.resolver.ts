import { and, eq, inArray, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';

import { adviceTypeForMeasure, holdsTicket } from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import { now } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import { rowsOf } from '../../../common/db/rows';
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

@InputType({
  description:
    'A candidate applied to you directly, outside the platform, and opted in to show you their profile.',
})
class RegisterDirectApplicantInput extends MutationInput {
  @Field(() => ID, { description: 'One of your own open vacancies.' })
  vacancyId: string;

  @Field(() => ID, {
    description:
      'The applicant, as you see them since their opt-in (PROFILE_VISIBLE_TO_EMPLOYERS to you or to every employer).',
  })
  personId: string;
}

const applyRule = z.object({ vacancyId: idRule, idempotencyKey: idempotencyKeyRule });
const registerRule = applyRule.extend({ personId: idRule });

/** What a direct application rests on, for the employer and VDAB reading the referral. */
const DIRECT_APPLICATION = 'direct application by the candidate';
const REGISTERED_APPLICATION = 'direct application, registered by the employer with the opt-in';

const loadReferral = async (tx: Database, id: string): Promise<ReferralRow> => {
  const [referral] = await tx.select().from(referrals).where(eq(referrals.id, id));
  return referral;
};

/** Who files a direct application: the candidate, or the employer it applied to. */
interface Application {
  personId: string;
  vacancyId: string;
  matchBasis: string;
  /** The employer registering it, whose own vacancy it must be; none when the citizen applies. */
  employerId?: string;
  /** "you" for the citizen, "the candidate" for the employer: who the messages speak of. */
  who: { subject: string; possessive: string };
}

/**
 * A direct application (B.3: "holders of a right may apply directly to a maatwerkbedrijf or be
 * referred by VDAB"; B.4 note 11): to an open vacancy of a measure the candidate's valid advice
 * opens, a referral of origin DIRECT_BY_CITIZEN, which opens their file to that vacancy's
 * employer alone, as a candidacy.
 */
async function directApplication(tx: Database, context: MaatwerkContext, application: Application) {
  const { personId, who } = application;
  const today = context.policy.today;
  const [vacancy] = await tx
    .select()
    .from(vacancies)
    .where(eq(vacancies.id, application.vacancyId))
    .for('share');
  if (!vacancy || (application.employerId && vacancy.employerId !== application.employerId)) {
    throw notFound('Vacancy', application.vacancyId);
  }
  if (vacancy.status !== 'OPEN') {
    throw badUserInput(
      'input.vacancyId',
      `vacancy ${vacancy.id} is ${vacancy.status}; a direct application is to an open one (vacancies(status: OPEN))`,
    );
  }
  const adviceType = adviceTypeForMeasure(vacancy.measure);
  if (!adviceType) {
    throw badUserInput(
      'input.vacancyId',
      `vacancy ${vacancy.id} is a ${vacancy.measure} place, which no advice opens; VDAB refers candidates to it`,
    );
  }
  if (!(await holdsTicket(tx, { personId, adviceType, today }))) {
    throw badUserInput(
      'input.vacancyId',
      `vacancy ${vacancy.id} is a ${vacancy.measure} place, and ${who.subject} hold${who.subject === 'you' ? '' : 's'} no ${adviceType} advice valid today; a direct application needs one (VDAB can start an indication)`,
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
      `${who.possessive} referral ${open.id} to ${vacancy.id} is already in progress.`,
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
          matchBasis: [application.matchBasis],
        },
        now(),
      ),
    )
    .returning();
  await recordFact(tx, referralFact(referral, { proposedOn: today, changedOn: today }));
  return { record: referral, id: referral.id, personId };
}

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
      write: (tx, valid) =>
        directApplication(tx, context, {
          personId: context.caller.sub,
          vacancyId: valid.vacancyId,
          matchBasis: DIRECT_APPLICATION,
          who: { subject: 'you', possessive: 'Your' },
        }),
    });
  }

  @Category('n')
  @Mutation(() => Referral, {
    description:
      'Registers a candidate who applied to you directly (role EMPLOYER), for one of your open vacancies: the candidate’s consent is their opt-in to show you their profile, and they hold a valid advice of its measure. A referral of origin DIRECT_BY_CITIZEN, which opens their candidate file to you.',
  })
  registerDirectApplicant(
    @Arg('input', () => RegisterDirectApplicantInput) input: RegisterDirectApplicantInput,
    @Ctx() context: MaatwerkContext,
  ): Promise<ReferralRow> {
    return runMutation(context, {
      name: 'registerDirectApplicant',
      rule: registerRule,
      input,
      idempotencyKeys,
      load: loadReferral,
      write: async (tx, valid) => {
        const { rows } = context.policy;
        // Without the opt-in the employer does not see the person: NOT_FOUND, as for no one.
        const shown = rows.identities(sql`${valid.personId}::text`);
        const [visible] = shown
          ? rowsOf<{ open: boolean }>(await tx.execute(sql`select (${shown}) as open`))
          : [{ open: true }];
        if (!visible?.open) throw notFound('Person', valid.personId);
        return directApplication(tx, context, {
          personId: valid.personId,
          vacancyId: valid.vacancyId,
          employerId: rows.ownEmployer(),
          matchBasis: REGISTERED_APPLICATION,
          who: { subject: 'the candidate', possessive: 'The candidate’s' },
        });
      },
    });
  }
}
