import path from 'node:path';

import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '../../common/db/connection';
import { applyMigrations, migrateSubgraphs } from '../../common/db/migrations';
import { rowsOf } from '../../common/db/rows';
import { subgraphs } from '../../subgraphs/registry';
import { earlierSchema, type EarlierSchema } from '../support/earlier-schema';

/*
 * A database whose support-premium increase requests still sit inside each work support package
 * (a JSON list, before indications migration 0005) keeps every one of them as a record of its own,
 * numbered, with its outcome as a status.
 */

const INDICATIONS = path.resolve(__dirname, '../../subgraphs/indications');
/** The last indications migration that kept the requests inside the package. */
const BEFORE_RECORDS = '0004_database_role';

describe('migrating support-premium increase requests out of their package', () => {
  let schema: EarlierSchema;
  let handle: DatabaseHandle;
  let older: string;

  beforeAll(async () => {
    schema = await earlierSchema(INDICATIONS, BEFORE_RECORDS);
    ({ handle, migrations: older } = schema);
  });
  afterAll(() => schema?.remove());

  it('keeps every request, in package order, with its outcome', async () => {
    await migrateSubgraphs(handle, []);
    await applyMigrations(handle, 'indications', older);
    await handle.db.execute(sql`
      insert into indications.advices (id, person_id, type, basis, decision, decided_at,
        valid_from, valid_until, status)
      values ('AD-1', 'P-1', 'CMW', 'ICF', 'TOEGEKEND', now(), '2024-01-01', '2028-12-31', 'ACTIVE'),
        ('AD-2', 'P-2', 'IMW', 'ICF', 'TOEGEKEND', now(), '2024-01-01', '2028-12-31', 'ACTIVE')`);
    const request = (at: string, employer: string, outcome: string | null) => ({
      requestedAt: at,
      employerId: employer,
      motivation: `asked on ${at}`,
      outcome,
    });
    await handle.db.execute(sql`
      insert into indications.work_support_packages (id, advice_id, person_id, wage_premium_pct,
        support_premium_level, support_premium_cents, intensity, duration_months, increase_requests)
      values
        ('WOP-1', 'AD-1', 'P-1', 40, 'C', 65000, 12, 60, ${JSON.stringify([
          request('2024-03-01', 'E-1', 'GEWEIGERD'),
          request('2024-09-01', 'E-1', 'TOEGEKEND'),
        ])}::jsonb),
        ('WOP-2', 'AD-2', 'P-2', 30, 'A', 25000, 4, 60, ${JSON.stringify([
          request('2025-02-01', 'E-2', null),
        ])}::jsonb)`);

    await migrateSubgraphs(
      handle,
      subgraphs.map((s) => s.module),
    );

    const moved = rowsOf<Record<string, unknown>>(
      await handle.db.execute(sql`
        select id, package_id, advice_id, person_id, employer_id, requested_at::text, motivation,
          level_at_request::text, requested_level::text, status::text, decided_at is not null as decided,
          new_level::text, refusal_reason is not null as has_reason
        from indications.premium_increase_requests order by id`),
    );
    const row = (
      id: string,
      wop: string,
      at: string,
      employer: string,
      status: string,
      level: string,
    ) => ({
      id,
      package_id: wop,
      advice_id: wop.replace('WOP', 'AD'),
      person_id: wop.replace('WOP', 'P'),
      employer_id: employer,
      requested_at: at,
      motivation: `asked on ${at}`,
      level_at_request: level,
      requested_level: null,
      status,
      decided: status !== 'PENDING',
      new_level: status === 'ACCEPTED' ? level : null,
      has_reason: status === 'REFUSED',
    });
    expect(moved).toEqual([
      row('PIR-000001', 'WOP-1', '2024-03-01', 'E-1', 'REFUSED', 'C'),
      row('PIR-000002', 'WOP-1', '2024-09-01', 'E-1', 'ACCEPTED', 'C'),
      row('PIR-000003', 'WOP-2', '2025-02-01', 'E-2', 'PENDING', 'A'),
    ]);
    // New requests continue the numbering.
    const [{ next }] = rowsOf<{ next: string | number }>(
      await handle.db.execute(sql`select nextval('indications.premium_increase_numbers') as next`),
    );
    expect(Number(next)).toBe(4);
  });
});
