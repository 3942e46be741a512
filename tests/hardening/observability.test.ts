import { sql } from 'drizzle-orm';

import { DASHBOARD_QUERY, dashboardVariables } from '../../bench/queries';
import { logger } from '../../common/logger';
import { startTestStack, type TestStack } from '../support/stack';

/*
 * What the platform's operators see: an unexpected error reaches the partner as INTERNAL with the
 * request id, and nothing else, while the details go to the log of the subgraph where it
 * happened under that same request id; and Prometheus metrics per operation and subgraph.
 */
describe('observability', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  it('masks an unexpected error for the partner and logs it with the request id the partner quotes', async () => {
    // A table gone from under the subgraph: a fault nobody wrote an error code for.
    await stack.database.db.execute(sql`alter table maatwerk.placements rename to placements_gone`);
    const logged = jest.spyOn(logger, 'error');
    try {
      const { status, headers, body } = await stack.query(
        '{ person(id: "P-000001") { firstName placements { id } } }',
        {},
        { persona: 'citizen', headers: { 'x-request-id': 'partner-trace-7' } },
      );
      expect(status).toBe(200);
      // The gateway's own id; the partner's is answered beside it.
      const requestId = headers.get('x-request-id')!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers.get('x-partner-request-id')).toBe('partner-trace-7');
      expect(body.data.person.firstName).toEqual(expect.any(String));
      expect(body.data.person.placements).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Internal error. Quote the x-request-id response header when you report it.',
          extensions: expect.objectContaining({ code: 'INTERNAL' }),
        }),
      ]);
      expect(JSON.stringify(body)).not.toMatch(/placements_gone|relation|select|postgres/i);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ subgraph: 'maatwerk', requestId }),
        'unexpected error',
      );
    } finally {
      logged.mockRestore();
      await stack.database.db.execute(
        sql`alter table maatwerk.placements_gone rename to placements`,
      );
    }
  });

  const scrape = async () => {
    const response = await fetch(stack.stack.metricsUrl);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  it("serves metrics on a listener of their own, not on the partners' port", async () => {
    const onPartnerPort = await fetch(new URL('/metrics', stack.stack.gatewayUrl));
    expect(onPartnerPort.status).toBe(404);
    expect(await onPartnerPort.text()).not.toMatch(/maatwerk_gateway_/);
    expect(new URL(stack.stack.metricsUrl).port).not.toBe(new URL(stack.stack.gatewayUrl).port);
    expect(await scrape()).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('counts operations, errors and subgraph calls for Prometheus', async () => {
    await stack.query(DASHBOARD_QUERY, dashboardVariables('44021', 2024), {
      persona: 'monitor-gent',
    });
    await stack.query(
      'query CitizenFile { person(id: "P-000001") { firstName advices { type } } }',
      {},
      { persona: 'citizen' },
    );
    await stack.query(
      `query TooDeep { ${'a: __typename '.repeat(5000)} }`,
      {},
      { persona: 'citizen' },
    );
    const metrics = await scrape();
    expect(metrics).toMatch(
      /maatwerk_gateway_operations_total\{operation="Dashboard",outcome="ok"\} 1/,
    );
    expect(metrics).toMatch(
      /maatwerk_gateway_operations_total\{operation="unregistered",outcome="ok"\} 1/,
    );
    expect(metrics).toMatch(/maatwerk_gateway_errors_total\{code="QUERY_TOO_COMPLEX"\} 1/);
    expect(metrics).toMatch(
      /maatwerk_gateway_subgraph_call_duration_seconds_count\{subgraph="indications",outcome="ok"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /maatwerk_gateway_operation_duration_seconds_bucket\{le="10",operation="Dashboard"\} 1/,
    );
  });

  it('labels operations only by names the product registered, whatever names partners send', async () => {
    for (let i = 0; i < 20; i += 1) {
      await stack.query(`query Probe${i} { __typename }`, {}, { persona: 'citizen' });
    }
    await stack.query('{ __typename }', {}, { persona: 'citizen' });
    const labels = new Set(
      [...(await scrape()).matchAll(/maatwerk_gateway_operations_total\{operation="([^"]+)"/g)].map(
        (match) => match[1],
      ),
    );
    expect([...labels].filter((label) => /Probe|CitizenFile|TooDeep/.test(label))).toEqual([]);
    expect(labels).toContain('unregistered');
    expect(labels).toContain('anonymous');
  });
});
