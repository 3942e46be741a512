import { personsSubgraph } from '../../subgraphs/persons/server';
import {
  persons,
  socialAssistanceRecords,
  trajectories,
  transmissions,
} from '../../subgraphs/persons/tables';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

const person = (n: number, residenceNisCode: string) => ({
  id: `P-${String(n).padStart(6, '0')}`,
  insz: `850101${String(n).padStart(5, '0')}`,
  firstName: `First${n}`,
  lastName: `Last${n}`,
  birthDate: '1985-01-01',
  gender: 'F' as const,
  educationLevel: 'KORT' as const,
  dutchLevel: 'B1' as const,
  englishLevel: 'A2' as const,
  residenceNisCode,
  mobility: 'PUBLIC_TRANSPORT' as const,
  labourMarketStatus: 'NWWZ' as const,
});

describe('persons subgraph', () => {
  let subgraph: SubgraphUnderTest;

  beforeAll(async () => {
    subgraph = await startSubgraph(personsSubgraph, async ({ db }) => {
      await db.insert(persons).values([person(1, '44021'), person(2, '44021'), person(3, '11002')]);
      await db.insert(socialAssistanceRecords).values({
        id: 'SA-000001',
        personId: 'P-000001',
        ocmwNisCode: '44021',
        type: 'LEEFLOON',
        grantedAt: '2024-02-01',
        clientStatus: 'IN_TRAJECTORY',
        registrationDuty: 'VERPLICHT',
        workReadiness: 'ARBEIDSRIJP',
      });
      await db
        .insert(trajectories)
        .values({ id: 'T-000001', personId: 'P-000001', regie: 'OCMW', startedAt: '2024-03-01' });
      await db.insert(transmissions).values({
        id: 'TR-000001',
        trajectoryId: 'T-000001',
        kind: 'NIET_NAKOMEN_AFSPRAKEN',
        sentAt: '2024-06-01',
        description: 'Two missed appointments',
      });
    });
  });

  afterAll(() => subgraph?.stop());

  it('pages through persons with a cursor and filters by residence', async () => {
    const first = await subgraph.execute(
      `query($after: String) { persons(first: 1, residenceNisCode: "44021", after: $after) {
        totalCount edges { node { id residence { nisCode } } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.persons.totalCount).toBe(2);
    expect(first.data.persons.edges.map((e: any) => e.node.id)).toEqual(['P-000001']);
    expect(first.data.persons.pageInfo.hasNextPage).toBe(true);

    const second = await subgraph.execute(
      `query($after: String) { persons(first: 1, residenceNisCode: "44021", after: $after) {
        edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: first.data.persons.pageInfo.endCursor },
    );
    expect(second.data.persons.edges.map((e: any) => e.node.id)).toEqual(['P-000002']);
    expect(second.data.persons.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page size above the cap with BAD_USER_INPUT', async () => {
    const result = await subgraph.execute('{ persons(first: 100000) { totalCount } }');
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/^first:/);
  });

  it('resolves Person entities by key, null for an unknown id', async () => {
    const result = await subgraph.execute(
      `{ _entities(representations: [{ __typename: "Person", id: "P-000003" }, { __typename: "Person", id: "P-999999" }]) {
        ... on Person { id lastName } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([{ id: 'P-000003', lastName: 'Last3' }, null]);
  });

  it('walks a person to their assistance, trajectory and open transmissions', async () => {
    const result = await subgraph.execute(`{ person(id: "P-000001") {
      socialAssistance { type ocmw { nisCode } }
      trajectories { regie transmissions { kind awaitingFeedback } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.person).toEqual({
      socialAssistance: [{ type: 'LEEFLOON', ocmw: { nisCode: '44021' } }],
      trajectories: [
        {
          regie: 'OCMW',
          transmissions: [{ kind: 'NIET_NAKOMEN_AFSPRAKEN', awaitingFeedback: true }],
        },
      ],
    });
  });

  it('lists the residents of a municipality through the Municipality entity', async () => {
    const result = await subgraph.execute(
      `{ _entities(representations: [{ __typename: "Municipality", nisCode: "44021" }, { __typename: "Municipality", nisCode: "11002" }]) {
        ... on Municipality { nisCode residents { totalCount edges { node { id } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const ids = (...list: string[]) => list.map((id) => ({ node: { id } }));
    expect(result.data._entities).toEqual([
      { nisCode: '44021', residents: { totalCount: 2, edges: ids('P-000001', 'P-000002') } },
      { nisCode: '11002', residents: { totalCount: 1, edges: ids('P-000003') } },
    ]);
  });
});
