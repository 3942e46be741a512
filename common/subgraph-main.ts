import './tracing/register';
import 'reflect-metadata';

import { config } from './config';
import { openDatabase } from './db/connection';
import { prepareDatabase } from './db/migrations';
import { logger } from './logger';
import { onShutdown } from './shutdown';
import { listenSubgraph, type SubgraphModule } from './subgraph-server';

/**
 * Runs one subgraph on its own, as in production: its own database connection (DATABASE_URL, or
 * an embedded PGlite), its own port (SUBGRAPH_PORT overrides the default), and its own
 * migrations unless MIGRATE_AT_START is off (production, where the migration job runs them).
 */
export function runSubgraph(module: SubgraphModule, defaultPort: number): void {
  const port = Number(process.env.SUBGRAPH_PORT ?? defaultPort);
  (async () => {
    const database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : `${config.PGLITE_DATA_DIR}-${module.name}`,
    });
    if (config.MIGRATE_AT_START) await prepareDatabase(database, [module]);
    const running = await listenSubgraph(module, database.db, port, config.HOST);
    logger.info({ subgraph: module.name, url: `${running.url}/graphql` }, 'subgraph ready');
    onShutdown(module.name, async () => {
      await running.close(config.SHUTDOWN_GRACE_MS);
      await database.close();
    });
  })().catch((error) => {
    logger.fatal({ err: error, subgraph: module.name }, 'subgraph failed to start');
    process.exit(1);
  });
}
