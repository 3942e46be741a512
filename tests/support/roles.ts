import { sql } from 'drizzle-orm';

import { openDatabase, type Database, type DatabaseHandle } from '../../common/db/connection';
import type { DatabaseOptions } from '../../common/db/connection';

/**
 * Runs `work` as one of the product's database roles (see README "Database roles"): on
 * PostgreSQL over a connection of its own that logs in as the role, as production connects; on
 * PGlite, which has one connection, under `SET ROLE` on the test's own handle.
 */
export async function asRole<T>(
  handle: DatabaseHandle,
  options: DatabaseOptions,
  role: string,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  if (handle.kind === 'postgres') {
    const own = await openDatabase({ url: loggingInAs(options.url!, role), poolSize: 1 });
    try {
      return await work(own.db);
    } finally {
      await own.close();
    }
  }
  await handle.db.execute(sql.raw(`set role ${role}`));
  try {
    return await work(handle.db);
  } finally {
    await handle.db.execute(sql`reset role`);
  }
}

/** A PostgreSQL URL that logs in as `role` (the test server trusts local connections). */
export function loggingInAs(url: string, role: string): string {
  const result = new URL(url);
  result.username = role;
  result.password = '';
  return result.toString();
}
