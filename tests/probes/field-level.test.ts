/**
 * Probes 2 and 3: for every persona of A.3, every personal field of the supergraph, reached from
 * the root fields (`person`, `persons`, `me`, `referral(s)`, `placement(s)`, `advice(s)`,
 * `indicationRequest(s)`, `socialAssistanceRecords`, a municipality's residents, an employer's
 * placements, a vacancy's referrals) through nested entities across subgraphs, in operations
 * whose aliases, inline and named fragments and directives are generated with fast-check. Every
 * field of the answer is held against the probes' own reading of B.4 (support/domain.ts):
 * outside the mandate → null with FORBIDDEN at its exact path; minimised fields only where the
 * notes allow; consent cells only for persons who gave the caller's organisation that consent; and
 * the rest of the answer still arrives. Persons inside and outside each persona's row scope.
 */
import { withdrawSeededOptIns } from '../support/opt-ins';
import { startTestStack, type TestStack } from '../support/stack';
import { PERSONAS } from './support/domain';
import { expectNoFindings, shapes, walkSelection, type Entry, type Finding } from './support/probe';
import { dedupe, runEntries, type RunStats } from './support/runner';
import { connection, entriesByIdFor, personLeaves, samplePersons } from './support/sample';
import { loadWorld, personaContext, type World } from './support/world';

let stack: TestStack;
let world: World;
const stats: RunStats = { operations: 0 };

beforeAll(async () => {
  stack = await startTestStack();
  // Seeded opt-ins open persons to every employer (note 11); the probes' row scope has no
  // reading of them, so their world has none (tests/access/introductions.test.ts tries them).
  await withdrawSeededOptIns(stack.database.db);
  world = await loadWorld(stack.database.db);
}, 120_000);

afterAll(async () => {
  console.log(`field-level probes: ${stats.operations} operations`);
  await stack?.stop();
});

/** List roots and the nested lists that lead to persons, each walked one level below its nodes. */
function listEntries(personaName: string): Entry[] {
  const persona = personaContext(world, personaName);
  const linked = personLeaves();
  const node = (type: string) => walkSelection(type, { depth: 1, linkedPersonFields: linked });
  const residence =
    world.personById.get(samplePersons(world, persona, 'in', 1)[0] ?? 'P-000001')
      ?.residence_nis_code ?? '44021';
  return [
    {
      alias: 'persons',
      field: 'persons',
      args: 'first: 15',
      sels: connection(walkSelection('Person', { depth: 1 })),
    },
    {
      alias: 'referrals',
      field: 'referrals',
      args: 'first: 15',
      sels: connection(node('Referral')),
    },
    {
      alias: 'placements',
      field: 'placements',
      args: 'first: 15',
      sels: connection(node('Placement')),
    },
    { alias: 'advices', field: 'advices', args: 'first: 15', sels: connection(node('Advice')) },
    {
      alias: 'requests',
      field: 'indicationRequests',
      args: 'first: 10',
      sels: connection(node('IndicationRequest')),
    },
    {
      alias: 'assistance',
      field: 'socialAssistanceRecords',
      args: 'first: 15',
      sels: connection(node('SocialAssistanceRecord')),
    },
    {
      alias: 'municipality',
      field: 'municipality',
      args: `nisCode: "${residence}"`,
      sels: [
        { field: 'nisCode' },
        {
          field: 'residents',
          args: 'first: 15',
          children: connection(walkSelection('Person', { depth: 1 })),
        },
      ],
    },
    {
      alias: 'employer',
      field: 'employer',
      args: 'id: "E-000001"',
      sels: [
        { field: 'id' },
        { field: 'placements', children: node('Placement') },
        {
          field: 'vacancies',
          children: [{ field: 'id' }, { field: 'referrals', children: node('Referral') }],
        },
      ],
    },
    { alias: 'me', field: 'me', sels: walkSelection('Person', { depth: 2 }) },
  ];
}

describe('probes 2–3: every personal field, every path, every persona', () => {
  test.each(PERSONAS)(
    '%s sees exactly its mandate of every person it may see',
    async (personaName) => {
      const persona = personaContext(world, personaName);
      const inside = samplePersons(world, persona, 'in', 7);
      const outside = samplePersons(world, persona, 'out', 4);
      const maybe = samplePersons(world, persona, 'maybe', 2);
      const findings: Finding[] = [];
      const [plain, ...generated] = shapes(3, personaName.length);
      // the plain shape: every person and record by id, and every list, in as few operations as fit
      const byId = entriesByIdFor(world, persona, [...inside, ...outside, ...maybe]);
      findings.push(
        ...(await runEntries(
          stack,
          world,
          personaName,
          [...byId, ...listEntries(personaName)],
          plain,
          { stats },
        )),
      );
      // generated shapes: the persons inside the scope again, two per operation so each spread can
      // carry swapped and plain aliases, fragments and directives
      for (const shape of generated) {
        const entries = entriesByIdFor(world, persona, inside.slice(0, 3)).filter(
          (e) => e.field === 'person',
        );
        findings.push(
          ...(await runEntries(stack, world, personaName, entries, shape, {
            perOperation: 2,
            stats,
          })),
        );
      }
      expectNoFindings(
        dedupe(findings),
        `${personaName} (inside: ${inside.join(',')}; outside: ${outside.join(',')}; open: ${maybe.join(',')})`,
      );
    },
  );
});
