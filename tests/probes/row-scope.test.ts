/**
 * Probe 4: row scope (DOMAIN A.2.4). A person outside a persona's relations in the reference
 * directory must not exist for it through any path: by id, in any list (every filter argument,
 * generated with fast-check, and every page), through the records that reference them (a referral,
 * placement, advice, indication request), through a municipality's residents, an employer's
 * placements or a vacancy's referrals, nor through `totalCount`, nor through how a forged cursor
 * is answered. NOT_FOUND or absence, never a hint.
 */
import fc from 'fast-check';

import { withdrawSeededOptIns } from '../support/opt-ins';
import { startTestStack, type TestStack } from '../support/stack';
import { PERSONAS } from './support/domain';
import { PROBE_SEED, expectNoFindings, type Finding } from './support/probe';
import { enumValues } from './support/schema';
import {
  loadWorld,
  personaContext,
  personsBy,
  scopeOf,
  type PersonaContext,
  type World,
} from './support/world';

let stack: TestStack;
let world: World;
let operations = 0;

beforeAll(async () => {
  stack = await startTestStack();
  // Seeded opt-ins open persons to every employer (note 11); the probes' row scope has no
  // reading of them, so their world has none (tests/access/introductions.test.ts tries them).
  await withdrawSeededOptIns(stack.database.db);
  world = await loadWorld(stack.database.db);
}, 120_000);

afterAll(async () => {
  console.log(`row-scope probes: ${operations} operations`);
  await stack?.stop();
});

async function ask(persona: string, text: string) {
  operations++;
  return (await stack.query(text, {}, { persona })).body;
}

const code = (e: any) => e?.extensions?.code as string | undefined;
const codesAt = (body: any, alias: string) =>
  (body.errors ?? [])
    .filter((e: any) => e.path?.[0] === alias)
    .map(code)
    .sort()
    .join(',') || 'none';

/** The answer to an id with the id itself blanked, to compare an outsider's with a made-up one's. */
function shapeOf(body: any, alias: string, id: string) {
  const errors = (body.errors ?? [])
    .filter((e: any) => e.path?.[0] === alias)
    .map((e: any) => `${code(e)}:${String(e.message).split(id).join('<id>')}`)
    .sort();
  return JSON.stringify({ value: body.data?.[alias] ?? null, errors });
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );

/** Record kinds reachable by id at the root, with the table that says whose they are. */
const BY_ID: { field: string; table: string; missing: string }[] = [
  { field: 'person', table: 'persons.persons', missing: 'P-999999' },
  { field: 'referral', table: 'maatwerk.referrals', missing: 'R-999999' },
  { field: 'placement', table: 'maatwerk.placements', missing: 'PL-999999' },
  { field: 'advice', table: 'indications.advices', missing: 'AD-999999' },
  { field: 'indicationRequest', table: 'indications.indication_requests', missing: 'IR-999999' },
];

function recordsOf(table: string, owners: Set<string>): string[] {
  if (table === 'persons.persons') return [...owners];
  return [...(world.rows[table]?.values() ?? [])]
    .filter((r) => owners.has(world.ownerOf.get(String(r.id)) ?? ''))
    .map((r) => String(r.id));
}

describe('probe 4: outside the row scope, a person does not exist', () => {
  test.each(PERSONAS)(
    '%s: by id, an outsider and its records are NOT_FOUND, exactly like an id that does not exist',
    async (name) => {
      const persona = personaContext(world, name);
      // outsiders the organisation once had a relation with first (ended referrals, former
      // employees, ended assistance): they are where a stale relation would show
      const related = (id: string) =>
        world.relations.some((r) => r.org === persona.org && r.person_id === id);
      const outsiders = personsBy(world, persona, 'out').sort(
        (a, b) => Number(related(b)) - Number(related(a)),
      );
      const outside = new Set(outsiders);
      const findings: Finding[] = [];
      for (const { field, table, missing } of BY_ID) {
        const all = recordsOf(table, outside).sort(
          (a, b) =>
            Number(related(world.ownerOf.get(b) ?? b)) - Number(related(world.ownerOf.get(a) ?? a)),
        );
        const ids = field === 'person' ? all : all.slice(0, 120);
        for (const group of chunks(ids, 50)) {
          const text = `{ missing: ${field}(id: "${missing}") { id } ${group.map((id, i) => `r${i}: ${field}(id: "${id}") { id }`).join(' ')} }`;
          const body = await ask(name, text);
          const reference = shapeOf(body, 'missing', missing);
          group.forEach((id, i) => {
            const alias = `r${i}`;
            const owner = world.ownerOf.get(id) ?? id;
            const value = body.data?.[alias];
            const base = {
              persona: name,
              path: alias,
              person: owner,
              field: `Query.${field}`,
              route: field,
              basis: 'domain' as const,
            };
            if (value != null) {
              findings.push({
                ...base,
                kind: 'ROW',
                expected: `null (${scopeOf(world, persona, owner).why})`,
                got: JSON.stringify(value),
                note: 'A.2.4',
              });
            } else if (shapeOf(body, alias, id) !== reference) {
              findings.push({
                ...base,
                kind: 'ROW',
                expected: `the same answer as for ${missing}, which does not exist: ${reference}`,
                got: shapeOf(body, alias, id),
                note: 'A.2.4',
              });
            } else if (
              !codesAt(body, alias).includes('NOT_FOUND') &&
              !codesAt(body, alias).includes('FORBIDDEN')
            ) {
              findings.push({
                ...base,
                kind: 'CONTRACT',
                expected: `null with NOT_FOUND (${field} ${id} of an outsider)`,
                got: `null with ${codesAt(body, alias)}`,
                note: 'A.2.4',
              });
            }
          });
        }
      }
      expectNoFindings(collapse(findings), `${name} by id`);
    },
  );

  test.each(PERSONAS)(
    '%s: every list, every generated filter, every page holds only persons it may see, and its totalCount no more',
    async (name) => {
      const persona = personaContext(world, name);
      const findings: Finding[] = [];
      for (const list of LISTS) {
        const filters = generatedFilters(list, persona);
        for (const filter of filters) {
          findings.push(...(await collectList(name, persona, list, filter)));
        }
      }
      findings.push(...(await nestedLists(name, persona)));
      expectNoFindings(collapse(findings), `${name} lists`);
    },
  );

  test.each(
    PERSONAS.filter(
      (p) =>
        !['monitor-gent', 'monitor-antwerpen', 'department-analyst', 'sector-federation'].includes(
          p,
        ),
    ),
  )(
    '%s: a cursor forged from an outsider’s id is answered as one forged from an id that does not exist',
    async (name) => {
      const persona = personaContext(world, name);
      const findings: Finding[] = [];
      const outsiders = personsBy(world, persona, 'out').slice(0, 8);
      const cursor = (id: string) => Buffer.from(id).toString('base64url');
      const text = outsiders
        .map(
          (id, i) =>
            `o${i}: persons(first: 3, after: "${cursor(id)}") { totalCount edges { node { id } } } f${i}: persons(first: 3, after: "${cursor(`${id}~`)}") { totalCount edges { node { id } } }`,
        )
        .join(' ');
      if (!outsiders.length) return;
      const body = await ask(name, `{ ${text} }`);
      outsiders.forEach((id, i) => {
        const real = JSON.stringify({ v: body.data?.[`o${i}`] ?? null, e: codesAt(body, `o${i}`) });
        const fake = JSON.stringify({ v: body.data?.[`f${i}`] ?? null, e: codesAt(body, `f${i}`) });
        if (real !== fake) {
          findings.push({
            kind: 'ROW',
            persona: name,
            path: `o${i}`,
            person: id,
            field: 'Query.persons(after)',
            route: 'persons(after)',
            basis: 'domain',
            expected: `the answer to a cursor of "${id}~" (no such person): ${fake.slice(0, 120)}`,
            got: real.slice(0, 160),
            note: 'A.2.4',
          });
        }
      });
      expectNoFindings(findings, `${name} forged cursors`);
    },
  );
});

// ── lists ───────────────────────────────────────────────────────────────────────────────────────

interface ListSpec {
  field: string;
  /** Generators of each filter argument's values (fast-check), from the seeded data. */
  args: () => Record<string, fc.Arbitrary<string>>;
  /** Whose record a node is. */
  owner: (id: string) => string | undefined;
}

const quote = (v: string) => JSON.stringify(v);
const enumArb = (name: string) => fc.constantFrom(...enumValues(name));
const boolArb = () => fc.constantFrom('true', 'false');
const personIdArb = () => fc.constantFrom(...world.persons.slice(0, 400).map((p) => quote(p.id)));
const nisArb = () =>
  fc.constantFrom(...[...new Set(world.persons.map((p) => p.residence_nis_code))].map(quote));
const dateArb = () =>
  fc.constantFrom(
    '"2024-01-01"',
    '"2024-06-30"',
    '"2025-01-01"',
    '"2025-06-30"',
    `"${world.today}"`,
  );

const LISTS: ListSpec[] = [
  {
    field: 'persons',
    args: () => ({
      residenceNisCode: nisArb(),
      labourMarketStatus: enumArb('LabourMarketStatus'),
      registeredAtVdab: boolArb(),
    }),
    owner: (id) => id,
  },
  {
    field: 'referrals',
    args: () => ({
      personId: personIdArb(),
      employerId: fc.constantFrom(
        ...[...new Set(world.referrals.map((r) => r.employer_id))].map(quote),
      ),
      vacancyId: fc.constantFrom(...world.vacancies.map((v) => quote(v.id))),
      status: enumArb('ReferralStatus'),
    }),
    owner: (id) => world.ownerOf.get(id),
  },
  {
    field: 'placements',
    args: () => ({
      personId: personIdArb(),
      employerId: fc.constantFrom(
        ...[...new Set(world.placements.map((r) => r.employer_id))].map(quote),
      ),
      status: enumArb('PlacementStatus'),
      type: enumArb('PlacementType'),
    }),
    owner: (id) => world.ownerOf.get(id),
  },
  {
    field: 'advices',
    args: () => ({
      personId: personIdArb(),
      type: enumArb('AdviceType'),
      status: enumArb('AdviceStatus'),
      validOn: dateArb(),
    }),
    owner: (id) => world.ownerOf.get(id),
  },
  {
    field: 'indicationRequests',
    args: () => ({
      personId: personIdArb(),
      status: enumArb('IndicationStatus'),
      requestedType: enumArb('AdviceType'),
      route: enumArb('IndicationRoute'),
      procedure: enumArb('IndicationProcedure'),
      decidedFrom: dateArb(),
      decidedTo: dateArb(),
    }),
    owner: (id) => world.ownerOf.get(id),
  },
  {
    field: 'socialAssistanceRecords',
    args: () => ({
      ocmwNisCode: fc.constantFrom(
        ...[...new Set(world.socialAssistance.map((s) => s.ocmw_nis_code))].map(quote),
      ),
      type: enumArb('AssistanceType'),
      clientStatus: enumArb('ClientStatus'),
    }),
    owner: (id) => world.ownerOf.get(id),
  },
];

/** No filter, each filter alone with a generated value, and generated combinations. */
function generatedFilters(list: ListSpec, persona: PersonaContext): string[] {
  const args = list.args();
  const single = Object.entries(args).map(([name, arb]) => {
    const [value] = fc.sample(arb, {
      seed: PROBE_SEED + name.length + persona.name.length,
      numRuns: 1,
    });
    return `${name}: ${value}`;
  });
  // a personId filter with an outsider: the list must come back empty, its count 0
  const outsider = personsBy(world, persona, 'out')[0];
  const targeted = 'personId' in args && outsider ? [`personId: ${quote(outsider)}`] : [];
  const combos = fc
    .sample(
      fc.record(
        Object.fromEntries(
          Object.entries(args).map(([k, a]) => [k, fc.option(a, { nil: undefined })]),
        ),
      ),
      { seed: PROBE_SEED + persona.name.length, numRuns: 2 },
    )
    .map((c) =>
      Object.entries(c)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    );
  return [...new Set(['', ...single, ...targeted, ...combos])];
}

async function collectList(
  name: string,
  persona: PersonaContext,
  list: ListSpec,
  filter: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen: string[] = [];
  let after: string | null = null;
  let totalCount: number | null = null;
  for (let page = 0; page < 10; page++) {
    const args = [`first: 500`, filter, after ? `after: ${quote(after)}` : '']
      .filter(Boolean)
      .join(', ');
    const body = await ask(
      name,
      `{ list: ${list.field}(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
    );
    const value = body.data?.list;
    if (!value) return findings; // refused (FORBIDDEN / BAD_USER_INPUT): no rows, no count
    totalCount ??= value.totalCount;
    for (const edge of value.edges) seen.push(edge.node.id);
    if (!value.pageInfo.hasNextPage) break;
    after = value.pageInfo.endCursor;
  }
  const route = `${list.field}(${filter})`;
  for (const id of seen) {
    const owner = list.owner(id);
    if (!owner) continue;
    const { scope, why } = scopeOf(world, persona, owner);
    if (scope === 'out') {
      findings.push({
        kind: 'ROW',
        persona: name,
        path: route,
        person: owner,
        field: `Query.${list.field}`,
        route,
        basis: 'domain',
        expected: `no record of ${owner} (${why})`,
        got: `${list.field} node ${id}`,
        note: why.includes('note 14') ? '14' : why.includes('aggregates') ? 'A.2.5' : 'A.2.4',
      });
    }
  }
  if (totalCount !== null && totalCount !== seen.length) {
    findings.push({
      kind: 'ROW',
      persona: name,
      path: route,
      person: null,
      field: `Query.${list.field}.totalCount`,
      route,
      basis: 'domain',
      expected: `totalCount = the ${seen.length} nodes it can page through`,
      got: `totalCount ${totalCount}`,
      note: 'A.2.4',
    });
  }
  return findings;
}

/** Lists below other objects: residents, an employer's placements, a vacancy's referrals. */
async function nestedLists(name: string, persona: PersonaContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  const flag = (route: string, table: string, id: string) => {
    const owner = table === 'persons.persons' ? id : world.ownerOf.get(id);
    if (!owner) return;
    const { scope, why } = scopeOf(world, persona, owner);
    if (scope === 'out') {
      findings.push({
        kind: 'ROW',
        persona: name,
        path: route,
        person: owner,
        field: route.split('(')[0],
        route,
        basis: 'domain',
        expected: `no record of ${owner} (${why})`,
        got: `node ${id}`,
        note: why.includes('note 14') ? '14' : why.includes('aggregates') ? 'A.2.5' : 'A.2.4',
      });
    }
  };
  // residents of every municipality where someone outside the scope lives
  const places = [
    ...new Set(
      personsBy(world, persona, 'out').map((id) => world.personById.get(id)?.residence_nis_code),
    ),
  ]
    .filter(Boolean)
    .slice(0, 40) as string[];
  for (const group of chunks(places, 10)) {
    const body = await ask(
      name,
      `{ ${group.map((nis, i) => `m${i}: municipality(nisCode: "${nis}") { residents(first: 500) { totalCount edges { node { id } } } }`).join(' ')} }`,
    );
    group.forEach((nis, i) => {
      const residents = body.data?.[`m${i}`]?.residents;
      if (!residents) return;
      const route = `municipality(${nis}).residents`;
      residents.edges.forEach((e: any) => flag(route, 'persons.persons', e.node.id));
      if (residents.totalCount !== residents.edges.length && residents.edges.length < 500) {
        findings.push({
          kind: 'ROW',
          persona: name,
          path: route,
          person: null,
          field: 'Municipality.residents.totalCount',
          route,
          basis: 'domain',
          expected: `totalCount = ${residents.edges.length} visible residents`,
          got: `totalCount ${residents.totalCount}`,
          note: 'A.2.4',
        });
      }
    });
  }
  const employers = await ask(
    name,
    `{ employers(first: 500) { edges { node { id placements { id } } } } }`,
  );
  for (const e of employers.data?.employers?.edges ?? []) {
    for (const p of e.node.placements ?? [])
      flag(`employer(${e.node.id}).placements`, 'maatwerk.placements', p.id);
  }
  const vacancies = await ask(
    name,
    `{ vacancies(first: 500) { edges { node { id referrals { id } } } } }`,
  );
  for (const e of vacancies.data?.vacancies?.edges ?? []) {
    for (const r of e.node.referrals ?? [])
      flag(`vacancy(${e.node.id}).referrals`, 'maatwerk.referrals', r.id);
  }
  // an employer's vacancies by id, too (not only through the list)
  const own = world.vacancies.filter((v) => v.employer_id === 'E-000001').map((v) => v.id);
  const byId = await ask(
    name,
    `{ ${own.map((id, i) => `v${i}: vacancy(id: "${id}") { id referrals { id } }`).join(' ')} }`,
  );
  own.forEach((id, i) => {
    for (const r of byId.data?.[`v${i}`]?.referrals ?? [])
      flag(`vacancy(${id}).referrals`, 'maatwerk.referrals', r.id);
  });
  return findings;
}

/** One finding per persona × route × person (the same outsider seen on many pages, once). */
function collapse(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.route.replace(/\(.*\)/, '')}|${f.person}|${f.field}|${f.got.startsWith('totalCount') ? f.route : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
