import { and, eq } from 'drizzle-orm';

import type { Database } from '../../../common/db/connection';
import { notFound } from '../../../common/errors';
import type { IndicationsContext } from '../loaders';
import { indicationRequests as requests, type IndicationRequestRow } from '../tables';

export const loadRequest = async (tx: Database, id: string): Promise<IndicationRequestRow> =>
  (await tx.select().from(requests).where(eq(requests.id, id)))[0];

/** A request of a person in the caller's scope, locked for the change; NOT_FOUND otherwise. */
export async function scopedRequest(
  tx: Database,
  context: IndicationsContext,
  id: string,
): Promise<IndicationRequestRow> {
  const [request] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.id, id), context.policy.rows.persons(requests.personId)))
    .for('update');
  if (!request) throw notFound('IndicationRequest', id);
  return request;
}
