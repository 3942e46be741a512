import { DASHBOARD_QUERY, dashboardVariables } from '../../bench/queries';
import {
  postOperation,
  startGatewayOver,
  startTestStack,
  tokenFor,
  type TestStack,
} from '../support/stack';

/*
 * Abuse cases of issue #6 at the gateway: operations too deep, too wide, too long or too costly
 * are refused with QUERY_TOO_COMPLEX before anything is planned, while the product's own deepest
 * operations pass; bodies too large, batches and schema probing get nowhere.
 */

const nested = (depth: number) =>
  `{ persons(first: 1) { edges { node { ${'placements { employer { '.repeat(depth)}id${' } }'.repeat(depth)} } } } }`;

describe('query limits and request hygiene at the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const send = async (body: string, persona = 'vdab-mediator') => {
    const response = await fetch(stack.stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor(persona)}`,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as any };
  };
  const ask = (query: string, variables = {}, persona?: string) =>
    send(JSON.stringify({ query, variables }), persona);
  const codes = (body: any) => (body.errors ?? []).map((error: any) => error.extensions?.code);

  it('lets the dashboard and a nested cross-subgraph query through', async () => {
    const dashboard = await ask(DASHBOARD_QUERY, dashboardVariables('44021', 2024), 'monitor-gent');
    expect(dashboard.body.errors).toBeUndefined();
    const deep = await ask(nested(4));
    expect(deep.body.errors).toBeUndefined();
  });

  it.each([
    ['too deep', () => nested(8), /depth limit of 12/],
    [
      'too many aliases',
      () =>
        `{ ${Array.from({ length: 61 }, (_, i) => `a${i}: person(id: "P-000001") { id }`).join(' ')} }`,
      /Aliases limit of 60/,
    ],
    [
      'too many directives',
      () =>
        `{ ${Array.from({ length: 21 }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`,
      /Directives limit of 20/,
    ],
    ['too many tokens', () => `{ ${'__typename '.repeat(4001)}}`, /has more than 4000 tokens/],
    [
      'too costly',
      () =>
        '{ municipalities(first: 300) { edges { node { residents(first: 100) { edges { node { id } } } } } } }',
      /Cost limit of 100000/,
    ],
  ])('refuses an operation %s with QUERY_TOO_COMPLEX', async (_name, query, message) => {
    const { status, body } = await ask(query());
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(body.errors[0].message).toMatch(message);
    expect(body.data).toBeUndefined();
  });

  it('refuses a body over 100 kB with BAD_REQUEST, in JSON, with a request id', async () => {
    const response = await fetch(stack.stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(110_000) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The request body is larger than 100kb.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });

  it('refuses a body that is not JSON without a stack trace', async () => {
    const { status, text } = await send('{"query": ');
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/\bat \w|node_modules/);
  });

  it('does not accept batched operations', async () => {
    const { status, body } = await send(
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['BAD_REQUEST']);
  });

  it('suggests no field names', async () => {
    const { body } = await ask('{ persns(first: 1) { totalCount } }');
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('caps `first`, also where a variable hides it from the cost', async () => {
    const { body } = await ask('query($n: Int) { persons(first: $n) { totalCount } }', {
      n: 100_000,
    });
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0].message).toMatch(/first: must be between 1 and 500/);
  });

  it('answers with a request id of its own, whatever id a partner sends', async () => {
    const withId = (id: string) =>
      fetch(stack.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((response) => response.headers.get('x-request-id'));
    expect(await withId('partner-trace-42')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await withId('bad id\twith "quotes"')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers no introspection where it is turned off (INTROSPECTION=false)', async () => {
    const gateway = await startGatewayOver(stack, { introspection: false });
    try {
      const response = await postOperation(
        `${gateway.url}/graphql`,
        '{ __schema { types { name } } }',
        { persona: 'department-analyst', headers: { 'x-purpose': 'MONITORING' } },
      );
      const body = response.body as any;
      expect(response.status).toBe(400);
      expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(body.errors[0].message).toMatch(/introspection is not allowed/);
      expect(body.data).toBeUndefined();
    } finally {
      await gateway.stop();
    }
  });
});
