import { SpanKind } from '@opentelemetry/api';
import { DataloaderInstrumentation } from '@opentelemetry/instrumentation-dataloader';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

import { version } from '../../package.json';
import type { Config } from '../config';

type Exporter = Exclude<Config['OTEL_TRACES_EXPORTER'], 'none'>;

/** Probes answer every few seconds and say nothing about a partner's request. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * An operation may travel in the URL (`GET /graphql?query=…`) with a person's id as a literal:
 * traces keep the path and drop these values.
 */
const GRAPHQL_QUERY_PARAMETERS = ['query', 'variables', 'extensions', 'operationName'];

/**
 * Sends this process's spans to `exporter` and traces what the gateway and subgraphs do between
 * them: HTTP in and out (W3C trace context travels with every subgraph call), GraphQL parse,
 * validate and execute, and dataloader batches (where the SQL runs). @apollo/gateway adds its
 * own spans (plan, fetch per subgraph). The OTLP exporter reads the standard
 * `OTEL_EXPORTER_OTLP_*` variables; the service is named by `OTEL_SERVICE_NAME`.
 */
export function startTracing(exporter: Exporter, sampleRatio: number): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    // A subgraph follows the decision of the gateway that calls it; a partner's never gets this
    // far: the partners' listener drops its trace context (edge.ts).
    sampler: new ParentBasedSampler({ root: new RequestSampler(sampleRatio) }),
    resource: resourceFromAttributes({
      'service.name': 'maatwerk',
      'service.version': version,
    }).merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(spanExporter(exporter))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        redactedQueryParamsServer: GRAPHQL_QUERY_PARAMETERS,
      }),
      new UndiciInstrumentation(),
      // Literal values in an operation's text are replaced by `*`; variables are not recorded.
      // A span per resolver would outnumber the rest; a dataloader batch shows where SQL waits.
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
      new DataloaderInstrumentation({ requireParentSpan: true }),
    ],
  });
  return provider;
}

function spanExporter(exporter: Exporter): SpanExporter {
  return exporter === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter();
}

/**
 * A trace starts only with a request that arrives over HTTP, `ratio` of them: building the
 * schemas at start parses hundreds of documents, which are no partner's request.
 */
class RequestSampler implements Sampler {
  private readonly requests: Sampler;

  constructor(ratio: number) {
    this.requests = new TraceIdRatioBasedSampler(ratio);
  }

  shouldSample(...args: Parameters<Sampler['shouldSample']>) {
    const [, , , kind] = args;
    return kind === SpanKind.SERVER
      ? this.requests.shouldSample(...args)
      : { decision: SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return `RequestSampler{${this.requests.toString()}}`;
  }
}
