import type { Area } from '../../common/statistics/area-table';
import { areaRepresentation } from '../../common/statistics/areas';
import type { SubgraphUnderTest } from './subgraph';

const AREA_TYPES = ['Municipality', 'Province', 'ReferenceRegion', 'Flanders'];

/** Areas to ask figures of, by key. */
export const area = {
  municipality: (code: string): Area => ({ level: 'MUNICIPALITY', code }),
  province: (code: string): Area => ({ level: 'PROVINCE', code }),
  referenceRegion: (code: string): Area => ({ level: 'REFERENCE_REGION', code }),
  flanders: { level: 'FLANDERS', code: 'VL' } as Area,
};

/**
 * One statistics selection (`indicationStatistics(period: …) { … }`) of several areas, read
 * through `_entities` as the gateway reads it; the figures of each area, in the order asked.
 */
export async function statisticsOf(
  subgraph: SubgraphUnderTest,
  selection: string,
  areas: Area[],
): Promise<any[]> {
  const field = selection.slice(0, selection.search(/[({\s]/));
  const result = await subgraph.execute(
    `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ${AREA_TYPES.map((type) => `... on ${type} { ${selection} }`).join('\n')}
    } }`,
    { representations: areas.map(areaRepresentation) },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data._entities.map((entity: Record<string, unknown>) => entity[field]);
}
