export interface LoadOptions {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}

/** What one or more load rounds observed: every latency, so percentiles are exact. */
export interface LoadSample {
  latenciesMs: number[];
  errors: number;
  elapsedMs: number;
  /** CPU time the served process spent meanwhile, when the caller measured it. */
  serverCpuMs?: number;
}

export interface LoadSummary {
  requests: number;
  errors: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** The server's CPU time per request: what one operation costs, apart from waiting. */
  serverCpuMsPerRequest?: number;
}

/**
 * A closed-loop load: `connections` clients each send the next request as soon as the previous
 * answered, for a bounded time, against a local address only.
 */
export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: options.body,
        });
        const payload = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || payload.errors) errors += 1;
      } catch {
        errors += 1;
      }
      latenciesMs.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  return { latenciesMs, errors, elapsedMs: performance.now() - began };
}

/** Throughput and exact percentiles over all the rounds of one configuration. */
export function summarize(samples: LoadSample[]): LoadSummary {
  const latencies = samples.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
  const elapsedSeconds = samples.reduce((total, sample) => total + sample.elapsedMs, 0) / 1000;
  const percentile = (p: number) =>
    Number(
      (
        latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0
      ).toFixed(1),
    );
  return {
    requests: latencies.length,
    errors: samples.reduce((total, sample) => total + sample.errors, 0),
    rps: Math.round(latencies.length / elapsedSeconds),
    latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
    ...(samples.every((sample) => sample.serverCpuMs !== undefined) && {
      serverCpuMsPerRequest: Number(
        (
          samples.reduce((total, sample) => total + sample.serverCpuMs!, 0) / latencies.length
        ).toFixed(2),
      ),
    }),
  };
}
