import { signPartnerToken } from '../../common/access/partner-token';
import { personaNamed } from '../../common/access/personas';
import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import {
  listenGateway,
  type GatewayListenOptions,
  type ListeningGateway,
} from '../../gateway/listen';
import { createGateway, type Gateway, type GatewayOptions } from '../../gateway/server';
import { readSupergraph } from '../../gateway/supergraph';
import { migrateSubgraphs } from '../../common/db/migrations';
import { seedDatabase } from '../../seeds';
import type { ScaleName } from '../../seeds/context';
import { startStack, type RunningStack } from '../../scripts/stack';
import { subgraphs } from '../../subgraphs/registry';
import { testDatabaseOptions } from './database';
import { templateVersion, type Template } from './template';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  /** The body as it came, for checking what may not appear anywhere in it. */
  text: string;
  body: { data?: any; errors?: any[] };
}

export interface OperationOptions {
  variables?: Record<string, unknown>;
  persona?: string;
  headers?: Record<string, string>;
}

export interface TestStack {
  stack: RunningStack;
  database: DatabaseHandle;
  /** POSTs an operation to the gateway over HTTP as a demo persona would (A.3), with its token. */
  query(
    query: string,
    variables?: Record<string, unknown>,
    options?: Omit<OperationOptions, 'variables'>,
  ): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

const tokens = new Map<string, Promise<string>>();

/** A persona's bearer token, signed once per test file. */
export function tokenFor(persona: string): Promise<string> {
  let token = tokens.get(persona);
  if (!token) {
    token = signPartnerToken(personaNamed(persona));
    tokens.set(persona, token);
  }
  return token;
}

/**
 * POSTs an operation to a gateway's `…/graphql` as a demo persona would (A.3), with its token
 * (`vdab-mediator` unless `persona` says otherwise).
 */
export async function postOperation(
  url: string,
  query: string,
  { variables, persona = 'vdab-mediator', headers = {} }: OperationOptions = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor(persona)}`,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** The seed of the demo world the tests' expectations were written against. */
const SEED = 20240101;

/** Every subgraph migrated and the demo world of `scale` seeded, built once for all test files. */
export function seededTemplate(scale: ScaleName): Template {
  return {
    version: templateVersion(),
    name: `${scale}_${SEED}`,
    async build(database) {
      await migrateSubgraphs(
        database,
        subgraphs.map((s) => s.module),
      );
      await seedDatabase(database.db, { scale, seed: SEED });
    },
  };
}

/** The whole product on port 0 over a seeded test database; `stop` cleans up even after a half start. */
export async function startTestStack(scale: ScaleName = 'small'): Promise<TestStack> {
  const { options, drop } = await testDatabaseOptions(seededTemplate(scale));
  const database = await openDatabase(options);
  let stack: RunningStack;
  try {
    stack = await startStack({ database, gatewayPort: 0 });
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    stack,
    database,
    query: (query, variables, options) =>
      postOperation(stack.gatewayUrl, query, { ...options, variables }),
    async stop() {
      await stack.stop();
      await database.close();
      await drop();
    },
  };
}

export interface GatewayUnderTest {
  gateway: Gateway;
  listening: ListeningGateway;
  /** The base URL (`http://127.0.0.1:<port>`), without `/graphql`. */
  url: string;
  /** Its Prometheus metrics, on a port of their own. */
  metricsUrl: string;
  stop(): Promise<void>;
}

/**
 * A gateway of its own over a test stack's subgraphs and database, configured apart (limits,
 * timeouts, a subgraph routed through a fault proxy), on free ports; `timeouts` are its HTTP
 * listener's.
 */
export async function startGatewayOver(
  stack: TestStack,
  options: Partial<Omit<GatewayOptions, 'database'>> = {},
  timeouts: Pick<GatewayListenOptions, 'headersTimeoutMs' | 'requestTimeoutMs'> = {},
): Promise<GatewayUnderTest> {
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(),
    database: stack.database.db,
    ...options,
    subgraphUrls: {
      ...Object.fromEntries(stack.stack.subgraphs.map((s) => [s.name, `${s.url}/graphql`])),
      ...options.subgraphUrls,
    },
  });
  const listeners = await listenGateway(gateway, { port: 0, metricsPort: 0, ...timeouts });
  return {
    gateway,
    listening: listeners,
    url: listeners.url,
    metricsUrl: listeners.metricsUrl,
    async stop() {
      await listeners.close();
      await gateway.stop();
    },
  };
}
