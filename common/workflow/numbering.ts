import { sql } from 'drizzle-orm';
import type { PgSequence } from 'drizzle-orm/pg-core';

import type { Database } from '../db/connection';
import { rowsOf } from '../db/rows';

/**
 * The next id of a numbered record, e.g. `R-000124`, from its sequence, as wide as the seeded
 * ids so that id order stays number order. The seeds number their records themselves and then
 * move the sequence past them (`setval`).
 */
export async function nextId(
  tx: Database,
  sequence: PgSequence,
  prefix: string,
  width = 6,
): Promise<string> {
  const name = `${sequence.schema}.${sequence.seqName}`;
  const [row] = rowsOf<{ number: string | number }>(
    await tx.execute(sql`select nextval(${name}::regclass) as number`),
  );
  return `${prefix}-${String(row.number).padStart(width, '0')}`;
}
