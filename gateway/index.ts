import '../common/tracing/register';

import { config, subgraphUrlsFromEnvironment } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { logger } from '../common/logger';
import { onShutdown } from '../common/shutdown';
import { listenGateway } from './listen';
import { createGateway } from './server';
import { readSupergraph } from './supergraph';

/**
 * The gateway on its own, as in production. Each subgraph's URL comes from
 * `SUBGRAPH_URL_<NAME>` (e.g. SUBGRAPH_URL_PERSONS), else the URL in the supergraph.
 */
async function main() {
  // The gateway reads the mandate directory (schema `access`); with PGlite it needs the data dir.
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL, poolSize: 2 }
      : { dataDir: config.PGLITE_DATA_DIR },
  );
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrlsFromEnvironment(),
    database: database.db,
  });
  const listening = await listenGateway(gateway, {
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    host: config.HOST,
  });
  logger.info(
    // `url` last: the process tests read it from the line.
    { metricsUrl: listening.metricsUrl, url: `${listening.url}/graphql` },
    'gateway ready',
  );
  onShutdown('gateway', async () => {
    gateway.drain();
    await listening.close(config.SHUTDOWN_GRACE_MS);
    await gateway.stop();
    await database.close();
  });
}

main().catch((error) => {
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
