import { and, eq, isNull } from 'drizzle-orm';
import { today } from '../../../common/clock';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import {
  assistanceNumbers,
  idempotencyKeys,
  persons,
  sanctionNumbers,
  sanctions,
  socialAssistanceRecords as records,
  trajectories,
  transmissions,
  type SocialAssistanceRecordRow,
} from '../tables';
import { AssistanceType, ClientStatus, SanctionKind } from '../types/enums';
import { Sanction, SocialAssistanceRecord } from '../types/status';
import {
  grantAssistanceRule,
  grantedAssistance,
  imposedSanction,
  movedClient,
  moveClientRule,
  assistanceFact,
  sanctionRule,
  sanctionUntilProblem,
} from '../workflow/assistance';

@InputType({ description: 'Social assistance granted by your OCMW to a resident.' })
class GrantSocialAssistanceInput extends MutationInput {
  @Field(() => ID)
  personId: string;

  @Field(() => AssistanceType)
  type: EnumValue<typeof AssistanceType>;

  @Field(() => Boolean, { nullable: true, description: 'A GPMI (socio-professional) contract.' })
  gpmi?: boolean | null;
}

@InputType({ description: 'The next step of a client in the leefloon lifecycle.' })
class MoveClientInput extends MutationInput {
  @Field(() => ID)
  recordId: string;

  @Field(() => ClientStatus)
  status: EnumValue<typeof ClientStatus>;
}

@InputType({ description: 'A sanction the OCMW imposes on its client.' })
class ImposeSanctionInput extends MutationInput {
  @Field(() => ID)
  recordId: string;

  @Field(() => SanctionKind)
  kind: EnumValue<typeof SanctionKind>;

  @Field(() => DateScalar, { nullable: true, description: 'Required for SCHORSING_LEEFLOON.' })
  until?: string | null;

  @Field(() => String)
  motivation: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The VDAB transmission the sanction answers, once the OCMW gave its feedback.',
  })
  transmissionId?: string | null;
}

const loadRecord = async (tx: Database, id: string): Promise<SocialAssistanceRecordRow> =>
  (await tx.select().from(records).where(eq(records.id, id)))[0];

/** A record of the caller's own OCMW, locked for the change; NOT_FOUND for any other. */
async function ownRecord(tx: Database, context: PersonsContext, id: string) {
  const [record] = await tx
    .select()
    .from(records)
    .where(and(eq(records.id, id), eq(records.ocmwNisCode, context.policy.rows.ownOcmw())))
    .for('update');
  if (!record) throw notFound('SocialAssistanceRecord', id);
  return record;
}

/**
 * The OCMW's side of a leefloon client (DOMAIN B.2.1): it grants assistance, moves the client
 * through the lifecycle and imposes sanctions. Only an OCMW writes these (B.4: VDAB never does).
 */
@Resolver()
export class AssistanceWorkflowResolver {
  @Category('c')
  @Mutation(() => SocialAssistanceRecord, {
    description:
      'Grants social assistance to a person living in your municipality: a new client (RMI_GRANTED) whose file your OCMW now holds.',
  })
  grantSocialAssistance(
    @Arg('input', () => GrantSocialAssistanceInput) input: GrantSocialAssistanceInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'grantSocialAssistance',
      rule: grantAssistanceRule,
      input,
      idempotencyKeys,
      load: loadRecord,
      write: async (tx, valid) => {
        const ocmw = context.policy.rows.ownOcmw();
        const [person] = await tx
          .select({ residence: persons.residenceNisCode })
          .from(persons)
          .where(eq(persons.id, valid.personId));
        if (!person) throw notFound('Person', valid.personId);
        // The OCMW of the place of residence is the competent one.
        if (person.residence !== ocmw) {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `${valid.personId} does not live in ${ocmw}: the OCMW of their residence grants assistance.`,
          );
        }
        const [open] = await tx
          .select({ id: records.id })
          .from(records)
          .where(
            and(
              eq(records.personId, valid.personId),
              eq(records.ocmwNisCode, ocmw),
              eq(records.type, valid.type),
              isNull(records.endedAt),
            ),
          );
        if (open) {
          throw domainError(
            ErrorCode.CONFLICT,
            `${valid.personId} already receives ${valid.type} from this OCMW (${open.id}).`,
            { recordId: open.id },
          );
        }
        const [record] = await tx
          .insert(records)
          .values(
            grantedAssistance({
              id: await nextId(tx, assistanceNumbers, 'SA'),
              personId: valid.personId,
              ocmwNisCode: ocmw,
              type: valid.type,
              gpmi: valid.gpmi,
              grantedAt: today(),
            }),
          )
          .returning();
        await recordFact(tx, assistanceFact(record));
        return { record, id: record.id, personId: record.personId };
      },
    });
  }

  @Category('c')
  @Mutation(() => SocialAssistanceRecord, {
    description:
      'Moves your client one step: SOCIAL_INVESTIGATION, EXEMPT or REGISTRATION_REQUIRED (as the duty decided), REGISTERED_VDAB, IN_TRAJECTORY, WORK, TWE_OCMW, NON_COMPLIANCE or EXIT.',
  })
  moveClient(
    @Arg('input', () => MoveClientInput) input: MoveClientInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'moveClient',
      rule: moveClientRule,
      input,
      idempotencyKeys,
      load: loadRecord,
      write: async (tx, valid) => {
        const current = await ownRecord(tx, context, valid.recordId);
        const moved = movedClient(current, valid.status, today());
        const [record] = await tx
          .update(records)
          .set(moved)
          .where(eq(records.id, current.id))
          .returning();
        // An exit closes the OCMW's view of the file.
        if (record.endedAt) await recordFact(tx, assistanceFact(record));
        return { record, id: record.id, personId: record.personId };
      },
    });
  }

  @Category('g')
  @Mutation(() => Sanction, {
    description:
      'Imposes a sanction on your client: a warning, or a suspension of the leefloon until a date.',
  })
  imposeSanction(
    @Arg('input', () => ImposeSanctionInput) input: ImposeSanctionInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'imposeSanction',
      rule: sanctionRule,
      input,
      idempotencyKeys,
      load: async (tx, id) => (await tx.select().from(sanctions).where(eq(sanctions.id, id)))[0],
      write: async (tx, valid) => {
        const record = await ownRecord(tx, context, valid.recordId);
        if (record.endedAt) {
          throw domainError(
            ErrorCode.INVALID_TRANSITION,
            `SocialAssistanceRecord ${record.id} ended on ${record.endedAt}: it takes no sanction.`,
            { entity: 'SocialAssistanceRecord', id: record.id, from: record.clientStatus },
          );
        }
        const today = context.policy.today;
        if (valid.until) {
          const problem = sanctionUntilProblem(valid.until, today);
          if (problem) throw badUserInput('input.until', problem);
        }
        const [sanction] = await tx
          .insert(sanctions)
          .values(
            imposedSanction(record, {
              id: await nextId(tx, sanctionNumbers, 'S'),
              kind: valid.kind,
              imposedAt: today,
              until: valid.until ?? null,
              motivation: valid.motivation,
            }),
          )
          .returning();
        if (valid.transmissionId) {
          const [answered] = await tx
            .update(transmissions)
            .set({ sanctionId: sanction.id })
            .from(trajectories)
            .where(
              and(
                eq(transmissions.id, valid.transmissionId),
                eq(trajectories.id, transmissions.trajectoryId),
                eq(trajectories.personId, record.personId),
                isNull(transmissions.sanctionId),
              ),
            )
            .returning({ feedbackAt: transmissions.feedbackAt });
          if (!answered?.feedbackAt) {
            throw badUserInput(
              'input.transmissionId',
              `must be a transmission about ${record.personId} that you answered and that has no sanction yet`,
            );
          }
        }
        return { record: sanction, id: sanction.id, personId: sanction.personId };
      },
    });
  }
}
