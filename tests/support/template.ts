import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { DatabaseHandle } from '../../common/db/connection';
import { importClosure, isFile, ROOT } from './imports';

/**
 * A database prepared once (migrated, perhaps seeded) that test files copy instead of building
 * their own: see template-pglite.ts and template-postgres.ts for where it is kept.
 */
export interface Template {
  /** Of the code that builds the template; one built by other code is stale. */
  version: string;
  /** Tells the templates of one version apart, e.g. `persons` or `small_20240101`. */
  name: string;
  /** Fills an empty database. */
  build(database: DatabaseHandle): Promise<void>;
}

/**
 * A template of another version is removed once nobody used it for this long: a run on other
 * code (someone editing meanwhile) may still be copying a younger one.
 */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * What fills a template: the migrator and the seeds, with the tables, workflows, geography,
 * access matrix… they import.
 */
const ENTRY_FILES = ['common/db/migrations.ts', 'seeds/index.ts'];

/** The migrations live in `migrations` folders below these. */
const MIGRATION_ROOTS = ['common', 'subgraphs'];

/** Pins the versions of the packages whose output a template holds (faker, drizzle, PGlite). */
const LOCK_FILE = 'package-lock.json';

/** A hash of every file a template's contents follow from, so changing any of them rebuilds it. */
export function templateVersion(): string {
  const files = [...importClosure(ENTRY_FILES).files, ...migrationFiles(), LOCK_FILE].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

function migrationFiles(): string[] {
  return MIGRATION_ROOTS.flatMap((root) =>
    readdirSync(path.join(ROOT, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.split(path.sep).includes('migrations'))
      .map((file) => path.join(root, file))
      .filter((file) => isFile(file)),
  );
}
