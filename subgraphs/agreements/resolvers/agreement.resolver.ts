import { and, eq, inArray, type SQL } from 'drizzle-orm';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { DateScalar } from '../../../common/scalars';
import { inForceOn } from '../in-force';
import type { AgreementsContext } from '../loaders';
import {
  agreementCoverage,
  collaborationAgreements,
  type AgreementPartyRow,
  type CollaborationAgreementRow,
} from '../tables';
import { ActionPlan } from '../types/action-plan';
import { AgreementParty, AgreementRubrics, CollaborationAgreement } from '../types/agreement';
import { AgreementStatus, AgreementType } from '../types/enums';
import { IntermunicipalPartnership, Municipality, Regiegebied } from '../types/geography';
import { Mandate } from '../types/mandate';
import { agreementScope } from '../workflow/scoped';

const CollaborationAgreementConnection = ConnectionType(
  CollaborationAgreement,
  'CollaborationAgreement',
);

@ArgsType()
class CollaborationAgreementsArgs extends ConnectionArgs {
  @Field(() => AgreementType, { nullable: true })
  type?: EnumValue<typeof AgreementType> | null;

  @Field(() => AgreementStatus, { nullable: true })
  status?: EnumValue<typeof AgreementStatus> | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only agreements covering this municipality (NIS code).',
  })
  municipalityNisCode?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only agreements in force on this date: signed, and the date within their period.',
  })
  activeOn?: Date | null;
}

function agreementFilters(db: Database, args: CollaborationAgreementsArgs): SQL[] {
  const filters: SQL[] = [];
  if (args.type) filters.push(eq(collaborationAgreements.type, args.type));
  if (args.status) filters.push(eq(collaborationAgreements.status, args.status));
  if (args.municipalityNisCode) {
    const covering = db
      .select({ agreementId: agreementCoverage.agreementId })
      .from(agreementCoverage)
      .where(eq(agreementCoverage.municipalityNisCode, args.municipalityNisCode));
    filters.push(inArray(collaborationAgreements.id, covering));
  }
  if (args.activeOn) filters.push(inForceOn(args.activeOn.toISOString().slice(0, 10)));
  return filters;
}

@Resolver(() => CollaborationAgreement)
export class CollaborationAgreementResolver {
  @Category('o', { minimal: true })
  @Query(() => CollaborationAgreement, { nullable: true })
  collaborationAgreement(@Arg('id', () => ID) id: string, @Ctx() { loaders }: AgreementsContext) {
    return loaders.agreementById.load(id);
  }

  @Category('o', { minimal: true })
  @Query(() => CollaborationAgreementConnection, {
    description: 'Collaboration agreements, in id order.',
  })
  collaborationAgreements(
    @Args(() => CollaborationAgreementsArgs) args: CollaborationAgreementsArgs,
    @Ctx() { db, policy }: AgreementsContext,
  ) {
    const scope = agreementScope(db, policy.rows, collaborationAgreements.id);
    return paginate(
      db,
      collaborationAgreements,
      'id',
      and(scope, ...agreementFilters(db, args)),
      args,
    );
  }

  @FieldResolver(() => AgreementRubrics)
  rubrics(@Root() agreement: CollaborationAgreementRow): AgreementRubrics {
    const { omgevingsanalyse, doelstellingen, acties, taakverdeling, indicatorenStreefcijfers } =
      agreement;
    return { omgevingsanalyse, doelstellingen, acties, taakverdeling, indicatorenStreefcijfers };
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => [AgreementParty])
  parties(@Root() agreement: CollaborationAgreementRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.partiesByAgreement.load(agreement.id);
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => [Municipality], {
    description:
      'The municipalities the agreement covers, derived from its parties (partnerships and regiegebieden by their members).',
  })
  async coveredMunicipalities(
    @Root() agreement: CollaborationAgreementRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    const covered = await loaders.coveredNisCodesByAgreement.load(agreement.id);
    return loaders.municipalityByNis.loadMany(covered.map((row) => row.municipalityNisCode));
  }

  @FieldResolver(() => [ActionPlan], { description: 'Yearly action plans, oldest first.' })
  actionPlans(@Root() agreement: CollaborationAgreementRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.actionPlansByAgreement.load(agreement.id);
  }

  @FieldResolver(() => [Mandate], { description: 'Data-sharing mandates grounded on it.' })
  mandates(@Root() agreement: CollaborationAgreementRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.mandatesByAgreement.load(agreement.id);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Municipality, { nullable: true, description: 'When the party is one.' })
  municipality(@Root() party: AgreementPartyRow, @Ctx() { loaders }: AgreementsContext) {
    return party.kind === 'MUNICIPALITY' ? loaders.municipalityByNis.load(party.ref) : null;
  }

  @FieldResolver(() => IntermunicipalPartnership, {
    nullable: true,
    description: 'When the party is one.',
  })
  intermunicipalPartnership(
    @Root() party: AgreementPartyRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return party.kind === 'INTERMUNICIPAL_PARTNERSHIP'
      ? loaders.partnershipById.load(party.ref)
      : null;
  }

  @FieldResolver(() => Regiegebied, { nullable: true, description: 'When the party is one.' })
  regiegebied(@Root() party: AgreementPartyRow, @Ctx() { loaders }: AgreementsContext) {
    return party.kind === 'REGIEGEBIED' ? loaders.regiegebiedById.load(party.ref) : null;
  }
}
