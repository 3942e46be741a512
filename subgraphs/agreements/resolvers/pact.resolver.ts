import { and, eq } from 'drizzle-orm';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { AgreementsContext } from '../loaders';
import { activationPactParticipations, type ActivationPactParticipationRow } from '../tables';
import { PactStatus } from '../types/enums';
import { Municipality } from '../types/geography';
import { ActivationPactParticipation } from '../types/pact';

const ActivationPactParticipationConnection = ConnectionType(
  ActivationPactParticipation,
  'ActivationPactParticipation',
);

@ArgsType()
class ActivationPactParticipationsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '2023 or 2024.' })
  year?: number | null;

  @Field(() => PactStatus, { nullable: true })
  status?: EnumValue<typeof PactStatus> | null;

  @Field(() => ID, { nullable: true })
  municipalityNisCode?: string | null;
}

@Resolver(() => ActivationPactParticipation)
export class ActivationPactParticipationResolver {
  @Category('p', { minimal: true })
  @Query(() => ActivationPactParticipationConnection, {
    description: 'Participations in the local activation pact, in id order.',
  })
  activationPactParticipations(
    @Args(() => ActivationPactParticipationsArgs) args: ActivationPactParticipationsArgs,
    @Ctx() { db, policy }: AgreementsContext,
  ) {
    const filters = [policy.rows.pacts(activationPactParticipations.municipalityNisCode)];
    if (typeof args.year === 'number')
      filters.push(eq(activationPactParticipations.year, args.year));
    if (args.status) filters.push(eq(activationPactParticipations.status, args.status));
    if (args.municipalityNisCode)
      filters.push(eq(activationPactParticipations.municipalityNisCode, args.municipalityNisCode));
    return paginate(db, activationPactParticipations, 'id', and(...filters), args);
  }

  @Category('p', { minimal: true })
  @FieldResolver(() => Municipality)
  localGovernment(
    @Root() participation: ActivationPactParticipationRow,
    @Ctx() { loaders }: AgreementsContext,
  ) {
    return loaders.municipalityByNis.load(participation.municipalityNisCode);
  }
}
