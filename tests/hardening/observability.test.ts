import { sql } from 'drizzle-orm';

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
      const requestId = headers.get('x-request-id');
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

  it('counts operations, errors and subgraph calls for Prometheus', async () => {
    await stack.query(
      'query CitizenFile { person(id: "P-000001") { firstName advices { type } } }',
      {},
      {
        persona: 'citizen',
      },
    );
    await stack.query(
      `query TooDeep { ${'a: __typename '.repeat(5000)} }`,
      {},
      { persona: 'citizen' },
    );
    const response = await fetch(new URL('/metrics', stack.stack.gatewayUrl));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const metrics = await response.text();
    expect(metrics).toMatch(
      /maatwerk_gateway_operations_total\{operation="CitizenFile",outcome="ok"\} 1/,
    );
    expect(metrics).toMatch(/maatwerk_gateway_errors_total\{code="QUERY_TOO_COMPLEX"\} 1/);
    expect(metrics).toMatch(
      /maatwerk_gateway_subgraph_call_duration_seconds_count\{subgraph="indications",outcome="ok"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /maatwerk_gateway_operation_duration_seconds_bucket\{le="0\.5",operation="CitizenFile"\} 1/,
    );
    expect(metrics).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('keeps the operation label bounded whatever names partners send', async () => {
    for (let i = 0; i < 210; i += 1) {
      await stack.query(`query Probe${i} { __typename }`, {}, { persona: 'citizen' });
    }
    const metrics = await (await fetch(new URL('/metrics', stack.stack.gatewayUrl))).text();
    const labels = new Set(
      [...metrics.matchAll(/maatwerk_gateway_operations_total\{operation="([^"]+)"/g)].map(
        (match) => match[1],
      ),
    );
    expect(labels.size).toBeLessThanOrEqual(201);
    expect(labels).toContain('other');
  });
});
