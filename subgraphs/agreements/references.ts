import type { ReferenceResolvers } from '../../common/federation';
import type { AgreementsContext } from './loaders';

/** How the gateway fetches this subgraph's entities by key (`_entities`), batched per request. */
export const referenceResolvers: ReferenceResolvers = {
  Municipality: {
    __resolveReference: (reference: { nisCode: string }, { loaders }: AgreementsContext) =>
      loaders.municipalityByNis.load(String(reference.nisCode)),
  },
  CollaborationAgreement: {
    __resolveReference: (reference: { id: string }, { loaders }: AgreementsContext) =>
      loaders.agreementById.load(String(reference.id)),
  },
};
