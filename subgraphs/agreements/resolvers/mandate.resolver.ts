import { and, eq, type SQL } from 'drizzle-orm';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { Role } from '../../../common/access/caller';
import { Category } from '../../../common/access/categories';
import { mandates, type MandateRow } from '../../../common/access/tables';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { AgreementsContext } from '../loaders';
import { CollaborationAgreement } from '../types/agreement';
import { Mandate } from '../types/mandate';

const MandateConnection = ConnectionType(Mandate, 'Mandate');

const WHOLE_DIRECTORY_ROLES = new Set<Role | 'SYSTEM'>(['DEPARTMENT_ANALYST', 'SYSTEM']);

@ArgsType()
class MandatesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Organisation id, e.g. `ocmw:44021`.' })
  org?: string | null;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;
}

/**
 * A read-only view of the mandate directory (`access.mandates`), which the gateway enforces. The
 * department oversees every mandate; any other organisation sees its own.
 */
@Resolver(() => Mandate)
export class MandateResolver {
  @Category('o', { minimal: true })
  @Query(() => MandateConnection, { description: 'Data-sharing mandates, in id order.' })
  mandates(@Args(() => MandatesArgs) args: MandatesArgs, @Ctx() { db, caller }: AgreementsContext) {
    const filters: SQL[] = [];
    if (!WHOLE_DIRECTORY_ROLES.has(caller.role)) filters.push(eq(mandates.org, caller.org));
    if (args.org) filters.push(eq(mandates.org, args.org));
    if (args.role) filters.push(eq(mandates.role, args.role));
    if (args.purpose) filters.push(eq(mandates.purpose, args.purpose));
    return paginate(db, mandates, 'id', and(...filters), args);
  }

  @FieldResolver(() => CollaborationAgreement, {
    nullable: true,
    description: 'The agreement that grounds the mandate, when there is one.',
  })
  agreement(@Root() mandate: MandateRow, @Ctx() { loaders }: AgreementsContext) {
    return mandate.agreementId ? loaders.agreementById.load(mandate.agreementId) : null;
  }
}
