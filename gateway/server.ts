import { randomUUID } from 'node:crypto';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';

import { systemCaller } from '../common/access/gateway-token';
import { config } from '../common/config';
import type { Database } from '../common/db/connection';
import { unexpectedErrorLog } from '../common/error-log';
import { maskUnexpectedError } from '../common/errors';
import { logger } from '../common/logger';
import { tagRequestSpan } from '../common/tracing/request-span';
import { createAuthenticator, type AuthOptions } from './auth';
import { dashboard } from './dashboard';
import { explorer } from './explorer';
import { queryLimits, tooComplexError } from './query-limits';
import { BODY_LIMIT, httpErrors } from './http-errors';
import { introspectionByRole } from './introspection';
import { MandateDirectory } from './mandates';
import { createRateLimit, type RateLimitOptions } from './rate-limit';
import { GatewayMetrics } from './metrics';
import { readiness } from './readiness';
import { readManifests, trustedDocuments, type TrustedDocumentsMode } from './trusted-documents';
import { SubgraphSource, type GatewayContext } from './subgraph-source';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface GatewayOptions {
  supergraphSdl: string;
  /** The mandate directory lives in the `access` schema of this database. */
  database: Database;
  /** Where each subgraph answers, by name; subgraphs not named keep the URL in the supergraph. */
  subgraphUrls?: Record<string, string>;
  auth?: Partial<AuthOptions>;
  sharedSecret?: string;
  /** Registered operations per application (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_DIR). */
  trustedDocuments?: {
    mode: TrustedDocumentsMode;
    manifests: Map<string, Map<string, string>>;
  };
  /** Whether introspection is answered (INTROSPECTION). */
  introspection?: boolean;
  /** Milliseconds a subgraph call may take (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
  /** Operations per organisation (RATE_LIMIT_POINTS per RATE_LIMIT_WINDOW_SECONDS, REDIS_URL). */
  rateLimit?: RateLimitOptions;
  /**
   * `false` forwards every request as the platform itself: no token, mandate, row filter or audit.
   * Only the benchmark sets it, in-process, to measure what access control costs; no
   * configuration reaches it.
   */
  accessControl?: boolean;
}

export interface Gateway {
  app: Express;
  /** From now on `/readyz` says 503, so a load balancer sends no new requests while they drain. */
  drain(): void;
  stop(): Promise<void>;
}

/**
 * The gateway as an express app (not listening): `POST /graphql`, the explorer at `GET /graphql`,
 * the dashboard at `/dashboard`, `/healthz`, `/readyz` and `/metrics`.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const sharedSecret = options.sharedSecret ?? config.SUBGRAPH_SHARED_SECRET;
  const authenticate = createAuthenticator({
    jwtSecret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ...options.auth,
  });
  const mandates = new MandateDirectory(options.database, config.MANDATE_CACHE_SECONDS);
  const rateLimit = await createRateLimit(
    options.rateLimit ?? {
      points: config.RATE_LIMIT_POINTS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: config.REDIS_URL,
    },
  );
  const subgraphUrls = new Map<string, string>();
  const metrics = new GatewayMetrics();

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: logger.child({ component: 'gateway' }),
    buildService: ({ name, url }) => {
      // Every subgraph of the supergraph SDL has a routing URL; SUBGRAPH_URL_<NAME> may move it.
      const resolvedUrl = options.subgraphUrls?.[name] ?? url!;
      subgraphUrls.set(name, resolvedUrl);
      return new SubgraphSource(
        name,
        resolvedUrl,
        sharedSecret,
        options.subgraphTimeoutMs ?? config.SUBGRAPH_TIMEOUT_MS,
        (subgraph, seconds, ok) => metrics.observeSubgraphCall(subgraph, seconds, ok),
      );
    },
  });
  const limits = queryLimits();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: logger.child({ component: 'gateway' }),
    includeStacktraceInErrorResponses: false,
    // The process drains and stops on SIGTERM itself (common/shutdown.ts); Apollo's own handler
    // would stop the server at once and send the signal again.
    stopOnTerminationSignals: false,
    // Operations are registered in manifests (trusted documents), never by a client at run time.
    persistedQueries: false,
    introspection: options.introspection ?? config.INTROSPECTION === 'true',
    formatError: (formatted) => tooComplexError(formatted) ?? maskUnexpectedError(formatted),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      unexpectedErrorLog({ component: 'gateway' }),
      metrics.plugin(),
      ...limits.plugins,
      introspectionByRole(),
      // The explorer is served from bundled files, never from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Every answer names the request id the gateway made, also one refused before GraphQL sees it.
  // A partner's own id (a plain token) is kept beside it, never in its place: the audit log
  // groups a consultation by the gateway's id, which the audited party cannot choose.
  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = randomUUID();
    res.locals.partnerRequestId = given && REQUEST_ID.test(given) ? given : null;
    res.setHeader('x-request-id', requestId);
    tagRequestSpan('gateway', requestId);
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ ready: false, draining: true });
      return;
    }
    const report = await readiness(subgraphUrls);
    res.status(report.ready ? 200 : 503).json(report);
  });
  // For the platform's Prometheus; keep it off the partners' ingress.
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const offerPersonas = !config.AUTH_JWKS_URL && config.NODE_ENV !== 'production';
  app.use(explorer({ offerPersonas }));
  app.use(dashboard({ offerPersonas }));
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    trustedDocuments(
      options.trustedDocuments?.mode ?? config.TRUSTED_DOCUMENTS,
      options.trustedDocuments?.manifests ?? readManifests(config.TRUSTED_DOCUMENTS_DIR),
    ),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.getHeader('x-request-id'));
        if (options.accessControl === false) return { requestId, caller: systemCaller(requestId) };
        const identity = await authenticate(req.header('authorization'));
        await rateLimit.consume(identity.org, (seconds) => {
          res.setHeader('retry-after', String(seconds));
        });
        const mandate = await mandates.decide(identity, req.header('x-purpose') || undefined);
        return {
          requestId,
          caller: {
            sub: identity.sub,
            role: identity.role,
            org: identity.org,
            application: identity.application,
            purpose: mandate.purpose,
            mandateId: mandate.mandateId,
            categories: mandate.categories,
            requestId,
            partnerRequestId: res.locals.partnerRequestId,
          },
        };
      },
    }),
  );
  app.use(httpErrors);
  return {
    app,
    drain: () => {
      draining = true;
    },
    stop: async () => {
      await apollo.stop();
      await rateLimit.close();
    },
  };
}
