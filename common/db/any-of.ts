import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1)`: the whole list as one array parameter. drizzle's `inArray` writes one
 * placeholder per value, so every batch size is a different SQL text and a new prepared statement;
 * with one parameter, a batch of 3 keys and a batch of 300 share one plan.
 */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
}
