import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { mandatesPage, type MandateRow } from '../../../common/access/mandates';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import type { AgreementsContext } from '../loaders';
import { CollaborationAgreement } from '../types/agreement';
import { Mandate } from '../types/mandate';

const MandateConnection = ConnectionType(Mandate, 'Mandate');

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
  mandates(@Args(() => MandatesArgs) args: MandatesArgs, @Ctx() { db, policy }: AgreementsContext) {
    return mandatesPage(db, policy.rows, args, args);
  }

  @FieldResolver(() => CollaborationAgreement, {
    nullable: true,
    description: 'The agreement that grounds the mandate, when there is one.',
  })
  agreement(@Root() mandate: MandateRow, @Ctx() { loaders }: AgreementsContext) {
    return mandate.agreementId ? loaders.agreementById.load(mandate.agreementId) : null;
  }
}
