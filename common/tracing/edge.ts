import type { IncomingMessage } from 'node:http';

/** The W3C trace context a caller may send along: the trace and its sampling, vendors' state. */
const TRACE_CONTEXT_HEADERS = ['traceparent', 'tracestate', 'baggage'];

/**
 * For the partners' listener: a partner's trace context goes no further than the edge. Its
 * sampled `traceparent` would force tracing (the sampler follows a remote parent), and its
 * `tracestate` and `baggage` would travel on into every subgraph. Without them each request
 * starts a trace of the gateway's own, sampled by TRACES_SAMPLE_RATIO; the partner's trace id is
 * not kept (the request ids join a partner's records to ours). Calls from the gateway to the
 * subgraphs keep theirs: only the partners' listener drops it.
 */
export function dropTraceContext(request: IncomingMessage): void {
  for (const header of TRACE_CONTEXT_HEADERS) delete request.headers[header];
}
