import { sql } from 'drizzle-orm';

import type { Database } from '../../../common/db/connection';
import { PERSONA_ROLES, type Role } from './domain';

/**
 * The seeded demo world as the probes need it: who is who, which records belong to whom, the
 * reference directory (`access.relations`), consents and mandates. Read with plain SQL from the
 * test database: seeds and data, never the product's access code.
 */

export type Row = Record<string, any>;

export interface World {
  today: string;
  persons: Row[];
  personById: Map<string, Row>;
  /** Any record id (AD-…, IR-…, PL-…, SA-…, …) → the person it is about. */
  ownerOf: Map<string, string>;
  /** Record id → its row, per table. */
  rows: Record<string, Map<string, Row>>;
  relations: Row[];
  consents: Row[];
  mandates: Row[];
  placements: Row[];
  referrals: Row[];
  advices: Row[];
  vacancies: Row[];
  indicationRequests: Row[];
  socialAssistance: Row[];
  employmentOutcomes: Row[];
  coverage: Row[];
  agreements: Row[];
  municipalities: Row[];
}

async function rowsOf(db: Database, table: string): Promise<Row[]> {
  const result: any = await db.execute(sql.raw(`select * from ${table}`));
  return (result.rows ?? result) as Row[];
}

const dateOnly = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** Tables whose rows are about one person, with how to find that person. */
const PERSONAL_TABLES: [string, string][] = [
  ['persons.vdab_registrations', 'person_id'],
  ['persons.social_assistance_records', 'person_id'],
  ['persons.sanctions', 'person_id'],
  ['persons.temporary_protections', 'person_id'],
  ['persons.trajectories', 'person_id'],
  ['persons.trajectory_actions', 'trajectory_id'],
  ['persons.transmissions', 'trajectory_id'],
  ['persons.handovers', 'trajectory_id'],
  ['persons.consents', 'person_id'],
  ['persons.employment_outcomes', 'person_id'],
  ['indications.indication_requests', 'person_id'],
  ['indications.attestations', 'person_id'],
  ['indications.icf_assessments', 'person_id'],
  ['indications.reviews', 'person_id'],
  ['indications.advices', 'person_id'],
  ['indications.work_support_packages', 'person_id'],
  ['indications.evaluations', 'person_id'],
  ['maatwerk.referrals', 'person_id'],
  ['maatwerk.placements', 'person_id'],
  ['maatwerk.support_plans', 'person_id'],
];

export async function loadWorld(db: Database): Promise<World> {
  const today = new Date().toISOString().slice(0, 10);
  const persons = await rowsOf(db, 'persons.persons');
  const rows: Record<string, Map<string, Row>> = {};
  const ownerOf = new Map<string, string>();
  for (const p of persons) ownerOf.set(p.id, p.id);
  for (const [table, key] of PERSONAL_TABLES) {
    const list = await rowsOf(db, table);
    rows[table] = new Map(list.map((r) => [String(r.id), r]));
    for (const r of list) {
      const owner =
        key === 'person_id' ? r.person_id : rows['persons.trajectories']?.get(r[key])?.person_id;
      if (owner) ownerOf.set(String(r.id), owner);
    }
  }
  const all = (table: string) => [...(rows[table]?.values() ?? [])];
  return {
    today,
    persons,
    personById: new Map(persons.map((p) => [p.id, p])),
    ownerOf,
    rows,
    relations: await rowsOf(db, 'access.relations'),
    consents: all('persons.consents'),
    mandates: await rowsOf(db, 'access.mandates'),
    placements: all('maatwerk.placements'),
    referrals: all('maatwerk.referrals'),
    advices: all('indications.advices'),
    vacancies: await rowsOf(db, 'maatwerk.vacancies'),
    indicationRequests: all('indications.indication_requests'),
    socialAssistance: all('persons.social_assistance_records'),
    employmentOutcomes: all('persons.employment_outcomes'),
    coverage: await rowsOf(db, 'agreements.agreement_coverage'),
    agreements: await rowsOf(db, 'agreements.collaboration_agreements'),
    municipalities: await rowsOf(db, 'agreements.municipalities'),
  };
}

// ── personas ─────────────────────────────────────────────────────────────────────────────────────

/** The personas' orgs and subs as A.3 gives them (employer-1 is the first seeded employer). */
export const PERSONA_ORGS: Record<string, { org: string; sub: string }> = {
  citizen: { org: 'citizen', sub: 'P-000001' },
  'vdab-mediator': { org: 'vdab', sub: 'vdab-mediator-1' },
  'vdab-icf-consultant': { org: 'vdab', sub: 'vdab-icf-1' },
  'gtb-counsellor': { org: 'gtb', sub: 'gtb-counsellor-1' },
  'ocmw-gent': { org: 'ocmw:44021', sub: 'ocmw-gent-sw-1' },
  'ocmw-antwerpen': { org: 'ocmw:11002', sub: 'ocmw-antwerpen-sw-1' },
  'icf-consultant-gent': { org: 'lg:44021', sub: 'lg-gent-icf-1' },
  'employer-1': { org: 'employer:E-000001', sub: 'employer-1-hr' },
  'job-coach-1': { org: 'employer:E-000001', sub: 'job-coach-1' },
  'monitor-gent': { org: 'municipality:44021', sub: 'monitor-gent-1' },
  'monitor-antwerpen': { org: 'municipality:11002', sub: 'monitor-antwerpen-1' },
  'department-analyst': { org: 'department:wewis', sub: 'wewis-analyst-1' },
  'sector-federation': { org: 'federation:groep-maatwerk', sub: 'groep-maatwerk-1' },
};

export interface PersonaContext {
  name: string;
  role: Role;
  org: string;
  /** The purpose of the persona's single mandate (A.2.2): the request's purpose by default. */
  purpose: string | null;
  employerId: string | null;
}

export function personaContext(world: World, name: string): PersonaContext {
  const role = PERSONA_ROLES[name];
  const { org } = PERSONA_ORGS[name];
  const mandate = world.mandates.find((m) => m.org === org && m.role === role);
  return {
    name,
    role,
    org,
    purpose: mandate?.purpose ?? null,
    employerId: org.startsWith('employer:') ? org.slice('employer:'.length) : null,
  };
}

// ── the reference directory, read as DOMAIN says it should be ──────────────────────────────────────

const validOn = (from: unknown, until: unknown, day: string) =>
  (dateOnly(from) ?? '0000') <= day && (until == null || (dateOnly(until) as string) >= day);

const byPerson = new WeakMap<Row[], Map<string, Row[]>>();

/** Rows of a list by their person_id, indexed once. */
function indexed(rows: Row[], personId: string): Row[] {
  let index = byPerson.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) index.set(r.person_id, [...(index.get(r.person_id) ?? []), r]);
    byPerson.set(rows, index);
  }
  return index.get(personId) ?? [];
}

const relationsOf = (world: World, personId: string) => indexed(world.relations, personId);

/** The person gave `org` a consent of this type that is not revoked. */
export function hasConsent(world: World, personId: string, type: string, org: string): boolean {
  return indexed(world.consents, personId).some(
    (c) =>
      c.type === type &&
      c.granted_to === org &&
      (c.revoked_at == null || dateOnly(c.revoked_at)! > world.today),
  );
}

const OPEN_REFERRAL = new Set(['PROPOSED', 'CONTACTED', 'INTAKE', 'BVS']);

/** A running placement paid by the employer (or hosted by it, for an enclave). */
export function isOwnEmployee(world: World, personId: string, employerId: string): boolean {
  return indexed(world.placements, personId).some(
    (p) =>
      (p.employer_id === employerId || p.host_employer_id === employerId) &&
      p.status === 'ACTIVE' &&
      (p.end_date == null || dateOnly(p.end_date)! >= world.today),
  );
}

export function hasOpenReferral(world: World, personId: string, employerId: string): boolean {
  return world.referrals.some(
    (r) => r.person_id === personId && r.employer_id === employerId && OPEN_REFERRAL.has(r.status),
  );
}

/** Days since the last placement of the person at the employer ended (null: none ended). */
export function daysSincePlacementEnded(
  world: World,
  personId: string,
  employerId: string,
): number | null {
  const ends = world.placements
    .filter((p) => p.person_id === personId && p.employer_id === employerId && p.end_date != null)
    .map((p) => dateOnly(p.end_date)!);
  if (!ends.length) return null;
  const last = ends.sort().at(-1)!;
  return Math.round((Date.parse(world.today) - Date.parse(last)) / 86_400_000);
}

/**
 * 'in': the persona must see the person; 'out': the person must not exist for it (A.2.4);
 * 'maybe': DOMAIN does not settle it with the seeded data (a relation for another purpose, an
 * opt-in without a pool, a job coach's worker whose assignment is not recorded…): either answer
 * is accepted, but what arrives must respect the field level.
 */
export type Scope = 'in' | 'out' | 'maybe';

export interface ScopeReading {
  scope: Scope;
  why: string;
}

/** Grace after a placement ends before the employer loses the person (not in DOMAIN; issue 14 proposes 90 days). */
export const EMPLOYER_GRACE_DAYS = 90;

const scopeCache = new WeakMap<World, Map<string, ScopeReading>>();

/** The persona's row scope for one person (memoised per world). */
export function scopeOf(world: World, persona: PersonaContext, personId: string): ScopeReading {
  let cache = scopeCache.get(world);
  if (!cache) scopeCache.set(world, (cache = new Map()));
  const key = `${persona.name}|${personId}`;
  let reading = cache.get(key);
  if (!reading) cache.set(key, (reading = readScope(world, persona, personId)));
  return reading;
}

function readScope(world: World, persona: PersonaContext, personId: string): ScopeReading {
  const { role, org, purpose } = persona;
  if (role === 'CITIZEN') {
    return personId === PERSONA_ORGS.citizen.sub
      ? { scope: 'in', why: 'the citizen’s own file' }
      : { scope: 'out', why: 'another citizen' };
  }
  if (role === 'CITY_MONITOR' || role === 'DEPARTMENT_ANALYST' || role === 'SECTOR_FEDERATION') {
    return { scope: 'out', why: 'aggregates only (A.2.5)' };
  }
  const valid = relationsOf(world, personId).filter(
    (r) => r.org === org && validOn(r.valid_from, r.valid_until, world.today),
  );
  const forPurpose = valid.filter((r) => r.purpose === purpose);
  if (role === 'EMPLOYER' || role === 'JOB_COACH') {
    const employerId = persona.employerId!;
    const employee = isOwnEmployee(world, personId, employerId);
    const candidate = hasOpenReferral(world, personId, employerId);
    const ended = daysSincePlacementEnded(world, personId, employerId);
    if (role === 'JOB_COACH') {
      if (employee)
        return {
          scope: 'maybe',
          why: 'a worker of the employer; assignment to this coach is not recorded',
        };
      if (candidate)
        return { scope: 'out', why: 'a referred candidate, not an assigned worker (note 14)' };
    } else {
      if (employee) return { scope: 'in', why: 'own employee (running placement)' };
      if (candidate && forPurpose.length)
        return { scope: 'in', why: 'referred candidate (open referral)' };
    }
    if (ended !== null && !employee && !candidate) {
      return ended > EMPLOYER_GRACE_DAYS
        ? { scope: 'out', why: `former employee: placement ended ${ended} days ago (note 14)` }
        : { scope: 'maybe', why: `former employee, placement ended ${ended} days ago` };
    }
    if (valid.length)
      return {
        scope: 'maybe',
        why: `relation ${valid.map((r) => r.source).join(', ')} without an open referral or running placement`,
      };
    return { scope: 'out', why: 'no relation valid today' };
  }
  if (forPurpose.length) {
    return {
      scope: 'in',
      why: `relation ${forPurpose.map((r) => r.source).join(', ')} for ${purpose}`,
    };
  }
  if (valid.length)
    return {
      scope: 'maybe',
      why: `relation for another purpose: ${valid.map((r) => `${r.purpose} (${r.source})`).join(', ')}`,
    };
  if (role === 'LG_ICF_CONSULTANT' && soClientsOf(world, persona).has(personId)) {
    return {
      scope: 'maybe',
      why: 'OCMW client of a municipality its SO adviesbevoegdheid covers (issue 13 item 9)',
    };
  }
  if (relationsOf(world, personId).some((r) => r.org === org)) {
    return { scope: 'out', why: 'its relations with the person have ended' };
  }
  return { scope: 'out', why: 'no relation in the reference directory' };
}

/**
 * The OCMW clients of the municipalities covered by the SO adviesbevoegdheid that grounds an LG
 * ICF consultant's mandate (B.4 actors; A.2.4 "an SO adviesbevoegdheid covering the person's
 * municipality"): persons with a running social-assistance record of a covered OCMW.
 */
export function soClientsOf(world: World, persona: PersonaContext): Set<string> {
  const mandate = world.mandates.find((m) => m.org === persona.org && m.role === persona.role);
  const agreement = world.agreements.find((a) => a.id === mandate?.agreement_id);
  if (!agreement || agreement.status !== 'ACTIVE') return new Set();
  const covered = new Set(
    world.coverage
      .filter((c) => c.agreement_id === agreement.id)
      .map((c) => c.municipality_nis_code),
  );
  return new Set(
    world.socialAssistance
      .filter(
        (s) =>
          covered.has(s.ocmw_nis_code) &&
          (s.ended_at == null || dateOnly(s.ended_at)! >= world.today),
      )
      .map((s) => s.person_id),
  );
}

export function personsBy(world: World, persona: PersonaContext, scope: Scope): string[] {
  return world.persons.map((p) => p.id).filter((id) => scopeOf(world, persona, id).scope === scope);
}
