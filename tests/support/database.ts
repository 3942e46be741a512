import { randomBytes } from 'node:crypto';

import type { DatabaseOptions } from '../../common/db/connection';
import type { Template } from './template';
import { pgliteTemplate } from './template-pglite';
import { adminConnection, databaseUrl, postgresTemplate } from './template-postgres';

/**
 * Database options for one test file, a copy of `template` of its own: with DATABASE_URL, a fresh
 * PostgreSQL database (dropped afterwards) so test files can run in parallel; without, an
 * in-memory PGlite.
 */
export async function testDatabaseOptions(template: Template): Promise<{
  options: DatabaseOptions;
  drop: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return {
      options: { loadDataDir: await pgliteTemplate(template) },
      drop: async () => undefined,
    };
  }
  const source = await postgresTemplate(url, template);
  const name = `maatwerk_test_${randomBytes(6).toString('hex')}`;
  const admin = adminConnection(url);
  await admin.unsafe(`create database ${name} template ${source}`);
  await admin.end();
  return {
    options: { url: databaseUrl(url, name), poolSize: 4 },
    drop: async () => {
      const cleanup = adminConnection(url);
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
