import 'reflect-metadata';

import { config } from '../common/config';
import { AUDIT_ROWS, benchAuditLog, fillAuditHistory } from './audit-log';
import { prepareSharedDatabase, startConfiguration, stopConfiguration } from './stack-client';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

/**
 * `npm run bench:audit`: the audit log part of `npm run bench` on its own, against the
 * access-controlled stack in a process of its own (PostgreSQL only, see bench/audit-log.ts).
 */
async function main() {
  const url = config.DATABASE_URL;
  if (!url || AUDIT_ROWS === 0) {
    throw new Error('npm run bench:audit needs DATABASE_URL (PostgreSQL) and BENCH_AUDIT_ROWS > 0');
  }
  await prepareSharedDatabase(url);
  await fillAuditHistory(url);
  const target = await startConfiguration('accessControlOn', {});
  try {
    const report = await benchAuditLog(url, target.gatewayUrl, (DURATION_SECONDS * 1000) / 2);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stopConfiguration(target);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
