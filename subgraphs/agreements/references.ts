import type { ReferenceResolvers } from '../../common/federation';
import type { AgreementsContext } from './loaders';
import { FLANDERS_ENTITY } from './resolvers/geography.resolver';

/** How the gateway fetches this subgraph's entities by key (`_entities`), batched per request. */
export const referenceResolvers: ReferenceResolvers = {
  Municipality: {
    __resolveReference: (reference: { nisCode: string }, { loaders }: AgreementsContext) =>
      loaders.municipalityByNis.load(String(reference.nisCode)),
  },
  Province: {
    __resolveReference: (reference: { code: string }, { loaders }: AgreementsContext) =>
      loaders.provinceByCode.load(String(reference.code)),
  },
  ReferenceRegion: {
    __resolveReference: (reference: { id: string }, { loaders }: AgreementsContext) =>
      loaders.referenceRegionById.load(String(reference.id)),
  },
  Flanders: {
    __resolveReference: (reference: { code: string }) =>
      reference.code === FLANDERS_ENTITY.code ? FLANDERS_ENTITY : null,
  },
  CollaborationAgreement: {
    __resolveReference: (reference: { id: string }, { loaders }: AgreementsContext) =>
      loaders.agreementById.load(String(reference.id)),
  },
};
