import { and, eq, isNull } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { queryPeer } from '../../../common/peers';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { PersonsContext } from '../loaders';
import { consentNumbers, consents, idempotencyKeys } from '../tables';
import { Consent } from '../types/consent';
import { ConsentType } from '../types/enums';
import {
  consentFact,
  givenConsent,
  grantConsentRule,
  revokeConsentRule,
  revokedConsent,
} from '../workflow/consent';
import { now } from '../../../common/clock';

@InputType({ description: 'A consent the citizen gives to an organisation.' })
class GrantConsentInput extends MutationInput {
  @Field(() => ConsentType)
  type: EnumValue<typeof ConsentType>;

  @Field(() => String, { description: 'The organisation, e.g. `vdab`, `gtb`, `ocmw:44021`.' })
  grantedTo: string;

  @Field(() => String, { description: 'What the consent covers, in the citizen’s words.' })
  scope: string;
}

@InputType({ description: 'A consent the citizen takes back.' })
class RevokeConsentInput extends MutationInput {
  @Field(() => ID)
  consentId: string;
}

const EMPLOYER = `query ConsentEmployer($id: ID!) { employer(id: $id) { id } }`;

/**
 * An opt-in to one employer names an employer that exists (asked of maatwerk as the citizen,
 * before the transaction opens): a consent to nobody would open nothing and say it did.
 */
async function assertEmployerExists(context: PersonsContext, grantedTo: string): Promise<void> {
  const employerId = /^employer:(.+)$/.exec(grantedTo)?.[1];
  if (!employerId) return;
  const answer = await queryPeer<{ employer: { id: string } | null }>(
    context,
    'maatwerk',
    EMPLOYER,
    { id: employerId },
  );
  if (answer.errors.length > 0 && !answer.data) {
    throw domainError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      `The maatwerk subgraph could not say whether employer ${employerId} exists: ${answer.errors[0].message}`,
    );
  }
  if (!answer.data?.employer) {
    throw badUserInput(
      'input.grantedTo',
      `there is no employer ${employerId}; give it to employers (every employer) or to employer:<id> of one that exists (see employers)`,
    );
  }
}

const loadConsent = async (tx: Database, id: string) => {
  const [consent] = await tx.select().from(consents).where(eq(consents.id, id));
  return consent;
};

/**
 * Consents given and taken back by the citizen (DOMAIN B.2.1). Each opens or closes the
 * reference directory for the organisation in the same transaction, so the next request of
 * that organisation already sees the change.
 */
@Resolver(() => Consent)
export class ConsentWorkflowResolver {
  @Category('a')
  @Mutation(() => Consent, { description: 'Gives one of your consents to an organisation.' })
  grantConsent(
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'grantConsent',
      rule: grantConsentRule,
      input,
      idempotencyKeys,
      load: loadConsent,
      gather: (valid) => assertEmployerExists(context, valid.grantedTo),
      write: async (tx, valid) => {
        const personId = context.caller.sub;
        const [given] = await tx
          .select({ id: consents.id })
          .from(consents)
          .where(
            and(
              eq(consents.personId, personId),
              eq(consents.type, valid.type),
              eq(consents.grantedTo, valid.grantedTo),
              isNull(consents.revokedAt),
            ),
          );
        if (given) {
          throw domainError(
            ErrorCode.CONFLICT,
            `You already gave ${valid.type} to ${valid.grantedTo} (${given.id}).`,
            { consentId: given.id },
          );
        }
        const [consent] = await tx
          .insert(consents)
          .values(
            givenConsent(
              {
                id: await nextId(tx, consentNumbers, 'C'),
                personId,
                type: valid.type,
                grantedTo: valid.grantedTo,
                scope: valid.scope,
              },
              now(),
            ),
          )
          .returning();
        await recordFact(
          tx,
          consentFact(consent, { grantedOn: context.policy.today, revokedOn: null }),
        );
        return { record: consent, id: consent.id, personId };
      },
    });
  }

  @Category('a')
  @Mutation(() => Consent, {
    description: 'Takes a consent back: the organisation loses what it opened, from now on.',
  })
  revokeConsent(
    @Arg('input', () => RevokeConsentInput) input: RevokeConsentInput,
    @Ctx() context: PersonsContext,
  ) {
    return runMutation(context, {
      name: 'revokeConsent',
      rule: revokeConsentRule,
      input,
      idempotencyKeys,
      load: loadConsent,
      write: async (tx, valid) => {
        const [current] = await tx
          .select()
          .from(consents)
          .where(and(eq(consents.id, valid.consentId), eq(consents.personId, context.caller.sub)))
          .for('update');
        if (!current) throw notFound('Consent', valid.consentId);
        const [consent] = await tx
          .update(consents)
          .set(revokedConsent(current, now()))
          .where(eq(consents.id, current.id))
          .returning();
        // The day it is taken back closes what it opened (grantedOn is kept as it was opened).
        await recordFact(
          tx,
          consentFact(consent, {
            grantedOn: context.policy.today,
            revokedOn: context.policy.today,
          }),
        );
        return { record: consent, id: consent.id, personId: consent.personId };
      },
    });
  }
}
