/** The rows of a raw `execute`: postgres.js answers with the rows themselves, PGlite with `{ rows }`. */
export function resultRows<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}
