import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { accessLogOf } from '../../../common/access/access-log';
import { Category } from '../../../common/access/categories';
import { domainError, ErrorCode } from '../../../common/errors';
import { ConnectionArgs } from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import type { PersonRow } from '../tables';
import { AccessLogConnection } from '../types/access-log';
import { Person } from '../types/person';

@Resolver(() => Person)
export class MeResolver {
  @Category('a')
  @Query(() => Person, { nullable: true, description: "The citizen's own file (role CITIZEN)." })
  me(@Ctx() { caller, loaders }: PersonsContext) {
    if (caller.role !== 'CITIZEN') {
      throw domainError(
        ErrorCode.FORBIDDEN,
        '`me` is the citizen view; partners query `person(id:)`.',
      );
    }
    return loaders.personById.load(caller.sub);
  }

  @Category('a')
  @FieldResolver(() => AccessLogConnection, {
    nullable: true,
    description:
      'Who consulted this file, newest first: every consultation that returned data, one entry per organisation and request. Only the citizen may read their own log.',
  })
  accessLog(
    @Root() person: PersonRow,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() { caller, db }: PersonsContext,
  ) {
    if (caller.role !== 'CITIZEN' || caller.sub !== person.id) {
      throw domainError(
        ErrorCode.FORBIDDEN,
        'Only the citizen can read the access log of their file.',
      );
    }
    return accessLogOf(db, person.id, caller.org, args);
  }
}
