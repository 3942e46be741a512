import { and, eq, type SQL } from 'drizzle-orm';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { IndicationsContext } from '../loaders';
import { indicationConsultants, type IndicationConsultantRow } from '../tables';
import { IndicationConsultant } from '../types/consultant';
import { CollaborationAgreement } from '../types/external';

const IndicationConsultantConnection = ConnectionType(IndicationConsultant, 'IndicationConsultant');

@ArgsType()
class IndicationConsultantsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'e.g. `vdab`, `gtb`, `lg:44021`.' })
  org?: string | null;

  @Field(() => Boolean, { nullable: true })
  accredited?: boolean | null;
}

@Resolver(() => IndicationConsultant)
export class IndicationConsultantResolver {
  @Query(() => IndicationConsultantConnection, {
    description: 'The register of ICF indication consultants, in id order.',
  })
  indicationConsultants(
    @Args(() => IndicationConsultantsArgs) args: IndicationConsultantsArgs,
    @Ctx() { db }: IndicationsContext,
  ) {
    const filters: SQL[] = [];
    if (args.org) filters.push(eq(indicationConsultants.org, args.org));
    if (typeof args.accredited === 'boolean')
      filters.push(eq(indicationConsultants.accredited, args.accredited));
    return paginate(db, indicationConsultants, 'id', and(...filters), args);
  }

  @FieldResolver(() => CollaborationAgreement, {
    nullable: true,
    description: 'The SO adviesbevoegdheid indicering a local-government consultant advises under.',
  })
  soAdviesbevoegdheid(@Root() consultant: IndicationConsultantRow): CollaborationAgreement | null {
    return consultant.soAdviesbevoegdheidId ? { id: consultant.soAdviesbevoegdheidId } : null;
  }
}
