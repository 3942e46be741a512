import { eq, inArray } from 'drizzle-orm';
import { today } from '../../../common/clock';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordAdviesbevoegdheid } from '../../../common/access/directory';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput } from '../../../common/errors';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import type { AgreementsContext } from '../loaders';
import {
  agreementNumbers,
  agreementParties,
  collaborationAgreements as agreements,
  idempotencyKeys,
  municipalities,
} from '../tables';
import { CollaborationAgreement } from '../types/agreement';
import { AgreementStatus, AgreementTargetGroup, AgreementType } from '../types/enums';
import {
  draftAgreementRule,
  draftedAgreement,
  adviesbevoegdheidFact,
  movedAgreement,
  moveAgreementRule,
  rubricsWritten,
  writeRubricsRule,
} from '../workflow/agreement';
import { municipalitiesCovered, ownAgreement } from '../workflow/scoped';

@InputType({ description: 'The five rubrics of the SO format (004 §6); leave out what stays.' })
class RubricsInput extends MutationInput {
  @Field(() => String, { nullable: true })
  omgevingsanalyse?: string | null;

  @Field(() => String, { nullable: true })
  doelstellingen?: string | null;

  @Field(() => String, { nullable: true })
  acties?: string | null;

  @Field(() => String, { nullable: true })
  taakverdeling?: string | null;

  @Field(() => String, { nullable: true })
  indicatorenStreefcijfers?: string | null;
}

@InputType({ description: 'A new local agreement between VDAB and local governments, as a draft.' })
class DraftCollaborationAgreementInput extends RubricsInput {
  @Field(() => AgreementType, {
    description: 'SO_VDAB_LOKAAL_BESTUUR, SO_ADVIESBEVOEGDHEID_INDICERING or LOKAAL_PARTNERSCHAP.',
  })
  type: EnumValue<typeof AgreementType>;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar)
  periodStart: string;

  @Field(() => DateScalar, { description: 'Within one legislature (6 years) of the start.' })
  periodEnd: string;

  @Field(() => [AgreementTargetGroup])
  targetGroups: EnumValue<typeof AgreementTargetGroup>[];

  @Field(() => [ID], { description: 'The local governments that are party; yours among them.' })
  municipalityNisCodes: string[];

  @Field(() => Boolean, { nullable: true })
  samenwerkingslijn?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Days to answer each other, 1 to 60.' })
  responseDeadlineDays?: number | null;

  @Field(() => String, { nullable: true })
  overlegforum?: string | null;
}

@InputType({ description: 'Rubrics of a draft agreement, rewritten.' })
class WriteAgreementRubricsInput extends RubricsInput {
  @Field(() => ID)
  agreementId: string;
}

@InputType({ description: 'The next step of a collaboration agreement.' })
class MoveCollaborationAgreementInput extends MutationInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => AgreementStatus)
  status: EnumValue<typeof AgreementStatus>;
}

const loadAgreement = async (tx: Database, id: string) =>
  (await tx.select().from(agreements).where(eq(agreements.id, id)))[0];

/** The agreement lifecycle of B.2.4: drafted, its rubrics written, signed and onwards. */
@Resolver()
export class AgreementWorkflowResolver {
  @Category('o')
  @Mutation(() => CollaborationAgreement, {
    description:
      'Drafts a local agreement between VDAB and local governments including yours (DRAFT): its rubrics are written before it is signed.',
  })
  draftCollaborationAgreement(
    @Arg('input', () => DraftCollaborationAgreementInput) input: DraftCollaborationAgreementInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'draftCollaborationAgreement',
      rule: draftAgreementRule,
      input,
      idempotencyKeys,
      load: loadAgreement,
      write: async (tx, valid) => {
        const codes = [...new Set(valid.municipalityNisCodes)];
        if (!codes.includes(context.policy.rows.ownMunicipality())) {
          throw badUserInput(
            'input.municipalityNisCodes',
            `must include your own municipality (${context.policy.rows.ownMunicipality()})`,
          );
        }
        const parties = await tx
          .select({ nisCode: municipalities.nisCode, name: municipalities.name })
          .from(municipalities)
          .where(inArray(municipalities.nisCode, codes));
        const unknown = codes.filter((code) => !parties.some((p) => p.nisCode === code));
        if (unknown.length > 0) {
          throw badUserInput(
            'input.municipalityNisCodes',
            `holds unknown NIS codes: ${unknown.join(', ')}`,
          );
        }
        const { idempotencyKey: _key, municipalityNisCodes: _codes, ...fields } = valid;
        const [agreement] = await tx
          .insert(agreements)
          .values(
            draftedAgreement({
              ...fields,
              id: await nextId(tx, agreementNumbers, 'CA'),
              omgevingsanalyse: fields.omgevingsanalyse ?? null,
              doelstellingen: fields.doelstellingen ?? null,
              acties: fields.acties ?? null,
              taakverdeling: fields.taakverdeling ?? null,
              indicatorenStreefcijfers: fields.indicatorenStreefcijfers ?? null,
              contacts: [],
              responseDeadlineDays: fields.responseDeadlineDays ?? null,
              overlegforum: fields.overlegforum ?? null,
            }),
          )
          .returning();
        await tx.insert(agreementParties).values([
          { agreementId: agreement.id, kind: 'VDAB', ref: 'vdab', name: 'VDAB' },
          ...parties.map((party) => ({
            agreementId: agreement.id,
            kind: 'MUNICIPALITY' as const,
            ref: party.nisCode,
            name: `Lokaal bestuur ${party.name}`,
          })),
        ]);
        return { record: agreement, id: agreement.id };
      },
    });
  }

  @Category('o')
  @Mutation(() => CollaborationAgreement, {
    description: 'Rewrites rubrics of a draft agreement covering your municipality.',
  })
  writeAgreementRubrics(
    @Arg('input', () => WriteAgreementRubricsInput) input: WriteAgreementRubricsInput,
    @Ctx() context: AgreementsContext,
  ) {
    return runMutation(context, {
      name: 'writeAgreementRubrics',
      rule: writeRubricsRule,
      input,
      idempotencyKeys,
      load: loadAgreement,
      write: async (tx, valid) => {
        const current = await ownAgreement(tx, context.policy.rows, valid.agreementId);
        const [agreement] = await tx
          .update(agreements)
          .set(rubricsWritten(current, valid))
          .where(eq(agreements.id, current.id))
          .returning();
        return { record: agreement, id: agreement.id };
      },
    });
  }

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
      input,
      idempotencyKeys,
      load: loadAgreement,
      write: async (tx, valid) => {
        const current = await ownAgreement(tx, context.policy.rows, valid.agreementId);
        const [agreement] = await tx
          .update(agreements)
          .set(movedAgreement(current, valid.status, today()))
          .where(eq(agreements.id, current.id))
          .returning();
        // An SO adviesbevoegdheid opens (or closes) its OCMW clients to the consultants it covers.
        const covered = await municipalitiesCovered(tx, agreement.id);
        const delegation = adviesbevoegdheidFact(agreement, covered, context.policy.today);
        if (delegation) await recordAdviesbevoegdheid(tx, delegation);
        return { record: agreement, id: agreement.id };
      },
    });
  }
}
