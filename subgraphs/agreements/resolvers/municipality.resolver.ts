import { and, eq, type SQL } from 'drizzle-orm';
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
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { AgreementsContext } from '../loaders';
import { municipalities, type MunicipalityRow } from '../tables';
import { CollaborationAgreement } from '../types/agreement';
import { AgreementStatus, AgreementType } from '../types/enums';
import {
  IntermunicipalPartnership,
  Municipality,
  Province,
  ReferenceRegion,
  Regiegebied,
} from '../types/geography';
import { ActivationPactParticipation } from '../types/pact';

export const MunicipalityConnection = ConnectionType(Municipality, 'Municipality');

@ArgsType()
class MunicipalitiesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: '`ANT`, `VBR`, `WVL`, `OVL` or `LIM`.' })
  provinceCode?: string | null;

  @Field(() => ID, { nullable: true })
  referenceRegionId?: string | null;

  @Field(() => ID, { nullable: true })
  regiegebiedId?: string | null;

  @Field(() => Boolean, { nullable: true })
  centrumstad?: boolean | null;
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => Municipality, { nullable: true, description: 'One municipality by NIS code.' })
  municipality(@Arg('nisCode', () => ID) nisCode: string, @Ctx() { loaders }: AgreementsContext) {
    return loaders.municipalityByNis.load(nisCode);
  }

  @Query(() => MunicipalityConnection, { description: 'Municipalities, in NIS-code order.' })
  municipalities(
    @Args(() => MunicipalitiesArgs) args: MunicipalitiesArgs,
    @Ctx() { db }: AgreementsContext,
  ) {
    const filters: SQL[] = [];
    if (args.provinceCode) filters.push(eq(municipalities.provinceCode, args.provinceCode));
    if (args.referenceRegionId)
      filters.push(eq(municipalities.referenceRegionId, args.referenceRegionId));
    if (args.regiegebiedId) filters.push(eq(municipalities.regiegebiedId, args.regiegebiedId));
    if (typeof args.centrumstad === 'boolean')
      filters.push(eq(municipalities.centrumstad, args.centrumstad));
    return paginate(db, municipalities, 'nisCode', and(...filters), args);
  }

  @FieldResolver(() => Province)
  province(@Root() municipality: MunicipalityRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.provinceByCode.load(municipality.provinceCode);
  }

  @FieldResolver(() => ReferenceRegion)
  referenceRegion(@Root() municipality: MunicipalityRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.referenceRegionById.load(municipality.referenceRegionId);
  }

  @FieldResolver(() => Regiegebied, { nullable: true })
  regiegebied(@Root() municipality: MunicipalityRow, @Ctx() { loaders }: AgreementsContext) {
    return municipality.regiegebiedId
      ? loaders.regiegebiedById.load(municipality.regiegebiedId)
      : null;
  }

  @FieldResolver(() => [IntermunicipalPartnership], {
    description: 'Intermunicipal partnerships the municipality is a member of.',
  })
  partnerships(@Root() municipality: MunicipalityRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.partnershipsByMunicipality.load(municipality.nisCode);
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => [CollaborationAgreement], {
    description:
      'Agreements covering the municipality: as a party itself, or through a partnership or regiegebied that is one.',
  })
  async collaborationAgreements(
    @Root() municipality: MunicipalityRow,
    @Arg('type', () => AgreementType, { nullable: true })
    type: EnumValue<typeof AgreementType> | null,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    const agreements = await loaders.agreementsByMunicipality.load(municipality.nisCode);
    return type ? agreements.filter((agreement) => agreement.type === type) : agreements;
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Covered by an active SO between VDAB and the local government (SO coverage). Null for a caller who reads the agreements of its own municipality only, asking about another.',
  })
  async soCovered(
    @Root() municipality: MunicipalityRow,
    @Ctx() { loaders, policy }: AgreementsContext,
  ) {
    // Another municipality's agreements are out of sight: its coverage is unknown, not false.
    const area = policy.rows.agreementArea();
    if (area !== undefined && area !== municipality.nisCode) return null;
    const agreements = await loaders.agreementsByMunicipality.load(municipality.nisCode);
    return agreements.some(
      (agreement) =>
        agreement.type === AgreementType.SO_VDAB_LOKAAL_BESTUUR &&
        agreement.status === AgreementStatus.ACTIVE,
    );
  }

  @Category('p', { minimal: true })
  @FieldResolver(() => [ActivationPactParticipation], {
    description: 'The local government in the activation pact, per year.',
  })
  activationPactParticipations(
    @Root() municipality: MunicipalityRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return loaders.pactParticipationsByMunicipality.load(municipality.nisCode);
  }
}
