/** The roles of DOMAIN A.3. */
export const Role = {
  CITIZEN: 'CITIZEN',
  VDAB_MEDIATOR: 'VDAB_MEDIATOR',
  VDAB_ICF_CONSULTANT: 'VDAB_ICF_CONSULTANT',
  GTB_COUNSELLOR: 'GTB_COUNSELLOR',
  OCMW_SOCIAL_WORKER: 'OCMW_SOCIAL_WORKER',
  LG_ICF_CONSULTANT: 'LG_ICF_CONSULTANT',
  EMPLOYER: 'EMPLOYER',
  JOB_COACH: 'JOB_COACH',
  CITY_MONITOR: 'CITY_MONITOR',
  DEPARTMENT_ANALYST: 'DEPARTMENT_ANALYST',
  SECTOR_FEDERATION: 'SECTOR_FEDERATION',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The roles a partner can have: the only ones a request from the network may carry. */
export const PARTNER_ROLES: ReadonlySet<string> = new Set<string>(Object.values(Role));

/** Who is asking, as the gateway verified it. */
export interface Caller {
  /** User id; for a citizen the person id. */
  sub: string;
  /** `SYSTEM` is the platform itself (seeding, migrations), never a partner. */
  role: Role | 'SYSTEM';
  /** Organisation id: `vdab`, `ocmw:<nis>`, `employer:<id>`, `municipality:<nis>`, … */
  org: string;
  /** The purpose the request declares (DOMAIN A.2.2). */
  purpose: string | null;
}

/**
 * The platform itself, for in-process calls that no partner can make (tests of a single subgraph,
 * tooling): it is never accepted from the network, where only the partner roles are.
 */
export const PLATFORM_CALLER: Caller = {
  sub: 'system',
  role: 'SYSTEM',
  org: 'platform',
  purpose: null,
};

/**
 * What an organisation id names within its kind: `ocmw:44021` is OCMW `44021`,
 * `employer:E-000001` employer `E-000001`. Undefined when the id is of another kind.
 */
export function orgRef(org: string, ...kinds: string[]): string | undefined {
  const separator = org.indexOf(':');
  if (separator < 0 || !kinds.includes(org.slice(0, separator))) return undefined;
  return org.slice(separator + 1);
}
