import { randomUUID } from 'node:crypto';
import net from 'node:net';

import type { RateLimitOptions } from '../../gateway/rate-limit';
import {
  postOperation,
  startGatewayOver,
  startTestStack,
  type GatewayUnderTest,
  type TestStack,
} from '../support/stack';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers, so a laptop without it skips only the shared-limit test. */
function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    const answer = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(500);
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.once('timeout', () => answer(false));
  });
}

describe('rate limits per organisation, user and address', () => {
  let stack: TestStack;
  const running: GatewayUnderTest[] = [];

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(async () => {
    for (const gateway of running) await gateway.stop();
    await stack?.stop();
  });

  async function gatewayWith(rateLimit: RateLimitOptions) {
    const gateway = await startGatewayOver(stack, { rateLimit });
    running.push(gateway);
    return gateway.url;
  }

  const ask = (url: string, persona: string) =>
    postOperation(`${url}/graphql`, '{ person(id: "P-000001") { id } }', { persona });
  /** A request with no token, as a scanner or a misconfigured client sends it. */
  const askWithoutToken = (url: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('answers RATE_LIMITED with Retry-After once an organisation is over its limit, and only it', async () => {
    const url = await gatewayWith({ points: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i += 1) expect((await ask(url, 'citizen')).status).toBe(200);
    const limited = await ask(url, 'citizen');
    expect(limited.status).toBe(429);
    expect(limited.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.body.errors![0].message).toMatch(/more than 3 operations in 60 s/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.data).toBeUndefined();
    // Another organisation has a count of its own.
    expect((await ask(url, 'vdab-mediator')).status).toBe(200);
  });

  it("gives each user a bucket of its own inside the organisation's", async () => {
    const url = await gatewayWith({ points: 10, userPoints: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i += 1) expect((await ask(url, 'vdab-mediator')).status).toBe(200);
    const limited = await ask(url, 'vdab-mediator');
    expect(limited.status).toBe(429);
    expect(limited.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.body.errors![0].message).toMatch(
      /user vdab-mediator-1 of vdab sent more than 3 operations in 60 s/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user of the same organisation still has the rest of the organisation's.
    expect((await ask(url, 'vdab-icf-consultant')).status).toBe(200);
  });

  it('counts requests without a valid token, and probes, per address', async () => {
    const url = await gatewayWith({ points: 100, addressPoints: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i += 1) expect((await askWithoutToken(url)).status).toBe(401);
    const limited = await askWithoutToken(url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as any;
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/without a valid token/);
    const probe = await fetch(`${url}/readyz`);
    expect(probe.status).toBe(429);
    expect(((await probe.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // A partner with a token is not counted against its address.
    expect((await ask(url, 'citizen')).status).toBe(200);
  });

  it('shares one count between gateway replicas through Redis', async () => {
    if (!(await redisReachable())) {
      console.warn(`Redis is not reachable at ${REDIS_URL}: the shared limit is not tested.`);
      return;
    }
    const shared = { points: 3, windowSeconds: 60, redisUrl: REDIS_URL, keyPrefix: randomUUID() };
    const [first, second] = [await gatewayWith(shared), await gatewayWith(shared)];
    expect((await ask(first, 'citizen')).status).toBe(200);
    expect((await ask(second, 'citizen')).status).toBe(200);
    expect((await ask(first, 'citizen')).status).toBe(200);
    expect((await ask(second, 'citizen')).status).toBe(429);
  });

  it('shares the per-address count between gateway replicas through Redis', async () => {
    if (!(await redisReachable())) {
      console.warn(`Redis is not reachable at ${REDIS_URL}: the shared limit is not tested.`);
      return;
    }
    const shared = {
      points: 100,
      addressPoints: 2,
      windowSeconds: 60,
      redisUrl: REDIS_URL,
      keyPrefix: randomUUID(),
    };
    const [first, second] = [await gatewayWith(shared), await gatewayWith(shared)];
    expect((await fetch(`${first}/healthz`)).status).toBe(200);
    expect((await fetch(`${second}/healthz`)).status).toBe(200);
    expect((await fetch(`${first}/healthz`)).status).toBe(429);
  });
});
