import fc from 'fast-check';

import { kAnonymise, pseudonymOf } from '../../common/access/candidate-pool';
import { MUNICIPALITIES } from '../../common/geography';

/**
 * k-anonymity of the candidate pool as a property (issue 14): whatever the pool, every
 * (region, age band) shown is shown for at least k members, a member is left out only when no
 * group of k can hold them, and a region is never finer than a municipality of the member's own.
 */
const TODAY = '2025-06-30';
const nisCodes = MUNICIPALITIES.map((m) => m.nisCode);

const member = fc.record({
  residenceNisCode: fc.oneof(
    // Clustered, like a real pool (a city and its neighbours), and anywhere in Flanders.
    fc.constantFrom(...nisCodes.slice(0, 12)),
    fc.constantFrom(...nisCodes),
  ),
  birthDate: fc
    .date({
      min: new Date('1960-07-01T00:00:00Z'),
      max: new Date('2007-06-30T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
});

describe('the candidate pool’s generalisation', () => {
  it('shows every region and age band for at least k members, whatever the pool', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 300 }),
        fc.integer({ min: 2, max: 10 }),
        (pool, k) => {
          const shown = kAnonymise(pool, TODAY, k);
          const classes = new Map<string, number>();
          for (const value of shown.values()) {
            const key = `${value.region.level}:${value.region.code}|${value.ageBand}`;
            classes.set(key, (classes.get(key) ?? 0) + 1);
          }
          for (const size of classes.values()) expect(size).toBeGreaterThanOrEqual(k);
          // Left out only when even "Flanders, any age" has fewer than k of the rest (a greedy
          // generalisation: the last few can be left out though the pool holds k).
          expect(pool.length - shown.size).toBeLessThan(k);
          for (const [person, value] of shown) {
            if (value.region.level === 'MUNICIPALITY') {
              expect(value.region.code).toBe(person.residenceNisCode);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the municipality where k members share it and their age band', () => {
    const pool = Array.from({ length: 5 }, () => ({
      residenceNisCode: '44021',
      birthDate: '1990-01-01',
    }));
    const shown = kAnonymise(
      [...pool, { residenceNisCode: '11002', birthDate: '1990-01-01' }],
      TODAY,
      5,
    );
    expect(shown.size).toBe(5);
    for (const value of shown.values()) {
      expect(value).toEqual({
        region: { level: 'MUNICIPALITY', code: '44021', name: 'Gent' },
        ageBand: '35_44',
      });
    }
  });

  it('pseudonymises per employer, keyed, not reversibly', () => {
    const key = 'k'.repeat(32);
    const a = pseudonymOf('E-000001', 'P-000001', key);
    expect(pseudonymOf('E-000001', 'P-000001', key)).toBe(a);
    expect(pseudonymOf('E-000002', 'P-000001', key)).not.toBe(a);
    expect(pseudonymOf('E-000001', 'P-000001', 'x'.repeat(32))).not.toBe(a);
    expect(a).not.toContain('000001');
  });
});
