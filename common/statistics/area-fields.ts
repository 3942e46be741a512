import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';

import { Category } from '../access/categories';
import type { SubgraphContext } from '../context';
import type { Area } from './area-table';
import {
  assertAreaReadable,
  flandersArea,
  municipalityArea,
  provinceArea,
  referenceRegionArea,
} from './areas';
import { PeriodInput, periodOf, type Period } from './period';

/** The entity classes of the four area levels, as the subgraph declares them. */
export interface AreaEntities {
  Municipality: ClassType;
  Province: ClassType;
  ReferenceRegion: ClassType;
  Flanders: ClassType;
}

export interface AreaStatisticsField<
  Statistics extends object,
  Context extends SubgraphContext<unknown>,
> {
  /** The field every area gets, e.g. `indicationStatistics`. */
  name: string;
  type: ClassType<Statistics>;
  description: string;
  entities: AreaEntities;
  figures(area: Area, period: Period, context: Context): Promise<Statistics>;
}

/**
 * One statistics field on each of the four area entities, all computed by one function. The
 * municipality's figures are category q (municipal aggregates), the higher areas' category r; a
 * role that reads q for its own municipality only is refused any other (`assertAreaReadable`).
 */
export function areaStatisticsResolvers<
  Statistics extends object,
  Context extends SubgraphContext<unknown>,
>(field: AreaStatisticsField<Statistics, Context>): ClassType[] {
  const levels: [ClassType, (root: never) => Area, 'q' | 'r'][] = [
    [field.entities.Municipality, municipalityArea, 'q'],
    [field.entities.Province, provinceArea, 'r'],
    [field.entities.ReferenceRegion, referenceRegionArea, 'r'],
    [field.entities.Flanders, flandersArea, 'r'],
  ];
  return levels.map(([Entity, areaOf, category]) => {
    @Resolver(() => Entity)
    class AreaStatisticsResolver {
      @Category(category)
      @FieldResolver(() => field.type, {
        name: field.name,
        nullable: true,
        description: field.description,
      })
      statistics(
        @Root() root: never,
        @Arg('period', () => PeriodInput) period: PeriodInput,
        @Ctx() context: Context,
      ): Promise<Statistics> {
        const area = areaOf(root);
        assertAreaReadable(context.caller, area);
        return field.figures(area, periodOf(period), context);
      }
    }
    return AreaStatisticsResolver;
  });
}
