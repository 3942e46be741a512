import path from 'node:path';

import { buildFederatedSchema } from '../../common/federation';
import type { SubgraphModule } from '../../common/subgraph-server';
import { createLoaders, type AgreementsLoaders } from './loaders';
import { referenceResolvers } from './references';
import { ActionPlanResolver, AgreementActionResolver } from './resolvers/action-plan.resolver';
import {
  AgreementPartyResolver,
  CollaborationAgreementResolver,
} from './resolvers/agreement.resolver';
import {
  FlandersResolver,
  IntermunicipalPartnershipResolver,
  ProvinceResolver,
  ReferenceRegionResolver,
  RegiegebiedResolver,
} from './resolvers/geography.resolver';
import { MandateResolver } from './resolvers/mandate.resolver';
import { MunicipalityResolver } from './resolvers/municipality.resolver';
import { ActionPlanWorkflowResolver } from './resolvers/action-plan-workflow.resolver';
import { AgreementWorkflowResolver } from './resolvers/agreement-workflow.resolver';
import { PactWorkflowResolver } from './resolvers/pact-workflow.resolver';
import { ActivationPactParticipationResolver } from './resolvers/pact.resolver';
import { AgreementStatisticsResolvers } from './resolvers/statistics.resolver';

/**
 * The agreements subgraph: the geography of local government, collaboration agreements and their
 * action plans, the local activation pact and its settlement, and a view of the mandates.
 */
export const agreementsSubgraph: SubgraphModule<AgreementsLoaders> = {
  name: 'agreements',
  folder: path.resolve(__dirname),
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          MunicipalityResolver,
          FlandersResolver,
          ProvinceResolver,
          ReferenceRegionResolver,
          RegiegebiedResolver,
          IntermunicipalPartnershipResolver,
          CollaborationAgreementResolver,
          AgreementPartyResolver,
          ActionPlanResolver,
          AgreementActionResolver,
          ActivationPactParticipationResolver,
          PactWorkflowResolver,
          AgreementWorkflowResolver,
          ActionPlanWorkflowResolver,
          MandateResolver,
          ...AgreementStatisticsResolvers,
        ],
      },
      referenceResolvers,
    ),
  createLoaders,
};
