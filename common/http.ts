import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

import { config } from './config';

export interface Listening {
  url: string;
  port: number;
  /**
   * Stops taking connections and waits for the requests in flight to be answered (idle
   * keep-alive connections close at once); after `graceMs` the rest are cut.
   */
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  /**
   * Milliseconds a client gets to send its headers, and its whole request with the body
   * (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS); then Node answers 408 and closes. A
   * client that dribbles its request a byte at a time holds a connection no longer. The answer
   * takes as long as it takes: these count until the request has arrived.
   */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * Runs on every request before anything else sees it, OpenTelemetry's HTTP instrumentation
   * included (it wraps `Server.prototype.emit`; this wraps the server's own).
   */
  beforeRequest?: (request: IncomingMessage) => void;
}

const DEFAULT_GRACE_MS = 10_000;

/** How often Node looks for requests past their timeouts: a timeout holds to within this. */
const TIMEOUT_CHECK_MS = 1_000;

/** Starts an express app; port 0 picks a free port (tests run many servers side by side). */
export function listen(
  app: Express,
  port: number,
  host = '127.0.0.1',
  options: ListenOptions = {},
): Promise<Listening> {
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? config.HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    app,
  );
  const { beforeRequest } = options;
  if (beforeRequest) {
    const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
    server.emit = ((event: string, ...args: unknown[]) => {
      if (event === 'request') beforeRequest(args[0] as IncomingMessage);
      return emit(event, ...args);
    }) as typeof server.emit;
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: (graceMs = DEFAULT_GRACE_MS) =>
          new Promise<void>((done, fail) => {
            const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
            // A keep-alive connection turns idle once its last answer is sent: close it then.
            const sweep = setInterval(() => server.closeIdleConnections(), 50).unref();
            server.close((error) => {
              clearTimeout(cut);
              clearInterval(sweep);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
