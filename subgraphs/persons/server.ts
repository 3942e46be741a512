import path from 'node:path';

import { pseudonymKey } from '../../common/access/keys';
import { buildFederatedSchema } from '../../common/federation';
import type { SubgraphModule } from '../../common/subgraph-server';
import { createLoaders, type PersonsLoaders } from './loaders';
import { referenceResolvers } from './references';
import { SocialAssistanceRecordResolver } from './resolvers/assistance.resolver';
import { ActivationWorkflowResolver } from './resolvers/activation-workflow.resolver';
import { AssistanceWorkflowResolver } from './resolvers/assistance-workflow.resolver';
import { TrajectoryWorkflowResolver } from './resolvers/trajectory-workflow.resolver';
import { ConsentWorkflowResolver } from './resolvers/consent-workflow.resolver';
import { MeResolver } from './resolvers/me.resolver';
import { MunicipalityResolver } from './resolvers/municipality.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { CandidateResolver } from './resolvers/candidate.resolver';
import { CandidateIdentityResolver } from './resolvers/candidate-identity.resolver';
import { IntroductionResolver } from './resolvers/introduction.resolver';
import { PersonMatchingResolver, VacancyCandidatesResolver } from './resolvers/matching.resolver';
import { ActivationStatisticsResolvers } from './resolvers/statistics.resolver';
import { TrajectoryResolver, TransmissionResolver } from './resolvers/trajectory.resolver';
import { TrajectoryActionWorkflowResolver } from './resolvers/trajectory-action-workflow.resolver';
import { TransmissionWorkflowResolver } from './resolvers/transmission-workflow.resolver';
import { AREA_TYPES } from './types/areas';

/** The persons subgraph: Person, their VDAB and OCMW status, trajectory, consents and outcomes. */
export const personsSubgraph: SubgraphModule<PersonsLoaders> = {
  name: 'persons',
  folder: path.resolve(__dirname),
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          PersonResolver,
          CandidateResolver,
          CandidateIdentityResolver,
          IntroductionResolver,
          VacancyCandidatesResolver,
          PersonMatchingResolver,
          MeResolver,
          ConsentWorkflowResolver,
          ActivationWorkflowResolver,
          AssistanceWorkflowResolver,
          TrajectoryWorkflowResolver,
          TransmissionWorkflowResolver,
          TrajectoryActionWorkflowResolver,
          SocialAssistanceRecordResolver,
          TrajectoryResolver,
          TransmissionResolver,
          MunicipalityResolver,
          ...ActivationStatisticsResolvers,
        ],
        orphanedTypes: AREA_TYPES,
      },
      referenceResolvers,
    ),
  createLoaders,
  // The candidate pool's pseudonyms: production refuses to start without PSEUDONYM_KEY.
  secrets: () => void pseudonymKey(),
};
