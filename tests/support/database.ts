import { randomBytes } from 'node:crypto';

import postgres from 'postgres';

import type { DatabaseOptions } from '../../common/db/connection';

/**
 * Database options for one test file: with DATABASE_URL, a fresh PostgreSQL database of its own
 * (dropped afterwards) so test files can run in parallel; without, an in-memory PGlite.
 */
export async function testDatabaseOptions(): Promise<{
  options: DatabaseOptions;
  drop: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) return { options: {}, drop: async () => undefined };
  const name = `maatwerk_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    options: { url: testUrl.toString(), poolSize: 4 },
    drop: async () => {
      const cleanup = postgres(url, { max: 1, onnotice: () => undefined });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
