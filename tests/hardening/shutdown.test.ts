import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { postOperation, startGatewayOver, startTestStack, type TestStack } from '../support/stack';

/*
 * Graceful shutdown (issue #6): a stopping gateway first says it is not ready, so no new work is
 * routed to it, then stops taking connections while the requests in flight are answered in full.
 */

describe('a gateway that is stopped while a request is in flight', () => {
  let stack: TestStack;
  let proxy: FaultProxy;
  beforeAll(async () => {
    stack = await startTestStack('small');
    const maatwerk = stack.stack.subgraphs.find((s) => s.name === 'maatwerk')!;
    // maatwerk answers, slowly: the request is still in flight when the shutdown starts.
    proxy = await startFaultProxy(`${maatwerk.url}/graphql`);
    await proxy.set({ kind: 'slow', ms: 800 });
  });
  afterAll(async () => {
    await proxy?.close();
    await stack?.stop();
  });

  it('answers it in full, is not ready meanwhile, and takes no new connection', async () => {
    const { gateway, listening } = await startGatewayOver(stack, {
      subgraphUrls: { maatwerk: proxy.url },
    });
    const inFlight = postOperation(
      `${listening.url}/graphql`,
      '{ person(id: "P-000001") { firstName placements { id } } }',
      { persona: 'citizen' },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    gateway.drain();
    const readyz = await fetch(`${listening.url}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ ready: false, draining: true });

    const closed = listening.close(5_000);
    await expect(
      fetch(`${listening.url}/healthz`, { signal: AbortSignal.timeout(1_000) }),
    ).rejects.toThrow();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.person.placements.length).toBeGreaterThan(0);
    await closed;
    await gateway.stop();
  });
});
