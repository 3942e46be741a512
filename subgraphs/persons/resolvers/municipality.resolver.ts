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
  // Listing the persons who live here reads where each of them lives: category b.
  @Category('b')
  @FieldResolver(() => PersonConnection, {
    description: 'Persons living here that the caller may see.',
  })
  residents(
    @Root() municipality: Municipality,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() { db, policy }: PersonsContext,
  ) {
    return paginate(
      db,
      persons,
      'id',
      and(eq(persons.residenceNisCode, municipality.nisCode), policy.rows.persons(persons.id)),
      args,
    );
  }
}
