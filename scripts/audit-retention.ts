import { runAuditRetention } from '../common/access/audit-retention';
import { today } from '../common/clock';
import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { logger } from '../common/logger';

/**
 * `npm run audit:retention`: the audit log's retention job once, for today (TODAY overrides):
 * makes the coming months' partitions and drops the months older than AUDIT_RETENTION_YEARS,
 * logging each. In production a daily CronJob runs it as the retention role.
 */
async function main() {
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL, poolSize: 1 }
      : { dataDir: config.PGLITE_DATA_DIR },
  );
  try {
    const result = await runAuditRetention(database.db, {
      today: today(),
      retentionYears: config.AUDIT_RETENTION_YEARS,
    });
    logger.info(
      { ...result, retentionYears: config.AUDIT_RETENTION_YEARS },
      'audit retention done',
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  logger.fatal({ err: error }, 'audit retention failed');
  process.exit(1);
});
