import { sql } from 'drizzle-orm';

import { rowsOf } from '../../common/db/rows';
import { startTestStack, type TestStack } from '../support/stack';

/*
 * The citizen's view of the audit log (DOMAIN A.2.6, GDPR art. 15): every consultation that
 * returned data, one entry per organisation and request, newest first, paged as a connection,
 * and not to be bent by the party it logs (a partner chooses its own `x-request-id`).
 */

interface Consultation {
  at: string;
  organisation: string;
  purpose: string | null;
  sources: string[];
}

const ACCESS_LOG = `query AccessLog($first: Int, $after: String) {
  me {
    accessLog(first: $first, after: $after) {
      totalCount
      edges { cursor node { at organisation purpose sources } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** Consultations of one bulk-written world, apart from what the other tests log. */
const BULK_ORG = 'employer:E-000001';
const BULK_CONSULTATIONS = 2100;

describe("the citizen's access log", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  /** The whole log, read page by page as a partner application would. */
  async function wholeLog(first = 500): Promise<{ entries: Consultation[]; totalCount: number }> {
    const entries: Consultation[] = [];
    let after: string | null = null;
    let totalCount: number;
    for (;;) {
      const { body } = await stack.query(ACCESS_LOG, { first, after }, { persona: 'citizen' });
      expect(body.errors).toBeUndefined();
      const page = body.data.me.accessLog;
      totalCount = page.totalCount;
      entries.push(...page.edges.map((edge: { node: Consultation }) => edge.node));
      if (!page.pageInfo.hasNextPage) return { entries, totalCount };
      after = page.pageInfo.endCursor;
    }
  }

  const countOf = (entries: Consultation[], organisation: string) =>
    entries.filter((entry) => entry.organisation === organisation).length;

  it('counts every consultation, also those a partner sent under another request id', async () => {
    const before = (await wholeLog()).entries;
    const ocmw = await stack.query(
      '{ person(id: "P-000001") { lastName } }',
      {},
      {
        persona: 'ocmw-gent',
      },
    );
    const borrowed = ocmw.headers.get('x-request-id')!;
    for (let i = 0; i < 5; i++) {
      const { body } = await stack.query(
        '{ person(id: "P-000001") { firstName } }',
        {},
        {
          persona: 'vdab-mediator',
          headers: { 'x-request-id': borrowed },
        },
      );
      expect(body.data.person.firstName).toEqual(expect.any(String));
    }
    const after = (await wholeLog()).entries;
    expect(countOf(after, 'vdab') - countOf(before, 'vdab')).toBe(5);
    expect(countOf(after, 'ocmw:44021') - countOf(before, 'ocmw:44021')).toBe(1);
  });

  it('keeps the partner’s own request id beside the one the gateway made', async () => {
    const partnerId = 'partner-trace-9';
    const { headers } = await stack.query(
      '{ person(id: "P-000001") { firstName } }',
      {},
      {
        persona: 'vdab-mediator',
        headers: { 'x-request-id': partnerId },
      },
    );
    const own = headers.get('x-request-id')!;
    expect(own).not.toBe(partnerId);
    const underPartnerId = await stack.database.db.execute(
      sql`select 1 from access.audit_log where request_id = ${partnerId}`,
    );
    expect(rowsOf(underPartnerId)).toEqual([]);
    const rows = await stack.database.db.execute(
      sql`select subgraph, partner_request_id from access.audit_log where request_id = ${own}`,
    );
    expect(rowsOf(rows)).toEqual([{ subgraph: 'persons', partner_request_id: partnerId }]);
  });

  it('pages through every consultation, newest first, far past 2,000', async () => {
    // Two subgraphs per consultation, and three consultations at each instant, so the pages
    // must group rows and break ties to neither skip nor repeat an entry.
    await stack.database.db.execute(sql`
      insert into access.audit_log (request_id, at, operation, subgraph, fields, org, sub, role,
        purpose, person_id, outcome)
      select 'bulk-' || n, timestamptz '2020-01-01 00:00:00+00' + (n / 3) * interval '1 hour',
        'bulk', subgraph, '{Person.firstName}', ${BULK_ORG}, 'employer-user-1', 'EMPLOYER',
        'BULK-' || n, 'P-000001', 'ALLOWED'
      from generate_series(1, ${BULK_CONSULTATIONS}) as n,
        (values ('persons'), ('indications')) as source(subgraph)`);
    const { entries, totalCount } = await wholeLog(500);
    expect(totalCount).toBe(entries.length);
    const bulk = entries.filter((entry) => entry.organisation === BULK_ORG);
    expect(bulk).toHaveLength(BULK_CONSULTATIONS);
    expect(new Set(bulk.map((entry) => entry.purpose)).size).toBe(BULK_CONSULTATIONS);
    expect(bulk.every((entry) => entry.sources.join() === 'indications,persons')).toBe(true);
    const times = entries.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Smaller pages give the same list.
    expect((await wholeLog(97)).entries).toEqual(entries);
  });

  it('shows what returned data and leaves refusals in the internal log', async () => {
    await stack.database.db.execute(sql`
      insert into access.audit_log (request_id, operation, subgraph, fields, org, sub, role,
        purpose, person_id, outcome)
      values
        ('refused-1', 'q', 'persons', '{Person.insz}', 'gtb', 'gtb-1', 'GTB_COUNSELLOR',
          'REFUSED-LOOK', 'P-000001', 'DENIED'),
        ('filtered-1', 'q', 'persons', '{Person.insz}', 'gtb', 'gtb-1', 'GTB_COUNSELLOR',
          'FILTERED-LOOK', 'P-000001', 'FILTERED')`);
    const purposes = (await wholeLog()).entries.map((entry) => entry.purpose);
    expect(purposes).toContain('FILTERED-LOOK');
    expect(purposes).not.toContain('REFUSED-LOOK');
  });

  it('refuses a cursor it did not make', async () => {
    const { body } = await stack.query(
      ACCESS_LOG,
      { first: 5, after: 'bm90LWEtY3Vyc29y' },
      {
        persona: 'citizen',
      },
    );
    expect(body.errors?.[0]).toMatchObject({
      message: 'after: is not a cursor of this list',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
