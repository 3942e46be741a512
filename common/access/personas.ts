import type { Role } from './caller';

/** The demo personas of DOMAIN A.3: `npm run token -- <persona>` prints a token for each. */
export interface Persona {
  name: string;
  role: Role;
  org: string;
  sub: string;
  description: string;
}

export const PERSONAS: Persona[] = [
  {
    name: 'citizen',
    role: 'CITIZEN',
    org: 'citizen',
    sub: 'P-000001',
    description: 'the demo citizen P-000001 (Gent)',
  },
  {
    name: 'vdab-mediator',
    role: 'VDAB_MEDIATOR',
    org: 'vdab',
    sub: 'vdab-mediator-1',
    description: 'VDAB mediator',
  },
  {
    name: 'vdab-icf-consultant',
    role: 'VDAB_ICF_CONSULTANT',
    org: 'vdab',
    sub: 'vdab-icf-1',
    description: 'VDAB ICF indication consultant',
  },
  {
    name: 'gtb-counsellor',
    role: 'GTB_COUNSELLOR',
    org: 'gtb',
    sub: 'gtb-counsellor-1',
    description: 'GTB counsellor',
  },
  {
    name: 'ocmw-gent',
    role: 'OCMW_SOCIAL_WORKER',
    org: 'ocmw:44021',
    sub: 'ocmw-gent-sw-1',
    description: 'OCMW Gent social worker',
  },
  {
    name: 'ocmw-antwerpen',
    role: 'OCMW_SOCIAL_WORKER',
    org: 'ocmw:11002',
    sub: 'ocmw-antwerpen-sw-1',
    description: 'OCMW Antwerpen social worker',
  },
  {
    name: 'icf-consultant-gent',
    role: 'LG_ICF_CONSULTANT',
    org: 'lg:44021',
    sub: 'lg-gent-icf-1',
    description: 'Gent ICF consultant (SO adviesbevoegdheid)',
  },
  {
    name: 'employer-1',
    role: 'EMPLOYER',
    org: 'employer:E-000001',
    sub: 'employer-1-hr',
    description: 'HR of the first maatwerkbedrijf (E-000001)',
  },
  {
    name: 'job-coach-1',
    role: 'JOB_COACH',
    org: 'employer:E-000001',
    sub: 'job-coach-1',
    description: 'job coach at E-000001',
  },
  {
    name: 'monitor-gent',
    role: 'CITY_MONITOR',
    org: 'municipality:44021',
    sub: 'monitor-gent-1',
    description: 'Gent city monitor',
  },
  {
    name: 'monitor-antwerpen',
    role: 'CITY_MONITOR',
    org: 'municipality:11002',
    sub: 'monitor-antwerpen-1',
    description: 'Antwerpen city monitor',
  },
  {
    name: 'department-analyst',
    role: 'DEPARTMENT_ANALYST',
    org: 'department:wewis',
    sub: 'wewis-analyst-1',
    description: 'Department WEWIS analyst',
  },
  {
    name: 'sector-federation',
    role: 'SECTOR_FEDERATION',
    org: 'federation:groep-maatwerk',
    sub: 'groep-maatwerk-1',
    description: 'Groep Maatwerk (sector federation)',
  },
];

export function personaNamed(name: string): Persona {
  const persona = PERSONAS.find((p) => p.name === name);
  if (!persona) {
    throw new Error(`Unknown persona "${name}"; known: ${PERSONAS.map((p) => p.name).join(', ')}`);
  }
  return persona;
}
