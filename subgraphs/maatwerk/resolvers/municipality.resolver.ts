import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { MaatwerkContext } from '../loaders';
import { Employer } from '../types/employer';
import { Municipality } from '../types/external';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @FieldResolver(() => [Employer], { description: 'Employers established here, in id order.' })
  employers(@Root() municipality: Municipality, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employersByMunicipality.load(municipality.nisCode);
  }
}
