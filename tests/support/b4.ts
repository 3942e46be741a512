import type { DataCategory } from '../../common/access/categories';

/**
 * DOMAIN B.4, the access matrix, copied cell by cell and NOT imported from
 * common/access/matrix.ts, so a wrong cell in either shows up in the tests that read it. A
 * minimised cell keeps its note (`r9`: note 9), since the notes give different subsets of one
 * category; the other footnotes are dropped. Columns a … r.
 */
// prettier-ignore
export const B4: Record<string, string> = {
  //                         a    b    c    d    e    f    g    h    i    j    k    l    m    n    o    p    q    r
  CITIZEN:                  'R    R    R    R    R    R    R    R    R    R    R    W    R    R    –    –    A    A',
  VDAB_MEDIATOR:            'R    R    r1   r2   W    W    W    r3   r4   R    R    W    R    W    r    –    A    A',
  VDAB_ICF_CONSULTANT:      'R    R    r1   –    R    R    –    W·C  W    W    W    R    r5   r6   –    –    A    A',
  GTB_COUNSELLOR:           'R    R    r1   r2   R    W    W    C    r4   R    R    W    R    W    –    –    A    A',
  OCMW_SOCIAL_WORKER:       'W    R    W    W    R·C  R/W  R/W  –    –    r9   –    r    R    r10  R    r    R    A',
  LG_ICF_CONSULTANT:        'R    R    R    r2   R    R    –    W·C  W    W    r    R    –    –    r    –    A    A',
  EMPLOYER:                 'C    r11  –    –    –    –    –    –    r12  r13  R14  r11  W    W    –    –    –    A',
  JOB_COACH:                'R    –    –    –    –    –    –    –    r12  r13  –    –    –    W    –    –    –    –',
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

export type Level =
  'full' | 'minimal' | 'minimalOrConsent' | 'consent' | 'aggregate' | 'ownEmployees' | 'none';

/**
 * R, W, R/W → full; r → minimal; C, R·C, W·C → consent; A → aggregate; – → none. Note 3 (the
 * mediator's attestations) is a minimised view whose content opens with the person's consent.
 */
export const LEVEL_OF_CODE: Record<string, Level> = {
  R: 'full',
  W: 'full',
  'R/W': 'full',
  // Note 14: own employees (and assigned workers) only, decided person by person.
  R14: 'ownEmployees',
  r: 'minimal',
  r3: 'minimalOrConsent',
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

/** The note of a minimised cell (`r9` → 9), or undefined. */
export function noteOf(role: string, category: DataCategory): number | undefined {
  const match = /^r(\d+)$/.exec(codesOf(role)[category]);
  return match ? Number(match[1]) : undefined;
}

export function levelsOf(role: string): Record<DataCategory, Level> {
  const codes = codesOf(role);
  return Object.fromEntries(
    COLUMNS.map((category) => {
      const code = codes[category];
      const level = LEVEL_OF_CODE[code] ?? (/^r\d+$/.test(code) ? 'minimal' : undefined);
      if (!level) throw new Error(`B4 row ${role}: unknown cell "${code}"`);
      return [category, level];
    }),
  ) as Record<DataCategory, Level>;
}

/** A field as the tests read its tags: its category, and which minimised views hold it. */
export interface TaggedField {
  category: DataCategory;
  /** In every minimised view of the category. */
  minimal: boolean;
  /** In the minimised views of these notes only. */
  views?: readonly number[];
}

/** Whether a field is in a role's minimised view of its category: all of them, or its note's. */
export function inView(role: string, field: TaggedField): boolean {
  const note = noteOf(role, field.category);
  return field.minimal || (note !== undefined && (field.views ?? []).includes(note));
}

/** Whether a role may ever read a field (its introspection shows it). */
export function allowed(role: string, field: TaggedField): boolean {
  switch (levelsOf(role)[field.category]) {
    case 'full':
    case 'consent':
    case 'minimalOrConsent':
    case 'ownEmployees':
      return true;
    case 'minimal':
      return inView(role, field);
    case 'aggregate':
      return !PERSONAL.has(field.category);
    case 'none':
      return false;
  }
}

/**
 * Whether a role may filter on a field: a filter reads it for every row it sorts, so at full
 * level, at minimal level only on a field of its view, never on a consent cell (consent is given
 * person by person) nor on a personal category of an aggregate reader.
 */
export function mayFilter(role: string, field: TaggedField): boolean {
  const level = levelsOf(role)[field.category];
  if (level === 'full') return true;
  if (level === 'minimal' || level === 'minimalOrConsent') return inView(role, field);
  return level === 'aggregate' && !PERSONAL.has(field.category);
}
