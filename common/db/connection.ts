import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import { config } from '../config';
import { StatementCounter } from './statement-counter';

/** A drizzle database (or transaction) on either driver: the data layer never needs to know which. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  statements: StatementCounter;
  /** Runs SQL that may hold several statements (PGlite prepares one statement per query). */
  execScript(sql: string): Promise<void>;
  /** Applies the pending migrations of one folder (drizzle-kit output) with its own journal table. */
  migrate(migrations: MigrationConfig): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; without it PGlite keeps everything in memory. */
  dataDir?: string;
  /** A PGlite dump (from `dumpDataDir`) to start from instead of an empty database. */
  loadDataDir?: Blob;
  /** Connections to PostgreSQL (10); migrating needs two, one of them holding the lock. */
  poolSize?: number;
}

/**
 * drizzle sends every query as an unnamed statement, which PostgreSQL parses and plans anew each
 * time; for the scoped queries of a request that planning costs more than running them. Named
 * statements are parsed once per connection. The SQL texts are a fixed set (lists travel as one
 * array parameter, see `anyOf`), so the number of statements per connection stays bounded.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'unsafe') return Reflect.get(target, property, receiver);
      return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions = {}) =>
        target.unsafe(query, parameters, { ...queryOptions, prepare: true });
    },
  });
}

/** The advisory lock migrations take on PostgreSQL: any fixed bigint (this one is "mwmigrat"). */
const MIGRATION_LOCK = BigInt('0x6d776d6967726174').toString();

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const statements = new StatementCounter();
  if (options.url) {
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => undefined,
    });
    const driverDb = drizzlePostgres(
      config.DATABASE_PREPARED_STATEMENTS ? preparing(client) : client,
      {
        logger: statements,
      },
    );
    return {
      db: driverDb as unknown as Database,
      migrate: async (migrations) => {
        // Every replica of every subgraph migrates at start, several at once on a deploy: one at
        // a time, under a lock held by a connection of its own, and the rest find nothing to do.
        const session = await client.reserve();
        try {
          await session`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`;
          await migratePostgres(driverDb, migrations);
        } finally {
          // Fails only with the connection, and the lock ends with it: keep the first error.
          await session`select pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`.catch(
            () => undefined,
          );
          session.release();
        }
      },
      kind: 'postgres',
      statements,
      execScript: async (sql) => {
        await client.unsafe(sql);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite creates its data directory but not the folders above it.
  if (options.dataDir) mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
  });
  const driverDb = drizzlePglite(client, { logger: statements });
  return {
    db: driverDb as unknown as Database,
    migrate: (migrations) => migratePglite(driverDb, migrations),
    kind: 'pglite',
    statements,
    execScript: async (sql) => {
      await client.exec(sql);
    },
    close: () => client.close(),
  };
}
