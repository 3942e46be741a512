import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import { migrateSubgraphs } from '../../common/db/migrations';
import { subgraphs } from '../../subgraphs/registry';
import { adminConnection, databaseUrl } from '../support/template-postgres';

/*
 * A deploy starts every replica of every subgraph at once against one empty PostgreSQL database,
 * and each migrates its own schema and the shared access schema at start. All must come up, and
 * each migration must be applied exactly once. PostgreSQL only: PGlite has one process.
 */

const url = process.env.DATABASE_URL;
const describeOnPostgres = url ? describe : describe.skip;

const REPLICAS = 6;

const modules = subgraphs.map((s) => s.module);

/** The migrations drizzle-kit wrote for a folder, by its journal. */
function migrationCount(folder: string): number {
  const journal = path.join(folder, 'migrations', 'meta', '_journal.json');
  return JSON.parse(readFileSync(journal, 'utf8')).entries.length;
}

describeOnPostgres('migrations of processes that start together', () => {
  const name = `maatwerk_test_${randomBytes(6).toString('hex')}`;
  const handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    const admin = adminConnection(url!);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
  });
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    const admin = adminConnection(url!);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('all come up, and every migration is applied once', async () => {
    for (let i = 0; i < REPLICAS; i++) {
      handles.push(await openDatabase({ url: databaseUrl(url!, name), poolSize: 2 }));
    }
    await Promise.all(handles.map((handle) => migrateSubgraphs(handle, modules)));

    const admin = adminConnection(databaseUrl(url!, name));
    try {
      const folders = [
        { name: 'access', folder: path.resolve(__dirname, '../../common/access') },
        ...modules,
      ];
      for (const { name: journal, folder } of folders) {
        const [{ count }] = await admin.unsafe(
          `select count(*)::int as count from drizzle.migrations_${journal}`,
        );
        expect({ journal, count }).toEqual({ journal, count: migrationCount(folder) });
      }
    } finally {
      await admin.end();
    }
  });
});
