import { sql } from 'drizzle-orm';

import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import type { DatabaseOptions } from '../../common/db/connection';
import { testDatabaseOptions } from '../support/database';
import { asRole } from '../support/roles';
import { seededTemplate } from '../support/stack';

/*
 * The audit log is append-only and the mandates read-only in the database itself (DOMAIN A.2.6),
 * not by the application's good manners: each component's role may add to the log and read it,
 * never change or remove a row, nor write a mandate; and no one, the owner included, updates,
 * deletes or truncates the log.
 */

const COMPONENT_ROLES = [
  'maatwerk_gateway',
  'maatwerk_persons',
  'maatwerk_indications',
  'maatwerk_maatwerk',
  'maatwerk_agreements',
];

const AUDIT_ROW = sql`
  insert into access.audit_log (request_id, operation, subgraph, fields, org, sub, role,
    purpose, person_id, outcome)
  values ('append-only-test', 'q', 'persons', '{Person.firstName}', 'vdab', 'vdab-1',
    'VDAB_MEDIATOR', 'TRAJECTORY_GUIDANCE', 'P-000001', 'ALLOWED')`;

const APPEND_ONLY = /access\.audit_log is append-only/;

describe('append-only in the database', () => {
  let handle: DatabaseHandle;
  let options: DatabaseOptions;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ options, drop } = await testDatabaseOptions(seededTemplate('small')));
    handle = await openDatabase(options);
    await handle.db.execute(AUDIT_ROW);
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  /** What the database answered to a statement it refused. */
  const refusal = (statement: Promise<unknown>) =>
    statement.then(
      () => 'accepted',
      (error) => String(error.cause?.message ?? error.message),
    );

  describe.each(COMPONENT_ROLES)('as %s', (role) => {
    const as = <T>(work: Parameters<typeof asRole<T>>[3]) => asRole(handle, options, role, work);

    it('adds to the audit log and reads it', async () => {
      await as(async (db) => {
        await db.execute(AUDIT_ROW);
        const rows = await db.execute(
          sql`select count(*)::int as n from access.audit_log where request_id = 'append-only-test'`,
        );
        expect(JSON.stringify(rows)).toMatch(/"n":[2-9]/);
      });
    });

    it('can neither update nor delete an audit row, nor truncate the log', async () => {
      await as(async (db) => {
        expect(await refusal(db.execute(sql`update access.audit_log set org = 'x'`))).toMatch(
          /permission denied/,
        );
        expect(await refusal(db.execute(sql`delete from access.audit_log`))).toMatch(
          /permission denied/,
        );
        expect(await refusal(db.execute(sql`truncate access.audit_log`))).toMatch(
          /permission denied/,
        );
      });
    });

    it('reads the mandates but can neither change nor add one', async () => {
      await as(async (db) => {
        await db.execute(sql`select id from access.mandates limit 1`);
        expect(
          await refusal(db.execute(sql`update access.mandates set categories = '{a,b,c,d,e}'`)),
        ).toMatch(/permission denied/);
        expect(
          await refusal(
            db.execute(sql`
              insert into access.mandates (id, org, role, purpose, legal_basis, categories,
                valid_from, description)
              values ('M-forged', 'vdab', 'VDAB_MEDIATOR', 'TRAJECTORY_GUIDANCE', 'DECREE',
                '{a,b,c,d,e,f,g,h}', '2020-01-01', 'forged')`),
          ),
        ).toMatch(/permission denied/);
        expect(await refusal(db.execute(sql`delete from access.mandates`))).toMatch(
          /permission denied/,
        );
      });
    });
  });

  it('refuses the owner too: no update, delete or truncate of the log', async () => {
    const { db } = handle;
    expect(await refusal(db.execute(sql`update access.audit_log set org = 'x'`))).toMatch(
      APPEND_ONLY,
    );
    expect(
      await refusal(
        db.execute(sql`delete from access.audit_log where request_id = 'append-only-test'`),
      ),
    ).toMatch(APPEND_ONLY);
    expect(await refusal(db.execute(sql`truncate access.audit_log`))).toMatch(APPEND_ONLY);
    // Aimed at one partition (the row waits in the default one) instead of the whole log.
    expect(await refusal(db.execute(sql`delete from access.audit_log_default`))).toMatch(
      APPEND_ONLY,
    );
    expect(await refusal(db.execute(sql`truncate access.audit_log_default`))).toMatch(APPEND_ONLY);
    const rows = await db.execute(
      sql`select count(*)::int as n from access.audit_log where org = 'x'`,
    );
    expect(JSON.stringify(rows)).toMatch(/"n":0/);
  });
});
