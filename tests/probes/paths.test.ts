/**
 * Probes 4 and 7 over every path: the schema is walked from every root field of Query down to the
 * first personal type through the non-personal ones in between (regions, provinces, municipalities,
 * agreements and their parties, mandates, pact participations, consultants, employers, vacancies…),
 * and every path is asked as every persona. What arrives is held against the row scope (A.2.4) and
 * the field level (A.2.3); for the aggregate-only roles (city monitor, department, sector
 * federation, A.2.5) no person-level field may arrive through any of them.
 */
import { withdrawSeededOptIns } from '../support/opt-ins';
import { startTestStack, type TestStack } from '../support/stack';
import { AGGREGATE_ROLES, PERSONAS, PERSONA_ROLES } from './support/domain';
import { escapeEntries, escapePaths } from './support/paths';
import { expectNoFindings, shapes, type Finding } from './support/probe';
import { dedupe, runEntries, timing, type RunStats } from './support/runner';
import { loadWorld, type World } from './support/world';

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
  console.log(
    `path probes: ${stats.operations} operations over ${escapePaths(world).length} generated paths; ${JSON.stringify(timing)}`,
  );
  await stack?.stop();
});

describe('probes 4 and 7: every path from a root field to a personal record', () => {
  test('the schema offers paths from many root fields to personal records (the walk found them)', () => {
    const roots = new Set(escapePaths(world).map((p) => p.steps[0].field));
    expect(roots.size).toBeGreaterThan(15);
  });

  test.each(PERSONAS)(
    '%s: every path delivers only what its scope and mandate allow',
    async (name) => {
      const aggregateOnly = AGGREGATE_ROLES.includes(PERSONA_ROLES[name]);
      const paths = escapePaths(world);
      const entries = escapeEntries(paths);
      const findings: Finding[] = [];
      const [plain, generated] = shapes(2, name.length + 7);
      findings.push(
        ...(await runEntries(stack, world, name, entries, plain, { perOperation: 40, stats })),
      );
      // a generated shape (aliases, fragments, directives) over the short paths, which fan out least
      const short = escapeEntries(
        paths.filter(
          (p) => p.steps.filter((s) => s.field !== 'edges' && s.field !== 'node').length <= 3,
        ),
      );
      findings.push(
        ...(await runEntries(stack, world, name, short, generated, { perOperation: 3, stats })),
      );
      expectNoFindings(
        dedupe(findings),
        `${name}${aggregateOnly ? ' (aggregates only, A.2.5: no person-level field through any path)' : ''} over ${entries.length} paths`,
      );
    },
  );
});
