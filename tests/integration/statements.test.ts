import { CASELOAD_QUERY } from '../../bench/queries';
import { startTestStack, type TestStack } from '../support/stack';

/** The SQL statements the whole stack issues to answer one operation. */
async function statementsFor(stack: TestStack, first: number) {
  const before = stack.database.statements.count;
  const { body } = await stack.query(CASELOAD_QUERY, { first });
  expect(body.errors).toBeUndefined();
  expect(body.data.persons.edges).toHaveLength(first);
  return stack.database.statements.count - before;
}

describe('SQL per operation does not grow with the page size (no N+1)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('demo');
  }, 180_000);

  afterAll(() => stack?.stop());

  it('issues as many statements for 500 persons as for 50', async () => {
    await statementsFor(stack, 1); // warms the gateway's mandate cache, read once per few minutes
    const for50 = await statementsFor(stack, 50);
    const for500 = await statementsFor(stack, 500);
    expect(for500).toBe(for50);
    // One page plus one count, then one batched statement per nested field and subgraph hop.
    expect(for50).toBeLessThan(20);
  });

  it('counts a list once for all its pages, and apart for every scope', async () => {
    const page = (persona: string, after?: string) =>
      stack.query(
        `query($after: String) {
          persons(first: 5, after: $after, residenceNisCode: "44021") {
            totalCount
            pageInfo { endCursor }
          }
        }`,
        { after },
        { persona },
      );
    const statementsOf = async (read: () => ReturnType<typeof page>) => {
      const before = stack.database.statements.count;
      const { body } = await read();
      expect(body.errors).toBeUndefined();
      return { persons: body.data.persons, statements: stack.database.statements.count - before };
    };
    const ocmw = await statementsOf(() => page('ocmw-gent'));
    const first = await statementsOf(() => page('vdab-mediator'));
    const second = await statementsOf(() =>
      page('vdab-mediator', first.persons.pageInfo.endCursor),
    );
    expect(second.persons.totalCount).toBe(first.persons.totalCount);
    expect(second.statements).toBe(first.statements - 1);
    expect(ocmw.persons.totalCount).not.toBe(first.persons.totalCount);
  });
});
