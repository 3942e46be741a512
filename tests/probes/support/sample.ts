import fc from 'fast-check';

import { PROBE_SEED, walkSelection, type Entry, type Sel } from './probe';
import { objectType, isLeaf } from './schema';
import { hasConsent, personsBy, type PersonaContext, type Scope, type World } from './world';

/** What a person's file holds, so a sample covers every kind of record at least once. */
export function featuresOf(world: World, persona: PersonaContext, personId: string): string[] {
  const f: string[] = [];
  const has = (table: string, pred: (r: any) => boolean = () => true) =>
    [...(world.rows[table]?.values() ?? [])].some(
      (r) => world.ownerOf.get(String(r.id)) === personId && pred(r),
    );
  if (has('persons.social_assistance_records')) f.push('assistance');
  if (has('persons.social_assistance_records', (r) => r.exemption_reason === 'GEZONDHEID'))
    f.push('health-exemption');
  if (has('persons.social_assistance_records', (r) => r.exemption_reason != null))
    f.push('exemption');
  if (has('persons.sanctions')) f.push('sanction');
  if (has('persons.temporary_protections')) f.push('protection');
  if (has('persons.trajectories')) f.push('trajectory');
  if (has('persons.transmissions')) f.push('transmission');
  if (has('persons.handovers')) f.push('handover');
  if (has('persons.vdab_registrations')) f.push('registration');
  if (has('persons.employment_outcomes', (r) => r.employment_type === 'TWE_OCMW'))
    f.push('twe-outcome');
  if (has('indications.attestations')) f.push('attestation');
  if (has('indications.icf_assessments')) f.push('icf');
  if (has('indications.work_support_packages')) f.push('wop');
  if (has('indications.evaluations')) f.push('evaluation');
  if (has('indications.advices', (r) => r.decision === 'GEWEIGERD')) f.push('refused-advice');
  if (has('indications.advices', (r) => r.type === 'AMA_SE' || r.type === 'AMA_WELZIJN'))
    f.push('ama-advice');
  if (has('maatwerk.referrals')) f.push('referral');
  if (has('maatwerk.referrals', (r) => r.origin === 'OCMW')) f.push('ocmw-referral');
  if (has('maatwerk.placements')) f.push('placement');
  if (has('maatwerk.support_plans')) f.push('support-plan');
  for (const type of ['ATTEST_DATAKOPPELING', 'OCMW_INSCHRIJVINGSMANDAAT']) {
    f.push(
      hasConsent(world, personId, type, persona.org) ? `consent:${type}` : `no-consent:${type}`,
    );
  }
  if (
    world.consents.some((c) => c.person_id === personId && c.type === 'OCMW_INSCHRIJVINGSMANDAAT')
  )
    f.push('ocmw-mandate');
  return f;
}

/**
 * Up to `n` persons of a scope, chosen so that together they hold as many kinds of record as
 * possible (greedy cover), the rest drawn with fast-check from the seed.
 */
export function samplePersons(
  world: World,
  persona: PersonaContext,
  scope: Scope,
  n: number,
): string[] {
  const pool = personsBy(world, persona, scope);
  const features = new Map(pool.map((id) => [id, new Set(featuresOf(world, persona, id))]));
  const chosen: string[] = [];
  const covered = new Set<string>();
  while (chosen.length < n) {
    let best: string | null = null;
    let gain = 0;
    for (const id of pool) {
      if (chosen.includes(id)) continue;
      const g = [...features.get(id)!].filter((x) => !covered.has(x)).length;
      if (g > gain) {
        best = id;
        gain = g;
      }
    }
    if (!best) break;
    chosen.push(best);
    features.get(best)!.forEach((x) => covered.add(x));
  }
  const rest = pool.filter((id) => !chosen.includes(id));
  if (chosen.length < n && rest.length) {
    const [drawn] = fc.sample(
      fc.shuffledSubarray(rest, {
        minLength: Math.min(rest.length, n - chosen.length),
        maxLength: Math.min(rest.length, n - chosen.length),
      }),
      { seed: PROBE_SEED, numRuns: 1 },
    );
    chosen.push(...drawn);
  }
  return chosen;
}

/** Every scalar and enum field of Person: what a person reached through a link is asked for. */
export function personLeaves(): string[] {
  return Object.values(objectType('Person').getFields())
    .filter((field) => isLeaf(field) && field.name !== 'id')
    .map((field) => field.name);
}

export const connection = (node: Sel[]): Sel[] => [
  { field: 'totalCount' },
  { field: 'edges', children: [{ field: 'node', children: node }] },
];

/** The first record id of a table about the person, if any. */
export function recordOf(
  world: World,
  table: string,
  personId: string,
  pred: (r: any) => boolean = () => true,
): string | null {
  for (const r of world.rows[table]?.values() ?? []) {
    if (world.ownerOf.get(String(r.id)) === personId && pred(r)) return String(r.id);
  }
  return null;
}

/** Entries asking for the persons (and their records) by id, each with the persona's scope checked. */
export function entriesByIdFor(
  world: World,
  persona: PersonaContext,
  personIds: string[],
  depth = 2,
): Entry[] {
  const employerSide = persona.role === 'EMPLOYER' || persona.role === 'JOB_COACH';
  const personSels = walkSelection('Person', { depth });
  const linked = personLeaves();
  const entries: Entry[] = [];
  personIds.forEach((id, i) => {
    entries.push({
      alias: `person${i}`,
      field: 'person',
      args: `id: "${id}"`,
      sels: personSels,
      personId: id,
    });
  });
  const records: [string, string][] = [
    ['referral', 'maatwerk.referrals'],
    ['placement', 'maatwerk.placements'],
    ['advice', 'indications.advices'],
    ['indicationRequest', 'indications.indication_requests'],
  ];
  for (const [field, table] of records) {
    const type = field.charAt(0).toUpperCase() + field.slice(1);
    const sels = walkSelection(type, { depth: 1, linkedPersonFields: linked });
    personIds.forEach((personId, i) => {
      const mine = (r: any) =>
        r.employer_id === persona.employerId || r.host_employer_id === persona.employerId;
      if (employerSide && (field === 'referral' || field === 'placement')) {
        // its own record of the person, and one of another employer: that one does not exist for it
        const own = recordOf(world, table, personId, mine);
        const other = recordOf(world, table, personId, (r) => !mine(r));
        if (own)
          entries.push({
            alias: `${field}${i}`,
            field,
            args: `id: "${own}"`,
            sels,
            personId,
            about: own,
          });
        if (other)
          entries.push({
            alias: `${field}${i}x`,
            field,
            args: `id: "${other}"`,
            sels,
            personId,
            about: `${other} (another employer's)`,
            rootScope: 'out',
          });
        return;
      }
      const id = recordOf(world, table, personId);
      // where the persona holds a minimised cell for the record's category (an employer's or an
      // OCMW's advices, an OCMW's or ICF consultant's placements) the note may keep a record back
      // (a refused or expired advice): the walker judges what arrives, the root may go either way
      const minimised =
        ['advice', 'placement'].includes(field) &&
        ['OCMW_SOCIAL_WORKER', 'VDAB_ICF_CONSULTANT', 'EMPLOYER', 'JOB_COACH'].includes(
          persona.role,
        );
      if (id)
        entries.push({
          alias: `${field}${i}`,
          field,
          args: `id: "${id}"`,
          sels,
          personId,
          about: id,
          rootScope: minimised ? 'maybe' : undefined,
        });
    });
  }
  return entries;
}
