import { LRUCache } from 'lru-cache';

import { today } from '../clock';
import { config } from '../config';
import type { Database } from '../db/connection';
import type { Period } from './period';

export interface Counted<Tables> {
  tables: Tables;
  period: Period;
  /** The day the data was read, published with every figure. */
  asOf: string;
  /**
   * A value derived from these tables (an area's figures), built once while they are cached: the
   * dashboard asks the same areas over and over, and a figure never changes without its count.
   */
  derived<Value>(key: string, build: () => Value): Value;
}

function counted<Tables>(tables: Tables, period: Period, asOf: string): Counted<Tables> {
  const values = new Map<string, unknown>();
  return {
    tables,
    period,
    asOf,
    derived<Value>(key: string, build: () => Value): Value {
      if (!values.has(key)) values.set(key, build());
      return values.get(key) as Value;
    },
  };
}

/**
 * A subgraph's figures per period, counted for all of Flanders at once and reused for
 * STATISTICS_CACHE_SECONDS: the dashboard asks many areas and periods, the data changes slowly,
 * and disclosure control needs the whole table anyway. Concurrent requests share one count. Once
 * a count is older than that, it is still answered while a new count runs in the background
 * (its `asOf` says how old it is): only the very first request of a period waits for the count.
 */
export class PeriodTables<Tables extends object> {
  private readonly cache: LRUCache<string, Counted<Tables>, Period>;

  constructor(
    private readonly count: (period: Period) => Promise<Tables>,
    private readonly ttlMs = config.STATISTICS_CACHE_SECONDS * 1000,
  ) {
    this.cache = new LRUCache<string, Counted<Tables>, Period>({
      max: 64,
      ttl: Math.max(1, ttlMs),
      allowStale: true,
      fetchMethod: async (_label, stale, { context: period }) => {
        try {
          return counted(await this.count(period), period, today());
        } catch (error) {
          // A failed recount keeps the older figures for another while; a first count fails.
          if (stale) return stale;
          throw error;
        }
      },
    });
  }

  async get(period: Period): Promise<Counted<Tables>> {
    if (this.ttlMs <= 0) {
      return counted(await this.count(period), period, today());
    }
    return (await this.cache.fetch(period.label, { context: period }))!;
  }
}

/**
 * A subgraph's PeriodTables per database: one per process in production, one per test stack, so
 * two stacks in one test process never share figures.
 */
export function perDatabase<Tables extends object>(
  count: (db: Database, period: Period) => Promise<Tables>,
): (db: Database) => PeriodTables<Tables> {
  const byDatabase = new WeakMap<Database, PeriodTables<Tables>>();
  return (db) => {
    let tables = byDatabase.get(db);
    if (!tables) {
      tables = new PeriodTables((period) => count(db, period));
      byDatabase.set(db, tables);
    }
    return tables;
  };
}
