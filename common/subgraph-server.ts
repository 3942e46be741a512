import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { sql } from 'drizzle-orm';
import express from 'express';
import type { GraphQLSchema } from 'graphql';

import {
  CALLER_TOKEN_HEADER,
  CallerRefused,
  CallerVerifier,
  operationDigest,
  PEER_TOKEN_HEADER,
  platformCaller,
  type ForwardedCaller,
} from './access/gateway-token';
import { signingKeyOf, trustedKeys } from './access/keys';
import { auditWriterFor } from './access/audit';
import { RequestPolicy } from './access/policy';
import type { RowScope } from './access/rows';
import { today } from './clock';
import type { SubgraphContext } from './context';
import type { Database } from './db/connection';
import { isDatabaseUnreachable } from './db/unavailable';
import { unexpectedErrorLog } from './error-log';
import { domainError, ErrorCode, maskUnexpectedError } from './errors';
import { listen, type Listening } from './http';
import { logger } from './logger';
import { PeerDirectory, type PeerCredentials } from './peers';
import { tagRequestSpan } from './tracing/request-span';

/** What a subgraph folder exports: everything needed to build, serve and migrate it. */
export interface SubgraphModule<Loaders = unknown> {
  name: string;
  /** The subgraph's folder; its drizzle migrations live in `<folder>/migrations`. */
  folder: string;
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(db: Database, rows: RowScope): Loaders;
  /** The secrets the subgraph needs, read before it listens, so a missing one fails the start. */
  secrets?(): void;
}

export interface RunningSubgraph extends Listening {
  name: string;
}

export interface SubgraphServerOptions {
  /** Where the other subgraphs are; by default from `SUBGRAPH_URL_<NAME>`. */
  peers?: PeerDirectory;
  /**
   * Answers every request as the platform, verifying nothing. Only the benchmark's baseline sets
   * it, in code, to measure what access control costs; no configuration reaches it.
   */
  unrestricted?: boolean;
}

const AUDIT_FAILED =
  'The access log could not be written, so no personal data is returned. Try again later.';

/**
 * Writes the request's audit trail before the response leaves. If it cannot be written, the
 * data is withheld (DOMAIN A.2.6: fail closed).
 */
function auditPlugin(subgraph: string): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const { policy, db, caller } = contextValue;
          if (!policy || policy.audit.isEmpty || response.body.kind !== 'single') return;
          try {
            await auditWriterFor(db).write(
              policy.audit.entries(caller, subgraph, operationName ?? 'anonymous'),
            );
          } catch (error) {
            logger.error(
              { err: error, subgraph, requestId: caller.requestId },
              'audit write failed',
            );
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              { message: AUDIT_FAILED, extensions: { code: ErrorCode.INTERNAL } },
            ];
          }
        },
      };
    },
  };
}

/** Builds the Apollo server of a subgraph without listening (tests call `executeOperation`). */
export async function createSubgraphServer<Loaders>(
  module: SubgraphModule<Loaders>,
): Promise<ApolloServer<SubgraphContext<Loaders>>> {
  return new ApolloServer<SubgraphContext<Loaders>>({
    schema: await module.buildSchema(),
    logger: logger.child({ subgraph: module.name }),
    includeStacktraceInErrorResponses: false,
    // The process drains and stops on SIGTERM itself (common/shutdown.ts); Apollo's own handler
    // would stop the server at once and send the signal again.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      isDatabaseUnreachable(error)
        ? {
            message: `The ${module.name} subgraph cannot reach its database; retry later.`,
            path: formatted.path,
            extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: module.name },
          }
        : maskUnexpectedError(formatted),
    plugins: [
      unexpectedErrorLog({ subgraph: module.name }),
      auditPlugin(module.name) as ApolloServerPlugin<SubgraphContext<Loaders>>,
      // Traces are collected with OpenTelemetry, not with Apollo's usage-reporting format.
      ApolloServerPluginInlineTraceDisabled(),
      // No response is cached by hints, and the plugin wraps every field resolver to read them.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

export function contextFor<Loaders>(
  module: SubgraphModule<Loaders>,
  db: Database,
  caller: ForwardedCaller = platformCaller(),
  peers: PeerDirectory = new PeerDirectory(),
  peerCredentials?: PeerCredentials,
): SubgraphContext<Loaders> {
  const policy = new RequestPolicy(caller, db, today());
  return {
    requestId: caller.requestId,
    subgraph: module.name,
    caller,
    policy,
    db,
    loaders: module.createLoaders(db, policy.rows),
    peers,
    peerCredentials,
  };
}

const NOT_FROM_THE_GATEWAY =
  'This subgraph answers only the gateway: the gateway token is missing or invalid.';

/**
 * Serves a subgraph at `POST /graphql`. Only the gateway may call it, or a peer passing on the
 * gateway's caller: a request without a valid caller (unsigned, forged, expired, replayed, for
 * another subgraph or operation, or not a partner role) gets 401, `_entities` and `_service`
 * included, and the reason goes to the log.
 */
export async function listenSubgraph<Loaders>(
  module: SubgraphModule<Loaders>,
  db: Database,
  port: number,
  host?: string,
  options: SubgraphServerOptions = {},
): Promise<RunningSubgraph> {
  const peers = options.peers ?? new PeerDirectory();
  const ownKey = await signingKeyOf(module.name);
  module.secrets?.();
  const verifier = new CallerVerifier(module.name, trustedKeys());
  const server = await createSubgraphServer(module);
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        if (options.unrestricted) return contextFor(module, db, platformCaller(), peers);
        try {
          const { caller, callerToken } = await verifier.verify({
            callerToken: req.header(CALLER_TOKEN_HEADER),
            peerToken: req.header(PEER_TOKEN_HEADER),
            digest: operationDigest(req.body?.query, req.body?.variables),
          });
          tagRequestSpan(module.name, caller.requestId);
          return contextFor(module, db, caller, peers, { ownKey, callerToken });
        } catch (error) {
          if (!(error instanceof CallerRefused)) throw error;
          logger.warn(
            { subgraph: module.name, reason: error.message, requestId: req.header('x-request-id') },
            'caller refused',
          );
          throw domainError(ErrorCode.UNAUTHENTICATED, NOT_FROM_THE_GATEWAY);
        }
      },
    }),
  );
  const listening = await listen(app, port, host);
  return {
    ...listening,
    name: module.name,
    // Drain the requests in flight first; Apollo stops once nothing is left to answer.
    close: async (graceMs) => {
      await listening.close(graceMs);
      await server.stop();
    },
  };
}
