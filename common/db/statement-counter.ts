import type { Logger } from 'drizzle-orm/logger';

/** One SQL statement as drizzle sent it. */
export interface Statement {
  query: string;
  params: unknown[];
}

/**
 * Counts the SQL statements drizzle sends. Tests and the benchmark read it to prove that a query
 * costs a fixed number of statements whatever the size of the lists it returns (no N+1); the
 * benchmark also EXPLAINs the last one.
 */
export class StatementCounter implements Logger {
  private total = 0;
  private latest: Statement | undefined;

  logQuery(query: string, params: unknown[]): void {
    this.total += 1;
    this.latest = { query, params };
  }

  get count(): number {
    return this.total;
  }

  get last(): Statement | undefined {
    return this.latest;
  }
}
