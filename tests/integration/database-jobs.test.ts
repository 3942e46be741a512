import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runEntry } from '../support/product-process';

/*
 * The two database jobs as the manifests run them (the migration Job, the retention CronJob):
 * each a process that does its work, logs it and exits 0. On an embedded database of their own
 * (a data directory they share one after the other), with the day pinned.
 */
describe('the database jobs', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'maatwerk-jobs-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const environment = () => ({
    DATABASE_URL: undefined,
    PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
    LOG_LEVEL: 'info',
  });

  it('migrates, making the months to come', async () => {
    const { code, output } = await runEntry('scripts/migrate.ts', {
      ...environment(),
      TODAY: '2031-05-10',
    });
    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringContaining('"database migrated"'),
    });
    expect(output).toContain('"partition":"access.audit_log_2031_08"');
  });

  it('runs the retention, which finds the months made', async () => {
    const { code, output } = await runEntry('scripts/audit-retention.ts', {
      ...environment(),
      TODAY: '2031-06-02',
    });
    expect(code).toBe(0);
    expect(output).toMatch(
      /"created":\["access.audit_log_2031_09"\],"dropped":\[\],"retentionYears":10,"msg":"audit retention done"/,
    );
  });
});
