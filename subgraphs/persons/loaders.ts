import { and, eq, getTableColumns } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import type { RowScope } from '../../common/access/rows';
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
export function createLoaders(db: Database, rows: RowScope) {
  return {
    // The person record itself: identity and profile, which an opt-in opens too (note 11).
    personById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(persons)
          .where(and(anyOf(persons.id, ids), rows.identities(persons.id))),
      (row) => row.id,
    ),
    registrationsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(vdabRegistrations)
          .where(
            and(anyOf(vdabRegistrations.personId, ids), rows.persons(vdabRegistrations.personId)),
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
              rows.persons(socialAssistanceRecords.personId),
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
          .where(and(anyOf(sanctions.recordId, ids), rows.persons(sanctions.personId)))
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
              rows.persons(temporaryProtections.personId),
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
          .where(and(anyOf(trajectories.personId, ids), rows.persons(trajectories.personId)))
          .orderBy(trajectories.startedAt),
      (row) => row.personId,
    ),
    // Actions, transmissions and handovers are reached through a trajectory in scope; each row
    // carries its trajectory's person, whose data it is.
    actionsByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select({ ...getTableColumns(trajectoryActions), personId: trajectories.personId })
          .from(trajectoryActions)
          .innerJoin(trajectories, eq(trajectories.id, trajectoryActions.trajectoryId))
          .where(
            and(anyOf(trajectoryActions.trajectoryId, ids), rows.persons(trajectories.personId)),
          )
          .orderBy(trajectoryActions.startDate),
      (row) => row.trajectoryId,
    ),
    transmissionsByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select({ ...getTableColumns(transmissions), personId: trajectories.personId })
          .from(transmissions)
          .innerJoin(trajectories, eq(trajectories.id, transmissions.trajectoryId))
          .where(and(anyOf(transmissions.trajectoryId, ids), rows.persons(trajectories.personId)))
          .orderBy(transmissions.sentAt),
      (row) => row.trajectoryId,
    ),
    handoversByTrajectory: manyByKey(
      (ids: string[]) =>
        db
          .select({ ...getTableColumns(handovers), personId: trajectories.personId })
          .from(handovers)
          .innerJoin(trajectories, eq(trajectories.id, handovers.trajectoryId))
          .where(and(anyOf(handovers.trajectoryId, ids), rows.persons(trajectories.personId)))
          .orderBy(handovers.handedOverAt),
      (row) => row.trajectoryId,
    ),
    consentsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(consents)
          .where(and(anyOf(consents.personId, ids), rows.persons(consents.personId)))
          .orderBy(consents.grantedAt),
      (row) => row.personId,
    ),
    outcomesByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(employmentOutcomes)
          .where(
            and(anyOf(employmentOutcomes.personId, ids), rows.persons(employmentOutcomes.personId)),
          )
          .orderBy(employmentOutcomes.referenceDate),
      (row) => row.personId,
    ),
  };
}

export type PersonsLoaders = ReturnType<typeof createLoaders>;
export type PersonsContext = import('../../common/context').SubgraphContext<PersonsLoaders>;
