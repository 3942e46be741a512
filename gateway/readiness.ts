const PROBE_TIMEOUT_MS = 2_000;

export interface ReadinessReport {
  ready: boolean;
  subgraphs: Record<string, 'ready' | 'unavailable'>;
}

/** Asks every subgraph's `/readyz` (which checks its database) and says which are missing. */
export async function readiness(subgraphUrls: Map<string, string>): Promise<ReadinessReport> {
  const entries = await Promise.all(
    [...subgraphUrls].map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/readyz', url), {
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        return [name, response.ok ? 'ready' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(entries);
  return { ready: entries.every(([, state]) => state === 'ready'), subgraphs };
}
