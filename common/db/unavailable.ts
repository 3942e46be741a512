/**
 * Whether an error means the database cannot be reached (down, restarting, refusing
 * connections), as opposed to a fault in a query. Drizzle wraps the driver's error in `cause`,
 * GraphQL in `originalError`.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // PostgreSQL: not accepting connections, shutting down, cannot connect now.
  '55000',
  '57P01',
  '57P02',
  '57P03',
]);

export function isDatabaseUnreachable(error: unknown): boolean {
  for (
    let cause = error as { code?: unknown; cause?: unknown; originalError?: unknown } | null;
    cause && typeof cause === 'object';
    cause = (cause.cause ?? cause.originalError) as typeof cause
  ) {
    if (typeof cause.code === 'string' && UNREACHABLE_CODES.has(cause.code)) return true;
  }
  return false;
}
