import { and, eq } from 'drizzle-orm';

import type { RowScope } from '../../../common/access/rows';
import type { Database } from '../../../common/db/connection';
import { domainError, ErrorCode, notFound } from '../../../common/errors';
import { trajectories, trajectoryActions, transmissions, type TrajectoryRow } from '../tables';

/** A trajectory the caller may reach, locked for the change; NOT_FOUND for any other. */
export async function scopedTrajectory(
  tx: Database,
  rows: RowScope,
  id: string,
): Promise<TrajectoryRow> {
  const [trajectory] = await tx
    .select()
    .from(trajectories)
    .where(and(eq(trajectories.id, id), rows.persons(trajectories.personId)))
    .for('update');
  if (!trajectory) throw notFound('Trajectory', id);
  return trajectory;
}

/** Refuses a change to a trajectory that has ended, saying why. */
export function assertRunning(trajectory: TrajectoryRow, refused: string): void {
  if (!trajectory.endedAt) return;
  throw domainError(
    ErrorCode.INVALID_TRANSITION,
    `Trajectory ${trajectory.id} ended on ${trajectory.endedAt}: ${refused}.`,
    { entity: 'Trajectory', id: trajectory.id, from: 'ENDED' },
  );
}

type TrajectoryPart = typeof trajectoryActions | typeof transmissions;

/**
 * An action or transmission the caller may reach through its trajectory's person, locked for
 * the change, with that person; NOT_FOUND for any other.
 */
export async function scopedTrajectoryPart<Part extends TrajectoryPart>(
  tx: Database,
  rows: RowScope,
  part: Part,
  entity: string,
  id: string,
): Promise<{ row: Part['$inferSelect']; personId: string }> {
  const table = part as TrajectoryPart;
  const [found] = await tx
    .select({ row: table, personId: trajectories.personId })
    .from(table)
    .innerJoin(trajectories, eq(trajectories.id, table.trajectoryId))
    .where(and(eq(table.id, id), rows.persons(trajectories.personId)))
    .for('update');
  if (!found) throw notFound(entity, id);
  return found as { row: Part['$inferSelect']; personId: string };
}
