import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with the next requests. */
export type Fault =
  | { kind: 'none' }
  /** Nothing listens: connections are refused. */
  | { kind: 'down' }
  /** Answers, but only after `ms`. */
  | { kind: 'slow'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'invalid-json' };

export interface FaultProxy {
  url: string;
  set(fault: Fault): Promise<void>;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of one subgraph that fails on demand, for the fault matrix: the gateway
 * is pointed at it instead of the subgraph. `down` closes the port and `none` opens the same port
 * again, so recovery is tested against the address the gateway already knows.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let fault: Fault = { kind: 'none' };
  const pending = new Set<NodeJS.Timeout>();
  const server = http.createServer(async (req, res) => {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    if (fault.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('upstream exploded');
      return;
    }
    if (fault.kind === 'invalid-json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"_entities": [');
      return;
    }
    if (fault.kind === 'slow') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            pending.delete(timer);
            resolve();
          },
          fault.kind === 'slow' ? fault.ms : 0,
        );
        pending.add(timer);
      });
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'content-length'].includes(name)),
    ) as Record<string, string>;
    try {
      const answer = await fetch(new URL(req.url ?? '/', target), {
        method: req.method,
        headers,
        body: req.method === 'GET' ? undefined : body,
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.destroy();
    }
  });
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async set(next) {
      if (next.kind === 'down' && server.listening) await stopListening();
      if (next.kind !== 'down' && !server.listening) await listen(port);
      fault = next;
    },
    async close() {
      for (const timer of pending) clearTimeout(timer);
      if (server.listening) await stopListening();
    },
  };
}
