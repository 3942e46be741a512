import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import type { GatewayContext } from './subgraph-source';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus metrics, served at `GET /metrics` on their own port: operations by name and outcome
 * with their latency, errors by code, and every subgraph call by subgraph and outcome with its
 * latency, beside Node's own process metrics. A registry per gateway, so two gateways in one
 * process (tests) count apart.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations = new Counter({
    name: 'maatwerk_gateway_operations_total',
    help: 'GraphQL operations answered, by operation name and outcome (ok, or error).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'maatwerk_gateway_operation_duration_seconds',
    help: 'Time from receiving an operation to sending its answer.',
    labelNames: ['operation'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'maatwerk_gateway_errors_total',
    help: 'Errors in answers, by code (QUERY_TOO_COMPLEX, SUBGRAPH_UNAVAILABLE, INTERNAL, …).',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly subgraphCalls = new Histogram({
    name: 'maatwerk_gateway_subgraph_call_duration_seconds',
    help: 'Calls from the gateway to a subgraph, by subgraph and outcome (ok, or failed).',
    labelNames: ['subgraph', 'outcome'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  /**
   * Operation names come from partners, so only registered ones (the trusted-documents
   * manifests, which hold the product's own operations too) label a series; any other name is
   * `unregistered`, an operation without one `anonymous`. The label set stays closed whatever
   * names partners send.
   */
  constructor(private readonly registeredNames: ReadonlySet<string>) {
    collectDefaultMetrics({ register: this.registry });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.registeredNames.has(name) ? name : 'unregistered';
  }

  observeSubgraphCall(subgraph: string, seconds: number, ok: boolean): void {
    this.subgraphCalls.observe({ subgraph, outcome: ok ? 'ok' : 'failed' }, seconds);
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ response, operationName }) => {
            const operation = this.operationLabel(operationName);
            // As the partner reads them: after formatError gave each its code.
            const failures =
              (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ??
              [];
            for (const error of failures) {
              this.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL') });
            }
            this.operations.inc({ operation, outcome: failures.length ? 'error' : 'ok' });
            this.duration.observe({ operation }, (performance.now() - started) / 1000);
          },
        };
      },
    };
  }
}
