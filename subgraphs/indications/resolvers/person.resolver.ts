import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { IndicationsContext } from '../loaders';
import { Advice } from '../types/advice';
import { Person } from '../types/external';
import { IndicationRequest } from '../types/request';

@Resolver(() => Person)
export class PersonResolver {
  @Category('j', { views: [9, 13] })
  @FieldResolver(() => [Advice], { description: 'Advices, in id order (oldest first).' })
  advices(@Root() person: Person, @Ctx() { loaders }: IndicationsContext) {
    return loaders.advicesByPerson.load(person.id);
  }

  @Category('j')
  @FieldResolver(() => [IndicationRequest], { description: 'Indication requests, in id order.' })
  indicationRequests(@Root() person: Person, @Ctx() { loaders }: IndicationsContext) {
    return loaders.requestsByPerson.load(person.id);
  }
}
