import { and } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import type { AccessScope } from '../../common/access/scope';
import type { Database } from '../../common/db/connection';
import { manyByKey, oneByKey } from '../../common/loaders';
import {
  consents,
  employmentOutcomes,
  handovers,
  persons,
  sanctions,
  socialAssistanceRecords,
  temporaryProtections,
  trajectories,
  trajectoryActions,
  transmissions,
  vdabRegistrations,
} from './tables';

/** One set per request: each loader batches a field of many parents into one SQL statement. */
export function createLoaders(db: Database, scope: AccessScope) {
  return {
    personById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(persons)
          .where(and(anyOf(persons.id, ids), scope.personFilter(persons.id))),
      (row) => row.id,
    ),
    registrationsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(vdabRegistrations)
          .where(
            and(
              anyOf(vdabRegistrations.personId, ids),
              scope.personFilter(vdabRegistrations.personId),
            ),
          )
          .orderBy(vdabRegistrations.since),
      (row) => row.personId,
    ),
    assistanceByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(socialAssistanceRecords)
          .where(
            and(
              anyOf(socialAssistanceRecords.personId, ids),
              scope.personFilter(socialAssistanceRecords.personId),
            ),
          )
          .orderBy(socialAssistanceRecords.grantedAt),
      (row) => row.personId,
    ),
    sanctionsByRecord: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(sanctions)
          .where(and(anyOf(sanctions.recordId, ids), scope.personFilter(sanctions.personId)))
          .orderBy(sanctions.imposedAt),
      (row) => row.recordId,
    ),
    protectionsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(temporaryProtections)
          .where(
            and(
              anyOf(temporaryProtections.personId, ids),
              scope.personFilter(temporaryProtections.personId),
            ),
          )
          .orderBy(temporaryProtections.dvzRegisteredAt),
      (row) => row.personId,
    ),
    trajectoriesByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(trajectories)
          .where(and(anyOf(trajectories.personId, ids), scope.personFilter(trajectories.personId)))
          .orderBy(trajectories.startedAt),
      (row) => row.personId,
    ),
    // Actions, transmissions and handovers are reached only through a trajectory already in scope.
    actionsByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(trajectoryActions)
          .where(anyOf(trajectoryActions.trajectoryId, ids))
          .orderBy(trajectoryActions.startDate),
      (row) => row.trajectoryId,
    ),
    transmissionsByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(transmissions)
          .where(anyOf(transmissions.trajectoryId, ids))
          .orderBy(transmissions.sentAt),
      (row) => row.trajectoryId,
    ),
    handoversByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(handovers)
          .where(anyOf(handovers.trajectoryId, ids))
          .orderBy(handovers.handedOverAt),
      (row) => row.trajectoryId,
    ),
    consentsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(consents)
          .where(and(anyOf(consents.personId, ids), scope.personFilter(consents.personId)))
          .orderBy(consents.grantedAt),
      (row) => row.personId,
    ),
    outcomesByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(employmentOutcomes)
          .where(
            and(
              anyOf(employmentOutcomes.personId, ids),
              scope.personFilter(employmentOutcomes.personId),
            ),
          )
          .orderBy(employmentOutcomes.referenceDate),
      (row) => row.personId,
    ),
  };
}

export type PersonsLoaders = ReturnType<typeof createLoaders>;
export type PersonsContext = import('../../common/context').SubgraphContext<PersonsLoaders>;
