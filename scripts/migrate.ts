import 'reflect-metadata';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { prepareDatabase } from '../common/db/migrations';
import { logger } from '../common/logger';
import { subgraphs } from '../subgraphs/registry';

/**
 * `npm run db:migrate`: migrates every schema and runs the audit retention job, then exits. In
 * production this is the migration job, run as the migrator role (the owner of the schemas)
 * before the components, which then start with MIGRATE_AT_START=false as their own roles.
 */
async function main() {
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL, poolSize: 2 }
      : { dataDir: config.PGLITE_DATA_DIR },
  );
  try {
    await prepareDatabase(
      database,
      subgraphs.map((s) => s.module),
    );
    logger.info('database migrated');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  logger.fatal({ err: error }, 'migration failed');
  process.exit(1);
});
