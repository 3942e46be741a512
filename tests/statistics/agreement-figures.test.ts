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
import { area, statisticsOf } from '../support/statistics';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

/*
 * The agreement and pact figures of DOMAIN B.5 on a world small enough to count by hand: Gent
 * (44021), Destelbergen (44013), Merelbeke (44043) and Melle (44040) in Oost-Vlaanderen (60
 * municipalities) and the reference region Gent en Meetjesland (RR-000012, 23); Antwerpen (11002)
 * and Aartselaar (11001) in the province of Antwerpen (69); Voeren (73109) in Limburg
 * (RR-000014). Flanders has 300 municipalities. Every expected number below is worked out in the
 * comment beside it.
 */

type Agreement = typeof collaborationAgreements.$inferInsert;
type Party = typeof agreementParties.$inferInsert;
type Participation = typeof activationPactParticipations.$inferInsert;

const municipality = (
  nisCode: string,
  name: string,
  provinceCode: string,
  referenceRegionId: string,
  regiegebiedId: string | null = null,
) => ({
  nisCode,
  name,
  provinceCode,
  referenceRegionId,
  regiegebiedId,
  arrondissementNis: `${nisCode.slice(0, 2)}000`,
  population: 10_000,
});

const agreement = (
  n: number,
  type: Agreement['type'],
  status: Agreement['status'],
  periodStart: string,
  periodEnd: string,
): Agreement => ({
  id: `CA-00000${n}`,
  type,
  status,
  periodStart,
  periodEnd,
  title: `Agreement ${n}`,
  signedAt: status === 'DRAFT' ? null : periodStart,
});

const party = (n: number, kind: Party['kind'], ref: string): Party => ({
  agreementId: `CA-00000${n}`,
  kind,
  ref,
  name: ref,
});

/*
 * SOs VDAB–local government, and what they cover on 31 December 2024:
 *   CA-1 Gent, 2019–2024, ACTIVE                        → Gent
 *   CA-2 the partnership IP-1 (Destelbergen, Merelbeke), 2019–2024, since RENEWED: the status
 *        is today's, the period says it was in force     → Destelbergen, Merelbeke
 *   CA-3 the regiegebied of Melle, a DRAFT               → nobody
 *   CA-4 Antwerpen, from 2025                            → nobody yet
 *   CA-6 Gent and Merelbeke, 2024–2029: both covered twice, counted once
 *   CA-8 Aartselaar, from 1 July 2024                   → Aartselaar (not yet on 30 June)
 * Not SOs: CA-5 (SO adviesbevoegdheid, Aartselaar) and CA-7 (VDAB–VVSG, no municipality).
 */
const AGREEMENTS = [
  agreement(1, 'SO_VDAB_LOKAAL_BESTUUR', 'ACTIVE', '2019-01-01', '2024-12-31'),
  agreement(2, 'SO_VDAB_LOKAAL_BESTUUR', 'RENEWED', '2019-01-01', '2024-12-31'),
  agreement(3, 'SO_VDAB_LOKAAL_BESTUUR', 'DRAFT', '2024-01-01', '2029-12-31'),
  agreement(4, 'SO_VDAB_LOKAAL_BESTUUR', 'ACTIVE', '2025-01-01', '2030-12-31'),
  agreement(5, 'SO_ADVIESBEVOEGDHEID_INDICERING', 'ACTIVE', '2023-04-01', '2030-12-31'),
  agreement(6, 'SO_VDAB_LOKAAL_BESTUUR', 'ACTIVE', '2024-01-01', '2029-12-31'),
  agreement(7, 'VDAB_VVSG_PARTNERSCHAP', 'ACTIVE', '2024-01-01', '2029-12-31'),
  agreement(8, 'SO_VDAB_LOKAAL_BESTUUR', 'SIGNED', '2024-07-01', '2029-12-31'),
];
const PARTIES = [
  party(1, 'MUNICIPALITY', '44021'),
  party(2, 'INTERMUNICIPAL_PARTNERSHIP', 'IP-000001'),
  party(3, 'REGIEGEBIED', 'RG-000001'),
  party(4, 'MUNICIPALITY', '11002'),
  party(5, 'MUNICIPALITY', '11001'),
  party(6, 'MUNICIPALITY', '44021'),
  party(6, 'MUNICIPALITY', '44043'),
  party(7, 'VDAB', 'vdab'),
  party(7, 'VVSG', 'vvsg'),
  party(8, 'MUNICIPALITY', '11001'),
  ...[1, 2, 3, 4, 5, 6, 8].map((n) => party(n, 'VDAB', 'vdab')),
];

/*
 * Action plans and their actions. In 2024, each action counts once in every municipality its
 * agreement covers:
 *   AP-1 (CA-1, Gent):                 DONE, DONE, IN_PROGRESS
 *   AP-2 (CA-2, Destelbergen+Merelbeke): PLANNED, DELAYED
 *   AP-3 (CA-6, Gent+Merelbeke):       CANCELLED, DONE
 *   AP-5 (CA-5, Aartselaar):           IN_PROGRESS
 *   AP-6 (CA-7, no municipality):      PLANNED — counted nowhere
 *   AP-4 is CA-1's plan of 2023:       DONE — not in 2024
 */
const PLANS: [plan: number, agreement: number, year: number, statuses: string[]][] = [
  [1, 1, 2024, ['DONE', 'DONE', 'IN_PROGRESS']],
  [2, 2, 2024, ['PLANNED', 'DELAYED']],
  [3, 6, 2024, ['CANCELLED', 'DONE']],
  [4, 1, 2023, ['DONE']],
  [5, 5, 2024, ['IN_PROGRESS']],
  [6, 7, 2024, ['PLANNED']],
];

const participation = (
  n: number,
  municipalityNisCode: string,
  year: number,
  status: Participation['status'],
  extra: Partial<Participation>,
): Participation => ({
  id: `PP-00000${n}`,
  municipalityNisCode,
  year,
  status,
  rmiCount: 100,
  ukrCount: 40,
  leefloonBase: 100,
  baselineRate: 0.225,
  floor: 23,
  ...extra,
});

/*
 * The pact of 2024 (amounts in cents):
 *   Gent         PAID           floor 225, activated 300, max 30,000,000, payout 7,500,000
 *   Antwerpen    SETTLED        floor 400, activated 380, max 50,000,012, payout 0
 *   Destelbergen DECLINED       left out
 *   Merelbeke    RESULT_PERIOD  floor 10, activated 3 so far, max 1,234,567
 *   Melle        REPORTED       floor 5, activated 8, max 2,000,000
 *   Voeren       INVITED        floor 2, max 500,000
 * and Gent's pact of 2023: floor 200, activated 250, max 10,000,000, payout 5,000,000.
 */
const PACT = [
  participation(1, '44021', 2024, 'PAID', {
    floor: 225,
    activatedRegistered: 300,
    maxAmountCents: 30_000_000,
    eligible: 75,
    payoutCents: 7_500_000,
  }),
  participation(2, '11002', 2024, 'SETTLED', {
    floor: 400,
    activatedRegistered: 380,
    maxAmountCents: 50_000_012,
    eligible: 0,
    payoutCents: 0,
  }),
  participation(3, '44013', 2024, 'DECLINED', { floor: 20 }),
  participation(4, '44043', 2024, 'RESULT_PERIOD', {
    floor: 10,
    activatedRegistered: 3,
    maxAmountCents: 1_234_567,
  }),
  participation(5, '44040', 2024, 'REPORTED', {
    floor: 5,
    activatedRegistered: 8,
    maxAmountCents: 2_000_000,
  }),
  participation(6, '73109', 2024, 'INVITED', { floor: 2, maxAmountCents: 500_000 }),
  participation(7, '44021', 2023, 'PAID', {
    floor: 200,
    activatedRegistered: 250,
    maxAmountCents: 10_000_000,
    eligible: 50,
    payoutCents: 5_000_000,
  }),
];

const FIGURE = 'value suppressed unit numerator denominator target';
const PACT_FIGURES = `pactYear participants { ${FIGURE} } payout { ${FIGURE} }
  maximum { ${FIGURE} } activated { ${FIGURE} } floor { ${FIGURE} }`;
const statistics = (period: string) => `agreementStatistics(period: ${period}) {
  period { label from until }
  soCoverage { ${FIGURE} numeratorDefinition denominatorDefinition asOf }
  actions { ${FIGURE} } actionStatus { key figure { value suppressed } }
  pactSettlement { ${PACT_FIGURES} }
}`;

const AREAS = [
  ...['44021', '44043', '44040', '11001', '73109'].map(area.municipality),
  ...['OVL', 'ANT', 'LIM'].map(area.province),
  area.referenceRegion('RR-000012'),
  area.flanders,
];

const parts = (list: { key: string; figure: { value: number | null } }[]) =>
  Object.fromEntries(list.map((part) => [part.key, part.figure.value]));

describe('agreement statistics on a hand-counted world', () => {
  let subgraph: SubgraphUnderTest;
  /** The figures of each area for a period, by a short name. */
  const figures = async (period: string) => {
    const [gent, merelbeke, melle, aartselaar, voeren, ovl, ant, lim, region, flanders] =
      await statisticsOf(subgraph, statistics(period), AREAS);
    return { gent, merelbeke, melle, aartselaar, voeren, ovl, ant, lim, region, flanders };
  };
  let year: Awaited<ReturnType<typeof figures>>;

  beforeAll(async () => {
    subgraph = await startSubgraph(agreementsSubgraph, async ({ db }) => {
      await db.insert(provinces).values([
        { code: 'ANT', nisCode: '10000', name: 'Antwerpen' },
        { code: 'OVL', nisCode: '40000', name: 'Oost-Vlaanderen' },
        { code: 'LIM', nisCode: '70000', name: 'Limburg' },
      ]);
      await db.insert(referenceRegions).values([
        { id: 'RR-000001', name: 'Antwerpen' },
        { id: 'RR-000012', name: 'Gent en Meetjesland' },
        { id: 'RR-000014', name: 'Midden- en Zuid-Limburg' },
      ]);
      await db.insert(regiegebieden).values({ id: 'RG-000001', name: 'Regiegebied Melle' });
      await db
        .insert(municipalities)
        .values([
          municipality('44021', 'Gent', 'OVL', 'RR-000012'),
          municipality('44013', 'Destelbergen', 'OVL', 'RR-000012'),
          municipality('44043', 'Merelbeke', 'OVL', 'RR-000012'),
          municipality('44040', 'Melle', 'OVL', 'RR-000012', 'RG-000001'),
          municipality('11002', 'Antwerpen', 'ANT', 'RR-000001'),
          municipality('11001', 'Aartselaar', 'ANT', 'RR-000001'),
          municipality('73109', 'Voeren', 'LIM', 'RR-000014'),
        ]);
      await db.insert(intermunicipalPartnerships).values({
        id: 'IP-000001',
        name: 'SE en werk Schelde',
        kind: 'SE_EN_WERK',
        referenceRegionId: 'RR-000012',
      });
      await db.insert(partnershipMembers).values([
        { partnershipId: 'IP-000001', municipalityNisCode: '44013' },
        { partnershipId: 'IP-000001', municipalityNisCode: '44043' },
      ]);
      await db.insert(collaborationAgreements).values(AGREEMENTS);
      await db.insert(agreementParties).values(PARTIES);
      await db.insert(actionPlans).values(
        PLANS.map(([plan, agreementNumber, planYear]) => ({
          id: `AP-00000${plan}`,
          agreementId: `CA-00000${agreementNumber}`,
          year: planYear,
        })),
      );
      await db.insert(agreementActions).values(
        PLANS.flatMap(([plan, , , statuses]) =>
          statuses.map((status, i) => ({
            id: `AA-0000${plan}${i}`,
            actionPlanId: `AP-00000${plan}`,
            title: `Action ${plan}.${i}`,
            owner: 'VDAB',
            status: status as typeof agreementActions.$inferInsert.status,
          })),
        ),
      );
      await db.insert(activationPactParticipations).values(PACT);
    });
    year = await figures('{ year: 2024 }');
  });
  afterAll(() => subgraph?.stop());

  it('names the period it covers', () => {
    expect(year.gent.period).toEqual({ label: '2024', from: '2024-01-01', until: '2024-12-31' });
  });

  it('measures SO coverage on the last day of the period against the 90% target', () => {
    // Gent: covered by CA-1 and CA-6, once.
    expect(year.gent.soCoverage).toMatchObject({
      value: 1,
      suppressed: false,
      unit: 'RATIO',
      numerator: 1,
      denominator: 1,
      target: 0.9,
      numeratorDefinition:
        'municipalities covered by an SO VDAB–local government in force on 2024-12-31',
      denominatorDefinition: 'municipalities (2024 boundaries)',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // Merelbeke through its partnership (CA-2, renewed since) and as a party of CA-6.
    expect(year.merelbeke.soCoverage).toMatchObject({ value: 1, numerator: 1 });
    // Melle's regiegebied has only a draft.
    expect(year.melle.soCoverage).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    // Oost-Vlaanderen: Gent, Destelbergen, Merelbeke of 60 = 0.05; the region: 3 / 23 = 0.1304.
    expect(year.ovl.soCoverage).toMatchObject({ value: 0.05, numerator: 3, denominator: 60 });
    expect(year.region.soCoverage).toMatchObject({ value: 0.1304, numerator: 3, denominator: 23 });
    // Antwerpen's SO starts in 2025; Aartselaar's (not its SO adviesbevoegdheid) on 1 July: 1 / 69.
    expect(year.ant.soCoverage).toMatchObject({ value: 0.0145, numerator: 1, denominator: 69 });
    // Flanders: 4 / 300 = 0.0133; counts of municipalities are not persons, so 1 is published.
    expect(year.flanders.soCoverage).toMatchObject({
      value: 0.0133,
      suppressed: false,
      numerator: 4,
      denominator: 300,
    });
  });

  it('counts coverage on the last day of a quarter, and of a later year', async () => {
    const q2 = await figures('{ year: 2024, quarter: 2 }');
    expect(q2.gent.period).toEqual({ label: '2024-Q2', from: '2024-04-01', until: '2024-06-30' });
    // On 30 June Aartselaar's SO had not started: 3 / 300, and none of the 69 in Antwerpen.
    expect(q2.flanders.soCoverage).toMatchObject({ value: 0.01, numerator: 3 });
    expect(q2.ant.soCoverage).toMatchObject({ value: 0, numerator: 0 });
    // On 31 December 2025: CA-4 (Antwerpen), CA-6 (Gent, Merelbeke), CA-8 (Aartselaar).
    const next = await figures('{ year: 2025 }');
    expect(next.flanders.soCoverage).toMatchObject({ numerator: 4, denominator: 300 });
    expect(next.ant.soCoverage).toMatchObject({ numerator: 2, denominator: 69 });
    expect(next.ovl.soCoverage).toMatchObject({ numerator: 2 });
  });

  it("counts the actions of the year's plans once per covered municipality, by status", () => {
    // Gent: AP-1 (DONE, DONE, IN_PROGRESS) + AP-3 (CANCELLED, DONE) = 5.
    expect(year.gent.actions).toMatchObject({ value: 5, suppressed: false, unit: 'RECORDS' });
    expect(parts(year.gent.actionStatus)).toEqual({
      PLANNED: 0,
      IN_PROGRESS: 1,
      DONE: 3,
      DELAYED: 0,
      CANCELLED: 1,
    });
    // Merelbeke: AP-2 (PLANNED, DELAYED) + AP-3 (CANCELLED, DONE) = 4; actions are not persons,
    // so the ones are published.
    expect(parts(year.merelbeke.actionStatus)).toEqual({
      PLANNED: 1,
      IN_PROGRESS: 0,
      DONE: 1,
      DELAYED: 1,
      CANCELLED: 1,
    });
    // Aartselaar: AP-5 (IN_PROGRESS). Melle: nothing.
    expect(year.aartselaar.actions.value).toBe(1);
    expect(year.melle.actions.value).toBe(0);
    // Oost-Vlaanderen: Gent 5 + Destelbergen 2 + Merelbeke 4 = 11; AP-2's two actions count in
    // both of its municipalities and AP-3's two in Gent and Merelbeke.
    expect(year.ovl.actions.value).toBe(11);
    expect(parts(year.ovl.actionStatus)).toEqual({
      PLANNED: 2,
      IN_PROGRESS: 1,
      DONE: 4,
      DELAYED: 2,
      CANCELLED: 2,
    });
    // Flanders: 11 + Aartselaar's 1; the VDAB–VVSG plan covers no municipality, AP-4 is 2023.
    expect(year.flanders.actions.value).toBe(12);
    expect(parts(year.flanders.actionStatus)).toMatchObject({ IN_PROGRESS: 2, DONE: 4 });
  });

  it('sums the pact settlement of the year per local government, in euros', () => {
    expect(year.gent.pactSettlement).toMatchObject({
      pactYear: 2024,
      participants: { value: 1, unit: 'RECORDS' },
      payout: { value: 75_000, suppressed: false, unit: 'EURO' },
      maximum: { value: 300_000, unit: 'EURO' },
      activated: { value: 300, unit: 'PERSONS' },
      floor: { value: 225, unit: 'PERSONS' },
    });
    // Oost-Vlaanderen: Gent, Merelbeke, Melle (Destelbergen declined); maximum 30,000,000 +
    // 1,234,567 + 2,000,000 cents; only Gent is settled; activated 300 + 3 + 8, floor 225 + 10 + 5.
    expect(year.ovl.pactSettlement).toMatchObject({
      participants: { value: 3 },
      payout: { value: 75_000, suppressed: false },
      maximum: { value: 332_345.67, suppressed: false },
      activated: { value: 311, suppressed: false },
      floor: { value: 240, suppressed: false },
    });
    // Flanders: five participants; maximum + 50,000,012 (Antwerpen) + 500,000 (Voeren) cents;
    // Antwerpen settled at 0 (380 activations against a floor of 400); 691 activated; floors
    // 240 + 400 + 2 = 642.
    expect(year.flanders.pactSettlement).toMatchObject({
      participants: { value: 5 },
      payout: { value: 75_000 },
      maximum: { value: 837_345.79 },
      activated: { value: 691 },
      floor: { value: 642 },
    });
  });

  it('hides small counts of persons, their complements and the payouts that give them away', () => {
    // Merelbeke's 3 activations are suppressed; Melle's 8, the smallest other activation count in
    // Oost-Vlaanderen, its region and Flanders, is hidden with them (complementary).
    expect(year.merelbeke.pactSettlement.activated).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(year.melle.pactSettlement.activated).toMatchObject({ value: null, suppressed: true });
    // Voeren's floor of 2 is suppressed, and so is Limburg's (2); Flanders (642) would give it
    // away, so the smallest other floor, Melle's 5, is hidden, and then Merelbeke's 10, or
    // Oost-Vlaanderen (240) would give Melle's away.
    expect(year.voeren.pactSettlement.floor).toMatchObject({ value: null, suppressed: true });
    expect(year.lim.pactSettlement.floor).toMatchObject({ value: null, suppressed: true });
    expect(year.melle.pactSettlement.floor).toMatchObject({ value: null, suppressed: true });
    expect(year.merelbeke.pactSettlement.floor).toMatchObject({ value: null, suppressed: true });
    // A payout is €1,000 × (activated − floor) below the maximum: hidden with either.
    for (const area of [year.merelbeke, year.melle, year.voeren, year.lim]) {
      expect(area.pactSettlement.payout).toMatchObject({
        value: null,
        numerator: null,
        suppressed: true,
      });
    }
    // Euros and participants are not persons: published everywhere.
    expect(year.voeren.pactSettlement).toMatchObject({
      participants: { value: 1, suppressed: false },
      maximum: { value: 5_000, suppressed: false },
    });
    expect(year.merelbeke.pactSettlement.maximum.value).toBe(12_345.67);
  });

  it("reads a quarter as the pact of its year, and each year's pact apart", async () => {
    const q3 = await figures('{ year: 2024, quarter: 3 }');
    expect(q3.flanders.pactSettlement).toEqual(year.flanders.pactSettlement);
    // 2023: Gent alone, paid 5,000,000 cents for 250 activations against a floor of 200.
    const earlier = await figures('{ year: 2023 }');
    expect(earlier.flanders.pactSettlement).toMatchObject({
      pactYear: 2023,
      participants: { value: 1 },
      payout: { value: 50_000 },
      maximum: { value: 100_000 },
      activated: { value: 250 },
      floor: { value: 200 },
    });
  });
});
