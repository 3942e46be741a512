import { RowScope } from '../../common/access/rows';
import { today } from '../../common/clock';
import { relations } from '../support/access-schema';
import {
  adviceStatusOn,
  reviewRegimeFor,
  TWO_EYES_FROM,
  validityEnd,
} from '../../subgraphs/indications/rules';
import { indicationsSubgraph } from '../../subgraphs/indications/server';
import {
  advices,
  attestations,
  evaluations,
  icfAssessments,
  indicationConsultants,
  indicationRequests,
  premiumIncreaseRequests,
  reviews,
  workSupportPackages,
} from '../../subgraphs/indications/tables';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const consultant = (
  n: number,
  org: string,
  extra: Partial<typeof indicationConsultants.$inferInsert> = {},
) => ({
  id: `IC-00000${n}`,
  org,
  name: `Consultant ${n}`,
  accredited: true,
  training: 'VERDIEPINGSMODULE' as const,
  ...extra,
});

/** A granted request of 2024 in Gent unless overridden. */
const request = (
  n: number,
  personId: string,
  extra: Partial<typeof indicationRequests.$inferInsert> = {},
): typeof indicationRequests.$inferInsert => ({
  id: `IR-00000${n}`,
  personId,
  requestedType: 'CMW',
  route: 'ATTEST',
  procedure: 'STANDAARD',
  origin: 'CITIZEN_FORM',
  signedFormAt: '2024-03-18',
  indicatorOrg: 'VDAB',
  municipalityNisCode: '44021',
  submittedAt: new Date('2024-03-19T08:00:00Z'),
  decidedAt: new Date('2024-05-01T11:00:00Z'),
  status: 'GRANTED',
  ...extra,
});

const granted = (
  id: string,
  personId: string,
  requestId: string | null,
  extra: Partial<typeof advices.$inferInsert> = {},
): typeof advices.$inferInsert => ({
  id,
  personId,
  requestId,
  type: 'CMW',
  basis: 'ATTEST',
  decision: 'TOEGEKEND',
  decidedAt: new Date('2024-05-01T11:00:00Z'),
  validFrom: day(-100),
  validUntil: day(1500),
  status: 'ACTIVE',
  ...extra,
});

const ids = (connection: { edges: { node: { id: string } }[] }) =>
  connection.edges.map((edge) => edge.node.id);

describe('indications subgraph', () => {
  let subgraph: SubgraphUnderTest;

  beforeAll(async () => {
    subgraph = await startSubgraph(indicationsSubgraph, async ({ db }) => {
      await db
        .insert(indicationConsultants)
        .values([
          consultant(1, 'lg:44021', { soAdviesbevoegdheidId: 'CA-000002' }),
          consultant(2, 'vdab'),
          consultant(3, 'ocmw:44021', { accredited: false, training: 'BASIS' }),
          consultant(4, 'lg:11002'),
        ]);
      await db.insert(indicationRequests).values([
        request(1, 'P-000001', {
          origin: 'OCMW_CONSULTANT',
          indicatorOrg: 'OCMW',
          consultantId: 'IC-000001',
          consentRef: 'C-000002',
          reviewedAt: new Date('2024-04-25T10:00:00Z'),
        }),
        request(2, 'P-000001', {
          requestedType: 'AMA_SE',
          route: 'ICF',
          signedFormAt: '2025-08-01',
          consultantId: 'IC-000002',
          submittedAt: new Date('2025-08-02T08:00:00Z'),
          decidedAt: null,
          status: 'INFO_GATHERING',
        }),
        request(3, 'P-000002', {
          requestedType: 'IMW',
          route: 'ICF',
          procedure: 'SPOED',
          origin: 'EMPLOYER_SPOED',
          vacancyId: 'V-000009',
          consultantId: 'IC-000002',
          signedFormAt: '2025-08-20',
          submittedAt: new Date('2025-08-21T08:00:00Z'),
          consultantAdviceAt: new Date('2025-09-10T11:00:00Z'),
          decidedAt: new Date('2025-09-15T14:00:00Z'),
        }),
        request(4, 'P-000003', {
          route: 'UKW',
          municipalityNisCode: '11002',
          signedFormAt: '2023-04-02',
          decidedAt: new Date('2023-06-10T14:00:00Z'),
          status: 'REFUSED',
        }),
        // Four more requests signed in Gent in 2024, for the yearly figures.
        ...[5, 6, 7, 8].map((n) =>
          request(n, `P-00000${n}`, {
            signedFormAt: '2024-06-03',
            decidedAt: null,
            status: 'ATTEST_RETRIEVAL',
          }),
        ),
        request(9, 'P-000004', {
          status: 'DRAFT',
          signedFormAt: null,
          submittedAt: null,
          decidedAt: null,
        }),
      ]);
      await db.insert(attestations).values([
        {
          id: 'AT-000001',
          requestId: 'IR-000001',
          personId: 'P-000001',
          kind: 'VAPH_ERKENNING',
          source: 'VAPH',
          obtainedVia: 'DATAKOPPELING',
          validFrom: '2019-06-12',
        },
        {
          id: 'AT-000002',
          requestId: 'IR-000001',
          personId: 'P-000001',
          kind: 'IT',
          source: 'FOD_SZ_DG_HAN',
          obtainedVia: 'UPLOAD',
          validFrom: '2020-01-01',
          validUntil: '2026-12-31',
        },
      ]);
      await db.insert(icfAssessments).values({
        id: 'ICF-000003',
        requestId: 'IR-000003',
        personId: 'P-000002',
        consultantId: 'IC-000002',
        inputs: ['EMPLOYER_INFO', 'BVS_REPORT'],
        impairments: ['Beperkte concentratie'],
        activityLimitations: ['Beperkt werktempo'],
        personalAndExternalFactors: ['Geen eigen vervoer'],
        icfScore: 62,
        conclusion: 'IMW aangewezen.',
        workRelevantSupportNeeds: 'Vaste aanspreekpersoon',
        assessedAt: new Date('2025-09-10T11:00:00Z'),
      });
      await db.insert(reviews).values([
        {
          id: 'RV-000001',
          requestId: 'IR-000001',
          personId: 'P-000001',
          regime: 'VIER_OGEN',
          reviewedAt: new Date('2024-04-25T10:00:00Z'),
        },
        {
          id: 'RV-000003',
          requestId: 'IR-000003',
          personId: 'P-000002',
          regime: 'TWEE_OGEN',
          sampledForQualityControl: true,
          qcOutcome: 'BEVESTIGD',
          reviewedAt: new Date('2025-09-25T13:00:00Z'),
        },
      ]);
      await db.insert(advices).values([
        granted('AD-000001', 'P-000001', 'IR-000001'),
        granted('AD-000002', 'P-000001', 'IR-000001', { type: 'IMW', derivedFromId: 'AD-000001' }),
        granted('AD-000003', 'P-000002', 'IR-000003', {
          type: 'IMW',
          basis: 'ICF',
          decidedAt: new Date('2025-09-15T14:00:00Z'),
        }),
        {
          id: 'AD-000004',
          personId: 'P-000003',
          requestId: 'IR-000004',
          type: 'CMW',
          basis: 'UKW',
          temporary: true,
          decision: 'GEWEIGERD',
          decidedAt: new Date('2023-06-10T14:00:00Z'),
        },
        // Still marked ACTIVE after its validity: it reads as EXPIRED.
        granted('AD-000005', 'P-000003', null, {
          basis: 'LEGACY_ZITTEND_2019',
          decidedAt: new Date('2019-02-01T09:00:00Z'),
          validFrom: '2019-01-01',
          validUntil: '2023-12-31',
        }),
      ]);
      await db.insert(workSupportPackages).values({
        id: 'WOP-000001',
        adviceId: 'AD-000001',
        personId: 'P-000001',
        wagePremiumPct: 40,
        wagePremiumSchedule: [
          { fromMonth: 1, pct: 40 },
          { fromMonth: 13, pct: 35 },
        ],
        supportPremiumLevel: 'B',
        supportPremiumCents: 45_000,
        intensity: 8,
        durationMonths: 60,
      });
      await db.insert(premiumIncreaseRequests).values({
        id: 'PIR-000001',
        packageId: 'WOP-000001',
        adviceId: 'AD-000001',
        personId: 'P-000001',
        employerId: 'E-000001',
        requestedAt: '2025-02-01',
        motivation: 'More coaching needed',
        levelAtRequest: 'B',
        requestedLevel: null,
        status: 'PENDING',
      });
      await db.insert(evaluations).values({
        id: 'EV-000001',
        adviceId: 'AD-000003',
        personId: 'P-000002',
        trigger: 'AANVRAAG_WERKGEVER',
        placementId: 'PL-000009',
        expert: 'Expert One',
        evaluatedAt: '2025-09-30',
        outcome: 'INTENSITEIT_HERZIEN',
      });
    });
  });

  afterAll(() => subgraph?.stop());

  it('pages through indication requests with a cursor and filters them', async () => {
    const query = `query($after: String) { indicationRequests(first: 2, personId: "P-000001", after: $after) {
      totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;
    const first = await subgraph.execute(query);
    expect(first.errors).toBeUndefined();
    expect(first.data.indicationRequests.totalCount).toBe(2);
    expect(first.data.indicationRequests.edges).toEqual([
      { node: { id: 'IR-000001', status: 'GRANTED' } },
      { node: { id: 'IR-000002', status: 'INFO_GATHERING' } },
    ]);
    expect(first.data.indicationRequests.pageInfo.hasNextPage).toBe(false);

    const paged = await subgraph.execute(
      `query($after: String) { indicationRequests(first: 3, after: $after) { edges { node { id } } pageInfo { endCursor } } }`,
    );
    const next = await subgraph.execute(
      `query($after: String) { indicationRequests(first: 3, after: $after) { edges { node { id } } } }`,
      { after: paged.data.indicationRequests.pageInfo.endCursor },
    );
    expect(ids(next.data.indicationRequests)).toEqual(['IR-000004', 'IR-000005', 'IR-000006']);

    const filtered = await subgraph.execute(`{
      spoed: indicationRequests(procedure: SPOED) { edges { node { id } } }
      ukw: indicationRequests(route: UKW, status: REFUSED) { edges { node { id } } }
      ama: indicationRequests(requestedType: AMA_SE) { edges { node { id } } }
      decided: indicationRequests(decidedFrom: "2024-05-01", decidedTo: "2025-09-15") { edges { node { id } } }
      before: indicationRequests(decidedTo: "2024-04-30") { edges { node { id } } }
    }`);
    expect(filtered.errors).toBeUndefined();
    expect(ids(filtered.data.spoed)).toEqual(['IR-000003']);
    expect(ids(filtered.data.ukw)).toEqual(['IR-000004']);
    expect(ids(filtered.data.ama)).toEqual(['IR-000002']);
    expect(ids(filtered.data.decided)).toEqual(['IR-000001', 'IR-000003']);
    expect(ids(filtered.data.before)).toEqual(['IR-000004']);
  });

  it('refuses a decision window that ends before it starts', async () => {
    const result = await subgraph.execute(
      '{ indicationRequests(decidedFrom: "2025-01-02", decidedTo: "2025-01-01") { totalCount } }',
    );
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/^decidedTo:/);
  });

  it('filters advices by the status they read today, by validity date and by type', async () => {
    const result = await subgraph.execute(
      `query($on: Date) {
      expired: advices(status: EXPIRED) { edges { node { id status } } }
      active: advices(status: ACTIVE) { edges { node { id } } }
      validOn: advices(validOn: $on, type: CMW) { edges { node { id } } }
      ofPerson: advices(personId: "P-000003") { totalCount edges { node { id decision status validUntil } } }
    }`,
      { on: day(-10) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.expired.edges).toEqual([{ node: { id: 'AD-000005', status: 'EXPIRED' } }]);
    expect(ids(result.data.active)).toEqual(['AD-000001', 'AD-000002', 'AD-000003']);
    expect(ids(result.data.validOn)).toEqual(['AD-000001']);
    expect(result.data.ofPerson).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: 'AD-000004', decision: 'GEWEIGERD', status: null, validUntil: null } },
        {
          node: {
            id: 'AD-000005',
            decision: 'TOEGEKEND',
            status: 'EXPIRED',
            validUntil: '2023-12-31',
          },
        },
      ],
    });
  });

  it('resolves IndicationRequest and Advice entities by key, null for an unknown id', async () => {
    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "IndicationRequest", id: "IR-000003" },
      { __typename: "IndicationRequest", id: "IR-999999" },
      { __typename: "Advice", id: "AD-000002" },
      { __typename: "Advice", id: "AD-999999" }
    ]) {
      ... on IndicationRequest { id requestedType procedure }
      ... on Advice { id type derivedFrom { id } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { id: 'IR-000003', requestedType: 'IMW', procedure: 'SPOED' },
      null,
      { id: 'AD-000002', type: 'IMW', derivedFrom: { id: 'AD-000001' } },
      null,
    ]);
  });

  it('adds advices and indication requests to Person entities', async () => {
    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "Person", id: "P-000001" },
      { __typename: "Person", id: "P-000404" }
    ]) {
      ... on Person { id advices { id type } indicationRequests { id requestedType } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      {
        id: 'P-000001',
        advices: [
          { id: 'AD-000001', type: 'CMW' },
          { id: 'AD-000002', type: 'IMW' },
        ],
        indicationRequests: [
          { id: 'IR-000001', requestedType: 'CMW' },
          { id: 'IR-000002', requestedType: 'AMA_SE' },
        ],
      },
      { id: 'P-000404', advices: [], indicationRequests: [] },
    ]);
  });

  it('walks a request to its attestations, review, consultant and advices', async () => {
    const result = await subgraph.execute(`{ indicationRequest(id: "IR-000001") {
      person { id } municipality { nisCode } vacancy { id } consentRef
      attestations { kind source obtainedVia validUntil }
      icfAssessment { id }
      review { regime secondReviewer sampledForQualityControl }
      consultant { id org accredited soAdviesbevoegdheid { id } }
      advices { id type derivedFrom { id } derivedAdvices { id } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.indicationRequest).toEqual({
      person: { id: 'P-000001' },
      municipality: { nisCode: '44021' },
      vacancy: null,
      consentRef: 'C-000002',
      attestations: [
        { kind: 'VAPH_ERKENNING', source: 'VAPH', obtainedVia: 'DATAKOPPELING', validUntil: null },
        { kind: 'IT', source: 'FOD_SZ_DG_HAN', obtainedVia: 'UPLOAD', validUntil: '2026-12-31' },
      ],
      icfAssessment: null,
      review: { regime: 'VIER_OGEN', secondReviewer: null, sampledForQualityControl: false },
      consultant: {
        id: 'IC-000001',
        org: 'lg:44021',
        accredited: true,
        soAdviesbevoegdheid: { id: 'CA-000002' },
      },
      advices: [
        { id: 'AD-000001', type: 'CMW', derivedFrom: null, derivedAdvices: [{ id: 'AD-000002' }] },
        { id: 'AD-000002', type: 'IMW', derivedFrom: { id: 'AD-000001' }, derivedAdvices: [] },
      ],
    });
  });

  it('walks a spoed advice to its request, assessment, evaluations and hiring obligation', async () => {
    const result = await subgraph.execute(`{
      spoed: advice(id: "AD-000003") {
        status openHireObligation
        request { vacancy { id } icfAssessment { icfScore inputs consultant { id } } review { regime qcOutcome } }
        evaluations { trigger outcome placementId expert }
        workSupportPackage { id }
      }
      cmw: advice(id: "AD-000001") {
        openHireObligation
        workSupportPackage {
          wagePremiumPct supportPremiumLevel supportPremiumCents
          wagePremiumSchedule { fromMonth pct }
          increaseRequests { requestedAt outcome employer { id } }
        }
      }
      legacy: advice(id: "AD-000005") { request { id } openHireObligation }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.spoed).toEqual({
      status: 'ACTIVE',
      openHireObligation: true,
      request: {
        vacancy: { id: 'V-000009' },
        icfAssessment: {
          icfScore: 62,
          inputs: ['EMPLOYER_INFO', 'BVS_REPORT'],
          consultant: { id: 'IC-000002' },
        },
        review: { regime: 'TWEE_OGEN', qcOutcome: 'BEVESTIGD' },
      },
      evaluations: [
        {
          trigger: 'AANVRAAG_WERKGEVER',
          outcome: 'INTENSITEIT_HERZIEN',
          placementId: 'PL-000009',
          expert: 'Expert One',
        },
      ],
      workSupportPackage: null,
    });
    expect(result.data.cmw).toEqual({
      openHireObligation: false,
      workSupportPackage: {
        wagePremiumPct: 40,
        supportPremiumLevel: 'B',
        supportPremiumCents: 45_000,
        wagePremiumSchedule: [
          { fromMonth: 1, pct: 40 },
          { fromMonth: 13, pct: 35 },
        ],
        increaseRequests: [
          { requestedAt: '2025-02-01', outcome: null, employer: { id: 'E-000001' } },
        ],
      },
    });
    expect(result.data.legacy).toEqual({ request: null, openHireObligation: false });
  });

  it('lists consultants in the register and per local government', async () => {
    const register = await subgraph.execute(`{
      accredited: indicationConsultants(accredited: true) { totalCount edges { node { id } } }
      vdab: indicationConsultants(org: "vdab") { edges { node { id training } } }
    }`);
    expect(register.errors).toBeUndefined();
    expect(register.data.accredited.totalCount).toBe(3);
    expect(register.data.vdab.edges).toEqual([
      { node: { id: 'IC-000002', training: 'VERDIEPINGSMODULE' } },
    ]);

    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "Municipality", nisCode: "44021" },
      { __typename: "Municipality", nisCode: "11002" },
      { __typename: "Municipality", nisCode: "71016" }
    ]) {
      ... on Municipality {
        nisCode
        indicationConsultants { id }
      }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { nisCode: '44021', indicationConsultants: [{ id: 'IC-000001' }, { id: 'IC-000003' }] },
      { nisCode: '11002', indicationConsultants: [{ id: 'IC-000004' }] },
      { nisCode: '71016', indicationConsultants: [] },
    ]);
  });

  it('batches nested fields: one statement per field whatever the page size', async () => {
    const query = `query($first: Int) { indicationRequests(first: $first) { edges { node {
      attestations { id } review { id } consultant { id } icfAssessment { id }
      advices { workSupportPackage { id } evaluations { id } derivedAdvices { id } derivedFrom { id } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const before = subgraph.database.statements.count;
      const result = await subgraph.execute(query, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data.indicationRequests.edges).toHaveLength(first);
      return subgraph.database.statements.count - before;
    };
    // The page; attestations, reviews, consultants, assessments, advices; then the advices'
    // packages, evaluations, derived advices and the CMWs they derive from: one each. (The
    // platform's own reads leave no audit rows; partners' reads are tested in tests/access.)
    expect(await statementsFor(1)).toBe(10);
    expect(await statementsFor(4)).toBe(10);
  });

  it('shows a minimised reader of advices only the granted ones of the persons it may see', async () => {
    const { db } = subgraph.database;
    await db.insert(relations).values(
      ['P-000001', 'P-000003'].map((personId) => ({
        org: 'ocmw:44021',
        personId,
        purpose: 'SOCIAL_INTEGRATION',
        validFrom: '2024-01-01',
        source: `test:${personId}`,
      })),
    );
    const loaders = indicationsSubgraph.createLoaders(
      db,
      new RowScope(
        {
          sub: 'sw-1',
          role: 'OCMW_SOCIAL_WORKER',
          org: 'ocmw:44021',
          purpose: 'SOCIAL_INTEGRATION',
        },
        today(),
      ),
    );
    const [own, refusedOnly, outside] = await Promise.all([
      loaders.advicesByPerson.load('P-000001'),
      loaders.advicesByPerson.load('P-000003'),
      loaders.advicesByPerson.load('P-000002'),
    ]);
    expect(own.map((row) => row.id)).toEqual(['AD-000001', 'AD-000002']);
    // AD-000004 was refused: an OCMW learns only that a ticket exists, not that one was refused.
    expect(refusedOnly.map((row) => row.id)).toEqual(['AD-000005']);
    expect(outside).toEqual([]);
  });

  describe('rules', () => {
    it('switches to the two-eyes regime for decisions from the cut-over date', () => {
      expect(TWO_EYES_FROM).toBe('2025-09-01');
      expect(reviewRegimeFor('2025-08-31')).toBe('VIER_OGEN');
      expect(reviewRegimeFor('2025-09-01')).toBe('TWEE_OGEN');
    });

    it('reads an ACTIVE advice past its validity as EXPIRED, a refused one as no status', () => {
      const advice = {
        decision: 'TOEGEKEND' as const,
        status: 'ACTIVE' as const,
        validUntil: '2029-04-30',
      };
      expect(adviceStatusOn(advice, '2029-04-30')).toBe('ACTIVE');
      expect(adviceStatusOn(advice, '2029-05-01')).toBe('EXPIRED');
      expect(adviceStatusOn({ ...advice, status: 'ENDED' }, '2030-01-01')).toBe('ENDED');
      expect(
        adviceStatusOn({ decision: 'GEWEIGERD', status: null, validUntil: null }, '2025-01-01'),
      ).toBeNull();
    });

    it('ends a validity of N years on the day before the anniversary', () => {
      expect(validityEnd('2024-05-01', 5)).toBe('2029-04-30');
      expect(validityEnd('2024-02-29', 2)).toBe('2026-02-28');
      expect(validityEnd('2024-03-01', 5)).toBe('2029-02-28');
    });
  });

  describe('database rules', () => {
    const violates = (insert: Promise<unknown>, constraint: string) =>
      expect(insert).rejects.toMatchObject({
        cause: { message: expect.stringContaining(`check constraint "${constraint}"`) },
      });

    it('refuses a granted advice without validity and a refused one with a status', async () => {
      const { db } = subgraph.database;
      await violates(
        db.insert(advices).values(granted('AD-000099', 'P-000009', null, { validUntil: null })),
        'advices_decision_check',
      );
      await violates(
        db
          .insert(advices)
          .values(granted('AD-000099', 'P-000009', null, { decision: 'GEWEIGERD' })),
        'advices_decision_check',
      );
    });

    it('refuses a spoed request without a vacancy and a wage premium outside 20–75%', async () => {
      const { db } = subgraph.database;
      await violates(
        db.insert(indicationRequests).values(request(99, 'P-000009', { procedure: 'SPOED' })),
        'indication_requests_vacancy_check',
      );
      await violates(
        db.insert(workSupportPackages).values({
          id: 'WOP-000099',
          adviceId: 'AD-000003',
          personId: 'P-000002',
          wagePremiumPct: 80,
          supportPremiumLevel: 'A',
          supportPremiumCents: 25_000,
          intensity: 4,
          durationMonths: 60,
        }),
        'work_support_packages_wage_premium_check',
      );
    });
  });
});
