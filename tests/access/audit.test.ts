import { asc, eq, sql } from 'drizzle-orm';

import { auditLog } from '../support/access-schema';
import { startTestStack, type TestStack } from '../support/stack';

describe('every look at a person is logged (DOMAIN A.2.6)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  function auditRowsOf(requestId: string) {
    return stack.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, requestId))
      .orderBy(asc(auditLog.subgraph), asc(auditLog.personId));
  }

  it('writes one row per person and subgraph, with what was read and what was refused', async () => {
    const { headers, body } = await stack.query(
      '{ person(id: "P-000001") { firstName socialAssistance { type exemptionReason } advices { type } } }',
      {},
      { persona: 'vdab-mediator' },
    );
    expect(body.data.person.firstName).toBeTruthy();
    const rows = await auditRowsOf(headers.get('x-request-id')!);
    expect(rows.map((row) => [row.subgraph, row.personId, row.outcome])).toEqual([
      ['indications', 'P-000001', 'ALLOWED'],
      ['persons', 'P-000001', 'FILTERED'],
    ]);
    const persons = rows.find((row) => row.subgraph === 'persons')!;
    expect(persons).toMatchObject({
      org: 'vdab',
      role: 'VDAB_MEDIATOR',
      purpose: 'TRAJECTORY_GUIDANCE',
    });
    expect(persons.fields).toEqual(
      expect.arrayContaining(['Person.firstName', 'SocialAssistanceRecord.exemptionReason']),
    );
  });

  it('shows the citizen who consulted their file, when and for what', async () => {
    await stack.query('{ person(id: "P-000001") { lastName } }', {}, { persona: 'ocmw-gent' });
    const { body } = await stack.query(
      '{ me { id accessLog(first: 10) { edges { node { at organisation purpose } } } } }',
      {},
      { persona: 'citizen' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.me.id).toBe('P-000001');
    expect(body.data.me.accessLog.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: 'ocmw:44021', purpose: 'SOCIAL_INTEGRATION' }),
        expect.objectContaining({ organisation: 'vdab', purpose: 'TRAJECTORY_GUIDANCE' }),
      ]),
    );
  });

  it('withholds the data when the log cannot be written (fail closed)', async () => {
    await stack.database.db.execute(sql`alter table access.audit_log rename to audit_log_away`);
    try {
      const { body } = await stack.query(
        '{ person(id: "P-000001") { firstName } }',
        {},
        { persona: 'vdab-mediator' },
      );
      expect(JSON.stringify(body)).not.toContain('Lisa');
      expect(body.data?.person ?? null).toBeNull();
      expect(body.errors?.[0].message).toMatch(/access log could not be written/);
    } finally {
      await stack.database.db.execute(sql`alter table access.audit_log_away rename to audit_log`);
    }
  });
});
