import { sql, type SQL } from 'drizzle-orm';

import { addMonths, addYears, firstOfMonth } from '../dates';
import type { Database } from '../db/connection';
import { rowsOf } from '../db/rows';
import { logger } from '../logger';

/**
 * Months made ahead of today. The job runs daily (the CronJob) and at every migration, so three
 * months leave time to notice that it stopped before any entry waits in the default partition.
 */
const MONTHS_AHEAD = 3;

/** A month's partition, as access.create_audit_partition names it. */
const MONTH_PARTITION = /^audit_log_(\d{4})_(\d{2})$/;

export interface RetentionOptions {
  /** The day the job runs for (common/clock.ts `today()`), an ISO date. */
  today: string;
  /** AUDIT_RETENTION_YEARS. */
  retentionYears: number;
}

export interface RetentionResult {
  /** The partitions made, schema-qualified, oldest first. */
  created: string[];
  dropped: string[];
}

/**
 * The audit log's retention job (DOMAIN A.2.6): makes the partitions of this month and the next
 * MONTHS_AHEAD before any entry needs them, and drops every month whose last day is more than
 * `retentionYears` before `today`, so an entry is kept at least that long and removed only with
 * its whole month. Each partition made or dropped is logged. Run as the retention role (or the
 * owner): the partition functions of migration 0003 do the work, and move any entry that waited
 * in the default partition into the month made for it.
 */
export async function runAuditRetention(
  db: Database,
  { today, retentionYears }: RetentionOptions,
): Promise<RetentionResult> {
  const created: string[] = [];
  for (let ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
    const from = addMonths(firstOfMonth(today), ahead);
    const name = await partitionFunction(db, sql`access.create_audit_partition(${from}::date)`);
    if (name) {
      created.push(name);
      logger.info({ partition: name, from, until: addMonths(from, 1) }, 'audit partition created');
    }
  }
  const cutoff = addYears(today, -retentionYears);
  const dropped: string[] = [];
  for (const from of await partitionMonths(db)) {
    const until = addMonths(from, 1);
    if (until > cutoff) continue;
    const name = await partitionFunction(db, sql`access.drop_audit_partition(${from}::date)`);
    if (name) {
      dropped.push(name);
      logger.info({ partition: name, from, until, retentionYears }, 'audit partition dropped');
    }
  }
  return { created, dropped };
}

async function partitionFunction(db: Database, call: SQL) {
  const [{ name }] = rowsOf<{ name: string | null }>(await db.execute(sql`select ${call} as name`));
  return name;
}

/** The first day of each month that has a partition, oldest first. */
async function partitionMonths(db: Database): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select child.relname as name
      from pg_inherits
        join pg_class child on child.oid = pg_inherits.inhrelid
      where pg_inherits.inhparent = 'access.audit_log'::regclass`),
  );
  return rows
    .flatMap(({ name }) => {
      const month = MONTH_PARTITION.exec(name);
      return month ? [`${month[1]}-${month[2]}-01`] : [];
    })
    .sort();
}
