import { suppressedCells } from '../../common/statistics/suppression';

/** Disclosure control on small hand-made tables: what is hidden, and that nothing can be solved back. */
describe('suppressedCells', () => {
  const table = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it('hides counts of 1 to 4 persons, not empty cells and not 5 or more', () => {
    const hidden = suppressedCells(table({ a: 0, b: 1, c: 4, d: 5 }), []);
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });

  it('hides the smallest other part when a total would give a lone hidden part away', () => {
    // total 30 = 3 + 12 + 15: with only `a` hidden, a = 30 - 12 - 15.
    const values = table({ total: 30, a: 3, b: 12, c: 15 });
    const hidden = suppressedCells(values, [{ total: 'total', members: ['a', 'b', 'c'] }]);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides the total when every other part is empty', () => {
    const values = table({ total: 3, a: 3, b: 0 });
    expect([...suppressedCells(values, [{ total: 'total', members: ['a', 'b'] }])].sort()).toEqual([
      'a',
      'total',
    ]);
  });

  it('follows a complementary cell into the other sums it belongs to (two-way table)', () => {
    // Rows r1, r2 and columns c1, c2 with their margins; r1c1 = 2 is small.
    const values = table({
      r1c1: 2,
      r1c2: 10,
      r1: 12,
      r2c1: 7,
      r2c2: 20,
      r2: 27,
      c1: 9,
      c2: 30,
      all: 39,
    });
    const relations = [
      { total: 'r1', members: ['r1c1', 'r1c2'] },
      { total: 'r2', members: ['r2c1', 'r2c2'] },
      { total: 'c1', members: ['r1c1', 'r2c1'] },
      { total: 'c2', members: ['r1c2', 'r2c2'] },
      { total: 'all', members: ['r1', 'r2'] },
    ];
    const hidden = suppressedCells(values, relations);
    // No relation may be left with exactly one hidden cell: it could be solved for.
    for (const { total, members } of relations) {
      expect([total, ...members].filter((key) => hidden.has(key)).length).not.toBe(1);
    }
    expect([...hidden].sort()).toEqual(['r1c1', 'r1c2', 'r2c1', 'r2c2']);
  });
});
