import { LRUCache } from 'lru-cache';

import { config } from '../config';
import { todayInBelgium } from '../dates';
import type { Database } from '../db/connection';
import type { Period } from './period';

export interface Counted<Tables> {
  tables: Tables;
  /** The day the data was read, published with every figure. */
  asOf: string;
}

/**
 * A subgraph's figures per period, counted for all of Flanders at once and reused for
 * STATISTICS_CACHE_SECONDS: the dashboard asks many areas and periods, the data changes slowly,
 * and disclosure control needs the whole table anyway. Concurrent requests share one count.
 */
export class PeriodTables<Tables extends object> {
  private readonly cache: LRUCache<string, Promise<Counted<Tables>>>;

  constructor(private readonly count: (period: Period) => Promise<Tables>) {
    this.cache = new LRUCache({
      max: 64,
      ttl: Math.max(1, config.STATISTICS_CACHE_SECONDS * 1000),
    });
  }

  get(period: Period): Promise<Counted<Tables>> {
    const useCache = config.STATISTICS_CACHE_SECONDS > 0;
    const cached = useCache ? this.cache.get(period.label) : undefined;
    if (cached) return cached;
    const counted = this.count(period).then((tables) => ({ tables, asOf: todayInBelgium() }));
    if (useCache) {
      this.cache.set(period.label, counted);
      // A failed count is not remembered: the next request tries again.
      counted.catch(() => this.cache.delete(period.label));
    }
    return counted;
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
