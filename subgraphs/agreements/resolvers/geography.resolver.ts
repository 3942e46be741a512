import { and, asc, eq, type SQL } from 'drizzle-orm';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { FLANDERS } from '../../../common/statistics/area-table';
import { partyKey, type AgreementsContext } from '../loaders';
import {
  intermunicipalPartnerships,
  provinces,
  referenceRegions,
  regiegebieden,
  type IntermunicipalPartnershipRow,
  type ProvinceRow,
  type ReferenceRegionRow,
  type RegiegebiedRow,
} from '../tables';
import { CollaborationAgreement } from '../types/agreement';
import { PartnershipKind } from '../types/enums';
import {
  Flanders,
  IntermunicipalPartnership,
  Municipality,
  Province,
  ReferenceRegion,
  Regiegebied,
} from '../types/geography';

const ReferenceRegionConnection = ConnectionType(ReferenceRegion, 'ReferenceRegion');
const RegiegebiedConnection = ConnectionType(Regiegebied, 'Regiegebied');
const IntermunicipalPartnershipConnection = ConnectionType(
  IntermunicipalPartnership,
  'IntermunicipalPartnership',
);

@ArgsType()
class IntermunicipalPartnershipsArgs extends ConnectionArgs {
  @Field(() => PartnershipKind, { nullable: true })
  kind?: EnumValue<typeof PartnershipKind> | null;

  @Field(() => ID, { nullable: true })
  referenceRegionId?: string | null;
}

/** The one Flanders entity; its figures come from every subgraph. */
export const FLANDERS_ENTITY: Flanders = { code: FLANDERS.code, name: 'Vlaams Gewest' };

@Resolver(() => Flanders)
export class FlandersResolver {
  @Query(() => Flanders, { description: 'Flanders as a whole, for the Flemish totals.' })
  flanders(): Flanders {
    return FLANDERS_ENTITY;
  }

  @FieldResolver(() => [Province])
  provinces(@Ctx() { db }: AgreementsContext) {
    return db.select().from(provinces).orderBy(asc(provinces.nisCode));
  }
}

@Resolver(() => Province)
export class ProvinceResolver {
  @Query(() => [Province], { description: 'The five Flemish provinces.' })
  provinces(@Ctx() { db }: AgreementsContext) {
    return db.select().from(provinces).orderBy(asc(provinces.nisCode));
  }

  @FieldResolver(() => [Municipality])
  municipalities(@Root() province: ProvinceRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.municipalitiesByProvince.load(province.code);
  }
}

@Resolver(() => ReferenceRegion)
export class ReferenceRegionResolver {
  @Query(() => ReferenceRegionConnection, { description: 'Reference regions, in id order.' })
  referenceRegions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() { db }: AgreementsContext,
  ) {
    return paginate(db, referenceRegions, 'id', undefined, args);
  }

  @FieldResolver(() => [Municipality])
  municipalities(@Root() region: ReferenceRegionRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.municipalitiesByReferenceRegion.load(region.id);
  }

  @FieldResolver(() => [Province], {
    description: 'The provinces its municipalities lie in; a region may span several.',
  })
  async provinces(@Root() region: ReferenceRegionRow, @Ctx() { loaders }: AgreementsContext) {
    const members = await loaders.municipalitiesByReferenceRegion.load(region.id);
    const codes = [...new Set(members.map((municipality) => municipality.provinceCode))].sort();
    return loaders.provinceByCode.loadMany(codes);
  }

  @FieldResolver(() => [IntermunicipalPartnership], {
    description: 'The partnerships nested in the region.',
  })
  partnerships(@Root() region: ReferenceRegionRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.partnershipsByReferenceRegion.load(region.id);
  }
}

@Resolver(() => Regiegebied)
export class RegiegebiedResolver {
  @Query(() => RegiegebiedConnection, { description: 'Regiegebieden, in id order.' })
  regiegebieden(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() { db }: AgreementsContext,
  ) {
    return paginate(db, regiegebieden, 'id', undefined, args);
  }

  @FieldResolver(() => [Municipality])
  municipalities(@Root() regiegebied: RegiegebiedRow, @Ctx() { loaders }: AgreementsContext) {
    return loaders.municipalitiesByRegiegebied.load(regiegebied.id);
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => [CollaborationAgreement], {
    description: 'Agreements the regiegebied is a party to.',
  })
  collaborationAgreements(
    @Root() regiegebied: RegiegebiedRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return loaders.agreementsByParty.load(partyKey('REGIEGEBIED', regiegebied.id));
  }
}

@Resolver(() => IntermunicipalPartnership)
export class IntermunicipalPartnershipResolver {
  @Query(() => IntermunicipalPartnershipConnection, {
    description: 'Intermunicipal partnerships, in id order.',
  })
  intermunicipalPartnerships(
    @Args(() => IntermunicipalPartnershipsArgs) args: IntermunicipalPartnershipsArgs,
    @Ctx() { db }: AgreementsContext,
  ) {
    const filters: SQL[] = [];
    if (args.kind) filters.push(eq(intermunicipalPartnerships.kind, args.kind));
    if (args.referenceRegionId)
      filters.push(eq(intermunicipalPartnerships.referenceRegionId, args.referenceRegionId));
    return paginate(db, intermunicipalPartnerships, 'id', and(...filters), args);
  }

  @FieldResolver(() => ReferenceRegion, { nullable: true })
  referenceRegion(
    @Root() partnership: IntermunicipalPartnershipRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return partnership.referenceRegionId
      ? loaders.referenceRegionById.load(partnership.referenceRegionId)
      : null;
  }

  @FieldResolver(() => [Municipality])
  municipalities(
    @Root() partnership: IntermunicipalPartnershipRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return loaders.municipalitiesByPartnership.load(partnership.id);
  }

  @Category('o', { minimal: true })
  @FieldResolver(() => [CollaborationAgreement], {
    description: 'Agreements the partnership is a party to.',
  })
  collaborationAgreements(
    @Root() partnership: IntermunicipalPartnershipRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return loaders.agreementsByParty.load(partyKey('INTERMUNICIPAL_PARTNERSHIP', partnership.id));
  }
}
