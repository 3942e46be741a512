import type { ApolloServer } from '@apollo/server';
import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import { migrateSubgraphs } from '../../common/db/migrations';
import type { SubgraphContext } from '../../common/context';
import {
  contextFor,
  createSubgraphServer,
  type SubgraphModule,
} from '../../common/subgraph-server';
import { testDatabaseOptions } from './database';
import { templateVersion, type Template } from './template';

export interface SubgraphUnderTest {
  database: DatabaseHandle;
  /** Runs an operation in-process (no HTTP), with a fresh request context like a real request. */
  execute(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: any; errors?: any[] }>;
  stop(): Promise<void>;
}

/** The subgraph's schema (and the access schema) migrated, empty, and nothing else. */
function migratedTemplate(module: SubgraphModule): Template {
  return {
    version: templateVersion(),
    name: module.name,
    build: (database) => migrateSubgraphs(database, [module]),
  };
}

/**
 * One subgraph on its own database (PGlite in memory, or a fresh PostgreSQL database when
 * DATABASE_URL is set), migrated, with `setup` inserting the rows the test needs.
 */
export async function startSubgraph(
  module: SubgraphModule,
  setup: (database: DatabaseHandle) => Promise<void> = async () => undefined,
): Promise<SubgraphUnderTest> {
  const { options, drop } = await testDatabaseOptions(migratedTemplate(module));
  const database = await openDatabase(options);
  let server: ApolloServer<SubgraphContext<unknown>> | undefined;
  try {
    await setup(database);
    server = await createSubgraphServer(module);
    await server.start();
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  const started = server;
  return {
    database,
    async execute(query, variables) {
      const response = await started.executeOperation(
        { query, variables },
        { contextValue: contextFor(module, database.db) },
      );
      if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
      return response.body.singleResult as { data?: any; errors?: any[] };
    },
    async stop() {
      await started.stop();
      await database.close();
      await drop();
    },
  };
}
