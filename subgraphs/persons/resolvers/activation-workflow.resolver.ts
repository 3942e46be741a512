import { and, eq, isNull } from 'drizzle-orm';
import { today } from '../../../common/clock';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { consentsGiven, recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import {
  idempotencyKeys,
  registrationNumbers,
  socialAssistanceRecords as records,
  vdabRegistrations,
} from '../tables';
import { ExemptionReason, RegistrationDuty } from '../types/enums';
import { SocialAssistanceRecord, VdabRegistration } from '../types/status';
import {
  dutyDecided,
  registerAtVdabRule,
  registrationDutyRule,
  registrationFact,
  reviewDueProblem,
} from '../workflow/activation';

@InputType({ description: 'An OCMW client registered at VDAB by their social worker.' })
class RegisterAtVdabInput extends MutationInput {
  @Field(() => ID)
  personId: string;
}

@InputType({ description: 'The OCMW’s decision on a client’s duty to register at VDAB.' })
class DecideRegistrationDutyInput extends MutationInput {
  @Field(() => ID, { description: 'The social assistance record.' })
  recordId: string;

  @Field(() => RegistrationDuty)
  registrationDuty: EnumValue<typeof RegistrationDuty>;

  @Field(() => ExemptionReason, { nullable: true, description: 'Required for VRIJGESTELD.' })
  exemptionReason?: EnumValue<typeof ExemptionReason> | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Required for VRIJGESTELD: within a year, exemptions are re-checked yearly.',
  })
  exemptionReviewDue?: string | null;
}

const loadRegistration = async (tx: Database, id: string) =>
  (await tx.select().from(vdabRegistrations).where(eq(vdabRegistrations.id, id)))[0];
const loadRecord = async (tx: Database, id: string) =>
  (await tx.select().from(records).where(eq(records.id, id)))[0];

/**
 * The OCMW and VDAB steps of a leefloon client's activation (DOMAIN B.2.1): registration at
 * VDAB under the client's mandate, the registration duty and its exemptions, and the warm
 * handover of the regie.
 */
@Resolver()
export class ActivationWorkflowResolver {
  @Category('e')
  @Mutation(() => VdabRegistration, {
    description:
      'Registers an OCMW client at VDAB (category 05); needs the client’s OCMW_INSCHRIJVINGSMANDAAT to your OCMW.',
  })
  registerAtVdab(
    @Arg('input', () => RegisterAtVdabInput) input: RegisterAtVdabInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'registerAtVdab',
      rule: registerAtVdabRule,
      input,
      idempotencyKeys,
      load: loadRegistration,
      write: async (tx, valid) => {
        const [client] = await tx
          .select({ id: records.id })
          .from(records)
          .where(
            and(
              eq(records.personId, valid.personId),
              eq(records.ocmwNisCode, context.policy.rows.ownOcmw()),
              context.policy.rows.persons(records.personId),
            ),
          )
          .limit(1);
        if (!client) throw notFound('Person', valid.personId);
        const mandate = await consentsGiven(tx, {
          org: context.caller.org,
          type: 'OCMW_INSCHRIJVINGSMANDAAT',
          personIds: [valid.personId],
          today: context.policy.today,
        });
        if (!mandate.has(valid.personId)) {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `${valid.personId} has not given ${context.caller.org} the OCMW_INSCHRIJVINGSMANDAAT to register them at VDAB (004 p12).`,
          );
        }
        const [current] = await tx
          .select({ id: vdabRegistrations.id })
          .from(vdabRegistrations)
          .where(
            and(
              eq(vdabRegistrations.personId, valid.personId),
              eq(vdabRegistrations.registered, true),
              isNull(vdabRegistrations.until),
            ),
          );
        if (current) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${valid.personId} is already registered at VDAB (${current.id}).`,
            { registrationId: current.id },
          );
        }
        const [registration] = await tx
          .insert(vdabRegistrations)
          .values({
            id: await nextId(tx, registrationNumbers, 'VR'),
            personId: valid.personId,
            registered: true,
            category: 'CAT_05_OCMW',
            since: today(),
          })
          .returning();
        await recordFact(tx, registrationFact(registration));
        return { record: registration, id: registration.id, personId: registration.personId };
      },
    });
  }

  @Category('d')
  @Mutation(() => SocialAssistanceRecord, {
    description:
      'Decides a client’s duty to register at VDAB: VERPLICHT, or VRIJGESTELD with a reason and a review date within a year. OCMW only.',
  })
  decideRegistrationDuty(
    @Arg('input', () => DecideRegistrationDutyInput) input: DecideRegistrationDutyInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'decideRegistrationDuty',
      rule: registrationDutyRule,
      input,
      idempotencyKeys,
      load: loadRecord,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(records)
          .where(
            and(
              eq(records.id, valid.recordId),
              eq(records.ocmwNisCode, context.policy.rows.ownOcmw()),
              context.policy.rows.persons(records.personId),
            ),
          )
          .for('update');
        if (!current) throw notFound('SocialAssistanceRecord', valid.recordId);
        if (valid.exemptionReviewDue) {
          const problem = reviewDueProblem(valid.exemptionReviewDue, today());
          if (problem) throw badUserInput('input.exemptionReviewDue', problem);
        }
        const [record] = await tx
          .update(records)
          .set(
            dutyDecided(current, {
              registrationDuty: valid.registrationDuty,
              exemptionReason: valid.exemptionReason ?? null,
              exemptionReviewDue: valid.exemptionReviewDue ?? null,
            }),
          )
          .where(eq(records.id, current.id))
          .returning();
        return { record, id: record.id, personId: record.personId };
      },
    });
  }
}
