import { z } from 'zod';

/**
 * The environment, parsed once. Every entry point reads configuration from here so that a typo in
 * a variable fails at start instead of at the first request.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-change-me-0123456789';
export const DEVELOPMENT_SUBGRAPH_SECRET = 'development-only-subgraph-secret-change-me-012345';

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** Off behind a pooler in transaction mode (PgBouncer): it cannot keep named statements. */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  SEED: z.coerce.number().int().default(20240101),
  SEED_SCALE: z.enum(['small', 'demo', 'large']).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONNECTION_FIRST_MAX: z.coerce.number().int().min(1).default(500),
  /** HS256 secret for partner tokens in development; production verifies against AUTH_JWKS_URL. */
  AUTH_JWT_SECRET: z.string().min(32).default(DEVELOPMENT_JWT_SECRET),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().default('maatwerk-dev-issuer'),
  AUTH_AUDIENCE: z.string().default('maatwerk-gateway'),
  /** Signs the caller context the gateway forwards; subgraphs refuse requests without it. */
  SUBGRAPH_SHARED_SECRET: z.string().min(32).default(DEVELOPMENT_SUBGRAPH_SECRET),
  /** Seconds a connection's `totalCount` is reused for the same list, filters and scope. */
  COUNT_CACHE_SECONDS: z.coerce.number().min(0).default(10),
  /** Seconds a period's figures are reused before they are counted again (their `asOf`). */
  STATISTICS_CACHE_SECONDS: z.coerce.number().min(0).default(60),
  /** Operations per organisation and window at the gateway (0: no limit); RATE_LIMITED beyond. */
  RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(6000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Shares the rate limit between gateway replicas; without it each replica counts alone. */
  REDIS_URL: z.string().url().optional(),
  /** Milliseconds a stopping process waits for the requests in flight before it cuts them. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Milliseconds the gateway waits for a subgraph before answering SUBGRAPH_UNAVAILABLE. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /**
   * Whether the gateway answers introspection (cut down to the caller's role). Off by default in
   * production, where partners work from the published SDL.
   */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /**
   * Trusted documents: `enforce` runs only operations registered in the caller application's
   * manifest (by hash), `allow` also resolves registered hashes, `off` ignores the manifests.
   */
  TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'enforce']).default('off'),
  TRUSTED_DOCUMENTS_DIR: z.string().default('trusted-documents'),
  /** Limits on an operation's shape (GraphQL Armor); beyond them: QUERY_TOO_COMPLEX. */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(60),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(1).default(4000),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(100000),
  /**
   * Where OpenTelemetry traces go: `otlp` (to OTEL_EXPORTER_OTLP_ENDPOINT), `console`, or nowhere.
   */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /** The share of partner requests traced (a request that brings a sampled traceparent always is). */
  TRACES_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
  /** Seconds the gateway caches the mandate directory. */
  MANDATE_CACHE_SECONDS: z.coerce.number().min(0).default(30),
  /**
   * "Today" for every rule that depends on the date (common/clock.ts), as an ISO date; unset, the
   * date in Belgium. For demonstrations and tests that need a fixed day.
   */
  TODAY: z.iso.date().optional(),
  /** Years the audit log is kept (DOMAIN A.2.6; the Flemish norm is 10), then dropped by month. */
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(1).default(10),
  /**
   * Whether a component migrates the database at start. Off where components connect with their
   * own database roles (production): the migrator's job migrates instead.
   */
  MIGRATE_AT_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export type Config = z.infer<typeof environmentSchema>;

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  values.INTROSPECTION ??= values.NODE_ENV === 'production' ? 'false' : 'true';
  if (values.NODE_ENV === 'production') {
    // Development defaults are public (they are in this file): production must bring its own.
    if (values.SUBGRAPH_SHARED_SECRET === DEVELOPMENT_SUBGRAPH_SECRET) {
      throw new Error('Invalid environment: set SUBGRAPH_SHARED_SECRET in production');
    }
    if (!values.AUTH_JWKS_URL)
      throw new Error('Invalid environment: set AUTH_JWKS_URL in production');
  }
  return values;
}

export const config = readConfig();

const SUBGRAPH_URL = /^SUBGRAPH_URL_([A-Z]+)$/;

/**
 * Where each subgraph runs when they run apart, from `SUBGRAPH_URL_<NAME>` (e.g.
 * SUBGRAPH_URL_PERSONS), keyed by the subgraph's name (`persons`).
 */
export function subgraphUrlsFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).flatMap(([key, url]) => {
      const name = SUBGRAPH_URL.exec(key)?.[1];
      return name && url ? [[name.toLowerCase(), url]] : [];
    }),
  );
}
