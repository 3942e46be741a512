import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { MaatwerkContext } from '../loaders';
import { Person } from '../types/external';
import { Placement } from '../types/placement';
import { Referral } from '../types/referral';

@Resolver(() => Person)
export class PersonResolver {
  @Category('n')
  @FieldResolver(() => [Referral], { description: 'Referrals to employers, oldest first.' })
  referrals(@Root() person: Person, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.referralsByPerson.load(person.id);
  }

  @Category('n', { views: [6, 10] })
  @FieldResolver(() => [Placement], { description: 'Placements, oldest first.' })
  placements(@Root() person: Person, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.placementsByPerson.load(person.id);
  }
}
