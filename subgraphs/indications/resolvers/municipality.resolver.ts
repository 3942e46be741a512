import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { IndicationsContext } from '../loaders';
import { IndicationConsultant } from '../types/consultant';
import { Municipality } from '../types/external';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @FieldResolver(() => [IndicationConsultant], {
    description: 'ICF consultants of the local government (the municipality and its OCMW).',
  })
  indicationConsultants(
    @Root() municipality: Municipality,
    @Ctx() { loaders }: IndicationsContext,
  ) {
    return loaders.consultantsByMunicipality.load(municipality.nisCode);
  }
}
