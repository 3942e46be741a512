import { randomUUID } from 'node:crypto';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler, type Response } from 'express';
import { GraphQLError } from 'graphql';

import { platformCaller } from '../common/access/gateway-token';
import { GATEWAY, partnerTokenSecret, signingKeyOf } from '../common/access/keys';
import { config } from '../common/config';
import type { Database } from '../common/db/connection';
import { unexpectedErrorLog } from '../common/error-log';
import { ErrorCode, maskUnexpectedError } from '../common/errors';
import { logger } from '../common/logger';
import { tagRequestSpan } from '../common/tracing/request-span';
import { createAuthenticator, type AuthOptions } from './auth';
import { dashboard } from './dashboard';
import { explorer } from './explorer';
import { operationChecks } from './operation-checks';
import { queryLimits, tooComplexError, withoutSuggestions } from './query-limits';
import { BODY_LIMIT, errorBody, httpErrors } from './http-errors';
import { introspectionByRole } from './introspection';
import { MandateDirectory } from '../common/access/mandates';
import { mandateRefusals, type RefusedContext } from './mandate-refusal';
import { today } from '../common/clock';
import { createRateLimit, type RateLimitOptions } from './rate-limit';
import { GatewayMetrics } from './metrics';
import { readiness } from './readiness';
import { securityHeaders } from './security-headers';
import {
  readManifests,
  registeredOperationNames,
  trustedDocuments,
  type TrustedDocumentsMode,
} from './trusted-documents';
import { SubgraphSource, type GatewayContext } from './subgraph-source';

/** A partner's own request id is kept when it is a plain token, never as the gateway's id. */
const PARTNER_REQUEST_ID = /^[\w.:-]{1,128}$/;

const isForbidden = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && error.extensions.code === ErrorCode.FORBIDDEN;

export interface GatewayOptions {
  supergraphSdl: string;
  /** The mandate directory lives in the `access` schema of this database. */
  database: Database;
  /** Where each subgraph answers, by name; subgraphs not named keep the URL in the supergraph. */
  subgraphUrls?: Record<string, string>;
  auth?: Partial<AuthOptions>;
  /** Registered operations per application (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_DIR). */
  trustedDocuments?: {
    mode: TrustedDocumentsMode;
    manifests: Map<string, Map<string, string>>;
  };
  /** Whether introspection is answered (INTROSPECTION). */
  introspection?: boolean;
  /** Milliseconds a subgraph call may take (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
  /**
   * Operations per organisation and per user, requests without a valid token and probes per
   * address (RATE_LIMIT_*, REDIS_URL).
   */
  rateLimit?: RateLimitOptions;
  /**
   * `false` forwards every request as the platform itself: no token, mandate, row filter or audit.
   * Only the benchmark sets it, in-process, to measure what access control costs; no
   * configuration reaches it.
   */
  accessControl?: boolean;
}

export interface Gateway {
  /** What partners reach: GraphQL, the explorer, the dashboard and the probes. */
  app: Express;
  /** `GET /metrics` for the platform's Prometheus, served on a listener of its own. */
  metricsApp: Express;
  /** From now on `/readyz` says 503, so a load balancer sends no new requests while they drain. */
  drain(): void;
  stop(): Promise<void>;
}

/**
 * The gateway as express apps (not listening; see listen.ts): `POST /graphql`, the explorer at
 * `GET /graphql`, the dashboard at `/dashboard`, `/healthz` and `/readyz` for partners, and
 * `/metrics` apart.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const accessControl = options.accessControl !== false;
  const signing = accessControl ? await signingKeyOf(GATEWAY) : undefined;
  const authenticate = createAuthenticator({
    jwtSecret: config.AUTH_JWKS_URL ? '' : partnerTokenSecret(),
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    maxTokenAgeSeconds: config.AUTH_MAX_TOKEN_AGE,
    ...options.auth,
  });
  const mandates = new MandateDirectory(options.database, config.MANDATE_CACHE_SECONDS, today);
  const rateLimit = await createRateLimit(
    options.rateLimit ?? {
      points: config.RATE_LIMIT_POINTS,
      userPoints: config.RATE_LIMIT_USER_POINTS,
      addressPoints: config.RATE_LIMIT_ADDRESS_POINTS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: config.REDIS_URL,
    },
  );
  const subgraphUrls = new Map<string, string>();
  const manifests =
    options.trustedDocuments?.manifests ?? readManifests(config.TRUSTED_DOCUMENTS_DIR);
  const metrics = new GatewayMetrics(registeredOperationNames(manifests));

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
        signing,
        options.subgraphTimeoutMs ?? config.SUBGRAPH_TIMEOUT_MS,
        (subgraph, seconds, ok) => metrics.observeSubgraphCall(subgraph, seconds, ok),
      );
    },
  });
  const limits = queryLimits();
  const apollo = new ApolloServer<RefusedContext>({
    gateway,
    logger: logger.child({ component: 'gateway' }),
    includeStacktraceInErrorResponses: false,
    // The process drains and stops on SIGTERM itself (common/shutdown.ts); Apollo's own handler
    // would stop the server at once and send the signal again.
    stopOnTerminationSignals: false,
    // Operations are registered in manifests (trusted documents), never by a client at run time.
    persistedQueries: false,
    introspection: options.introspection ?? config.INTROSPECTION === 'true',
    formatError: (formatted) =>
      withoutSuggestions(tooComplexError(formatted) ?? maskUnexpectedError(formatted)),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      unexpectedErrorLog({ component: 'gateway' }),
      metrics.plugin(),
      mandateRefusals(options.database),
      ...limits.plugins,
      operationChecks(),
      introspectionByRole(),
      // The explorer is served from bundled files, never from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // The client's address (req.ip) as the proxies in front report it, TRUST_PROXY hops deep.
  app.set('trust proxy', config.TRUST_PROXY);
  const retryAfterHeader = (res: Response) => (seconds: number) => {
    res.setHeader('retry-after', String(seconds));
  };
  /** Probes cost their address a point (RATE_LIMIT_ADDRESS_POINTS), as tokenless requests do. */
  const countAddress: RequestHandler = (req, res, next) => {
    rateLimit.consumeAddress(req.ip ?? 'unknown', retryAfterHeader(res)).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof GraphQLError)) return next(refusal);
        res.status(429).json(errorBody(ErrorCode.RATE_LIMITED, refusal.message));
      },
    );
  };
  // Every answer names its request id, also one refused before GraphQL sees it. The gateway
  // always makes its own: logs and the audit log group by it, and a partner that chose it could
  // merge its reads into another's. A partner's own plain id is answered beside it.
  app.use((req, res, next) => {
    const requestId = randomUUID();
    const given = req.header('x-request-id');
    const partnerRequestId = given && PARTNER_REQUEST_ID.test(given) ? given : null;
    res.locals.requestId = requestId;
    res.locals.partnerRequestId = partnerRequestId;
    res.setHeader('x-request-id', requestId);
    if (partnerRequestId) res.setHeader('x-partner-request-id', partnerRequestId);
    tagRequestSpan('gateway', requestId);
    next();
  });
  app.get('/healthz', countAddress, (_req, res) => {
    res.json({ status: 'ok' });
  });
  let draining = false;
  app.get('/readyz', countAddress, async (_req, res) => {
    if (draining) {
      res.status(503).json({ ready: false, draining: true });
      return;
    }
    const report = await readiness(subgraphUrls);
    res.status(report.ready ? 200 : 503).json(report);
  });
  const offerPersonas = !config.AUTH_JWKS_URL && config.NODE_ENV !== 'production';
  app.use(explorer({ offerPersonas }));
  app.use(dashboard({ offerPersonas }));
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    trustedDocuments(options.trustedDocuments?.mode ?? config.TRUSTED_DOCUMENTS, manifests),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const { requestId, partnerRequestId } = res.locals as Pick<
          GatewayContext,
          'requestId' | 'partnerRequestId'
        >;
        if (!accessControl) {
          return { requestId, partnerRequestId, caller: platformCaller(requestId) };
        }
        const identity = await authenticate(req.header('authorization'), requestId).catch(
          async (refusal: unknown) => {
            // Refused requests cost their address, so that guessing tokens costs too.
            await rateLimit.consumeAddress(req.ip ?? 'unknown', retryAfterHeader(res));
            throw refusal;
          },
        );
        await rateLimit.consumeCaller(identity, retryAfterHeader(res));
        const declaredPurpose = req.header('x-purpose') || undefined;
        // A refusal is answered once the operation is known, so what it asked for is audited.
        const decided = await mandates.decide(identity, declaredPurpose).then(
          (mandate) => ({ mandate, refusal: undefined }),
          (refusal: unknown) => {
            if (!isForbidden(refusal)) throw refusal;
            return { mandate: undefined, refusal };
          },
        );
        return {
          requestId,
          partnerRequestId,
          refusal: decided.refusal,
          caller: {
            sub: identity.sub,
            role: identity.role,
            org: identity.org,
            application: identity.application,
            purpose: decided.mandate?.purpose ?? declaredPurpose ?? null,
            mandateId: decided.mandate?.mandateId ?? null,
            categories: decided.mandate?.categories ?? [],
            requestId,
            partnerRequestId,
          },
        };
      },
    }),
  );
  app.use(httpErrors);

  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  metricsApp.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return {
    app,
    metricsApp,
    drain: () => {
      draining = true;
    },
    stop: async () => {
      await apollo.stop();
      await rateLimit.close();
    },
  };
}
