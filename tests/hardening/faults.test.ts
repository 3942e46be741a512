import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';
import {
  postOperation,
  startGatewayOver,
  startTestStack,
  type GatewayUnderTest,
  type TestStack,
} from '../support/stack';

/*
 * The fault matrix of issue #6 for a subgraph the gateway depends on: killed, slower than the
 * timeout, answering 500, answering something that is not JSON. Each time the gateway answers
 * within the timeout and a margin, with the other subgraphs' data, a masked SUBGRAPH_UNAVAILABLE
 * for the missing fields, and recovers once the subgraph is back.
 */

const TIMEOUT_MS = 1_000;
/** Time for everything around the failed call: planning, the other subgraphs, the answer. */
const MARGIN_MS = 1_500;

/** One query over three subgraphs: the person (persons), advices (indications), placements (maatwerk). */
const QUERY = `{ person(id: "P-000001") { firstName advices { type } placements { id type } } }`;

describe('a gateway in front of a failing maatwerk subgraph', () => {
  let stack: TestStack;
  let proxy: FaultProxy;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    stack = await startTestStack('small');
    const maatwerk = stack.stack.subgraphs.find((s) => s.name === 'maatwerk')!;
    proxy = await startFaultProxy(`${maatwerk.url}/graphql`);
    gateway = await startGatewayOver(stack, {
      subgraphUrls: { maatwerk: proxy.url },
      subgraphTimeoutMs: TIMEOUT_MS,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await stack?.stop();
  });

  async function ask() {
    const started = performance.now();
    const response = await postOperation(`${gateway.url}/graphql`, QUERY, { persona: 'citizen' });
    return { ...response, ms: performance.now() - started };
  }

  let healthy: any;

  it('answers the whole query while maatwerk is healthy', async () => {
    const { body } = await ask();
    expect(body.errors).toBeUndefined();
    expect(body.data.person.placements.length).toBeGreaterThan(0);
    healthy = body.data.person;
  });

  const FAULTS: [string, Fault][] = [
    ['is down', { kind: 'down' }],
    ['is slower than the timeout', { kind: 'slow', ms: TIMEOUT_MS * 4 }],
    ['answers 500', { kind: 'status', status: 500 }],
    ['answers invalid JSON', { kind: 'invalid-json' }],
  ];

  describe.each(FAULTS)('when maatwerk %s', (_name, fault) => {
    beforeAll(() => proxy.set(fault));
    afterAll(() => proxy.set({ kind: 'none' }));

    it('answers in time with the other subgraphs’ data and SUBGRAPH_UNAVAILABLE', async () => {
      const { status, ms, text, body } = await ask();
      expect(status).toBe(200);
      expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(body.data.person).toEqual({ ...healthy, placements: null });
      expect(body.errors?.map((error) => error.extensions)).toEqual([
        { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'maatwerk' },
      ]);
      // Masked: no address, port, stack or upstream text reaches the partner.
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|exploded|stack|\bat \w+ \(/);
    });
  });

  it('recovers as soon as maatwerk answers again', async () => {
    await proxy.set({ kind: 'down' });
    expect((await ask()).body.errors?.[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    await proxy.set({ kind: 'none' });
    const { body } = await ask();
    expect(body.errors).toBeUndefined();
    expect(body.data.person.placements.length).toBeGreaterThan(0);
  });

  it('says in /readyz which subgraph is missing, and is ready again when it is back', async () => {
    const readyz = async () => {
      const response = await fetch(`${gateway.url}/readyz`);
      return { status: response.status, body: await response.json() };
    };
    await proxy.set({ kind: 'down' });
    expect(await readyz()).toEqual({
      status: 503,
      body: {
        ready: false,
        subgraphs: {
          persons: 'ready',
          indications: 'ready',
          maatwerk: 'unavailable',
          agreements: 'ready',
        },
      },
    });
    await proxy.set({ kind: 'none' });
    expect((await readyz()).status).toBe(200);
  });
});

describe('a gateway whose subgraphs are all missing', () => {
  it('starts, reports them in /readyz and answers SUBGRAPH_UNAVAILABLE', async () => {
    // Ports nothing listens on: a subgraph that has not started yet.
    const nowhere = await startFaultProxy('http://127.0.0.1:9/graphql');
    await nowhere.set({ kind: 'down' });
    const names = ['persons', 'indications', 'maatwerk', 'agreements'];
    const stack = await startTestStack('small');
    const gateway = await startGatewayOver(stack, {
      subgraphUrls: Object.fromEntries(names.map((name) => [name, nowhere.url])),
      subgraphTimeoutMs: TIMEOUT_MS,
    });
    try {
      const readyz = await fetch(`${gateway.url}/readyz`);
      expect(readyz.status).toBe(503);
      expect(((await readyz.json()) as any).subgraphs).toEqual(
        Object.fromEntries(names.map((name) => [name, 'unavailable'])),
      );
      const { body } = await postOperation(`${gateway.url}/graphql`, QUERY, { persona: 'citizen' });
      expect(body.data).toEqual({ person: null });
      expect(body.errors!.map((error: any) => error.extensions.code)).toEqual([
        'SUBGRAPH_UNAVAILABLE',
      ]);
    } finally {
      await gateway.stop();
      await nowhere.close();
      await stack.stop();
    }
  });
});
