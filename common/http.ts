import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

export interface Listening {
  url: string;
  port: number;
  /**
   * Stops taking connections and waits for the requests in flight to be answered (idle
   * keep-alive connections close at once); after `graceMs` the rest are cut.
   */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_GRACE_MS = 10_000;

/** Starts an express app; port 0 picks a free port (tests run many servers side by side). */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
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
