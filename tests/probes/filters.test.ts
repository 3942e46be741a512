/**
 * Probe 5: filters and counts are reads (issue 13 item 8). A filter argument that selects on a
 * personal attribute reads that attribute's category (support/domain.ts FILTER_MAP, derived from
 * the argument's name and description and DOMAIN): a persona that may not read the category must
 * be refused, FORBIDDEN naming the argument, rather than get a filtered list or count. Where the
 * category depends on the person (a consent cell), a filtered answer may only hold persons whose
 * category the persona may read. Values generated with fast-check from the seeded data.
 */
import fc from 'fast-check';

import { withdrawSeededOptIns } from '../support/opt-ins';
import { startTestStack, type TestStack } from '../support/stack';
import { FILTER_MAP, NOTES, PERSONAS, cellFor, type FieldClass } from './support/domain';
import { decide } from './support/expect';
import { PROBE_SEED, expectNoFindings, type Finding } from './support/probe';
import { enumValues, objectType } from './support/schema';
import {
  loadWorld,
  personaContext,
  personsBy,
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
  console.log(`filter probes: ${operations} operations`);
  await stack?.stop();
});

/** Can the persona read this class for every person ('all'), for none, or for some (consent, own employees)? */
function readLevel(persona: PersonaContext, cls: FieldClass): 'all' | 'none' | 'some' {
  const cell = cellFor(persona.role, cls.category);
  switch (cell.level) {
    case 'full':
      return 'all';
    case 'minimal':
      return cls.minimalIn.includes(cell.note) ? 'all' : 'none';
    case 'consent':
    case 'ownEmployees':
      return 'some';
    default:
      return 'none';
  }
}

const quote = (v: string) => JSON.stringify(v);

/** Values for an argument, from its type and the seeded data. */
function valuesFor(persona: PersonaContext, field: string, arg: string): string[] {
  const type = objectType('Query')
    .getFields()
    [field].args.find((a) => a.name === arg)!
    .type.toString();
  // values the persona's own persons hold first, so a filtered answer is a real selection
  const mine = (owner: string) => personsBy(world, persona, 'in').includes(owner);
  const distinct = (xs: unknown[]) => [...new Set(xs.filter((x) => x != null).map(String))];
  const prefer = <T extends { person_id?: string; id?: string }>(rows: T[]) => {
    const own = rows.filter((r) => mine(String(r.person_id ?? r.id)));
    return own.length ? own : rows;
  };
  let pool: string[];
  if (type === 'Boolean') pool = ['true', 'false'];
  else if (type === 'Date') pool = ['"2024-06-30"', '"2025-06-30"', `"${world.today}"`];
  else if (type === 'DateTime')
    pool = ['"2024-06-30T00:00:00Z"', '"2025-06-30T00:00:00Z"', `"${world.today}T00:00:00Z"`];
  else if (arg === 'region')
    pool = [
      ...distinct(prefer(world.persons).map((p: any) => p.residence_nis_code)),
      'OVL',
      '44000',
    ].map(quote);
  else if (arg === 'activity')
    pool = distinct(prefer(world.persons).flatMap((p: any) => p.activity_preferences)).map(quote);
  else if (arg === 'residenceNisCode')
    pool = distinct(prefer(world.persons).map((p: any) => p.residence_nis_code)).map(quote);
  else if (arg === 'ocmwNisCode')
    pool = distinct(prefer(world.socialAssistance).map((s: any) => s.ocmw_nis_code)).map(quote);
  else if (arg === 'employerId')
    pool = distinct(
      prefer([...world.placements, ...world.referrals]).map((r: any) => r.employer_id),
    ).map(quote);
  else if (arg === 'vacancyId')
    pool = distinct(world.referrals.map((r) => r.vacancy_id)).map(quote);
  else pool = enumValues(type);
  return [
    ...new Set(
      fc.sample(fc.constantFrom(...pool), {
        seed: PROBE_SEED + arg.length + field.length,
        numRuns: 4,
      }),
    ),
  ].slice(0, 3);
}

/** The fields filters' categories are read on, for the per-person (consent) check of a filtered answer. */
const ARG_FIELD: Record<string, [string, string]> = {
  residenceNisCode: ['Person', 'residence'],
  labourMarketStatus: ['Person', 'labourMarketStatus'],
  registeredAtVdab: ['Person', 'vdabRegistration'],
};

describe('probe 5: a filter over a category is a read of that category', () => {
  test.each(PERSONAS)(
    '%s is refused every filter over a category it may not read',
    async (name) => {
      const persona = personaContext(world, name);
      const findings: Finding[] = [];
      for (const [key, cls] of Object.entries(FILTER_MAP)) {
        const [, typeName, field, arg] = /^(\w+)\.(\w+)\((\w+)\)$/.exec(key)!;
        if (typeName !== 'Query') continue;
        const root = decide(world, persona, 'Query', field, null);
        if (root && !root.allowed) continue; // the list itself is refused: nothing to filter
        const level = readLevel(persona, cls);
        if (level === 'all') continue;
        const values = valuesFor(persona, field, arg);
        const text = `{ all: ${field}(first: 500) { totalCount edges { node { id } } } ${values
          .map(
            (v, i) =>
              `f${i}: ${field}(first: 500, ${arg}: ${v}) { totalCount edges { node { id } } }`,
          )
          .join(' ')} }`;
        operations++;
        const body = (await stack.query(text, {}, { persona: name })).body;
        const all = new Set<string>((body.data?.all?.edges ?? []).map((e: any) => e.node.id));
        values.forEach((v, i) => {
          const alias = `f${i}`;
          const answer = body.data?.[alias];
          const errors = (body.errors ?? []).filter((e: any) => e.path?.[0] === alias);
          const refused = errors.some((e: any) => e.extensions?.code === 'FORBIDDEN');
          const named = errors.some(
            (e: any) => e.extensions?.code === 'FORBIDDEN' && String(e.message).includes(arg),
          );
          const base = {
            persona: name,
            path: `${field}(${arg}: ${v})`,
            route: `${field}(${arg})`,
            field: key,
            note: level === 'some' ? 'I13.8' : `I13.8 / ${cls.category}`,
            basis: 'domain' as const,
          };
          const rule = `${arg} filters on ${cls.category} (${NOTES['I13.8'].split(': ')[1]}); ${persona.role} ${level === 'none' ? 'may not read it' : 'may read it only for some persons'}`;
          if (answer == null) {
            if (level === 'none' && !named) {
              findings.push({
                ...base,
                kind: 'CONTRACT',
                person: null,
                expected: `FORBIDDEN naming "${arg}" (${rule})`,
                got: refused
                  ? `FORBIDDEN: ${errors[0].message}`
                  : `null with ${errors.map((e: any) => e.extensions?.code).join(',') || 'no error'}`,
              });
            }
            return;
          }
          const ids: string[] = answer.edges.map((e: any) => e.node.id);
          if (level === 'none') {
            const differs = ids.length !== all.size || ids.some((id) => !all.has(id));
            findings.push({
              ...base,
              kind: differs ? 'LEAK' : 'CONTRACT',
              person: ids.slice(0, 8).join(',') || null,
              expected: `FORBIDDEN naming "${arg}" (${rule})`,
              got: `a filtered answer: totalCount ${answer.totalCount} of ${body.data?.all?.totalCount} (${differs ? 'it tells who matches' : 'the same as unfiltered'})`,
            });
            return;
          }
          // some: every person the filter kept must be one whose category the persona may read
          const [t, f] = ARG_FIELD[arg] ?? [];
          if (!t) return;
          for (const id of ids) {
            const owner = world.ownerOf.get(id) ?? id;
            const d = decide(world, persona, t, f, owner);
            if (d && !d.allowed) {
              findings.push({
                ...base,
                kind: 'LEAK',
                person: owner,
                expected: `${owner} filtered out, or the filter refused: ${d.rule}`,
                got: `${owner} returned by ${arg}: ${v}`,
              });
            }
          }
        });
      }
      expectNoFindings(findings, `${name} filters`);
    },
  );
});
