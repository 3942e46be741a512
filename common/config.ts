import { z } from 'zod';

/**
 * The environment, parsed once. Every entry point reads configuration from here so that a typo in
 * a variable fails at start instead of at the first request.
 */

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A duration in seconds, written as seconds (`3600`) or with a unit (`90m`, `12h`, `1d`). */
const duration = z
  .string()
  .regex(/^\d+[smhd]?$/, 'a duration such as 3600 (seconds), 90m, 12h or 1d')
  .transform((text) => {
    const unit = text.at(-1) as keyof typeof SECONDS_PER_UNIT;
    return unit in SECONDS_PER_UNIT
      ? Number(text.slice(0, -1)) * SECONDS_PER_UNIT[unit]
      : Number(text);
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The gateway's Prometheus metrics, on a listener of their own: not on the partners' port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
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
  /**
   * HS256 secret for partner tokens in development (made at first start in KEYS_DIR when unset);
   * production verifies against AUTH_JWKS_URL.
   */
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().default('maatwerk-dev-issuer'),
  AUTH_AUDIENCE: z.string().default('maatwerk-gateway'),
  /**
   * This component's ES256 private key (a JWK whose `kid` is the component: `gateway`, `persons`,
   * …): the gateway's signs partner callers, a subgraph's its peer calls. Required in production.
   */
  SIGNING_KEY: z.string().optional(),
  /** The public keys of the platform (a JWKS, `kid` per component), for the subgraphs. */
  TRUSTED_KEYS: z.string().optional(),
  /** Where development makes its keys at first start (never in production). */
  KEYS_DIR: z.string().default('.data/keys'),
  /**
   * The platform secret the candidate pool's pseudonyms are keyed with (an HMAC key, at least 32
   * characters): a pseudonym cannot be turned back into a person id without it. Required in
   * production; development makes one at first start in KEYS_DIR.
   */
  PSEUDONYM_KEY: z.string().min(32).optional(),
  /** Every candidate profile an employer sees is shared by at least this many pool members. */
  CANDIDATE_K_ANONYMITY: z.coerce.number().int().min(2).default(5),
  /**
   * How long after it was issued (`iat`) a partner token is accepted, whatever its `exp`: a
   * leaked long-lived token stops working. The demo tokens live 8 h.
   */
  AUTH_MAX_TOKEN_AGE: duration.default(12 * 3600),
  /**
   * Days an employer keeps a person's file after the match closes: after the placement ends, or
   * after the hire (the placement then holds it). Applies to the facts recorded from then on.
   */
  EMPLOYER_ACCESS_AFTER_END_DAYS: z.coerce.number().int().min(0).default(90),
  /** Seconds a connection's `totalCount` is reused for the same list, filters and scope. */
  COUNT_CACHE_SECONDS: z.coerce.number().min(0).default(10),
  /** Seconds a period's figures are reused before they are counted again (their `asOf`). */
  STATISTICS_CACHE_SECONDS: z.coerce.number().min(0).default(60),
  /** Operations per organisation and window at the gateway (0: no limit); RATE_LIMITED beyond. */
  RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(6000),
  /** Operations per user (organisation and `sub`) and window, inside the organisation's (0: none). */
  RATE_LIMIT_USER_POINTS: z.coerce.number().int().min(0).default(1500),
  /** Requests without a valid token, and probes, per client address and window (0: no limit). */
  RATE_LIMIT_ADDRESS_POINTS: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /**
   * How many proxies in front of the gateway (an ingress, a load balancer) to trust for the
   * client's address in X-Forwarded-For; 0 takes the connection's own address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Shares the rate limit between gateway replicas; without it each replica counts alone. */
  REDIS_URL: z.string().url().optional(),
  /**
   * Milliseconds a client gets to send its headers, and its whole request (the largest body,
   * 100 kB, takes well under a second on a slow line); then 408 and the connection closes.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
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
  /** Limits on an operation's shape and size; beyond them: QUERY_TOO_COMPLEX. */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(60),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(1).default(4000),
  /** GraphQL Armor's cost (depth-weighted fields, connections by their `first`), variables applied. */
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(100000),
  /**
   * Objects one answer may hold, estimated from the operation with its variables: a connection's
   * edges by `first`, other lists 10 entries each. A caseload page of 500 with its advices,
   * referrals and placements is about 28,000.
   */
  QUERY_MAX_NODES: z.coerce.number().int().min(1).default(50000),
  /**
   * Where OpenTelemetry traces go: `otlp` (to OTEL_EXPORTER_OTLP_ENDPOINT), `console`, or nowhere.
   */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /**
   * The share of partner requests traced. A partner's own trace context is dropped at the edge
   * (common/tracing/edge.ts): its sampling decides nothing.
   */
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
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    throw new Error(
      'Invalid environment: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  values.INTROSPECTION ??= values.NODE_ENV === 'production' ? 'false' : 'true';
  if (values.NODE_ENV === 'production') {
    if (!values.AUTH_JWKS_URL)
      throw new Error('Invalid environment: set AUTH_JWKS_URL in production');
    // The keys that decide who a partner is must not be open to a man in the middle.
    if (new URL(values.AUTH_JWKS_URL).protocol !== 'https:') {
      throw new Error('Invalid environment: AUTH_JWKS_URL must be an https URL in production');
    }
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
