import { randomBytes } from 'node:crypto';

import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { startProductProcess, startTogether } from '../support/product-process';
import { postOperation, tokenFor } from '../support/stack';

/*
 * OpenTelemetry traces, through `npm start` in a process of its own exporting over OTLP/HTTP to
 * a receiver of the test's: one trace follows a partner's operation from the gateway into each
 * subgraph, carries no personal data, and is sent even when the process is stopped right after.
 * A partner's trace context (traceparent, tracestate, baggage) stops at the gateway: the
 * gateway's own sampler decides, in a trace of its own. Without OTEL_TRACES_EXPORTER nothing is
 * sent.
 */

const SUBGRAPHS = ['persons', 'indications', 'maatwerk', 'agreements'];

/** The demo citizen's own file, from all four subgraphs (agreements knows municipalities' names). */
const CITIZEN_FILE = `{
  person(id: "P-000001") {
    firstName
    residence { name }
    advices { type }
    placements { employer { name } }
  }
}`;

describe('tracing', () => {
  let receiver: OtlpReceiver;
  const partnerTrace = randomBytes(16).toString('hex');
  const partnerSpan = randomBytes(8).toString('hex');
  let answer: { requestId: string; body: any; token: string };
  /** The x-request-id of an operation a partner sent as part of a trace it did not sample. */
  let unsampledRequestId: string;
  let quietExports: number;
  const exitCodes: Record<string, number | null> = {};

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const exporting = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
      // Nothing leaves before the process is told to stop: the flush on the way out is tested too.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    };
    const [traced, quiet] = await startTogether([
      startProductProcess({
        ...exporting,
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_SERVICE_NAME: 'maatwerk-test',
      }),
      startProductProcess(exporting),
    ]);
    try {
      const token = await tokenFor('citizen');
      const [response] = await Promise.all([
        postOperation(traced.gatewayUrl, CITIZEN_FILE, {
          persona: 'citizen',
          headers: {
            traceparent: `00-${partnerTrace}-${partnerSpan}-01`,
            tracestate: 'partner=opaque-7',
            baggage: 'partner.user=alice',
          },
        }),
        postOperation(quiet.gatewayUrl, CITIZEN_FILE, { persona: 'citizen' }),
        fetch(traced.gatewayUrl.replace('/graphql', '/readyz')),
        // An operation may also travel in the URL. (Another one: this one's plan, made first,
        // would be cached for the POST, which then shows no planning.)
        fetch(
          `${traced.gatewayUrl}?query=${encodeURIComponent('{ person(id: "P-000001") { id } }')}`,
          {
            headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
          },
        ),
      ]);
      const unsampled = await postOperation(traced.gatewayUrl, '{ __typename }', {
        persona: 'citizen',
        headers: {
          traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
        },
      });
      unsampledRequestId = unsampled.headers.get('x-request-id')!;
      answer = {
        requestId: response.headers.get('x-request-id')!,
        body: response.body,
        token,
      };
    } finally {
      exitCodes.quiet = await quiet.stop();
      quietExports = receiver.spans.length;
      exitCodes.traced = await traced.stop();
    }
  }, 120_000);
  afterAll(() => receiver?.close());

  const byId = () => new Map(receiver.spans.map((span) => [span.spanId, span]));
  /** The gateway's span of the request answered with this x-request-id. */
  const gatewayRequestOf = (requestId: string) =>
    receiver.spans.find(
      (span) =>
        span.kind === 'SERVER' &&
        span.attributes['maatwerk.component'] === 'gateway' &&
        span.attributes['maatwerk.request_id'] === requestId,
    );

  it('follows an operation through the gateway into every subgraph it asks', () => {
    expect(answer.body.errors).toBeUndefined();
    const gatewayRequest = gatewayRequestOf(answer.requestId);
    expect(gatewayRequest).toMatchObject({ resource: { 'service.name': 'maatwerk-test' } });
    const spans = receiver.spans.filter((span) => span.traceId === gatewayRequest!.traceId);
    expect(spans.map((span) => span.name)).toEqual(
      expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']),
    );
    const spansById = byId();
    for (const subgraph of SUBGRAPHS) {
      const served = spans.find(
        (span) => span.kind === 'SERVER' && span.attributes['maatwerk.component'] === subgraph,
      );
      expect(served?.attributes['maatwerk.request_id']).toBe(answer.requestId);
      // Called by the gateway's fetch for that subgraph, which runs under the partner's request.
      const ancestors = ancestorsOf(served!, spansById);
      expect(ancestors[0].kind).toBe('CLIENT');
      expect(ancestors.map((span) => span.name)).toContain('gateway.fetch');
      expect(ancestors.at(-1)).toBe(gatewayRequest);
    }
    // Inside a subgraph: GraphQL execution and the dataloader batches that run its SQL.
    expect(spans.map((span) => span.name)).toEqual(
      expect.arrayContaining(['graphql.parse', 'graphql.validate', 'dataloader.batch']),
    );
  });

  it("starts a trace of the gateway's own, whatever trace context the partner sends", () => {
    // The partner's sampled traceparent is neither the parent nor the trace.
    expect(receiver.spans.filter((span) => span.traceId === partnerTrace)).toEqual([]);
    expect(gatewayRequestOf(answer.requestId)?.parentSpanId).toBeUndefined();
    // Its tracestate reached no span, in the gateway or in a subgraph.
    expect(receiver.spans.filter((span) => span.traceState.includes('partner'))).toEqual([]);
    // A partner that did not sample its trace does not turn the gateway's sampling off.
    expect(gatewayRequestOf(unsampledRequestId)).toBeDefined();
  });

  it('keeps personal data and credentials out of every span', () => {
    const exported = JSON.stringify(receiver.spans);
    const person = answer.body.data.person;
    for (const secret of [
      'P-000001',
      'alice',
      person.firstName,
      person.residence.name,
      person.placements[0].employer.name,
      answer.token,
    ]) {
      expect(exported).not.toContain(secret);
    }
    // The operation's shape stays, for finding slow ones; its literal values do not.
    expect(exported).toContain('person(id:\\"*\\")');
    expect(receiver.spans).toContainEqual(
      expect.objectContaining({
        kind: 'SERVER',
        attributes: expect.objectContaining({ 'url.query': 'query=REDACTED' }),
      }),
    );
  });

  it('starts traces with partner requests only: no probes, no start-up work', () => {
    const spansById = byId();
    const roots = receiver.spans.filter(
      (span) => !span.parentSpanId || !spansById.has(span.parentSpanId),
    );
    expect(roots.length).toBeGreaterThanOrEqual(2);
    for (const root of roots) {
      expect(root).toMatchObject({ kind: 'SERVER', attributes: { 'url.path': '/graphql' } });
    }
  });

  it('stops cleanly, after sending what it still held', () => {
    expect(exitCodes).toEqual({ quiet: 0, traced: 0 });
  });

  it('sends nothing unless OTEL_TRACES_EXPORTER names an exporter', () => {
    expect(quietExports).toBe(0);
    expect(new Set(receiver.spans.map((span) => span.resource['service.name']))).toEqual(
      new Set(['maatwerk-test']),
    );
  });
});

/** From the span's parent up to the root, as far as the spans received reach. */
function ancestorsOf(span: ReceivedSpan, spansById: Map<string, ReceivedSpan>): ReceivedSpan[] {
  const ancestors: ReceivedSpan[] = [];
  for (
    let parent = spansById.get(span.parentSpanId ?? '');
    parent;
    parent = spansById.get(parent.parentSpanId ?? '')
  ) {
    ancestors.push(parent);
  }
  return ancestors;
}
