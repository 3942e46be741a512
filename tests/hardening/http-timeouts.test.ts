import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { readConfig } from '../../common/config';
import {
  startGatewayOver,
  startTestStack,
  type GatewayUnderTest,
  type TestStack,
} from '../support/stack';

/*
 * A client that sends its request a byte at a time holds a connection (and the memory of a
 * half-read body) for as long as the server lets it. The gateway gives the headers and the whole
 * request a few seconds (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS), then closes; here a
 * gateway of its own with a second for the request shows it.
 */

/**
 * Opens a connection, writes `head` at once and then `dribble` one byte per `everyMs`, until the
 * server closes the connection or everything was sent; returns how many of the dribbled bytes
 * went out before the close, and what the server answered.
 */
async function dribble(url: string, head: string, dribbled: string, everyMs: number) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let answer = '';
  let closed = false;
  socket.on('data', (chunk) => {
    answer += chunk;
  });
  socket.on('close', () => {
    closed = true;
  });
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(head);
  let sent = 0;
  while (!closed && sent < dribbled.length) {
    await sleep(everyMs);
    if (closed) break;
    socket.write(dribbled[sent]);
    sent += 1;
  }
  // The answer, if any, to what was sent in full.
  for (let waited = 0; !closed && waited < 5_000; waited += 50) await sleep(50);
  socket.destroy();
  return { sent, answer };
}

describe('HTTP timeouts at the gateway', () => {
  let stack: TestStack;
  let gateway: GatewayUnderTest;
  beforeAll(async () => {
    stack = await startTestStack('small');
    gateway = await startGatewayOver(stack, {}, { requestTimeoutMs: 1_000, headersTimeoutMs: 500 });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  const body = JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(20) });

  it('closes a connection whose body dribbles in, before it is read', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    const { sent, answer } = await dribble(gateway.url, head, body, 200);
    expect(sent).toBeLessThan(body.length);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers dribble in', async () => {
    const headers = 'content-type: application/json\r\nx-purpose: MONITORING\r\n\r\n';
    const { sent, answer } = await dribble(
      gateway.url,
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      headers,
      200,
    );
    expect(sent).toBeLessThan(headers.length);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('gives the headers 5 s and the whole request 10 s by default, the headers never longer', () => {
    const defaults = readConfig({});
    expect(defaults.HTTP_HEADERS_TIMEOUT_MS).toBe(5_000);
    expect(defaults.HTTP_REQUEST_TIMEOUT_MS).toBe(10_000);
    expect(() => readConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS.*HTTP_REQUEST_TIMEOUT_MS/,
    );
  });
});
