import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { MaatwerkContext } from '../loaders';
import { Employer } from '../types/employer';
import { Municipality } from '../types/external';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @FieldResolver(() => [Employer], { description: 'Employers established here, in id order.' })
  employers(@Root() municipality: Municipality, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employersByMunicipality.load(municipality.nisCode);
  }

  @FieldResolver(() => Int, { description: 'Vacancies with their workplace here that are open.' })
  async openVacancyCount(@Root() municipality: Municipality, @Ctx() { loaders }: MaatwerkContext) {
    const row = await loaders.openVacancyCountByMunicipality.load(municipality.nisCode);
    return row?.total ?? 0;
  }
}
