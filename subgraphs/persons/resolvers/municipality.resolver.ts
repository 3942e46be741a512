import { Category } from '../../../common/access/categories';
import { and, eq } from 'drizzle-orm';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { ConnectionArgs, paginate } from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import { persons } from '../tables';
import { Municipality } from '../types/municipality';
import { PersonConnection } from './person.resolver';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Category('a')
  @FieldResolver(() => PersonConnection, {
    description: 'Persons living here that the caller may see.',
  })
  residents(
    @Root() municipality: Municipality,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() { db, scope }: PersonsContext,
  ) {
    return paginate(
      db,
      persons,
      'id',
      and(eq(persons.residenceNisCode, municipality.nisCode), scope.personFilter(persons.id)),
      args,
    );
  }
}
