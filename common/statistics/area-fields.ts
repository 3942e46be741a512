import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';

import { Category } from '../access/categories';
import type { SubgraphContext } from '../context';
import type { Database } from '../db/connection';
import { areaKey, type Area } from './area-table';
import type { PeriodTables } from './cache';
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

export interface AreaStatisticsField<Tables extends object, Statistics extends object> {
  /** The field every area gets, e.g. `indicationStatistics`. */
  name: string;
  type: ClassType<Statistics>;
  description: string;
  entities: AreaEntities;
  /** The subgraph's counts of a period, for all of Flanders (see `perDatabase`). */
  tables: (db: Database) => PeriodTables<Tables>;
  /** One area's figures from those counts; built once per area while the counts are cached. */
  figures(tables: Tables, area: Area, period: Period, asOf: string): Statistics;
}

/**
 * One statistics field on each of the four area entities, all computed by one function. The
 * municipality's figures are category q (municipal aggregates), the higher areas' category r; a
 * role that reads q for its own municipality only is refused any other (`assertAreaReadable`).
 */
export function areaStatisticsResolvers<Tables extends object, Statistics extends object>(
  field: AreaStatisticsField<Tables, Statistics>,
): ClassType[] {
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
      async statistics(
        @Root() root: never,
        @Arg('period', () => PeriodInput) period: PeriodInput,
        @Ctx() context: SubgraphContext<unknown>,
      ): Promise<Statistics> {
        const area = areaOf(root);
        assertAreaReadable(context.caller, area);
        const counted = await field.tables(context.db).get(periodOf(period));
        return counted.derived(areaKey(area), () =>
          field.figures(counted.tables, area, counted.period, counted.asOf),
        );
      }
    }
    return AreaStatisticsResolver;
  });
}
