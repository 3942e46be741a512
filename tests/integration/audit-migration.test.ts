import path from 'node:path';

import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '../../common/db/connection';
import { applyMigrations, migrateSubgraphs } from '../../common/db/migrations';
import { rowsOf } from '../../common/db/rows';
import { subgraphs } from '../../subgraphs/registry';
import { earlierSchema, type EarlierSchema } from '../support/earlier-schema';

/*
 * A database that holds an audit log from before it was partitioned (an earlier `npm start`'s
 * .data/pglite, a PostgreSQL in service) migrates without losing or renumbering an entry.
 */

const ACCESS = path.resolve(__dirname, '../../common/access');
/** The last access migration before the audit log was partitioned. */
const BEFORE_PARTITIONING = '0001_glamorous_masque';

describe('migrating an audit log written before partitioning', () => {
  let schema: EarlierSchema;
  let handle: DatabaseHandle;
  let older: string;

  beforeAll(async () => {
    schema = await earlierSchema(ACCESS, BEFORE_PARTITIONING);
    ({ handle, migrations: older } = schema);
  });
  afterAll(() => schema?.remove());

  it('keeps every entry, its id and its month', async () => {
    await applyMigrations(handle, 'access', older);
    await handle.db.execute(sql`
      insert into access.audit_log (request_id, at, operation, subgraph, fields, org, sub, role,
        purpose, mandate_id, person_id, outcome)
      select 'old-' || n, timestamptz '2024-05-31 23:00:00+00' + n * interval '1 day', 'q',
        'persons', '{Person.firstName}', 'vdab', 'vdab-1', 'VDAB_MEDIATOR',
        'TRAJECTORY_GUIDANCE', 'M-1', 'P-000001', 'FILTERED'
      from generate_series(0, 39) as n`);
    const before = rowsOf(await handle.db.execute(sql`select * from access.audit_log order by id`));

    await migrateSubgraphs(
      handle,
      subgraphs.map((s) => s.module),
    );

    const after = rowsOf<Record<string, unknown>>(
      await handle.db.execute(sql`
        select *, tableoid::regclass::text as partition from access.audit_log order by id`),
    );
    // The partition and the columns added since are new; the rest is as it was.
    expect(
      after.map(({ partition: _p, partner_request_id: _r, subject: _s, ...row }) => row),
    ).toEqual(before);
    // 2024-05-31 23:00 UTC is already June in Brussels.
    expect(new Set(after.map((row) => row.partition))).toEqual(
      new Set(['access.audit_log_2024_06', 'access.audit_log_2024_07']),
    );
    // New entries continue the numbering.
    await handle.db.execute(sql`
      insert into access.audit_log (request_id, operation, subgraph, fields, org, sub, role,
        person_id, outcome)
      values ('new', 'q', 'persons', '{}', 'vdab', 'vdab-1', 'VDAB_MEDIATOR', 'P-000001',
        'ALLOWED')`);
    const [{ id }] = rowsOf<{ id: string | number }>(
      await handle.db.execute(sql`select id from access.audit_log where request_id = 'new'`),
    );
    expect(Number(id)).toBe(41);
  });
});
