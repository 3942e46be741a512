import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';

import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import { applyMigrations, migrateSubgraphs } from '../../common/db/migrations';
import { rowsOf } from '../../common/db/rows';
import { subgraphs } from '../../subgraphs/registry';
import { adminConnection, databaseUrl } from '../support/template-postgres';
import { randomBytes } from 'node:crypto';

/*
 * A database that holds an audit log from before it was partitioned (an earlier `npm start`'s
 * .data/pglite, a PostgreSQL in service) migrates without losing or renumbering an entry.
 */

const ACCESS = path.resolve(__dirname, '../../common/access');
/** The last access migration before the audit log was partitioned. */
const BEFORE_PARTITIONING = '0001_glamorous_masque';

/** The access migrations up to and including `tag`, as a folder of their own. */
function migrationsUpTo(tag: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'maatwerk-access-'));
  cpSync(path.join(ACCESS, 'migrations'), path.join(folder, 'migrations'), { recursive: true });
  const journalFile = path.join(folder, 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const end = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migrating an audit log written before partitioning', () => {
  const url = process.env.DATABASE_URL;
  const name = `maatwerk_test_${randomBytes(6).toString('hex')}`;
  let handle: DatabaseHandle;
  let older: string;

  beforeAll(async () => {
    if (url) {
      const admin = adminConnection(url);
      await admin.unsafe(`create database ${name}`);
      await admin.end();
    }
    handle = await openDatabase(url ? { url: databaseUrl(url, name), poolSize: 2 } : {});
    older = migrationsUpTo(BEFORE_PARTITIONING);
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(older, { recursive: true, force: true });
    if (url) {
      const admin = adminConnection(url);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

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
