import { MUNICIPALITIES, PROVINCES, REFERENCE_REGIONS } from '../geography';
import { suppressedCells, type SumRelation } from './suppression';

/** The areas figures are published for (DOMAIN B.5): a municipality up to Flanders. */
export type AreaLevel = 'MUNICIPALITY' | 'PROVINCE' | 'REFERENCE_REGION' | 'FLANDERS';

export interface Area {
  level: AreaLevel;
  /** NIS code, province code (`OVL`), reference region id (`RR-000012`) or `VL`. */
  code: string;
}

export const FLANDERS: Area = { level: 'FLANDERS', code: 'VL' };

export const areaKey = (area: Area) => `${area.level}:${area.code}`;

/** The municipalities an area is made of. */
export function municipalitiesIn(area: Area): readonly string[] {
  switch (area.level) {
    case 'MUNICIPALITY':
      return [area.code];
    case 'PROVINCE':
      return MUNICIPALITIES.filter((m) => m.province === area.code).map((m) => m.nisCode);
    case 'REFERENCE_REGION':
      return (
        REFERENCE_REGIONS.find((region) => region.id === area.code)?.municipalityNisCodes ?? []
      );
    case 'FLANDERS':
      return MUNICIPALITIES.map((m) => m.nisCode);
  }
}

/** The areas above the municipalities, each with its members. */
const HIGHER_AREAS: { area: Area; members: readonly string[] }[] = [
  ...PROVINCES.map((p) => ({ level: 'PROVINCE' as const, code: p.code })),
  ...REFERENCE_REGIONS.map((r) => ({ level: 'REFERENCE_REGION' as const, code: r.id })),
  FLANDERS,
].map((area) => ({ area, members: municipalitiesIn(area) }));

/**
 * How one count splits into parts, e.g. requests by advice type: `total` is the sum of `parts`.
 * A count without parts has only its total.
 */
export interface Breakdown {
  total: string;
  parts: readonly string[];
  /** Further sums among the keys, e.g. decided = granted + refused. */
  sums?: readonly SumRelation[];
  /** Counts published alongside that are the sum of nothing here, e.g. requests per phase. */
  others?: readonly string[];
}

/** One row of a `GROUP BY municipality, key` count. */
export interface CountRow {
  nisCode: string;
  key: string;
  count: number;
}

/** Rows counted once under each key they belong to. */
export function spread<Row extends { nisCode: string; count: number }>(
  rows: readonly Row[],
  keysOf: (row: Row) => string[],
): CountRow[] {
  return rows.flatMap((row) =>
    keysOf(row).map((key) => ({ nisCode: row.nisCode, key, count: Number(row.count) })),
  );
}

function countsByMunicipality(rows: readonly CountRow[]): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const { nisCode, key, count } of rows) {
    const row = counts.get(nisCode) ?? {};
    row[key] = (row[key] ?? 0) + Number(count);
    counts.set(nisCode, row);
  }
  return counts;
}

export const NO_BREAKDOWN: Breakdown = { total: 'ALL', parts: [] };

/**
 * A count per area and breakdown key, for all of Flanders at once, with the cells disclosure
 * control hides. Built from the counts per municipality; the higher areas are their sums, so a
 * hidden municipality cannot be recovered from its province, region or Flanders either.
 */
export class AreaTable {
  private readonly values = new Map<string, number>();
  private readonly hidden: Set<string>;

  constructor(
    /** Counts per municipality and breakdown key; absent ones count 0. */
    rows: readonly CountRow[],
    readonly breakdown: Breakdown,
    /** Counts of persons are under disclosure control; counts of vacancies or FTE are not. */
    options: { persons: boolean } = { persons: true },
  ) {
    const keys = [
      ...new Set([
        breakdown.total,
        ...breakdown.parts,
        ...(breakdown.sums ?? []).flatMap((sum) => [sum.total, ...sum.members]),
        ...(breakdown.others ?? []),
      ]),
    ];
    const cell = (area: string, key: string) => `${area}|${key}`;
    const relations: SumRelation[] = [];
    const perMunicipality = countsByMunicipality(rows);
    for (const m of MUNICIPALITIES) {
      const area = areaKey({ level: 'MUNICIPALITY', code: m.nisCode });
      const row = perMunicipality.get(m.nisCode) ?? {};
      for (const key of keys) this.values.set(cell(area, key), row[key] ?? 0);
    }
    for (const { area, members } of HIGHER_AREAS) {
      for (const key of keys) {
        const parts = members.map((nis) =>
          cell(areaKey({ level: 'MUNICIPALITY', code: nis }), key),
        );
        const total = cell(areaKey(area), key);
        this.values.set(
          total,
          parts.reduce((sum, part) => sum + this.values.get(part)!, 0),
        );
        relations.push({ total, members: parts });
      }
    }
    for (const area of [
      ...MUNICIPALITIES.map((m) => `MUNICIPALITY:${m.nisCode}`),
      ...HIGHER_AREAS.map((h) => areaKey(h.area)),
    ]) {
      if (breakdown.parts.length > 0) {
        relations.push({
          total: cell(area, breakdown.total),
          members: breakdown.parts.map((key) => cell(area, key)),
        });
      }
      for (const sum of breakdown.sums ?? []) {
        relations.push({
          total: cell(area, sum.total),
          members: sum.members.map((key) => cell(area, key)),
        });
      }
    }
    this.hidden = options.persons ? suppressedCells(this.values, relations) : new Set();
  }

  /** The count, or null when disclosure control hides it. */
  count(area: Area, key = this.breakdown.total): number | null {
    const cell = `${areaKey(area)}|${key}`;
    return this.hidden.has(cell) ? null : (this.values.get(cell) ?? 0);
  }

  /** The count whatever disclosure control says: only for figures derived and then checked. */
  rawCount(area: Area, key = this.breakdown.total): number {
    return this.values.get(`${areaKey(area)}|${key}`) ?? 0;
  }
}

/** Measured values per municipality (e.g. lead times), for quantiles of any area; sorted. */
export class AreaValues {
  private readonly byMunicipality = new Map<string, number[]>();
  private readonly byArea = new Map<string, readonly number[]>();

  constructor(rows: readonly { nisCode: string; value: number }[]) {
    for (const { nisCode, value } of rows) {
      const list = this.byMunicipality.get(nisCode) ?? [];
      list.push(Number(value));
      this.byMunicipality.set(nisCode, list);
    }
  }

  in(area: Area): readonly number[] {
    const key = areaKey(area);
    let values = this.byArea.get(key);
    if (!values) {
      values = municipalitiesIn(area)
        .flatMap((nis) => this.byMunicipality.get(nis) ?? [])
        .sort((a, b) => a - b);
      this.byArea.set(key, values);
    }
    return values;
  }
}
