import { areaKeyTypes } from '../../../common/statistics/areas';

/** The higher areas by key, to add this subgraph's figures to (see areaKeyTypes). */
export const { Province, ReferenceRegion, Flanders, orphanedTypes: AREA_TYPES } = areaKeyTypes();
