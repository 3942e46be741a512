import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { addDays, TIME_ZONE } from '../dates';

/**
 * The zone as an SQL literal, not a parameter: grouping by an expression needs the very same
 * expression in the select list, and two parameters are two different expressions.
 */
export const BELGIAN_ZONE = sql.raw(`'${TIME_ZONE}'`);

/** The first instant of a calendar date in Belgian time, for index-friendly instant filters. */
export const startOfBelgianDay = (isoDate: string) =>
  sql`(${isoDate}::date)::timestamp at time zone ${BELGIAN_ZONE}`;

/** The Belgian calendar day of an instant. */
export const belgianDayOf = (column: AnyPgColumn | SQL) =>
  sql<string>`(${column} at time zone ${BELGIAN_ZONE})::date`;

/**
 * An instant on the Belgian calendar days `from` to `until`, both included, as a range of
 * instants that an index on the column serves.
 */
export const onBelgianDays = (column: AnyPgColumn, from: string, until: string): SQL =>
  and(
    sql`${column} >= ${startOfBelgianDay(from)}`,
    sql`${column} < ${startOfBelgianDay(addDays(until, 1))}`,
  )!;
