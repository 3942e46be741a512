import { sql } from 'drizzle-orm';

import { rowsOf } from '../../common/db/rows';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 13 item 5: a refused look leaves a trace. A lookup the row scope hides, a root field
 * outside the mandate, a filter outside it, and a purpose without a mandate are each logged as
 * DENIED with what was asked for (KSZ and MAGDA registers log refused consultations too), so an
 * insider cannot enumerate ids unseen.
 */
describe('refused consultations are audited', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const auditOf = async (requestId: string | null) =>
    rowsOf<{ person_id: string | null; subject: string | null; outcome: string; org: string }>(
      await stack.database.db.execute(
        sql`select person_id, subject, outcome::text, org from access.audit_log
          where request_id = ${requestId} order by subject`,
      ),
    );

  /** A person VDAB has no relation with at all: outside every VDAB purpose. */
  async function outsideVdab(): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await stack.database.db.execute(
        sql`select p.id from persons.persons p where not exists (
          select 1 from access.relations r where r.person_id = p.id and r.org = 'vdab')
          order by p.id limit 1`,
      ),
    );
    return row.id;
  }

  it('logs a lookup by id that the row scope hides, answered NOT_FOUND', async () => {
    const personId = await outsideVdab();
    const response = await stack.query(`{ person(id: "${personId}") { id firstName } }`);
    expect(response.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([
      { person_id: personId, subject: `Person:${personId}`, outcome: 'DENIED', org: 'vdab' },
    ]);
  });

  it('logs a lookup of an id that does not exist the same way', async () => {
    const response = await stack.query('{ placement(id: "PL-999999") { id } }', undefined, {
      persona: 'employer-1',
    });
    expect(response.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([
      {
        person_id: null,
        subject: 'Placement:PL-999999',
        outcome: 'DENIED',
        org: 'employer:E-000001',
      },
    ]);
  });

  it('logs a root field outside the mandate (a monitor asking for a person)', async () => {
    const response = await stack.query('{ person(id: "P-000001") { id } }', undefined, {
      persona: 'monitor-gent',
    });
    expect(response.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([
      {
        person_id: 'P-000001',
        subject: 'Person:P-000001',
        outcome: 'DENIED',
        org: 'municipality:44021',
      },
    ]);
  });

  it('logs a filter outside the mandate', async () => {
    const response = await stack.query(
      '{ persons(labourMarketStatus: NWWZ) { totalCount } }',
      undefined,
      { persona: 'employer-1' },
    );
    expect(response.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([
      { person_id: null, subject: 'Query.persons', outcome: 'DENIED', org: 'employer:E-000001' },
    ]);
  });

  it('logs a purpose without a mandate, with the ids the operation asked for', async () => {
    const response = await stack.query(
      'query Look($id: ID!) { person(id: $id) { id } ...More } fragment More on Query { advice(id: "AD-000001") { id } }',
      { id: 'P-000001' },
      { headers: { 'x-purpose': 'MONITORING' } },
    );
    expect(response.status).toBe(403);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([
      { person_id: null, subject: 'Advice:AD-000001', outcome: 'DENIED', org: 'vdab' },
      { person_id: 'P-000001', subject: 'Person:P-000001', outcome: 'DENIED', org: 'vdab' },
    ]);
  });

  it('keeps the allowed read of the same request apart from the refusal', async () => {
    const personId = await outsideVdab();
    const response = await stack.query(
      `{ mine: person(id: "P-000001") { firstName } theirs: person(id: "${personId}") { firstName } }`,
    );
    const rows = await auditOf(response.headers.get('x-request-id'));
    expect(rows).toEqual(
      expect.arrayContaining([
        { person_id: 'P-000001', subject: null, outcome: 'ALLOWED', org: 'vdab' },
        { person_id: personId, subject: `Person:${personId}`, outcome: 'DENIED', org: 'vdab' },
      ]),
    );
  });
});
