import path from 'node:path';

import { buildFederatedSchema } from '../../common/federation';
import type { SubgraphModule } from '../../common/subgraph-server';
import { createLoaders, type IndicationsLoaders } from './loaders';
import { referenceResolvers } from './references';
import { AREA_TYPES } from './types/external';
import {
  AdviceResolver,
  PremiumIncreaseRequestResolver,
  WorkSupportPackageResolver,
} from './resolvers/advice.resolver';
import { IndicationConsultantResolver } from './resolvers/consultant.resolver';
import { MunicipalityResolver } from './resolvers/municipality.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { EvaluationWorkflowResolver } from './resolvers/evaluation-workflow.resolver';
import { FilingWorkflowResolver } from './resolvers/filing-workflow.resolver';
import { PremiumWorkflowResolver } from './resolvers/premium-workflow.resolver';
import { AssessmentWorkflowResolver } from './resolvers/assessment-workflow.resolver';
import { RequestWorkflowResolver } from './resolvers/request-workflow.resolver';
import { SpoedWorkflowResolver } from './resolvers/spoed-workflow.resolver';
import { IndicationStatisticsResolvers } from './resolvers/statistics.resolver';
import { IcfAssessmentResolver, IndicationRequestResolver } from './resolvers/request.resolver';

/**
 * The indications subgraph: requests, attestations, ICF assessments, reviews, advices with their
 * work support packages and evaluations, and the register of indication consultants.
 */
export const indicationsSubgraph: SubgraphModule<IndicationsLoaders> = {
  name: 'indications',
  folder: path.resolve(__dirname),
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          IndicationRequestResolver,
          RequestWorkflowResolver,
          AssessmentWorkflowResolver,
          SpoedWorkflowResolver,
          FilingWorkflowResolver,
          EvaluationWorkflowResolver,
          IcfAssessmentResolver,
          AdviceResolver,
          PremiumIncreaseRequestResolver,
          PremiumWorkflowResolver,
          WorkSupportPackageResolver,
          IndicationConsultantResolver,
          PersonResolver,
          MunicipalityResolver,
          ...IndicationStatisticsResolvers,
        ],
        orphanedTypes: AREA_TYPES,
      },
      referenceResolvers,
    ),
  createLoaders,
};
