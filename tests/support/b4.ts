import type { DataCategory } from '../../common/access/categories';

/**
 * DOMAIN B.4, the access matrix, copied cell by cell (footnote numbers dropped) and NOT imported
 * from common/access/matrix.ts, so a wrong cell in either shows up in the tests that read it.
 * Columns a … r.
 */
// prettier-ignore
export const B4: Record<string, string> = {
  //                         a    b    c    d    e    f    g    h    i    j    k    l    m    n    o    p    q    r
  CITIZEN:                  'R    R    R    R    R    R    R    R    R    R    R    W    R    R    –    –    A    A',
  VDAB_MEDIATOR:            'R    R    r    r    W    W    W    r    r    R    R    W    R    W    r    –    A    A',
  VDAB_ICF_CONSULTANT:      'R    R    r    –    R    R    –    W·C  W    W    W    R    r    r    –    –    A    A',
  GTB_COUNSELLOR:           'R    R    r    r    R    W    W    C    r    R    R    W    R    W    –    –    A    A',
  OCMW_SOCIAL_WORKER:       'W    R    W    W    R·C  R/W  R/W  –    –    r    –    r    R    r    R    r    R    A',
  LG_ICF_CONSULTANT:        'R    R    R    r    R    R    –    W·C  W    W    r    R    –    –    r    –    A    A',
  EMPLOYER:                 'C    r    –    –    –    –    –    –    r    r    R    r    W    W    –    –    –    A',
  JOB_COACH:                'R    –    –    –    –    –    –    –    r    r    –    –    –    W    –    –    –    –',
  CITY_MONITOR:             '–    –    –    –    –    –    –    –    –    –    –    –    –    –    R    R    R    A',
  DEPARTMENT_ANALYST:       '–    –    –    –    –    –    –    –    –    –    –    –    –    –    R    W    A    A',
  SECTOR_FEDERATION:        '–    –    –    –    –    –    –    –    –    –    –    –    –    –    –    –    A    A',
};

export const ROLES = Object.keys(B4);

/** The demo personas of DOMAIN A.3 and their roles, also by hand. */
export const PERSONA_ROLES: Record<string, string> = {
  citizen: 'CITIZEN',
  'vdab-mediator': 'VDAB_MEDIATOR',
  'vdab-icf-consultant': 'VDAB_ICF_CONSULTANT',
  'gtb-counsellor': 'GTB_COUNSELLOR',
  'ocmw-gent': 'OCMW_SOCIAL_WORKER',
  'ocmw-antwerpen': 'OCMW_SOCIAL_WORKER',
  'icf-consultant-gent': 'LG_ICF_CONSULTANT',
  'employer-1': 'EMPLOYER',
  'job-coach-1': 'JOB_COACH',
  'monitor-gent': 'CITY_MONITOR',
  'monitor-antwerpen': 'CITY_MONITOR',
  'department-analyst': 'DEPARTMENT_ANALYST',
  'sector-federation': 'SECTOR_FEDERATION',
};

export type Level = 'full' | 'minimal' | 'consent' | 'aggregate' | 'none';

/** R, W, R/W → full; r → minimal; C, R·C, W·C → consent; A → aggregate; – → none. */
export const LEVEL_OF_CODE: Record<string, Level> = {
  R: 'full',
  W: 'full',
  'R/W': 'full',
  r: 'minimal',
  C: 'consent',
  'R·C': 'consent',
  'W·C': 'consent',
  A: 'aggregate',
  '–': 'none',
};

/** The cells that make a role an owner of a category: it may change it (B.4 "W"). */
export const WRITES = new Set(['W', 'R/W', 'W·C']);

export const COLUMNS = 'abcdefghijklmnopqr'.split('') as DataCategory[];

/** Categories about an identifiable person; the rest (m, o, p, q, r) are agreements and figures. */
export const PERSONAL = new Set<DataCategory>('abcdefghijkln'.split('') as DataCategory[]);

export function codesOf(role: string): Record<DataCategory, string> {
  const codes = B4[role].trim().split(/\s+/);
  if (codes.length !== COLUMNS.length) throw new Error(`B4 row ${role} needs 18 cells`);
  return Object.fromEntries(COLUMNS.map((category, i) => [category, codes[i]])) as Record<
    DataCategory,
    string
  >;
}

export function levelsOf(role: string): Record<DataCategory, Level> {
  const codes = codesOf(role);
  return Object.fromEntries(
    COLUMNS.map((category) => {
      const level = LEVEL_OF_CODE[codes[category]];
      if (!level) throw new Error(`B4 row ${role}: unknown cell "${codes[category]}"`);
      return [category, level];
    }),
  ) as Record<DataCategory, Level>;
}

/** Whether a role may ever read a field of this category (its introspection shows it). */
export function allowed(
  levels: Record<DataCategory, Level>,
  { category, minimal }: { category: DataCategory; minimal: boolean },
): boolean {
  switch (levels[category]) {
    case 'full':
    case 'consent':
      return true;
    case 'minimal':
      return minimal;
    case 'aggregate':
      return !PERSONAL.has(category);
    case 'none':
      return false;
  }
}

/**
 * Whether a role may filter on a field of this category: a filter reads it for every row it
 * sorts, so at full level, at minimal level only on a minimised field, never on a consent cell
 * (consent is given person by person) nor on a personal category of an aggregate reader.
 */
export function mayFilter(role: string, category: DataCategory, minimal: boolean): boolean {
  const level = levelsOf(role)[category];
  if (level === 'full') return true;
  if (level === 'minimal') return minimal;
  return level === 'aggregate' && !PERSONAL.has(category);
}
