import { mandates } from '../support/access-schema';
import {
  activationFloor,
  maximumAmounts,
  PACT_SETTLEMENT,
  settle,
} from '../../subgraphs/agreements/pact-settlement';
import { agreementsSubgraph } from '../../subgraphs/agreements/server';
import {
  actionPlans,
  activationPactParticipations,
  agreementActions,
  agreementParties,
  collaborationAgreements,
  intermunicipalPartnerships,
  municipalities,
  partnershipMembers,
  provinces,
  referenceRegions,
  regiegebieden,
} from '../../subgraphs/agreements/tables';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

describe('pact settlement (DOMAIN B.5 worked example)', () => {
  it('gives RMI 1,000 + UKR 400 of 57,813 a maximum of about €242,161', () => {
    // The local government and "everyone else", so that the participants add up to 57,813.
    const [maximum] = maximumAmounts([
      { rmiCount: 1_000, ukrCount: 400 },
      { rmiCount: 40_756 - 1_000, ukrCount: 17_057 - 400 },
    ]);
    expect(maximum).toBe(24_216_006);
    expect(Math.abs(maximum - 24_216_100)).toBeLessThan(100);
  });

  it('pays €75,000 for 300 activations against a floor of 225', () => {
    const floor = activationFloor(1_000);
    expect(floor).toBe(225);
    expect(settle({ floor, maxAmountCents: 24_216_006, activatedRegistered: 300 })).toEqual({
      eligible: 75,
      payoutCents: 7_500_000,
    });
  });

  it('caps the payout at the maximum and never pays below the floor', () => {
    expect(settle({ floor: 10, maxAmountCents: 500_000, activatedRegistered: 30 })).toEqual({
      eligible: 20,
      payoutCents: 500_000,
    });
    expect(settle({ floor: 10, maxAmountCents: 500_000, activatedRegistered: 4 })).toEqual({
      eligible: 0,
      payoutCents: 0,
    });
  });

  it('rounds the floor as configured', () => {
    expect(activationFloor(101)).toBe(23);
    expect(activationFloor(101, { ...PACT_SETTLEMENT, floorRounding: 'floor' })).toBe(22);
    expect(activationFloor(101, { ...PACT_SETTLEMENT, floorRounding: 'round' })).toBe(23);
    expect(activationFloor(100, { ...PACT_SETTLEMENT, baselineRate: 0.3 })).toBe(30);
  });

  it('never hands out more than the budget, and redistributes the shares of non-participants', () => {
    const participants = [
      { rmiCount: 7, ukrCount: 0 },
      { rmiCount: 11, ukrCount: 5 },
      { rmiCount: 3, ukrCount: 1 },
    ];
    const maxima = maximumAmounts(participants);
    expect(maxima.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(PACT_SETTLEMENT.budgetCents);
    expect(maxima[0]).toBe(Math.floor((1_000_000_000 * 7) / 27));
    expect(maximumAmounts(participants.slice(0, 2))[0]).toBe(Math.floor((1_000_000_000 * 7) / 23));
  });
});

const municipality = (
  nisCode: string,
  name: string,
  provinceCode: string,
  referenceRegionId: string,
  extra: Partial<typeof municipalities.$inferInsert> = {},
) => ({
  nisCode,
  name,
  provinceCode,
  arrondissementNis: `${nisCode.slice(0, 2)}000`,
  population: 10_000,
  referenceRegionId,
  ...extra,
});

const agreement = (
  id: string,
  type: typeof collaborationAgreements.$inferInsert.type,
  status: typeof collaborationAgreements.$inferInsert.status,
  periodStart: string,
  periodEnd: string | null,
  extra: Partial<typeof collaborationAgreements.$inferInsert> = {},
) => ({ id, type, status, periodStart, periodEnd, title: `Agreement ${id}`, ...extra });

const pact = (
  id: string,
  municipalityNisCode: string,
  year: number,
  status: typeof activationPactParticipations.$inferInsert.status,
  extra: Partial<typeof activationPactParticipations.$inferInsert> = {},
) => ({
  id,
  municipalityNisCode,
  year,
  status,
  rmiCount: 1_000,
  ukrCount: 400,
  leefloonBase: 1_000,
  baselineRate: 0.225,
  floor: 225,
  ...extra,
});

describe('agreements subgraph', () => {
  let subgraph: SubgraphUnderTest;

  beforeAll(async () => {
    subgraph = await startSubgraph(agreementsSubgraph, async ({ db }) => {
      await db.insert(provinces).values([
        { code: 'ANT', nisCode: '10000', name: 'Antwerpen' },
        { code: 'OVL', nisCode: '40000', name: 'Oost-Vlaanderen' },
      ]);
      await db.insert(referenceRegions).values([
        { id: 'RR-000001', name: 'Gent en Meetjesland' },
        { id: 'RR-000002', name: 'Antwerpen' },
      ]);
      await db.insert(regiegebieden).values({ id: 'RG-000001', name: 'Regiegebied Gent' });
      await db.insert(municipalities).values([
        municipality('44021', 'Gent', 'OVL', 'RR-000001', {
          population: 265_000,
          centrumstad: true,
          grootstad: true,
          regiegebiedId: 'RG-000001',
        }),
        municipality('44013', 'Destelbergen', 'OVL', 'RR-000001', { regiegebiedId: 'RG-000001' }),
        municipality('44043', 'Merelbeke', 'OVL', 'RR-000001'),
        // Province-spanning: an Antwerp municipality in the Gent region, to exercise the list.
        municipality('11001', 'Aartselaar', 'ANT', 'RR-000001'),
        municipality('11002', 'Antwerpen', 'ANT', 'RR-000002', {
          population: 530_000,
          centrumstad: true,
          grootstad: true,
        }),
      ]);
      await db.insert(intermunicipalPartnerships).values([
        {
          id: 'IP-000001',
          name: 'SE en werk regio Gent',
          kind: 'SE_EN_WERK',
          referenceRegionId: 'RR-000001',
        },
        {
          id: 'IP-000002',
          name: 'Lokaal partnerschap Antwerpen',
          kind: 'LOKAAL_PARTNERSCHAP',
          referenceRegionId: 'RR-000002',
        },
      ]);
      await db.insert(partnershipMembers).values([
        { partnershipId: 'IP-000001', municipalityNisCode: '44013' },
        { partnershipId: 'IP-000001', municipalityNisCode: '44043' },
        { partnershipId: 'IP-000002', municipalityNisCode: '11002' },
      ]);
      await db.insert(collaborationAgreements).values([
        agreement('CA-000001', 'SO_VDAB_LOKAAL_BESTUUR', 'ACTIVE', '2025-01-01', '2030-12-31', {
          targetGroups: ['WZW_MULTI', 'LEEFLOON_EQ'],
          omgevingsanalyse: 'Gent context',
          indicatorenStreefcijfers: 'Reach 60%',
          contacts: [
            { name: 'An Peeters', role: 'Regisseur SE en werk', email: 'an@gent.example' },
          ],
          samenwerkingslijn: true,
          responseDeadlineDays: 10,
          signedAt: '2024-12-12',
        }),
        agreement(
          'CA-000002',
          'SO_ADVIESBEVOEGDHEID_INDICERING',
          'ACTIVE',
          '2023-04-01',
          '2030-12-31',
        ),
        agreement('CA-000003', 'PROTOCOL_VDAB_MAATWERKSECTOR', 'ACTIVE', '2025-06-03', null),
        agreement('CA-000004', 'SO_VDAB_LOKAAL_BESTUUR', 'RENEWED', '2019-01-01', '2024-12-31'),
        agreement('CA-000005', 'SO_VDAB_LOKAAL_BESTUUR', 'DRAFT', '2019-01-01', '2030-12-31'),
      ]);
      await db.insert(agreementParties).values([
        { agreementId: 'CA-000001', kind: 'VDAB', ref: 'vdab', name: 'VDAB' },
        {
          agreementId: 'CA-000001',
          kind: 'MUNICIPALITY',
          ref: '44021',
          name: 'Lokaal bestuur Gent',
        },
        { agreementId: 'CA-000002', kind: 'VDAB', ref: 'vdab', name: 'VDAB' },
        {
          agreementId: 'CA-000002',
          kind: 'MUNICIPALITY',
          ref: '44021',
          name: 'Lokaal bestuur Gent',
        },
        {
          agreementId: 'CA-000002',
          kind: 'INTERMUNICIPAL_PARTNERSHIP',
          ref: 'IP-000001',
          name: 'SE en werk regio Gent',
        },
        { agreementId: 'CA-000003', kind: 'VDAB', ref: 'vdab', name: 'VDAB' },
        {
          agreementId: 'CA-000003',
          kind: 'MAATWERKSECTOR',
          ref: 'federation:groep-maatwerk',
          name: 'Groep Maatwerk',
        },
        {
          agreementId: 'CA-000004',
          kind: 'REGIEGEBIED',
          ref: 'RG-000001',
          name: 'Regiegebied Gent',
        },
        {
          agreementId: 'CA-000005',
          kind: 'MUNICIPALITY',
          ref: '11002',
          name: 'Lokaal bestuur Antwerpen',
        },
      ]);
      await db.insert(actionPlans).values([
        { id: 'AP-000001', agreementId: 'CA-000001', year: 2025, published: true },
        { id: 'AP-000002', agreementId: 'CA-000002', year: 2024, published: false },
        { id: 'AP-000003', agreementId: 'CA-000002', year: 2025, published: true },
      ]);
      await db.insert(agreementActions).values([
        {
          id: 'AA-000001',
          actionPlanId: 'AP-000001',
          title: 'Warme overdracht',
          targetGroup: 'LEEFLOON_EQ',
          owner: 'VDAB',
          status: 'IN_PROGRESS',
          deadline: '2025-12-31',
          qualitativeIndicator: 'Every handover in a three-way meeting',
        },
        {
          id: 'AA-000002',
          actionPlanId: 'AP-000001',
          title: 'Dashboard in het overlegforum',
          owner: 'Regisseur SE en werk',
          status: 'DONE',
          deadline: '2025-03-31',
        },
      ]);
      await db.insert(activationPactParticipations).values([
        pact('PP-000001', '44021', 2023, 'PAID', {
          confirmedAt: '2023-10-20',
          planAlignedWithVdab: true,
          inSoActionPlan: true,
          activatedRegistered: 300,
          maxAmountCents: 24_216_006,
          eligible: 75,
          payoutCents: 7_500_000,
          councilReportAt: '2025-01-15',
        }),
        pact('PP-000002', '11002', 2023, 'SETTLED', { maxAmountCents: 50_000_000 }),
        pact('PP-000003', '44013', 2023, 'DECLINED'),
        pact('PP-000004', '44021', 2024, 'RESULT_PERIOD', { activatedRegistered: 180 }),
      ]);
      await db.insert(mandates).values([
        {
          id: 'M-000001',
          org: 'ocmw:44021',
          role: 'OCMW_SOCIAL_WORKER',
          purpose: 'SOCIAL_INTEGRATION',
          legalBasis: 'SO',
          agreementId: 'CA-000001',
          categories: ['a', 'c', 'o'],
          validFrom: '2025-01-01',
          description: 'OCMW Gent, own clients',
        },
        {
          id: 'M-000002',
          org: 'vdab',
          role: 'VDAB_MEDIATOR',
          purpose: 'TRAJECTORY_GUIDANCE',
          legalBasis: 'DECREE',
          categories: ['a', 'e'],
          validFrom: '2023-01-01',
          validUntil: '2030-12-31',
          description: 'VDAB decree',
        },
      ]);
    });
  });

  afterAll(() => subgraph?.stop());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await subgraph.execute(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  it('pages through municipalities in NIS order and filters them', async () => {
    const query = `query($after: String) { municipalities(first: 2, provinceCode: "OVL", after: $after) {
      totalCount edges { node { nisCode } } pageInfo { hasNextPage endCursor } } }`;
    const first = await ok(query);
    expect(first.municipalities.totalCount).toBe(3);
    expect(first.municipalities.edges.map((e: any) => e.node.nisCode)).toEqual(['44013', '44021']);
    expect(first.municipalities.pageInfo.hasNextPage).toBe(true);
    const second = await ok(query, { after: first.municipalities.pageInfo.endCursor });
    expect(second.municipalities.edges.map((e: any) => e.node.nisCode)).toEqual(['44043']);
    expect(second.municipalities.pageInfo.hasNextPage).toBe(false);

    const filtered = await ok(`{
      centrumsteden: municipalities(centrumstad: true) { edges { node { nisCode } } }
      region: municipalities(referenceRegionId: "RR-000002") { edges { node { nisCode } } }
      regie: municipalities(regiegebiedId: "RG-000001") { edges { node { nisCode } } }
    }`);
    const codes = (connection: any) => connection.edges.map((e: any) => e.node.nisCode);
    expect(codes(filtered.centrumsteden)).toEqual(['11002', '44021']);
    expect(codes(filtered.region)).toEqual(['11002']);
    expect(codes(filtered.regie)).toEqual(['44013', '44021']);
  });

  it('walks a municipality to its geography, agreements, SO coverage and pact', async () => {
    const data = await ok(`{
      gent: municipality(nisCode: "44021") {
        name centrumstad grootstad province { code name } referenceRegion { name }
        regiegebied { id } partnerships { id } soCovered
        collaborationAgreements { id } sos: collaborationAgreements(type: SO_VDAB_LOKAAL_BESTUUR) { id }
        activationPactParticipations { year status payoutCents }
      }
      destelbergen: municipality(nisCode: "44013") {
        partnerships { id kind } soCovered collaborationAgreements { id status }
      }
      unknown: municipality(nisCode: "99999") { name }
    }`);
    expect(data.gent).toEqual({
      name: 'Gent',
      centrumstad: true,
      grootstad: true,
      province: { code: 'OVL', name: 'Oost-Vlaanderen' },
      referenceRegion: { name: 'Gent en Meetjesland' },
      regiegebied: { id: 'RG-000001' },
      partnerships: [],
      soCovered: true,
      collaborationAgreements: [{ id: 'CA-000001' }, { id: 'CA-000002' }, { id: 'CA-000004' }],
      sos: [{ id: 'CA-000001' }, { id: 'CA-000004' }],
      activationPactParticipations: [
        { year: 2023, status: 'PAID', payoutCents: 7_500_000 },
        { year: 2024, status: 'RESULT_PERIOD', payoutCents: null },
      ],
    });
    // Covered through its partnership and its regiegebied, but the SO there has been renewed.
    expect(data.destelbergen).toEqual({
      partnerships: [{ id: 'IP-000001', kind: 'SE_EN_WERK' }],
      soCovered: false,
      collaborationAgreements: [
        { id: 'CA-000002', status: 'ACTIVE' },
        { id: 'CA-000004', status: 'RENEWED' },
      ],
    });
    expect(data.unknown).toBeNull();
  });

  it('resolves Municipality and CollaborationAgreement entities by key, null for unknown keys', async () => {
    const data = await ok(`{ _entities(representations: [
      { __typename: "Municipality", nisCode: "11002" },
      { __typename: "Municipality", nisCode: "99999" },
      { __typename: "CollaborationAgreement", id: "CA-000003" },
      { __typename: "CollaborationAgreement", id: "CA-999999" }
    ]) {
      ... on Municipality { nisCode name soCovered }
      ... on CollaborationAgreement { id type periodEnd }
    } }`);
    expect(data._entities).toEqual([
      { nisCode: '11002', name: 'Antwerpen', soCovered: false },
      null,
      { id: 'CA-000003', type: 'PROTOCOL_VDAB_MAATWERKSECTOR', periodEnd: null },
      null,
    ]);
  });

  it('filters collaboration agreements by type, status, covered municipality and date in force', async () => {
    const data = await ok(`{
      sos: collaborationAgreements(type: SO_VDAB_LOKAAL_BESTUUR) { totalCount edges { node { id } } }
      active: collaborationAgreements(status: ACTIVE) { edges { node { id } } }
      merelbeke: collaborationAgreements(municipalityNisCode: "44043") { edges { node { id } } }
      gentActive: collaborationAgreements(municipalityNisCode: "44021", status: ACTIVE) { edges { node { id } } }
      mid2024: collaborationAgreements(activeOn: "2024-06-01") { edges { node { id } } }
      now: collaborationAgreements(activeOn: "2025-10-01") { edges { node { id } } }
    }`);
    const ids = (connection: any) => connection.edges.map((e: any) => e.node.id);
    expect(data.sos.totalCount).toBe(3);
    expect(ids(data.sos)).toEqual(['CA-000001', 'CA-000004', 'CA-000005']);
    expect(ids(data.active)).toEqual(['CA-000001', 'CA-000002', 'CA-000003']);
    expect(ids(data.merelbeke)).toEqual(['CA-000002']);
    expect(ids(data.gentActive)).toEqual(['CA-000001', 'CA-000002']);
    // The draft CA-000005 spans both dates but is not in force.
    expect(ids(data.mid2024)).toEqual(['CA-000002', 'CA-000004']);
    expect(ids(data.now)).toEqual(['CA-000001', 'CA-000002', 'CA-000003']);
  });

  it('walks an agreement to its parties, coverage, rubrics, action plans and mandates', async () => {
    const data = await ok(`{
      so: collaborationAgreement(id: "CA-000001") {
        type status signedAt periodStart periodEnd targetGroups samenwerkingslijn responseDeadlineDays
        contacts { name role email }
        rubrics { omgevingsanalyse doelstellingen indicatorenStreefcijfers }
        actionPlans { year published actions { title targetGroup owner status deadline qualitativeIndicator } }
        mandates { id legalBasis }
      }
      advies: collaborationAgreement(id: "CA-000002") {
        parties { kind ref municipality { name } intermunicipalPartnership { name } regiegebied { id } }
        coveredMunicipalities { nisCode }
      }
      renewed: collaborationAgreement(id: "CA-000004") {
        parties { kind regiegebied { name municipalities { nisCode } } }
        coveredMunicipalities { nisCode }
      }
      missing: collaborationAgreement(id: "CA-999999") { id }
    }`);
    expect(data.so).toEqual({
      type: 'SO_VDAB_LOKAAL_BESTUUR',
      status: 'ACTIVE',
      signedAt: '2024-12-12',
      periodStart: '2025-01-01',
      periodEnd: '2030-12-31',
      targetGroups: ['WZW_MULTI', 'LEEFLOON_EQ'],
      samenwerkingslijn: true,
      responseDeadlineDays: 10,
      contacts: [{ name: 'An Peeters', role: 'Regisseur SE en werk', email: 'an@gent.example' }],
      rubrics: {
        omgevingsanalyse: 'Gent context',
        doelstellingen: null,
        indicatorenStreefcijfers: 'Reach 60%',
      },
      actionPlans: [
        {
          year: 2025,
          published: true,
          actions: [
            {
              title: 'Warme overdracht',
              targetGroup: 'LEEFLOON_EQ',
              owner: 'VDAB',
              status: 'IN_PROGRESS',
              deadline: '2025-12-31',
              qualitativeIndicator: 'Every handover in a three-way meeting',
            },
            {
              title: 'Dashboard in het overlegforum',
              targetGroup: null,
              owner: 'Regisseur SE en werk',
              status: 'DONE',
              deadline: '2025-03-31',
              qualitativeIndicator: null,
            },
          ],
        },
      ],
      mandates: [{ id: 'M-000001', legalBasis: 'SO' }],
    });
    expect(data.advies).toEqual({
      parties: [
        {
          kind: 'VDAB',
          ref: 'vdab',
          municipality: null,
          intermunicipalPartnership: null,
          regiegebied: null,
        },
        {
          kind: 'MUNICIPALITY',
          ref: '44021',
          municipality: { name: 'Gent' },
          intermunicipalPartnership: null,
          regiegebied: null,
        },
        {
          kind: 'INTERMUNICIPAL_PARTNERSHIP',
          ref: 'IP-000001',
          municipality: null,
          intermunicipalPartnership: { name: 'SE en werk regio Gent' },
          regiegebied: null,
        },
      ],
      coveredMunicipalities: [{ nisCode: '44013' }, { nisCode: '44021' }, { nisCode: '44043' }],
    });
    expect(data.renewed).toEqual({
      parties: [
        {
          kind: 'REGIEGEBIED',
          regiegebied: {
            name: 'Regiegebied Gent',
            municipalities: [{ nisCode: '44013' }, { nisCode: '44021' }],
          },
        },
      ],
      coveredMunicipalities: [{ nisCode: '44013' }, { nisCode: '44021' }],
    });
    expect(data.missing).toBeNull();
  });

  it('lists action plans by agreement and year, back to their agreement', async () => {
    const data = await ok(`{
      byAgreement: actionPlans(agreementId: "CA-000002") { edges { node { id year } } }
      y2025: actionPlans(year: 2025) { totalCount edges { node { id agreement { id } actions { actionPlan { id } } } } }
    }`);
    expect(data.byAgreement.edges.map((e: any) => e.node)).toEqual([
      { id: 'AP-000002', year: 2024 },
      { id: 'AP-000003', year: 2025 },
    ]);
    expect(data.y2025.totalCount).toBe(2);
    expect(data.y2025.edges.map((e: any) => e.node)).toEqual([
      {
        id: 'AP-000001',
        agreement: { id: 'CA-000001' },
        actions: [{ actionPlan: { id: 'AP-000001' } }, { actionPlan: { id: 'AP-000001' } }],
      },
      { id: 'AP-000003', agreement: { id: 'CA-000002' }, actions: [] },
    ]);
  });

  it('lists pact participations by year, status and municipality with their settlement', async () => {
    const data = await ok(`{
      y2023: activationPactParticipations(year: 2023) { totalCount edges { node { id status localGovernment { name } } } }
      paid: activationPactParticipations(status: PAID) { edges { node {
        year rmiCount ukrCount leefloonBase baselineRate floor activatedRegistered eligible
        maxAmountCents payoutCents confirmedAt councilReportAt planAlignedWithVdab inSoActionPlan
      } } }
      gent: activationPactParticipations(municipalityNisCode: "44021") { edges { node { id } } }
    }`);
    expect(data.y2023.totalCount).toBe(3);
    expect(data.y2023.edges.map((e: any) => e.node)).toEqual([
      { id: 'PP-000001', status: 'PAID', localGovernment: { name: 'Gent' } },
      { id: 'PP-000002', status: 'SETTLED', localGovernment: { name: 'Antwerpen' } },
      { id: 'PP-000003', status: 'DECLINED', localGovernment: { name: 'Destelbergen' } },
    ]);
    expect(data.paid.edges.map((e: any) => e.node)).toEqual([
      {
        year: 2023,
        rmiCount: 1_000,
        ukrCount: 400,
        leefloonBase: 1_000,
        baselineRate: 0.225,
        floor: 225,
        activatedRegistered: 300,
        eligible: 75,
        maxAmountCents: 24_216_006,
        payoutCents: 7_500_000,
        confirmedAt: '2023-10-20',
        councilReportAt: '2025-01-15',
        planAlignedWithVdab: true,
        inSoActionPlan: true,
      },
    ]);
    expect(data.gent.edges.map((e: any) => e.node.id)).toEqual(['PP-000001', 'PP-000004']);
  });

  it('reads the mandate directory with filters and the grounding agreement', async () => {
    const data = await ok(`{
      all: mandates { totalCount edges { node { id } } }
      ocmw: mandates(org: "ocmw:44021", role: "OCMW_SOCIAL_WORKER", purpose: "SOCIAL_INTEGRATION") {
        edges { node { id org legalBasis categories validFrom validUntil description agreement { id type } } }
      }
      vdab: mandates(org: "vdab") { edges { node { id legalBasis validUntil agreement { id } } } }
      none: mandates(purpose: "EMPLOYMENT") { totalCount }
    }`);
    expect(data.all.totalCount).toBe(2);
    expect(data.ocmw.edges.map((e: any) => e.node)).toEqual([
      {
        id: 'M-000001',
        org: 'ocmw:44021',
        legalBasis: 'SO',
        categories: ['a', 'c', 'o'],
        validFrom: '2025-01-01',
        validUntil: null,
        description: 'OCMW Gent, own clients',
        agreement: { id: 'CA-000001', type: 'SO_VDAB_LOKAAL_BESTUUR' },
      },
    ]);
    expect(data.vdab.edges.map((e: any) => e.node)).toEqual([
      { id: 'M-000002', legalBasis: 'DECREE', validUntil: '2030-12-31', agreement: null },
    ]);
    expect(data.none.totalCount).toBe(0);
  });

  it('walks provinces, reference regions, regiegebieden and partnerships both ways', async () => {
    const data = await ok(`{
      provinces { code municipalities { nisCode } }
      referenceRegions(first: 1) {
        totalCount pageInfo { hasNextPage }
        edges { node { id provinces { code } partnerships { id } municipalities { nisCode } } }
      }
      regiegebieden { edges { node { id collaborationAgreements { id } } } }
      intermunicipalPartnerships(kind: SE_EN_WERK) { totalCount edges { node {
        id referenceRegion { id } municipalities { nisCode } collaborationAgreements { id }
      } } }
      inRegion: intermunicipalPartnerships(referenceRegionId: "RR-000002") { edges { node { id } } }
    }`);
    expect(data.provinces).toEqual([
      { code: 'ANT', municipalities: [{ nisCode: '11001' }, { nisCode: '11002' }] },
      {
        code: 'OVL',
        municipalities: [{ nisCode: '44013' }, { nisCode: '44021' }, { nisCode: '44043' }],
      },
    ]);
    expect(data.referenceRegions.totalCount).toBe(2);
    expect(data.referenceRegions.pageInfo.hasNextPage).toBe(true);
    expect(data.referenceRegions.edges[0].node).toEqual({
      id: 'RR-000001',
      provinces: [{ code: 'ANT' }, { code: 'OVL' }],
      partnerships: [{ id: 'IP-000001' }],
      municipalities: [
        { nisCode: '11001' },
        { nisCode: '44013' },
        { nisCode: '44021' },
        { nisCode: '44043' },
      ],
    });
    expect(data.regiegebieden.edges).toEqual([
      { node: { id: 'RG-000001', collaborationAgreements: [{ id: 'CA-000004' }] } },
    ]);
    expect(data.intermunicipalPartnerships.totalCount).toBe(1);
    expect(data.intermunicipalPartnerships.edges[0].node).toEqual({
      id: 'IP-000001',
      referenceRegion: { id: 'RR-000001' },
      municipalities: [{ nisCode: '44013' }, { nisCode: '44043' }],
      collaborationAgreements: [{ id: 'CA-000002' }],
    });
    expect(data.inRegion.edges).toEqual([{ node: { id: 'IP-000002' } }]);
  });

  it('batches a nested field of many municipalities into one statement', async () => {
    const count = async (query: string) => {
      const before = subgraph.database.statements.count;
      await ok(query);
      return subgraph.database.statements.count - before;
    };
    const page = await count('{ municipalities { edges { node { nisCode } } } }');
    const withAgreements = await count(`{ municipalities { edges { node {
      nisCode soCovered collaborationAgreements { id } partnerships { id }
    } } } }`);
    // Five municipalities: one statement for the agreements (shared by soCovered), one for the
    // partnerships, on top of the page.
    expect(page).toBe(1);
    expect(withAgreements).toBe(3);
  });
});
