import type { ReferenceResolvers } from '../../common/federation';
import { areaReferenceResolvers } from '../../common/statistics/areas';
import type { MaatwerkContext } from './loaders';

/** How the gateway fetches this subgraph's entities by key (`_entities`), batched per request. */
export const referenceResolvers: ReferenceResolvers = {
  ...areaReferenceResolvers,
  Employer: {
    __resolveReference: (reference: { id: string }, { loaders }: MaatwerkContext) =>
      loaders.employerById.load(String(reference.id)),
  },
  Vacancy: {
    __resolveReference: (reference: { id: string }, { loaders }: MaatwerkContext) =>
      loaders.vacancyById.load(String(reference.id)),
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
