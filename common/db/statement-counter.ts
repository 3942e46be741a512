import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements drizzle sends. Tests and the benchmark read it to prove that a query
 * costs a fixed number of statements whatever the size of the lists it returns (no N+1).
 */
export class StatementCounter implements Logger {
  private total = 0;

  logQuery(): void {
    this.total += 1;
  }

  get count(): number {
    return this.total;
  }
}
