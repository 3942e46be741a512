export interface LoadOptions {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
}

/**
 * A closed-loop load: `connections` clients each send the next request as soon as the previous
 * answered, for a bounded time, against a local address only. Every latency is kept, so the
 * percentiles are exact rather than bucketed.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
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
      latencies.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  const elapsedSeconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Number(
      (
        latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0
      ).toFixed(1),
    );
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsedSeconds),
    latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
  };
}
