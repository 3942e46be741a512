import type { ReferenceResolvers } from '../../common/federation';
import { areaReferenceResolvers } from '../../common/statistics/areas';
import type { IndicationsContext } from './loaders';

/** How the gateway fetches this subgraph's entities by key (`_entities`), batched per request. */
export const referenceResolvers: ReferenceResolvers = {
  ...areaReferenceResolvers,
  IndicationRequest: {
    __resolveReference: (reference: { id: string }, { loaders }: IndicationsContext) =>
      loaders.requestById.load(String(reference.id)),
  },
  Advice: {
    __resolveReference: (reference: { id: string }, { loaders }: IndicationsContext) =>
      loaders.adviceById.load(String(reference.id)),
  },
  // Owned elsewhere; this subgraph only adds fields, resolved by batched loaders from the key.
  Person: {
    __resolveReference: (reference: { id: string }) => ({ id: String(reference.id) }),
  },
  Municipality: {
    __resolveReference: (reference: { nisCode: string }) => ({
      nisCode: String(reference.nisCode),
    }),
  },
};
