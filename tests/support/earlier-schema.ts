import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { openDatabase, type DatabaseHandle } from '../../common/db/connection';
import { adminConnection, databaseUrl } from './template-postgres';

/**
 * A migration test's starting point: an empty database of its own (on PostgreSQL when
 * DATABASE_URL is set, else PGlite) and one component's migrations up to an earlier one.
 */
export interface EarlierSchema {
  handle: DatabaseHandle;
  /** A folder holding the migrations up to and including the tag. */
  migrations: string;
  remove(): Promise<void>;
}

export async function earlierSchema(migrationsOf: string, tag: string): Promise<EarlierSchema> {
  const url = process.env.DATABASE_URL;
  const name = `maatwerk_test_${randomBytes(6).toString('hex')}`;
  if (url) {
    const admin = adminConnection(url);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
  }
  const handle = await openDatabase(url ? { url: databaseUrl(url, name), poolSize: 2 } : {});
  const migrations = migrationsUpTo(migrationsOf, tag);
  return {
    handle,
    migrations,
    remove: async () => {
      await handle.close();
      rmSync(migrations, { recursive: true, force: true });
      if (url) {
        const admin = adminConnection(url);
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}

/** The migrations of the folder holding `migrations/`, up to and including `tag`. */
function migrationsUpTo(component: string, tag: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'maatwerk-migrations-'));
  cpSync(path.join(component, 'migrations'), path.join(folder, 'migrations'), { recursive: true });
  const journalFile = path.join(folder, 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const end = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  if (end < 0) throw new Error(`No migration ${tag} in ${component}`);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}
