import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { statsKey, type IndicationsContext } from '../loaders';
import { SMALL_CELL_THRESHOLD } from '../rules';
import { IndicationConsultant } from '../types/consultant';
import { Municipality } from '../types/external';
import { IndicationStats } from '../types/stats';

/** A count, or null when it is a small cell (1 to 4) that could single out a person. */
const suppressSmall = (total: number) => (total > 0 && total < SMALL_CELL_THRESHOLD ? null : total);

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

  @Category('q')
  @FieldResolver(() => IndicationStats, {
    description: 'Requests submitted, granted and refused in a year, by residence at submission.',
  })
  async indicationStats(
    @Root() municipality: Municipality,
    @Arg('year', () => Int) year: number,
    @Ctx() { loaders }: IndicationsContext,
  ): Promise<IndicationStats> {
    const cells = await loaders.statsByMunicipalityYear.load(statsKey(municipality.nisCode, year));
    const total = (kind: string) => cells.find((cell) => cell.kind === kind)?.total ?? 0;
    const figures = [total('SUBMITTED'), total('GRANTED'), total('REFUSED')].map(suppressSmall);
    return {
      year,
      submitted: figures[0],
      granted: figures[1],
      refused: figures[2],
      suppressed: figures.includes(null),
    };
  }
}
