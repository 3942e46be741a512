import { listen, type ListenOptions } from '../common/http';
import { dropTraceContext } from '../common/tracing/edge';
import type { Gateway } from './server';

export interface GatewayListenOptions extends Omit<ListenOptions, 'beforeRequest'> {
  /** The partners' port (PORT). */
  port: number;
  /** Prometheus's port (METRICS_PORT); 0 picks a free one. */
  metricsPort: number;
  host?: string;
}

export interface ListeningGateway {
  /** The partners' base URL (`http://host:port`), without `/graphql`. */
  url: string;
  /** Where Prometheus scrapes: `http://host:metricsPort/metrics`. */
  metricsUrl: string;
  /** Stops the partners' listener (draining what is in flight within `graceMs`), then metrics. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves a gateway on two listeners: the partners' (GraphQL, explorer, dashboard, probes),
 * where a partner's trace context stops, and the platform's metrics on a port of their own, so
 * that what the ingress exposes shows no metrics.
 */
export async function listenGateway(
  gateway: Gateway,
  { port, metricsPort, host, ...timeouts }: GatewayListenOptions,
): Promise<ListeningGateway> {
  const partners = await listen(gateway.app, port, host, {
    ...timeouts,
    beforeRequest: dropTraceContext,
  });
  try {
    const metrics = await listen(gateway.metricsApp, metricsPort, host);
    return {
      url: partners.url,
      metricsUrl: `${metrics.url}/metrics`,
      async close(graceMs) {
        await partners.close(graceMs);
        await metrics.close(0);
      },
    };
  } catch (error) {
    await partners.close(0);
    throw error;
  }
}
