import { RowScope } from '../../common/access/rows';
import { today } from '../../common/clock';
import { relations } from '../support/access-schema';
import { maatwerkSubgraph } from '../../subgraphs/maatwerk/server';
import {
  contingents,
  employers,
  placements,
  referrals,
  supportPlans,
  vacancies,
} from '../../subgraphs/maatwerk/tables';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const employer = (n: number, type: 'MAATWERKBEDRIJF' | 'REGULIERE_WERKGEVER', nisCode: string) => ({
  id: `E-00000${n}`,
  name: `Employer ${n}`,
  type,
  federation: type === 'MAATWERKBEDRIJF' ? ('GROEP_MAATWERK' as const) : ('NONE' as const),
  legalForm: type === 'MAATWERKBEDRIJF' ? 'VZW' : 'BV',
  enterpriseNumber: `0400.000.00${n}`,
  municipalityNisCode: nisCode,
  targetGroupShare: type === 'MAATWERKBEDRIJF' ? 0.62 : null,
  vte: 120,
});

const vacancy = (
  n: number,
  employerId: string,
  measure: 'CMW' | 'IMW',
  nisCode: string,
  extra: Partial<typeof vacancies.$inferInsert> = {},
) => ({
  id: `V-00000${n}`,
  employerId,
  measure,
  jobTitle: `Job ${n}`,
  activity: 'groenonderhoud',
  municipalityNisCode: nisCode,
  hoursPerWeek: 38,
  languageRequirement: 'B1' as const,
  positions: 2,
  reservedForTicketHolders: measure === 'CMW',
  status: 'OPEN' as const,
  openedAt: '2025-01-06',
  ...extra,
});

const GUIDE_ARRANGEMENTS = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `guide arrangement ${n}`);
const COACH_ARRANGEMENTS = [1, 2, 3, 4].map((n) => `coach arrangement ${n}`);

describe('maatwerk subgraph', () => {
  let subgraph: SubgraphUnderTest;

  beforeAll(async () => {
    subgraph = await startSubgraph(maatwerkSubgraph, async ({ db }) => {
      await db
        .insert(employers)
        .values([
          employer(1, 'MAATWERKBEDRIJF', '44021'),
          employer(2, 'REGULIERE_WERKGEVER', '44021'),
          employer(3, 'REGULIERE_WERKGEVER', '21004'),
        ]);
      await db.insert(contingents).values([
        {
          id: 'CT-000001',
          employerId: 'E-000001',
          measure: 'CMW',
          year: 2024,
          vteAllotted: 100,
          vteFilled: 98.5,
        },
        {
          id: 'CT-000002',
          employerId: 'E-000001',
          measure: 'CMW',
          year: 2025,
          vteAllotted: 100,
          vteFilled: 103,
        },
      ]);
      await db.insert(vacancies).values([
        vacancy(1, 'E-000001', 'CMW', '44021'),
        vacancy(2, 'E-000002', 'IMW', '44021', {
          languageRequirement: 'NONE',
          tags: ['werkplekvrij'],
        }),
        vacancy(3, 'E-000002', 'IMW', '11002', { status: 'FILLED', closedAt: '2025-03-01' }),
        vacancy(4, 'E-000003', 'IMW', '21004', { languageRequirement: 'NONE' }),
      ]);
      await db.insert(referrals).values([
        {
          id: 'R-000001',
          personId: 'P-000001',
          vacancyId: 'V-000001',
          employerId: 'E-000001',
          origin: 'VDAB_TOELEIDING',
          matchBasis: ['interests', 'proximity'],
          status: 'HIRED',
          proposedAt: new Date('2025-01-10T09:00:00Z'),
          statusChangedAt: new Date('2025-02-01T09:00:00Z'),
        },
        {
          id: 'R-000002',
          personId: 'P-000002',
          vacancyId: 'V-000001',
          employerId: 'E-000001',
          origin: 'OCMW',
          status: 'REJECTED_BY_EMPLOYER',
          proposedAt: new Date('2025-01-12T09:00:00Z'),
          statusChangedAt: new Date('2025-01-20T09:00:00Z'),
          failureReason: 'SKILLS_MISMATCH',
          failureText: 'Needs more experience with machines',
          failureGivenAt: new Date('2025-01-20T09:00:00Z'),
        },
        {
          id: 'R-000003',
          personId: 'P-000002',
          employerId: 'E-000002',
          origin: 'DIRECT_BY_CITIZEN',
          status: 'PROPOSED',
          proposedAt: new Date('2025-02-01T09:00:00Z'),
          statusChangedAt: new Date('2025-02-01T09:00:00Z'),
        },
      ]);
      await db.insert(placements).values([
        {
          id: 'PL-000001',
          personId: 'P-000001',
          employerId: 'E-000001',
          adviceId: 'AD-000001',
          referralId: 'R-000001',
          type: 'CMW',
          startDate: daysAgo(400),
          fte: 0.8,
          wopRef: 'WOP-000001',
          qualifiedGuide: 'Guide One',
          colleagueCoach: 'Coach One',
          status: 'ACTIVE',
        },
        {
          id: 'PL-000002',
          personId: 'P-000003',
          employerId: 'E-000001',
          hostEmployerId: 'E-000002',
          type: 'ENCLAVE',
          startDate: daysAgo(30),
          fte: 1,
          status: 'ACTIVE',
        },
        {
          id: 'PL-000003',
          personId: 'P-000002',
          employerId: 'E-000002',
          type: 'IMW',
          startDate: '2024-01-01',
          endDate: '2024-03-01',
          fte: 0.5,
          status: 'ENDED',
          endReason: 'ONTSLAG',
        },
      ]);
      await db.insert(supportPlans).values({
        id: 'SP-000001',
        placementId: 'PL-000001',
        personId: 'P-000001',
        drawnUpAt: daysAgo(390),
        guideIsDirectColleague: false,
        guideDutyArrangements: GUIDE_ARRANGEMENTS,
        colleagueCoachDutyArrangements: COACH_ARRANGEMENTS,
        reviewDates: ['2025-06-01', '2025-12-01'],
      });
    });
  });

  afterAll(() => subgraph?.stop());

  it('pages through employers with a cursor and filters them', async () => {
    const first = await subgraph.execute(
      `{ employers(first: 2, municipalityNisCode: "44021") {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.employers.totalCount).toBe(2);
    expect(first.data.employers.edges.map((e: any) => e.node.id)).toEqual(['E-000001', 'E-000002']);
    expect(first.data.employers.pageInfo.hasNextPage).toBe(false);

    const regular = await subgraph.execute(
      `query($after: String) { employers(first: 1, type: REGULIERE_WERKGEVER, after: $after) {
        edges { node { id region municipality { nisCode } } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(regular.data.employers.edges.map((e: any) => e.node.id)).toEqual(['E-000002']);
    const next = await subgraph.execute(
      `query($after: String) { employers(first: 1, type: REGULIERE_WERKGEVER, after: $after) {
        edges { node { id region municipality { nisCode } } } pageInfo { hasNextPage } } }`,
      { after: regular.data.employers.pageInfo.endCursor },
    );
    expect(next.data.employers).toEqual({
      edges: [{ node: { id: 'E-000003', region: 'BRUSSEL', municipality: { nisCode: '21004' } } }],
      pageInfo: { hasNextPage: false },
    });

    const federation = await subgraph.execute(
      '{ employers(federation: GROEP_MAATWERK) { edges { node { id region } } } }',
    );
    expect(federation.data.employers.edges).toEqual([
      { node: { id: 'E-000001', region: 'VLAANDEREN' } },
    ]);
  });

  it('filters vacancies on measure, status, place, tag and "no Dutch required"', async () => {
    const ids = async (args: string) => {
      const result = await subgraph.execute(`{ vacancies(${args}) { edges { node { id } } } }`);
      expect(result.errors).toBeUndefined();
      return result.data.vacancies.edges.map((e: any) => e.node.id);
    };
    expect(await ids('noDutchRequired: true')).toEqual(['V-000002', 'V-000004']);
    expect(await ids('noDutchRequired: false')).toEqual(['V-000001', 'V-000003']);
    expect(await ids('tag: "werkplekvrij"')).toEqual(['V-000002']);
    expect(await ids('measure: IMW, status: OPEN')).toEqual(['V-000002', 'V-000004']);
    expect(await ids('municipalityNisCode: "44021", employerId: "E-000002"')).toEqual(['V-000002']);
    const page = await subgraph.execute(
      '{ vacancies(first: 3) { totalCount pageInfo { hasNextPage } } }',
    );
    expect(page.data.vacancies).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });

  it('filters referrals and returns the failure feedback of a failed match', async () => {
    const result = await subgraph.execute(
      `{ referrals(personId: "P-000002") { totalCount edges { node {
        id status vacancy { id } employer { id } failureFeedback { reasonCode text givenAt } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.referrals).toEqual({
      totalCount: 2,
      edges: [
        {
          node: {
            id: 'R-000002',
            status: 'REJECTED_BY_EMPLOYER',
            vacancy: { id: 'V-000001' },
            employer: { id: 'E-000001' },
            failureFeedback: {
              reasonCode: 'SKILLS_MISMATCH',
              text: 'Needs more experience with machines',
              givenAt: new Date('2025-01-20T09:00:00Z'),
            },
          },
        },
        {
          node: {
            id: 'R-000003',
            status: 'PROPOSED',
            vacancy: null,
            employer: { id: 'E-000002' },
            failureFeedback: null,
          },
        },
      ],
    });
    const hired = await subgraph.execute(
      '{ referrals(status: HIRED, vacancyId: "V-000001", employerId: "E-000001") { edges { node { id } } } }',
    );
    expect(hired.data.referrals.edges).toEqual([{ node: { id: 'R-000001' } }]);
  });

  it('filters placements and computes sustained employment', async () => {
    const result = await subgraph.execute(
      `{ placements { edges { node { id type status endReason sustained unpaid } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.placements.edges.map((e: any) => e.node)).toEqual([
      {
        id: 'PL-000001',
        type: 'CMW',
        status: 'ACTIVE',
        endReason: null,
        sustained: true,
        unpaid: false,
      },
      {
        id: 'PL-000002',
        type: 'ENCLAVE',
        status: 'ACTIVE',
        endReason: null,
        sustained: null,
        unpaid: false,
      },
      {
        id: 'PL-000003',
        type: 'IMW',
        status: 'ENDED',
        endReason: 'ONTSLAG',
        sustained: false,
        unpaid: false,
      },
    ]);
    const filtered = await subgraph.execute(
      '{ placements(employerId: "E-000001", status: ACTIVE, type: ENCLAVE) { edges { node { id } } } }',
    );
    expect(filtered.data.placements.edges).toEqual([{ node: { id: 'PL-000002' } }]);
    const byPerson = await subgraph.execute('{ placements(personId: "P-000002") { totalCount } }');
    expect(byPerson.data.placements.totalCount).toBe(1);
  });

  it('walks employer → contingents, vacancies and placements', async () => {
    const result = await subgraph.execute(`{ employer(id: "E-000001") {
      name type federation legalForm enterpriseNumber targetGroupShare vte
      contingents { measure year vteAllotted vteFilled occupancy }
      vacancies { id measure reservedForTicketHolders employer { id } municipality { nisCode } }
      placements { id hostEmployer { id } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.employer).toEqual({
      name: 'Employer 1',
      type: 'MAATWERKBEDRIJF',
      federation: 'GROEP_MAATWERK',
      legalForm: 'VZW',
      enterpriseNumber: '0400.000.001',
      targetGroupShare: 0.62,
      vte: 120,
      contingents: [
        { measure: 'CMW', year: 2024, vteAllotted: 100, vteFilled: 98.5, occupancy: 0.99 },
        { measure: 'CMW', year: 2025, vteAllotted: 100, vteFilled: 103, occupancy: 1.03 },
      ],
      vacancies: [
        {
          id: 'V-000001',
          measure: 'CMW',
          reservedForTicketHolders: true,
          employer: { id: 'E-000001' },
          municipality: { nisCode: '44021' },
        },
      ],
      placements: [
        { id: 'PL-000001', hostEmployer: null },
        { id: 'PL-000002', hostEmployer: { id: 'E-000002' } },
      ],
    });
  });

  it('walks vacancy → employer, referrals → person, vacancy, employer, placement', async () => {
    const result = await subgraph.execute(`{ vacancy(id: "V-000001") {
      jobTitle employer { name }
      referrals { id origin matchBasis person { id } vacancy { id } employer { id } placement { id } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.vacancy).toEqual({
      jobTitle: 'Job 1',
      employer: { name: 'Employer 1' },
      referrals: [
        {
          id: 'R-000001',
          origin: 'VDAB_TOELEIDING',
          matchBasis: ['interests', 'proximity'],
          person: { id: 'P-000001' },
          vacancy: { id: 'V-000001' },
          employer: { id: 'E-000001' },
          placement: { id: 'PL-000001' },
        },
        {
          id: 'R-000002',
          origin: 'OCMW',
          matchBasis: [],
          person: { id: 'P-000002' },
          vacancy: { id: 'V-000001' },
          employer: { id: 'E-000001' },
          placement: null,
        },
      ],
    });
    const missing = await subgraph.execute(
      '{ vacancy(id: "V-999999") { id } referral(id: "R-999999") { id } }',
    );
    expect(missing.data).toEqual({ vacancy: null, referral: null });
  });

  it('walks placement → person, employer, advice, referral and support plan duties', async () => {
    const result = await subgraph.execute(`{ placement(id: "PL-000001") {
      fte wopRef qualifiedGuide colleagueCoach
      person { id } employer { id } hostEmployer { id } advice { id } referral { id status }
      supportPlan {
        guideIsDirectColleague reviewDates
        guideDuties { duty description arrangement }
        colleagueCoachDuties { duty arrangement }
      }
    } }`);
    expect(result.errors).toBeUndefined();
    const placement = result.data.placement;
    expect(placement).toMatchObject({
      fte: 0.8,
      wopRef: 'WOP-000001',
      qualifiedGuide: 'Guide One',
      colleagueCoach: 'Coach One',
      person: { id: 'P-000001' },
      employer: { id: 'E-000001' },
      hostEmployer: null,
      advice: { id: 'AD-000001' },
      referral: { id: 'R-000001', status: 'HIRED' },
      supportPlan: { guideIsDirectColleague: false, reviewDates: ['2025-06-01', '2025-12-01'] },
    });
    expect(placement.supportPlan.guideDuties).toHaveLength(8);
    expect(placement.supportPlan.guideDuties[0]).toEqual({
      duty: 'PRACTICAL_GUIDANCE',
      description: 'Practical guidance based on the support plan',
      arrangement: 'guide arrangement 1',
    });
    expect(placement.supportPlan.guideDuties[7].duty).toBe('INFORMATION_FOR_VDAB');
    expect(placement.supportPlan.colleagueCoachDuties).toEqual([
      { duty: 'WORKFLOOR_INTEGRATION', arrangement: 'coach arrangement 1' },
      { duty: 'DAILY_COACHING', arrangement: 'coach arrangement 2' },
      { duty: 'FIRST_POINT_OF_CONTACT', arrangement: 'coach arrangement 3' },
      { duty: 'SIGNALLING', arrangement: 'coach arrangement 4' },
    ]);
    const other = await subgraph.execute(
      '{ placement(id: "PL-000003") { advice { id } referral { id } supportPlan { id } } }',
    );
    expect(other.data.placement).toEqual({ advice: null, referral: null, supportPlan: null });
  });

  it('resolves Employer and Vacancy entities by key, null for an unknown id', async () => {
    const result = await subgraph.execute(
      `{ _entities(representations: [
        { __typename: "Employer", id: "E-000003" }, { __typename: "Employer", id: "E-999999" },
        { __typename: "Vacancy", id: "V-000002" }, { __typename: "Vacancy", id: "V-999999" }
      ]) { ... on Employer { id name } ... on Vacancy { id tags } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { id: 'E-000003', name: 'Employer 3' },
      null,
      { id: 'V-000002', tags: ['werkplekvrij'] },
      null,
    ]);
  });

  it('adds referrals and placements to Person entities', async () => {
    const result = await subgraph.execute(
      `{ _entities(representations: [
        { __typename: "Person", id: "P-000002" }, { __typename: "Person", id: "P-999999" }
      ]) { ... on Person { id referrals { id } placements { id sustained } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      {
        id: 'P-000002',
        referrals: [{ id: 'R-000002' }, { id: 'R-000003' }],
        placements: [{ id: 'PL-000003', sustained: false }],
      },
      { id: 'P-999999', referrals: [], placements: [] },
    ]);
  });

  it('adds employers to Municipality entities', async () => {
    const result = await subgraph.execute(
      `{ _entities(representations: [
        { __typename: "Municipality", nisCode: "44021" }, { __typename: "Municipality", nisCode: "11002" },
        { __typename: "Municipality", nisCode: "21004" }
      ]) { ... on Municipality { nisCode employers { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { nisCode: '44021', employers: [{ id: 'E-000001' }, { id: 'E-000002' }] },
      { nisCode: '11002', employers: [] },
      { nisCode: '21004', employers: [{ id: 'E-000003' }] },
    ]);
  });

  it('batches nested fields: one statement per field whatever the number of parents', async () => {
    const query = `query($first: Int) { employers(first: $first) { edges { node {
      contingents { occupancy }
      vacancies { employer { id } referrals { id } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const before = subgraph.database.statements.count;
      const result = await subgraph.execute(query, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data.employers.edges).toHaveLength(first);
      return subgraph.database.statements.count - before;
    };
    // The page, then contingents, vacancies, their employers and their referrals: one each.
    expect(await statementsFor(1)).toBe(5);
    expect(await statementsFor(3)).toBe(5);
  });

  it('shows an employer only its own referrals and placements of the persons it may see', async () => {
    const { db } = subgraph.database;
    await db.insert(relations).values(
      ['P-000002', 'P-000003'].map((personId) => ({
        org: 'employer:E-000001',
        personId,
        purpose: 'EMPLOYMENT',
        validFrom: '2025-01-01',
        source: `test:${personId}`,
      })),
    );
    const employerLoaders = maatwerkSubgraph.createLoaders(
      db,
      new RowScope(
        { sub: 'hr-1', role: 'EMPLOYER', org: 'employer:E-000001', purpose: 'EMPLOYMENT' },
        today(),
      ),
    );
    const [ownReferrals, otherPerson, enclave] = await Promise.all([
      employerLoaders.referralsByPerson.load('P-000002'),
      employerLoaders.referralsByPerson.load('P-000001'),
      employerLoaders.placementsByPerson.load('P-000003'),
    ]);
    // P-000002 was also referred to E-000002; that referral is not E-000001's business.
    expect(ownReferrals.map((row) => row.id)).toEqual(['R-000002']);
    expect(otherPerson).toEqual([]);
    expect(enclave.map((row) => row.id)).toEqual(['PL-000002']);

    const hostLoaders = maatwerkSubgraph.createLoaders(
      db,
      new RowScope(
        { sub: 'hr-2', role: 'EMPLOYER', org: 'employer:E-000002', purpose: 'EMPLOYMENT' },
        today(),
      ),
    );
    await db.insert(relations).values({
      org: 'employer:E-000002',
      personId: 'P-000003',
      purpose: 'EMPLOYMENT',
      validFrom: '2025-01-01',
      source: 'test:host',
    });
    // The enclave's host company sees the worker placed with it.
    expect((await hostLoaders.placementById.load('PL-000002'))?.id).toBe('PL-000002');
  });

  describe('database rules', () => {
    const violates = (insert: Promise<unknown>, constraint: string) =>
      expect(insert).rejects.toMatchObject({
        cause: { message: expect.stringContaining(`check constraint "${constraint}"`) },
      });
    const insertVacancy = (overrides: Partial<typeof vacancies.$inferInsert>) =>
      subgraph.database.db.insert(vacancies).values({
        ...vacancy(9, 'E-000002', 'IMW', '44021'),
        ...overrides,
      });
    const insertReferral = (overrides: Partial<typeof referrals.$inferInsert>) =>
      subgraph.database.db.insert(referrals).values({
        id: 'R-000009',
        personId: 'P-000009',
        employerId: 'E-000001',
        origin: 'VDAB_TOELEIDING',
        status: 'REJECTED_BY_EMPLOYER',
        proposedAt: new Date('2025-01-10T09:00:00Z'),
        statusChangedAt: new Date('2025-01-11T09:00:00Z'),
        ...overrides,
      });

    it('refuses an IMW vacancy reserved for ticket holders, and an unreserved CMW one', async () => {
      await violates(insertVacancy({ reservedForTicketHolders: true }), 'vacancies_reserved_check');
      await violates(
        insertVacancy({ measure: 'CMW', reservedForTicketHolders: false }),
        'vacancies_reserved_check',
      );
    });

    it('refuses a failed referral without a reason, and OTHER without a text', async () => {
      const rule = 'referrals_failure_feedback_check';
      await violates(insertReferral({}), rule);
      const givenAt = new Date('2025-01-11T09:00:00Z');
      await violates(insertReferral({ failureReason: 'OTHER', failureGivenAt: givenAt }), rule);
      await violates(
        insertReferral({ status: 'PROPOSED', failureReason: 'NO_SHOW', failureGivenAt: givenAt }),
        rule,
      );
      await insertReferral({
        failureReason: 'OTHER',
        failureText: 'Moved',
        failureGivenAt: givenAt,
      });
    });

    it('refuses an enclave without a host, and a paid AMA SE placement', async () => {
      const base = {
        id: 'PL-000009',
        personId: 'P-000009',
        employerId: 'E-000001',
        startDate: '2025-01-01',
        fte: 0.5,
        status: 'ACTIVE' as const,
      };
      const insert = (overrides: Partial<typeof placements.$inferInsert>) =>
        subgraph.database.db.insert(placements).values({ ...base, type: 'IMW', ...overrides });
      await violates(insert({ type: 'ENCLAVE' }), 'placements_enclave_check');
      await violates(insert({ type: 'AMA_SE', unpaid: false }), 'placements_ama_se_check');
      await violates(insert({ status: 'ENDED', endDate: '2025-02-01' }), 'placements_end_check');
    });
  });
});
