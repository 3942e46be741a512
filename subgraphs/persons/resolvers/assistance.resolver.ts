import type { EnumValue } from '../../../common/enums';
import { Category } from '../../../common/access/categories';
import { and, eq, type SQL } from 'drizzle-orm';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import { socialAssistanceRecords, type SocialAssistanceRecordRow } from '../tables';
import { AssistanceType, ClientStatus } from '../types/enums';
import { Municipality } from '../types/municipality';
import { Person } from '../types/person';
import { Sanction, SocialAssistanceRecord } from '../types/status';

const SocialAssistanceRecordConnection = ConnectionType(
  SocialAssistanceRecord,
  'SocialAssistanceRecord',
);

@ArgsType()
class SocialAssistanceRecordsArgs extends ConnectionArgs {
  @Category('c', { minimal: true })
  @Field(() => String, { nullable: true, description: 'NIS code of the OCMW.' })
  ocmwNisCode?: string | null;

  @Category('c', { minimal: true })
  @Field(() => AssistanceType, { nullable: true })
  type?: EnumValue<typeof AssistanceType> | null;

  @Category('c')
  @Field(() => ClientStatus, { nullable: true })
  clientStatus?: EnumValue<typeof ClientStatus> | null;
}

@Resolver(() => SocialAssistanceRecord)
export class SocialAssistanceRecordResolver {
  @Category('c', { minimal: true })
  @Query(() => SocialAssistanceRecordConnection, {
    description: 'Social-assistance records, in id order.',
  })
  socialAssistanceRecords(
    @Args(() => SocialAssistanceRecordsArgs) args: SocialAssistanceRecordsArgs,
    @Ctx() { db, policy }: PersonsContext,
  ) {
    const filters: SQL[] = [];
    if (args.ocmwNisCode) filters.push(eq(socialAssistanceRecords.ocmwNisCode, args.ocmwNisCode));
    if (args.type) filters.push(eq(socialAssistanceRecords.type, args.type));
    if (args.clientStatus)
      filters.push(eq(socialAssistanceRecords.clientStatus, args.clientStatus));
    return paginate(
      db,
      socialAssistanceRecords,
      'id',
      and(policy.rows.persons(socialAssistanceRecords.personId), ...filters),
      args,
    );
  }

  @Category('c', { minimal: true })
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() record: SocialAssistanceRecordRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.personById.load(record.personId);
  }

  @Category('c', { minimal: true })
  @FieldResolver(() => Municipality, { description: 'The municipality of the granting OCMW.' })
  ocmw(@Root() record: SocialAssistanceRecordRow): Municipality {
    return { nisCode: record.ocmwNisCode };
  }

  @Category('g')
  @FieldResolver(() => [Sanction])
  sanctions(@Root() record: SocialAssistanceRecordRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.sanctionsByRecord.load(record.id);
  }
}
