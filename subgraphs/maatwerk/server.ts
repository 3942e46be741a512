import path from 'node:path';

import { buildFederatedSchema } from '../../common/federation';
import type { SubgraphModule } from '../../common/subgraph-server';
import { createLoaders, type MaatwerkLoaders } from './loaders';
import { referenceResolvers } from './references';
import { ApplicationWorkflowResolver } from './resolvers/application-workflow.resolver';
import { ContingentResolver, EmployerResolver } from './resolvers/employer.resolver';
import { MunicipalityResolver } from './resolvers/municipality.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { PlacementWorkflowResolver } from './resolvers/placement-workflow.resolver';
import { PlacementResolver } from './resolvers/placement.resolver';
import { ReferralWorkflowResolver } from './resolvers/referral-workflow.resolver';
import { ReferralResolver } from './resolvers/referral.resolver';
import { SupportPlanWorkflowResolver } from './resolvers/support-plan-workflow.resolver';
import {
  MaatwerkStatisticsResolver,
  MaatwerkStatisticsResolvers,
} from './resolvers/statistics.resolver';
import { SupportPlanResolver } from './resolvers/support-plan.resolver';
import { VacancyWorkflowResolver } from './resolvers/vacancy-workflow.resolver';
import { VacancyResolver } from './resolvers/vacancy.resolver';
import { AREA_TYPES } from './types/external';

/** The maatwerk subgraph: employers, contingents, vacancies, referrals, placements, support plans. */
export const maatwerkSubgraph: SubgraphModule<MaatwerkLoaders> = {
  name: 'maatwerk',
  folder: path.resolve(__dirname),
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          EmployerResolver,
          ContingentResolver,
          VacancyResolver,
          VacancyWorkflowResolver,
          ReferralResolver,
          ReferralWorkflowResolver,
          ApplicationWorkflowResolver,
          PlacementResolver,
          PlacementWorkflowResolver,
          SupportPlanResolver,
          SupportPlanWorkflowResolver,
          PersonResolver,
          MunicipalityResolver,
          ...MaatwerkStatisticsResolvers,
          MaatwerkStatisticsResolver,
        ],
        orphanedTypes: AREA_TYPES,
      },
      referenceResolvers,
    ),
  createLoaders,
};
