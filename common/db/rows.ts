/**
 * The rows of a raw `db.execute(sql…)`: postgres-js returns them as an array, PGlite as the
 * `rows` of a result object.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
