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
  GATEWAY_TOKEN_HEADER,
  operationDigest,
  systemCaller,
  verifyGatewayToken,
  type ForwardedCaller,
} from './access/gateway-token';
import { auditWriterFor } from './access/audit';
import { RequestAccess } from './access/request-access';
import { scopeFor, type AccessScope } from './access/scope';
import { config } from './config';
import type { SubgraphContext } from './context';
import type { Database } from './db/connection';
import { isDatabaseUnreachable } from './db/unavailable';
import { unexpectedErrorLog } from './error-log';
import { domainError, ErrorCode, maskUnexpectedError } from './errors';
import { listen, type Listening } from './http';
import { logger } from './logger';
import { PeerDirectory } from './peers';
import { tagRequestSpan } from './tracing/request-span';

/** What a subgraph folder exports: everything needed to build, serve and migrate it. */
export interface SubgraphModule<Loaders = unknown> {
  name: string;
  /** The subgraph's folder; its drizzle migrations live in `<folder>/migrations`. */
  folder: string;
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(db: Database, scope: AccessScope): Loaders;
}

export interface RunningSubgraph extends Listening {
  name: string;
}

export interface SubgraphServerOptions {
  /** Verifies the forwarded caller; tests of one subgraph pass their own. */
  sharedSecret?: string;
  /** Where the other subgraphs are; by default from `SUBGRAPH_URL_<NAME>`. */
  peers?: PeerDirectory;
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
          const { access, db, caller } = contextValue;
          if (!access || access.audit.isEmpty || response.body.kind !== 'single') return;
          try {
            await auditWriterFor(db).write(
              access.audit.entries(caller, subgraph, operationName ?? 'anonymous'),
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
  caller: ForwardedCaller = systemCaller(),
  peers: PeerDirectory = new PeerDirectory(),
): SubgraphContext<Loaders> {
  const scope = scopeFor(caller);
  return {
    requestId: caller.requestId,
    subgraph: module.name,
    caller,
    scope,
    access: new RequestAccess(caller, db),
    db,
    loaders: module.createLoaders(db, scope),
    peers,
  };
}

/**
 * Serves a subgraph at `POST /graphql`. Only the gateway may call it: a request without a valid
 * gateway token (forged, expired, or signed for another operation) gets 401, `_entities` and
 * `_service` included.
 */
export async function listenSubgraph<Loaders>(
  module: SubgraphModule<Loaders>,
  db: Database,
  port: number,
  host?: string,
  options: SubgraphServerOptions = {},
): Promise<RunningSubgraph> {
  const sharedSecret = options.sharedSecret ?? config.SUBGRAPH_SHARED_SECRET;
  const peers = options.peers ?? new PeerDirectory();
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
        const digest = operationDigest(req.body?.query, req.body?.variables);
        const caller = await verifyGatewayToken(
          req.header(GATEWAY_TOKEN_HEADER),
          digest,
          sharedSecret,
        );
        if (!caller) {
          throw domainError(
            ErrorCode.UNAUTHENTICATED,
            'This subgraph answers only the gateway: the gateway token is missing or invalid.',
          );
        }
        tagRequestSpan(module.name, caller.requestId);
        return contextFor(module, db, caller, peers);
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
