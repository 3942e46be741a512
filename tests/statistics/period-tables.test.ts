import { PeriodTables } from '../../common/statistics/cache';
import { periodOf } from '../../common/statistics/period';

const Q1 = periodOf({ year: 2024, quarter: 1 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cache of a period's counts: shared, reused, refreshed behind the requests, kept on failure. */
describe('PeriodTables', () => {
  it('counts a period once for concurrent requests and reuses it', async () => {
    let counts = 0;
    const tables = new PeriodTables(async () => ({ run: ++counts }), 60_000);
    const [a, b] = await Promise.all([tables.get(Q1), tables.get(Q1)]);
    expect(a.tables).toEqual({ run: 1 });
    expect(b).toBe(a);
    expect((await tables.get(Q1)).tables).toEqual({ run: 1 });
    expect((await tables.get(periodOf({ year: 2024 }))).tables).toEqual({ run: 2 });
  });

  it('answers an old count at once while it counts again, then the new one', async () => {
    let counts = 0;
    const tables = new PeriodTables(async () => {
      counts += 1;
      await sleep(counts === 1 ? 0 : 100);
      return { run: counts };
    }, 30);
    await tables.get(Q1);
    await sleep(50);
    // The old count, while the recount (100 ms) is under way.
    expect((await tables.get(Q1)).tables).toEqual({ run: 1 });
    expect(counts).toBe(2);
    await sleep(150);
    expect((await tables.get(Q1)).tables).toEqual({ run: 2 });
  });

  it('keeps the old count when counting again fails, and tries again later', async () => {
    let counts = 0;
    const tables = new PeriodTables(async () => {
      counts += 1;
      if (counts === 2) throw new Error('database away');
      return { run: counts };
    }, 30);
    await tables.get(Q1);
    await sleep(50);
    // Old: answered at once, while the recount fails behind it and leaves the old count.
    expect((await tables.get(Q1)).tables).toEqual({ run: 1 });
    await sleep(10);
    expect((await tables.get(Q1)).tables).toEqual({ run: 1 });
    // Old again after a while: counted again, now with success.
    await sleep(50);
    await tables.get(Q1);
    await sleep(10);
    expect((await tables.get(Q1)).tables).toEqual({ run: 3 });
  });

  it('fails a first count, and remembers nothing of it', async () => {
    let counts = 0;
    const tables = new PeriodTables(async () => {
      counts += 1;
      if (counts === 1) throw new Error('database away');
      return { run: counts };
    }, 60_000);
    await expect(tables.get(Q1)).rejects.toThrow('database away');
    expect((await tables.get(Q1)).tables).toEqual({ run: 2 });
  });

  it('counts every time when caching is off', async () => {
    let counts = 0;
    const tables = new PeriodTables(async () => ({ run: ++counts }), 0);
    await tables.get(Q1);
    expect((await tables.get(Q1)).tables).toEqual({ run: 2 });
  });
});
