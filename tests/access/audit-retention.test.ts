import { sql } from 'drizzle-orm';

import { runAuditRetention } from '../../common/access/audit-retention';
import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import type { DatabaseOptions } from '../../common/db/connection';
import { rowsOf } from '../../common/db/rows';
import { logger } from '../../common/logger';
import { testDatabaseOptions } from '../support/database';
import { asRole } from '../support/roles';
import { seededTemplate } from '../support/stack';

/*
 * Retention (DOMAIN A.2.6): the audit log is kept AUDIT_RETENTION_YEARS and then removed a whole
 * month at a time, by dropping the month's partition; the months to come are made ahead, and an
 * entry that finds no month of its own waits in the default partition until its month is made.
 * Days are pinned: the job takes "today" as a parameter.
 */

const auditRowAt = (requestId: string, at: string) => sql`
  insert into access.audit_log (request_id, at, operation, subgraph, fields, org, sub, role,
    purpose, person_id, outcome)
  values (${requestId}, ${at}::timestamptz, 'q', 'persons', '{Person.firstName}', 'vdab',
    'vdab-1', 'VDAB_MEDIATOR', 'TRAJECTORY_GUIDANCE', 'P-000001', 'ALLOWED')`;

describe('audit log retention', () => {
  let handle: DatabaseHandle;
  let options: DatabaseOptions;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ options, drop } = await testDatabaseOptions(seededTemplate('small')));
    handle = await openDatabase(options);
    // Before any month is made, so all wait in the default partition.
    await handle.db.execute(auditRowAt('january-2016', '2016-01-10 12:00:00+01'));
    await handle.db.execute(auditRowAt('last-hour-of-january-2016', '2016-01-31 23:30:00+01'));
    await handle.db.execute(auditRowAt('february-2016', '2016-02-10 12:00:00+01'));
    await handle.db.execute(auditRowAt('may-2021', '2021-05-05 12:00:00+02'));
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  /** Where each test row lives: request id → partition. */
  async function placement(): Promise<Record<string, string>> {
    const rows = rowsOf<{ request_id: string; partition: string }>(
      await handle.db.execute(sql`
        select request_id, tableoid::regclass::text as partition from access.audit_log
        where request_id in ('january-2016', 'last-hour-of-january-2016', 'february-2016',
          'may-2021', 'far-future')`),
    );
    return Object.fromEntries(rows.map((row) => [row.request_id, row.partition]));
  }

  it('makes the coming months ahead, moving what waited in the default partition', async () => {
    const logged = jest.spyOn(logger, 'info');
    try {
      const result = await runAuditRetention(handle.db, {
        today: '2016-01-20',
        retentionYears: 10,
      });
      expect(result).toEqual({
        created: [
          'access.audit_log_2016_01',
          'access.audit_log_2016_02',
          'access.audit_log_2016_03',
          'access.audit_log_2016_04',
        ],
        dropped: [],
      });
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ partition: 'access.audit_log_2016_01', from: '2016-01-01' }),
        'audit partition created',
      );
    } finally {
      logged.mockRestore();
    }
    // Months are Belgian months: the last hour of January in Brussels is January's.
    expect(await placement()).toEqual({
      'january-2016': 'access.audit_log_2016_01',
      'last-hour-of-january-2016': 'access.audit_log_2016_01',
      'february-2016': 'access.audit_log_2016_02',
      'may-2021': 'access.audit_log_default',
    });
  });

  it('drops, as the retention role, only the months wholly older than the retention', async () => {
    const logged = jest.spyOn(logger, 'info');
    try {
      const result = await asRole(handle, options, 'maatwerk_retention', (db) =>
        runAuditRetention(db, { today: '2026-02-15', retentionYears: 10 }),
      );
      // 2016-02 ends on 2016-03-01, less than ten years before 2026-02-15: it stays.
      expect(result).toEqual({
        created: [
          'access.audit_log_2026_02',
          'access.audit_log_2026_03',
          'access.audit_log_2026_04',
          'access.audit_log_2026_05',
        ],
        dropped: ['access.audit_log_2016_01'],
      });
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ partition: 'access.audit_log_2016_01', until: '2016-02-01' }),
        'audit partition dropped',
      );
    } finally {
      logged.mockRestore();
    }
    expect(await placement()).toEqual({
      'february-2016': 'access.audit_log_2016_02',
      'may-2021': 'access.audit_log_default',
    });
  });

  it('changes nothing when run again on the same day', async () => {
    expect(await runAuditRetention(handle.db, { today: '2026-02-15', retentionYears: 10 })).toEqual(
      { created: [], dropped: [] },
    );
  });

  it('never refuses an entry for want of a month', async () => {
    await handle.db.execute(auditRowAt('far-future', '2040-07-01 12:00:00+02'));
    expect((await placement())['far-future']).toBe('access.audit_log_default');
  });

  it('gives the retention role no way to change or remove single entries', async () => {
    await asRole(handle, options, 'maatwerk_retention', async (db) => {
      for (const statement of [
        sql`delete from access.audit_log_2016_02`,
        sql`update access.audit_log set org = 'x'`,
        sql`drop table access.audit_log_2016_02`,
      ]) {
        await expect(db.execute(statement)).rejects.toMatchObject({
          cause: { message: expect.stringMatching(/permission denied|must be owner/) },
        });
      }
    });
  });
});
