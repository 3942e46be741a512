import { maatwerkSubgraph } from '../../subgraphs/maatwerk/server';
import {
  contingents,
  employers,
  placements,
  referrals,
  vacancies,
} from '../../subgraphs/maatwerk/tables';
import { area, statisticsOf } from '../support/statistics';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

/*
 * The maatwerk KPIs of DOMAIN B.5 on a world small enough to count by hand: Gent (44021),
 * Antwerpen (11002), Mechelen (12025) and one Brussels employer (21004) in the second quarter of
 * 2024 (1 April to 30 June). Each of the three Flemish municipalities is alone in its reference
 * region, and Antwerpen and Mechelen are the only ones of the province of Antwerpen in it. Every
 * expected number below is worked out in the comment beside it.
 */

type EmployerRow = typeof employers.$inferInsert;
type VacancyRow = typeof vacancies.$inferInsert;
type ReferralRow = typeof referrals.$inferInsert;
type PlacementRow = typeof placements.$inferInsert;

const GENT = '44021';
const ANTWERPEN = '11002';
const MECHELEN = '12025';
const BRUSSEL = '21004';

function employer(n: number, type: EmployerRow['type'], nisCode: string): EmployerRow {
  return {
    id: `E-00000${n}`,
    name: `Employer ${n}`,
    type,
    legalForm: 'VZW',
    enterpriseNumber: `0400.000.00${n}`,
    municipalityNisCode: nisCode,
    vte: 100,
  };
}

// E-1, E-3 and E-5 hold contingents; E-2 (Antwerpen) also recruits for a workplace in Gent.
const EMPLOYERS = [
  employer(1, 'MAATWERKBEDRIJF', GENT),
  employer(2, 'REGULIERE_WERKGEVER', ANTWERPEN),
  employer(3, 'MAATWERKBEDRIJF', MECHELEN),
  employer(4, 'REGULIERE_WERKGEVER', BRUSSEL),
  employer(5, 'LDE_ORGANISATIE', GENT),
];

const contingent = (
  n: number,
  employerId: string,
  measure: 'CMW' | 'LDE',
  year: number,
  vteAllotted: number,
  vteFilled: number,
) => ({ id: `CT-00000${n}`, employerId, measure, year, vteAllotted, vteFilled });

const CONTINGENTS = [
  contingent(1, 'E-000001', 'CMW', 2024, 100, 102.5),
  // Another year: not the contingent of 2024.
  contingent(2, 'E-000001', 'CMW', 2023, 90, 80),
  contingent(3, 'E-000003', 'CMW', 2024, 50.3, 45.1),
  contingent(4, 'E-000005', 'LDE', 2024, 20.1, 18.4),
];

function vacancy(
  n: number,
  employerId: string,
  measure: VacancyRow['measure'],
  nisCode: string,
  openedAt: string,
  end?: { status: 'FILLED' | 'CLOSED' | 'CANCELLED'; on: string },
): VacancyRow {
  return {
    id: `V-${String(n).padStart(6, '0')}`,
    employerId,
    measure,
    jobTitle: `Job ${n}`,
    activity: 'groenonderhoud',
    municipalityNisCode: nisCode,
    hoursPerWeek: 38,
    languageRequirement: 'A2',
    reservedForTicketHolders: measure === 'CMW',
    status: end?.status ?? 'OPEN',
    openedAt,
    closedAt: end?.on ?? null,
  };
}

const VACANCIES = [
  // Gent, open on 30 June: V1, V2 (CMW), V4 (AMA SE, cancelled only in July), V7 (IMW of the
  // Antwerpen employer E-2, with its workplace in Gent).
  vacancy(1, 'E-000001', 'CMW', GENT, '2024-01-10'),
  vacancy(2, 'E-000001', 'CMW', GENT, '2024-05-01'),
  // Filled in May: filled in the period, no longer open.
  vacancy(3, 'E-000001', 'CMW', GENT, '2024-02-01', { status: 'FILLED', on: '2024-05-15' }),
  vacancy(4, 'E-000001', 'AMA_SE_PLAATS', GENT, '2024-03-01', {
    status: 'CANCELLED',
    on: '2024-07-10',
  }),
  // Opened after the period.
  vacancy(5, 'E-000001', 'BVS_PLAATS', GENT, '2024-07-05'),
  // Filled before the period.
  vacancy(6, 'E-000005', 'LDE', GENT, '2023-06-01', { status: 'FILLED', on: '2024-03-20' }),
  vacancy(7, 'E-000002', 'IMW', GENT, '2024-04-01'),
  // Antwerpen: V8 filled on the last day (filled, not open); V9 closed unfilled.
  vacancy(8, 'E-000002', 'IMW', ANTWERPEN, '2024-04-15', { status: 'FILLED', on: '2024-06-30' }),
  vacancy(9, 'E-000002', 'IMW', ANTWERPEN, '2024-06-01', { status: 'CLOSED', on: '2024-06-20' }),
  // Brussels: in no Flemish area.
  vacancy(10, 'E-000004', 'IMW', BRUSSEL, '2024-04-01'),
  // Gent, cancelled within the period: neither open nor filled.
  vacancy(11, 'E-000001', 'CMW', GENT, '2024-04-01', { status: 'CANCELLED', on: '2024-06-15' }),
];

const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00Z`);

/** A referral proposed on `proposed`, last moved to `status` on `decided` (default: proposed). */
function referral(
  n: number,
  to: { employerId: string; vacancyId: string | null },
  status: ReferralRow['status'],
  proposed: Date,
  decided: Date = proposed,
  failureReason: ReferralRow['failureReason'] = null,
): ReferralRow {
  return {
    id: `R-${String(n).padStart(6, '0')}`,
    personId: `P-${String(n).padStart(6, '0')}`,
    ...to,
    origin: 'VDAB_TOELEIDING',
    status,
    proposedAt: proposed,
    statusChangedAt: decided,
    failureReason,
    failureGivenAt: failureReason ? decided : null,
  };
}

const V1 = { employerId: 'E-000001', vacancyId: 'V-000001' };
const E1_DIRECT = { employerId: 'E-000001', vacancyId: null };
const V7 = { employerId: 'E-000002', vacancyId: 'V-000007' };
const V8 = { employerId: 'E-000002', vacancyId: 'V-000008' };
const E3_DIRECT = { employerId: 'E-000003', vacancyId: null };
const V10 = { employerId: 'E-000004', vacancyId: 'V-000010' };

const REFERRALS = [
  // Gent, 6 hires in May: R1-R4 to V1, R5 straight to E-1 (counts at the employer, in Gent),
  // R6 to V7 (an Antwerpen employer's vacancy with its workplace in Gent: counts in Gent).
  ...[1, 2, 3, 4].map((n) => referral(n, V1, 'HIRED', at('2024-04-02'), at('2024-05-02'))),
  referral(5, E1_DIRECT, 'HIRED', at('2024-04-02'), at('2024-05-02')),
  referral(6, V7, 'HIRED', at('2024-04-02'), at('2024-05-02')),
  // Gent, 5 failed on skills; R7 was proposed in March, so it is decided in the period only.
  referral(7, V1, 'REJECTED_BY_EMPLOYER', at('2024-03-25'), at('2024-05-03'), 'SKILLS_MISMATCH'),
  ...[8, 9, 10, 11].map((n) =>
    referral(n, V1, 'REJECTED_BY_EMPLOYER', at('2024-04-03'), at('2024-05-03'), 'SKILLS_MISMATCH'),
  ),
  // Gent, 2 no-shows.
  ...[12, 13].map((n) =>
    referral(n, V1, 'REJECTED_BY_EMPLOYER', at('2024-04-04'), at('2024-04-20'), 'NO_SHOW'),
  ),
  // Gent, 2 in progress at the end of June: made in the period, not decided.
  referral(14, V1, 'INTAKE', at('2024-06-10'), at('2024-06-20')),
  referral(15, V1, 'INTAKE', at('2024-06-10'), at('2024-06-20')),
  // Gent, proposed and hired in March: outside the period altogether.
  referral(
    16,
    { employerId: 'E-000001', vacancyId: 'V-000003' },
    'HIRED',
    at('2024-03-01'),
    at('2024-03-20'),
  ),
  // Gent, proposed in June and hired in July: made in the period, decided after it.
  referral(17, V1, 'HIRED', at('2024-06-20'), at('2024-07-05')),
  // Belgian days: 31 March 22:30 UTC is 1 April 00:30 in Brussels (in the period); 30 June
  // 22:30 UTC is already 1 July there (after it).
  referral(18, V1, 'PROPOSED', at('2024-03-31', '22:30')),
  referral(19, V1, 'PROPOSED', at('2024-06-30', '22:30')),
  // Antwerpen: 5 hires on V8.
  ...[21, 22, 23, 24, 25].map((n) => referral(n, V8, 'HIRED', at('2024-04-10'), at('2024-05-10'))),
  // Mechelen: 1 hire, straight to E-3.
  referral(31, E3_DIRECT, 'HIRED', at('2024-04-10'), at('2024-05-10')),
  // Brussels: 1 hire, in no Flemish area.
  referral(41, V10, 'HIRED', at('2024-04-10'), at('2024-05-10')),
];

/** A placement of the referral `n` (or of none), paid by `employerId`. */
function placement(
  n: number,
  employerId: string,
  referralId: string | null,
  startDate: string,
  endDate: string | null = null,
): PlacementRow {
  return {
    id: `PL-${String(n).padStart(6, '0')}`,
    personId: `P-${String(n).padStart(6, '0')}`,
    employerId,
    referralId,
    type: 'IMW',
    startDate,
    endDate,
    fte: 0.8,
    status: endDate ? 'ENDED' : 'ACTIVE',
    endReason: endDate ? 'EINDE_CONTRACT' : null,
  };
}

const PLACEMENTS = [
  // Gent: the six May hires (PL-6 paid by E-2 but working at V7 in Gent).
  ...[1, 2, 3, 4, 5].map((n) => placement(n, 'E-000001', `R-00000${n}`, '2024-05-06')),
  placement(6, 'E-000002', 'R-000006', '2024-05-06'),
  // Gent: the March hire started on 1 April and worked its last day on 30 June: started, and
  // running on the last day.
  placement(16, 'E-000001', 'R-000016', '2024-04-01', '2024-06-30'),
  // Gent, without a referral (counted at E-1): one running since 2023, one that ended on 29 June.
  placement(50, 'E-000001', null, '2023-01-01'),
  placement(51, 'E-000001', null, '2023-02-01', '2024-06-29'),
  // Gent: the July hire starts after the period.
  placement(17, 'E-000001', 'R-000017', '2024-07-08'),
  // Antwerpen 5, Mechelen 1, Brussels 1 (in no area), all started in May.
  ...[21, 22, 23, 24, 25].map((n) => placement(n, 'E-000002', `R-0000${n}`, '2024-05-13')),
  placement(31, 'E-000003', 'R-000031', '2024-05-13'),
  placement(41, 'E-000004', 'R-000041', '2024-05-13'),
];

const FIGURE = 'value suppressed unit numerator denominator target';
const PARTS = 'key figure { value suppressed }';
const STATISTICS = `maatwerkStatistics(period: { year: 2024, quarter: 2 }) {
  period { label until }
  openVacancies { ${FIGURE} } openVacanciesByMeasure { ${PARTS} } filledVacancies { ${FIGURE} }
  occupancy { key figure { ${FIGURE} } }
  referrals { ${FIGURE} } hires { ${FIGURE} } failedReferrals { ${FIGURE} }
  failureReasons { ${PARTS} } referralConversion { ${FIGURE} }
  placementsStarted { ${FIGURE} } placementsActive { ${FIGURE} }
}`;

const parts = (list: { key: string; figure: { value: number | null } }[]) =>
  Object.fromEntries(list.map((part) => [part.key, part.figure.value]));

describe('maatwerk statistics on a hand-counted world', () => {
  let subgraph: SubgraphUnderTest;
  let gent: any;
  let antwerpen: any;
  let mechelen: any;
  let province: any;
  let region: any;
  let flanders: any;

  beforeAll(async () => {
    subgraph = await startSubgraph(maatwerkSubgraph, async ({ db }) => {
      await db.insert(employers).values(EMPLOYERS);
      await db.insert(contingents).values(CONTINGENTS);
      await db.insert(vacancies).values(VACANCIES);
      await db.insert(referrals).values(REFERRALS);
      await db.insert(placements).values(PLACEMENTS);
    });
    [gent, antwerpen, mechelen, province, region, flanders] = await statisticsOf(
      subgraph,
      STATISTICS,
      [
        area.municipality(GENT),
        area.municipality(ANTWERPEN),
        area.municipality(MECHELEN),
        area.province('ANT'),
        area.referenceRegion('RR-000001'),
        area.flanders,
      ],
    );
  });
  afterAll(() => subgraph?.stop());

  it('names the period it covers', () => {
    expect(gent.period).toEqual({ label: '2024-Q2', until: '2024-06-30' });
  });

  it('counts vacancies at their workplace, open on the last day and filled in the period', () => {
    // V1, V2, V4, V7 open on 30 June; vacancies are not persons, so small counts are published.
    expect(gent.openVacancies).toMatchObject({ value: 4, suppressed: false, unit: 'RECORDS' });
    expect(parts(gent.openVacanciesByMeasure)).toEqual({
      CMW: 2,
      IMW: 1,
      LDE: 0,
      AMA_SE_PLAATS: 1,
      BVS_PLAATS: 0,
    });
    // V3 filled on 15 May; V6 was filled in March.
    expect(gent.filledVacancies).toMatchObject({ value: 1, suppressed: false });
    // V8 was filled on 30 June itself: filled, no longer open; V9 closed unfilled.
    expect(antwerpen.openVacancies.value).toBe(0);
    expect(antwerpen.filledVacancies.value).toBe(1);
    // Flanders: Gent's 4 open and V3 + V8 filled; the Brussels V10 is in no area.
    expect(flanders.openVacancies.value).toBe(4);
    expect(flanders.filledVacancies.value).toBe(2);
  });

  it('measures contingent occupancy in FTE for the year of the period', () => {
    // Gent CMW 102.5 / 100 (the 2023 contingent aside); LDE 18.4 / 20.1 = 0.91542.
    expect(parts(gent.occupancy)).toEqual({ CMW: 1.025, LDE: 0.9154 });
    expect(gent.occupancy[0].figure).toMatchObject({
      unit: 'RATIO',
      numerator: 102.5,
      denominator: 100,
      suppressed: false,
    });
    // Province of Antwerpen: Mechelen's 45.1 / 50.3 = 0.89662; no LDE allotted: no ratio.
    expect(parts(province.occupancy)).toEqual({ CMW: 0.8966, LDE: null });
    expect(province.occupancy[1].figure).toMatchObject({ suppressed: false, denominator: 0 });
    // Flanders: (102.5 + 45.1) / (100 + 50.3) = 147.6 / 150.3 = 0.98204, the sums in one decimal.
    expect(flanders.occupancy[0].figure).toMatchObject({
      value: 0.982,
      numerator: 147.6,
      denominator: 150.3,
    });
  });

  it('counts the referrals made in the period, in Belgian days, hiding small cells', () => {
    // Gent: R1-R6, R8-R13, R14, R15, R17 and R18 (1 April in Brussels) = 16; R7 and R16 were
    // made in March, R19 on 1 July.
    expect(gent.referrals).toMatchObject({ value: 16, suppressed: false, unit: 'RECORDS' });
    // Mechelen's 1 is small. The province (5 + 1 = 6) would give it away, so Antwerpen's 5 is
    // hidden with it; the province shows only their sum.
    expect(mechelen.referrals).toMatchObject({ value: null, suppressed: true });
    expect(antwerpen.referrals).toMatchObject({ value: null, suppressed: true });
    expect(province.referrals.value).toBe(6);
    // Antwerpen is alone in its reference region, which would show its 5: hidden too.
    expect(region.referrals).toMatchObject({ value: null, suppressed: true });
    // Flanders: 16 + 5 + 1 = 22; the Brussels referral is in no area.
    expect(flanders.referrals.value).toBe(22);
  });

  it('counts hires, failed matches by reason and the conversion of decided referrals', () => {
    // Gent decided 13 in the period: 6 hired (R1-R6), 7 failed (R7-R13).
    expect(gent.hires).toMatchObject({ value: 6, suppressed: false });
    expect(gent.failedReferrals).toMatchObject({ value: 7, suppressed: false });
    // NO_SHOW = 2 is small; SKILLS_MISMATCH would be 7 - 2, so it is hidden as well.
    expect(parts(gent.failureReasons)).toEqual({
      SKILLS_MISMATCH: null,
      SUPPORT_NEED_TOO_HIGH: 0,
      MOBILITY: 0,
      HEALTH: 0,
      CANDIDATE_DECLINED: 0,
      NO_SHOW: null,
      CONTRACT_TERMS: 0,
      JOB_NO_LONGER_AVAILABLE: 0,
      OTHER: 0,
    });
    // 6 / 13 = 0.46154; R14, R15 (in progress) and R17 (hired in July) are in neither count.
    expect(gent.referralConversion).toMatchObject({
      value: 0.4615,
      unit: 'RATIO',
      numerator: 6,
      denominator: 13,
    });
    // Mechelen's 1 hire is small; the province's 5 + 1 hires hide Antwerpen's 5 with it, and
    // Antwerpen's decided 5 (= its hires + 0 failed) then goes too: both conversions hidden.
    expect(mechelen.hires.suppressed).toBe(true);
    expect(antwerpen.hires).toMatchObject({ value: null, suppressed: true });
    expect(antwerpen.referralConversion).toMatchObject({
      value: null,
      suppressed: true,
      numerator: null,
      denominator: null,
    });
    // The province shows the sums: 6 hired of 6 decided.
    expect(province.referralConversion).toMatchObject({ value: 1, numerator: 6, denominator: 6 });
    // Flanders: (6 + 5 + 1) / (13 + 5 + 1) = 12 / 19 = 0.63158.
    expect(flanders.referralConversion).toMatchObject({
      value: 0.6316,
      numerator: 12,
      denominator: 19,
    });
    // Gent is the only municipality with failed matches: Flanders's reasons are Gent's, hidden alike.
    expect(flanders.failedReferrals.value).toBe(7);
    expect(parts(flanders.failureReasons)).toMatchObject({ SKILLS_MISMATCH: null, NO_SHOW: null });
  });

  it('counts placements started in the period and running on its last day', () => {
    // Started: PL-1 … PL-6 in May and PL-16 on 1 April = 7 (PL-6 counts at V7 in Gent).
    expect(gent.placementsStarted).toMatchObject({ value: 7, suppressed: false });
    // Running on 30 June: those 7 (PL-16 worked its last day then) and PL-50 since 2023 = 8;
    // PL-51 ended on 29 June and PL-17 starts in July.
    expect(gent.placementsActive).toMatchObject({ value: 8, suppressed: false });
    // Mechelen's 1 is small and Antwerpen's 5 hidden with it, as for the referrals.
    expect(mechelen.placementsActive.suppressed).toBe(true);
    expect(antwerpen.placementsStarted.suppressed).toBe(true);
    expect(province.placementsStarted.value).toBe(6);
    // Flanders: 7 + 5 + 1 started, 8 + 5 + 1 running; Brussels's PL-41 is in no area.
    expect(flanders.placementsStarted.value).toBe(13);
    expect(flanders.placementsActive.value).toBe(14);
  });

  it('gives the waiting ratio its own error when the indications subgraph cannot be asked', async () => {
    // Run alone, this subgraph has no indications peer: only waitingRatio fails.
    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "Municipality", nisCode: "${GENT}" }
    ]) { ... on Municipality { maatwerkStatistics(period: { year: 2024, quarter: 2 }) {
      openVacancies { value } waitingRatio { key figure { value } }
    } } } }`);
    expect(result.data._entities[0].maatwerkStatistics).toEqual({
      openVacancies: { value: 4 },
      waitingRatio: null,
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['_entities', 0, 'maatwerkStatistics', 'waitingRatio'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  });
});
