import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  CASELOAD_QUERY,
  DASHBOARD_QUERY,
  dashboardVariables,
  EMPLOYER_CANDIDATES_QUERY,
} from '../../bench/queries';
import { logger } from '../../common/logger';
import { readManifests } from '../../gateway/trusted-documents';
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

const ROOT = path.join(__dirname, '..', '..');

/** The operations of README's examples (its `graphql` blocks), as a partner would copy them. */
const README_OPERATIONS = [
  ...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
].map((match) => match[1]);

/** Sixty aliases of a page of persons with their advices and placements, `first` from `$n`. */
const SIXTY_PAGES = `query($n: Int) { ${Array.from(
  { length: 60 },
  (_, i) =>
    `p${i}: persons(first: $n) { edges { node { id advices { type } placements { id } } } }`,
).join(' ')} }`;

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

  it('counts a `first` that comes in a variable by its value', async () => {
    const { status, body } = await ask(SIXTY_PAGES, { n: 500 });
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(body.errors[0].message).toMatch(/Cost limit of 100000/);
    expect(body.data).toBeUndefined();
    // The same shape with a small page is fine.
    const small = await ask(SIXTY_PAGES, { n: 2 });
    expect(small.body.errors).toBeUndefined();
  });

  it('counts a `first` left out by the default page size, and a default value of a variable', async () => {
    const unpaged = SIXTY_PAGES.replace('query($n: Int)', 'query').replace(/\(first: \$n\)/g, '');
    expect(codes((await ask(unpaged)).body)).toEqual(['QUERY_TOO_COMPLEX']);
    const defaulted = SIXTY_PAGES.replace('($n: Int)', '($n: Int = 500)');
    expect(codes((await ask(defaulted)).body)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses an operation whose answer would hold more objects than QUERY_MAX_NODES', async () => {
    // Cheap by the cost (shallow), but a hundred employers' vacancies' referrals' persons,
    // three times over: lists the schema does not page count 10 entries each.
    const wide = `query($first: Int) { ${['a', 'b', 'c']
      .map(
        (alias) =>
          `${alias}: employers(first: $first) { edges { node { vacancies { referrals { person { id } } } } } }`,
      )
      .join(' ')} }`;
    const { status, body } = await ask(wide, { first: 100 });
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(body.errors[0].message).toMatch(/would return about \d+ objects, more than 50000/);
    expect((await ask(wide, { first: 20 })).body.errors).toBeUndefined();
  });

  it("lets every operation the product ships through: bench, manifests and README's examples", async () => {
    const shipped: [string, string, Record<string, unknown>][] = [
      ['caseload of 500', CASELOAD_QUERY, { first: 500 }],
      ['employer candidates', EMPLOYER_CANDIDATES_QUERY, {}],
      ...[...readManifests(path.join(ROOT, 'trusted-documents')).values()].flatMap((manifest) =>
        [...manifest.values()].map(
          (body) =>
            ['registered', body, { first: 500, ...dashboardVariables('44021', 2024) }] as [
              string,
              string,
              Record<string, unknown>,
            ],
        ),
      ),
      ...README_OPERATIONS.map(
        (body) => ['README', body, {}] as [string, string, Record<string, unknown>],
      ),
    ];
    expect(README_OPERATIONS.length).toBeGreaterThanOrEqual(3);
    for (const [name, query, variables] of shipped) {
      // As the citizen: the mutation of README's example is refused for its role, after
      // the limits let it through.
      const { body } = await ask(query, variables, 'citizen');
      // Refused by the gateway's limits, not by a subgraph's rule about the demo world's data.
      const refusals = (body.errors ?? []).filter(
        (error: any) =>
          !error.extensions?.serviceName &&
          ['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(
            error.extensions?.code,
          ),
      );
      expect({ name, refusals }).toEqual({ name, refusals: [] });
    }
  });

  it('caps `first`, also where a variable hides it from the cost', async () => {
    const { body } = await ask('query($n: Int) { persons(first: $n) { totalCount } }', {
      n: 100_000,
    });
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0].message).toMatch(/first: must be between 1 and 500/);
  });

  it("makes its own request id, and answers a partner's plain id beside it", async () => {
    const withId = (id: string) =>
      fetch(stack.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((response) => ({
        requestId: response.headers.get('x-request-id'),
        partnerRequestId: response.headers.get('x-partner-request-id'),
      }));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(await withId('partner-trace-42')).toEqual({
      requestId: expect.stringMatching(uuid),
      partnerRequestId: 'partner-trace-42',
    });
    // Not even a UUID of the partner's becomes the gateway's id.
    const chosen = '0b4c8d9e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
    expect((await withId(chosen)).requestId).not.toBe(chosen);
    expect(await withId('bad id\twith "quotes"')).toEqual({
      requestId: expect.stringMatching(uuid),
      partnerRequestId: null,
    });
  });

  describe("a client's mistake is a 400 that says what to do, and no error in the log", () => {
    let logged: jest.SpyInstance;
    beforeEach(() => {
      logged = jest.spyOn(logger, 'error');
    });
    afterEach(() => {
      expect(logged).not.toHaveBeenCalled();
      logged.mockRestore();
    });

    it('an operationName the document does not hold', async () => {
      const { status, text, body } = await send(
        JSON.stringify({ query: 'query A { __typename }', operationName: 'X' }),
      );
      expect(status).toBe(400);
      expect(codes(body)).toEqual(['BAD_REQUEST']);
      expect(body.errors[0].message).toMatch(/no operation named "X".*operationName/);
      expect(text).not.toMatch(/\bat \w|node_modules/);
    });

    it('a body in another charset than UTF-8', async () => {
      const response = await fetch(stack.stack.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=latin1',
          authorization: `Bearer ${await tokenFor('vdab-mediator')}`,
        },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const text = await response.text();
      expect(response.status).toBe(415);
      expect(JSON.parse(text)).toEqual({
        errors: [
          {
            message: expect.stringMatching(/charset latin1.*utf-8/),
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    });
  });

  describe('Date and DateTime values, checked at the gateway before anything is planned', () => {
    const END_PLACEMENT =
      'mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }';
    const input = (endDate: string) => ({
      placementId: 'PL-DOES-NOT-EXIST',
      endDate,
      endReason: 'DOORSTROOM_REGULIER',
    });

    it('refuses an invalid literal date as BAD_USER_INPUT naming the argument', async () => {
      const { status, body } = await ask(
        'mutation { endPlacement(input: { placementId: "PL-DOES-NOT-EXIST", endDate: "2024-13-45", endReason: DOORSTROOM_REGULIER }) { id } }',
        {},
        'employer-1',
      );
      expect(status).toBe(400);
      expect(codes(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors[0].message).toMatch(/input\.endDate.*2024-13-45/);
    });

    it('refuses an invalid date in a variable as BAD_USER_INPUT naming the field', async () => {
      const { status, body } = await ask(
        END_PLACEMENT,
        { input: input('2024-13-45') },
        'employer-1',
      );
      expect(status).toBe(400);
      expect(codes(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors[0].message).toMatch(/\$input.*endDate.*2024-13-45/);
    });

    it('passes a valid date on to the subgraph', async () => {
      const { body } = await ask(END_PLACEMENT, { input: input('2024-12-31') }, 'employer-1');
      expect(codes(body)).toEqual(['NOT_FOUND']);
    });
  });

  it.each([
    ['an enum value', '{ persons(first: 1, labourMarketStatus: NWWX) { totalCount } }', {}],
    ['an argument', '{ persons(frist: 1) { totalCount } }', {}],
    ['a type', 'query($n: Itn) { persons(first: $n) { totalCount } }', { n: 1 }],
    [
      'an enum value in a variable',
      'query($s: LabourMarketStatus) { persons(first: 1, labourMarketStatus: $s) { totalCount } }',
      { s: 'NWWX' },
    ],
  ])('suggests no names for a misspelt %s', async (_what, query, variables) => {
    const { text, body } = await ask(query, variables);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/Did you mean/i);
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
