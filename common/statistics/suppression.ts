/**
 * Disclosure control for published counts (DOMAIN A.2, issue #5): a cell counting 1 to 4 persons
 * is suppressed (primary), and further cells are suppressed (complementary) until no suppressed
 * cell can be recovered from a published total and its other, published, parts.
 *
 * An empty cell (0) is published: it counts nobody, and hiding it would only hide more.
 */
export const SMALL_CELL_THRESHOLD = 5;

/** "`total` is the sum of `members`": a relation a reader could solve for one unknown cell. */
export interface SumRelation {
  total: string;
  members: readonly string[];
}

/**
 * The cells to suppress in a table of counts linked by sums. Whenever a relation has exactly one
 * suppressed cell, the smallest published non-empty part is suppressed as well (the total only
 * when no part is left), and this repeats until every relation hides none or at least two
 * cells. Deterministic: ties go to the lower key, so every caller sees the same table.
 */
export function suppressedCells(
  values: ReadonlyMap<string, number>,
  relations: readonly SumRelation[],
  threshold = SMALL_CELL_THRESHOLD,
): Set<string> {
  const suppressed = new Set<string>();
  for (const [key, value] of values) if (value > 0 && value < threshold) suppressed.add(key);
  const valueOf = (key: string) => values.get(key) ?? 0;
  const byValue = (a: string, b: string) => valueOf(a) - valueOf(b) || a.localeCompare(b);

  const relationsOf = new Map<string, SumRelation[]>();
  for (const relation of relations) {
    for (const key of [relation.total, ...relation.members]) {
      const list = relationsOf.get(key) ?? [];
      list.push(relation);
      relationsOf.set(key, list);
    }
  }
  const pending = [...relations];
  while (pending.length > 0) {
    const relation = pending.pop()!;
    const cells = [relation.total, ...relation.members];
    if (cells.filter((key) => suppressed.has(key)).length !== 1) continue;
    const open = (key: string) => !suppressed.has(key) && valueOf(key) > 0;
    const partner =
      relation.members.filter(open).sort(byValue)[0] ??
      (open(relation.total) ? relation.total : undefined);
    if (partner === undefined) continue;
    suppressed.add(partner);
    // The new hidden cell may now be the only hidden one of its other relations.
    pending.push(...(relationsOf.get(partner) ?? []));
  }
  return suppressed;
}
