import type { ReferenceResolvers } from '../../common/federation';
import { areaReferenceResolvers } from '../../common/statistics/areas';
import type { PersonsContext } from './loaders';

/** How the gateway fetches this subgraph's entities by key (`_entities`), batched per request. */
export const referenceResolvers: ReferenceResolvers = {
  ...areaReferenceResolvers,
  Person: {
    __resolveReference: (reference: { id: string }, { loaders }: PersonsContext) =>
      loaders.personById.load(String(reference.id)),
  },
  // Owned by maatwerk; this subgraph adds the caseload's candidates to it, from the key.
  Vacancy: {
    __resolveReference: (reference: { id: string }) => ({ id: String(reference.id) }),
  },
  Municipality: {
    __resolveReference: (reference: { nisCode: string }) => ({
      nisCode: String(reference.nisCode),
    }),
  },
};
