import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { accessLogOf } from '../../../common/access/access-log';
import { Category, SelfOnly } from '../../../common/access/categories';
import { ConnectionArgs } from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import type { PersonRow } from '../tables';
import { AccessLogConnection } from '../types/access-log';
import { Person } from '../types/person';

@Resolver(() => Person)
export class MeResolver {
  @SelfOnly()
  @Category('a')
  @Query(() => Person, { nullable: true, description: "The citizen's own file (role CITIZEN)." })
  me(@Ctx() { caller, loaders }: PersonsContext) {
    return loaders.personById.load(caller.sub);
  }

  @SelfOnly()
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
    return accessLogOf(db, person.id, caller.org, args);
  }
}
