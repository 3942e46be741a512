import type { Role } from './caller';
import type { DataCategory } from './categories';

/**
 * How a role may read a category: `full` (R, W), `minimal` (r: only the fields of its minimised
 * view), `minimalOrConsent` (r with C: the minimised view, the rest with the person's consent),
 * `consent` (C: full, but only for persons who consented to the reading organisation),
 * `aggregate` (A: counts with small-cell suppression, never a person), `ownEmployees` (full, but
 * only for the persons the caller's organisation employs today: note 14), `none` (–).
 */
export type AccessLevel =
  'full' | 'minimal' | 'minimalOrConsent' | 'consent' | 'aggregate' | 'ownEmployees' | 'none';

type Row = Record<DataCategory, AccessLevel>;

const F = 'full';
const m = 'minimal';
const C = 'consent';
const mC = 'minimalOrConsent';
const A = 'aggregate';
const E = 'ownEmployees';
const _ = 'none';

function row(cells: AccessLevel[]): Row {
  const categories = 'abcdefghijklmnopqr'.split('') as DataCategory[];
  if (cells.length !== categories.length) throw new Error('An access-matrix row needs 18 cells');
  return Object.fromEntries(categories.map((category, i) => [category, cells[i]])) as Row;
}

/**
 * DOMAIN B.4, column by column (a … r). Its "[proposal]" cells are decisions (A.3). `R·C`/`W·C`
 * read as consent; `R/W` as full. An employer's identity (a, C¹¹) needs a referral, placement or
 * opt-in, which the reference directory holds, so it reads as full within the row scope. Its
 * R on k (the work support package) is read with note 14: its own employees', not a candidate's.
 */
export const ACCESS_MATRIX: Record<Role, Row> = {
  //                     a  b  c  d  e  f  g  h  i  j  k  l  m  n  o  p  q  r
  CITIZEN: row([F, F, F, F, F, F, F, F, F, F, F, F, F, F, _, _, A, A]),
  // h, note 3: attestation kind and validity; the content only with the person's consent.
  VDAB_MEDIATOR: row([F, F, m, m, F, F, F, mC, m, F, F, F, F, F, m, _, A, A]),
  VDAB_ICF_CONSULTANT: row([F, F, m, _, F, F, _, C, F, F, F, F, m, m, _, _, A, A]),
  GTB_COUNSELLOR: row([F, F, m, m, F, F, F, C, m, F, F, F, F, F, _, _, A, A]),
  OCMW_SOCIAL_WORKER: row([F, F, F, F, C, F, F, _, _, m, _, m, F, m, F, m, F, A]),
  LG_ICF_CONSULTANT: row([F, F, F, m, F, F, _, C, F, F, m, F, _, _, m, _, A, A]),
  EMPLOYER: row([F, m, _, _, _, _, _, _, m, m, E, m, F, F, _, _, _, A]),
  JOB_COACH: row([F, _, _, _, _, _, _, _, m, m, _, _, _, F, _, _, _, _]),
  CITY_MONITOR: row([_, _, _, _, _, _, _, _, _, _, _, _, _, _, F, F, F, A]),
  DEPARTMENT_ANALYST: row([_, _, _, _, _, _, _, _, _, _, _, _, _, _, F, F, A, A]),
  SECTOR_FEDERATION: row([_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, A, A]),
};

/** Categories that hold data about an identifiable person (the rest are agreements and figures). */
export const PERSONAL_CATEGORIES: ReadonlySet<DataCategory> = new Set([
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'n',
]);

/**
 * The note of B.4 that defines each numbered minimised cell ("r⁹"): a field says which notes'
 * views it belongs to where the notes of one category differ (advices for an OCMW, note 9, and
 * for an employer, note 13), and a field marked `minimal` is in every view of its category.
 */
export const MINIMAL_VIEW: Readonly<Partial<Record<Role, Partial<Record<DataCategory, number>>>>> =
  {
    VDAB_MEDIATOR: { c: 1, d: 2, h: 3, i: 4 },
    VDAB_ICF_CONSULTANT: { c: 1, m: 5, n: 6 },
    GTB_COUNSELLOR: { c: 1, d: 2, i: 4 },
    OCMW_SOCIAL_WORKER: { j: 9, n: 10 },
    LG_ICF_CONSULTANT: { d: 2 },
    EMPLOYER: { b: 11, i: 12, j: 13, l: 11 },
    JOB_COACH: { i: 12, j: 13 },
  };
