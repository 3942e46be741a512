import { Directive, Field, ID, ObjectType } from 'type-graphql';

import { orgRef } from '../access/caller';
import type { ForwardedCaller } from '../access/gateway-token';
import { ACCESS_MATRIX } from '../access/matrix';
import { domainError, ErrorCode } from '../errors';
import type { ReferenceResolvers } from '../federation';
import type { Area } from './area-table';

/**
 * The areas as entities the agreements subgraph owns (with names and members); the other
 * subgraphs know an area by its key only, and contribute their own figures to it. Fresh classes
 * per subgraph: type-graphql keeps the fields resolvers add to a class in global metadata, so a
 * class shared by two subgraphs in one process (compose, the test stack) would carry one's
 * figures into the other's schema.
 */
export function areaKeyTypes() {
  @ObjectType('Province', { description: 'A Flemish province (owned by the agreements subgraph).' })
  @Directive('@key(fields: "code")')
  class Province {
    @Field(() => ID)
    code: string;
  }

  @ObjectType('ReferenceRegion', {
    description: 'A reference region of 004 §9 (owned by the agreements subgraph).',
  })
  @Directive('@key(fields: "id")')
  class ReferenceRegion {
    @Field(() => ID)
    id: string;
  }

  @ObjectType('Flanders', { description: 'The Flemish Region as a whole (owned by agreements).' })
  @Directive('@key(fields: "code")')
  class Flanders {
    @Field(() => ID)
    code: string;
  }

  /** Reached only through `_entities`: the schema lists them as orphaned types. */
  const orphanedTypes = [Province, ReferenceRegion, Flanders];
  return { Province, ReferenceRegion, Flanders, orphanedTypes };
}

export const provinceArea = (province: { code: string }): Area => ({
  level: 'PROVINCE',
  code: province.code,
});
export const referenceRegionArea = (region: { id: string }): Area => ({
  level: 'REFERENCE_REGION',
  code: region.id,
});
export const flandersArea = (flanders: { code: string }): Area => ({
  level: 'FLANDERS',
  code: flanders.code,
});
export const municipalityArea = (municipality: { nisCode: string }): Area => ({
  level: 'MUNICIPALITY',
  code: municipality.nisCode,
});

/** An area as `_entities` takes it, for a subgraph that asks another for that area's figures. */
export function areaRepresentation(area: Area): Record<string, string> {
  switch (area.level) {
    case 'MUNICIPALITY':
      return { __typename: 'Municipality', nisCode: area.code };
    case 'PROVINCE':
      return { __typename: 'Province', code: area.code };
    case 'REFERENCE_REGION':
      return { __typename: 'ReferenceRegion', id: area.code };
    case 'FLANDERS':
      return { __typename: 'Flanders', code: area.code };
  }
}

/** `_entities` for the area keys: nothing to load, the key is the area. */
export const areaReferenceResolvers: ReferenceResolvers = {
  Province: { __resolveReference: (ref: { code: string }) => ({ code: String(ref.code) }) },
  ReferenceRegion: { __resolveReference: (ref: { id: string }) => ({ id: String(ref.id) }) },
  Flanders: { __resolveReference: (ref: { code: string }) => ({ code: String(ref.code) }) },
};

/**
 * Who may read the figures of an area (B.4 columns q and r). The field guard has already let
 * only roles with q (municipal) or r (higher areas) through. A role that reads q as `R` (city
 * monitor, OCMW) reads it for its own municipality: beyond it, it has the provincial and
 * Flemish totals of r. A role with `A` reads every municipality's (suppressed) figures.
 */
export function assertAreaReadable(caller: ForwardedCaller, area: Area): void {
  if (area.level !== 'MUNICIPALITY' || caller.role === 'SYSTEM') return;
  if (ACCESS_MATRIX[caller.role].q !== 'full') return;
  if (orgRef(caller.org, 'municipality', 'ocmw') === area.code) return;
  throw domainError(
    ErrorCode.FORBIDDEN,
    `${caller.org} reads municipal figures of its own municipality only; for ${area.code}, read its province, reference region or Flanders.`,
    { category: 'q', area: area.code },
  );
}
