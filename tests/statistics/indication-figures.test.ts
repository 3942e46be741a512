import { addDays } from '../../common/dates';
import { indicationsSubgraph } from '../../subgraphs/indications/server';
import { advices, indicationRequests } from '../../subgraphs/indications/tables';
import { area, statisticsOf } from '../support/statistics';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

/*
 * The indication KPIs of DOMAIN B.5 on a world small enough to count by hand: Gent (44021),
 * Antwerpen (11002) and Mechelen (12025) in the second quarter of 2024. Every expected number
 * below is worked out in the comment beside it.
 */

const SIGNED = '2024-04-02';
const at = (date: string) => new Date(`${date}T10:00:00Z`);

type RequestRow = typeof indicationRequests.$inferInsert;
type AdviceRow = typeof advices.$inferInsert;

/** A request signed on SIGNED in Gent, decided (granted) after `leadDays` unless `open`. */
function request(n: number, leadDays: number | null, extra: Partial<RequestRow> = {}): RequestRow {
  const signed = extra.signedFormAt ?? SIGNED;
  return {
    id: `IR-${String(n).padStart(6, '0')}`,
    personId: `P-${String(n).padStart(6, '0')}`,
    requestedType: 'CMW',
    route: 'ATTEST',
    procedure: 'STANDAARD',
    origin: 'CITIZEN_FORM',
    signedFormAt: signed,
    indicatorOrg: 'VDAB',
    municipalityNisCode: '44021',
    submittedAt: at(addDays(signed!, 1)),
    infoCompleteAt: at(addDays(signed!, 6)),
    decidedAt: leadDays === null ? null : at(addDays(signed!, leadDays)),
    status: leadDays === null ? 'INFO_GATHERING' : 'GRANTED',
    ...extra,
  };
}

function advice(request: RequestRow, extra: Partial<AdviceRow> = {}): AdviceRow {
  return {
    id: request.id!.replace('IR-', 'AD-'),
    personId: request.personId,
    requestId: request.id,
    type: request.requestedType,
    basis: 'ATTEST',
    decision: 'TOEGEKEND',
    decidedAt: request.decidedAt!,
    validFrom: request.decidedAt!.toISOString().slice(0, 10),
    validUntil: '2029-12-31',
    status: 'ACTIVE',
    ...extra,
  };
}

// Gent: six CMW requests decided after 10 … 60 days, five of them spoed with the hire recorded.
const cmw = [10, 20, 30, 40, 50, 60].map((lead, i) =>
  request(i + 1, lead, i < 5 ? { procedure: 'SPOED', vacancyId: `V-00000${i + 1}` } : {}),
);
// Gent: one IMW via ICF decided after 70 days, one IMW still open.
const imw = [
  request(7, 70, { requestedType: 'IMW', route: 'ICF' }),
  request(8, null, { requestedType: 'IMW', route: 'ICF' }),
];
// Gent: five requests signed in January, still open at the end of June (backlog over 3 months).
const backlog = [9, 10, 11, 12, 13].map((n) =>
  request(n, null, { signedFormAt: '2024-01-15', status: 'SUBMITTED', infoCompleteAt: null }),
);
// Antwerpen: five CMW requests granted after 30 days.
const antwerpen = [21, 22, 23, 24, 25].map((n) =>
  request(n, 30, { municipalityNisCode: '11002', signedFormAt: '2024-04-10' }),
);
// Mechelen: two CMW requests, one granted after 45 days: small cells.
const mechelen = [31, 32].map((n) =>
  request(n, n === 31 ? 45 : null, { municipalityNisCode: '12025' }),
);
const decided = [...cmw, imw[0], ...antwerpen, mechelen[0]];

const FIGURE = 'value suppressed numerator denominator target';
const PARTS = `key figure { value suppressed }`;
const STATISTICS = `indicationStatistics(period: { year: 2024, quarter: 2 }) {
  period { label from until }
  requests { ${FIGURE} } requestsByAdviceType { ${PARTS} } requestsByRoute { ${PARTS} }
  granted { ${FIGURE} } refused { ${FIGURE} } grantedByAdviceType { ${PARTS} }
  derivedImwGranted { ${FIGURE} } grantRate { ${FIGURE} }
  leadTimeMeanDays { ${FIGURE} } leadTimeMedianDays { value } leadTimeP80Days { value }
  leadTimeDistribution { ${PARTS} } decidedWithin3Months { ${FIGURE} }
  backlogOver3Months { value suppressed } phaseDurations { key figure { value denominator } }
  spoedHireCompliance { ${FIGURE} }
  validRightHolders { value } validRightHoldersByAdviceType { ${PARTS} }
}`;

const parts = (list: { key: string; figure: { value: number | null } }[]) =>
  Object.fromEntries(list.map((part) => [part.key, part.figure.value]));

describe('indication statistics on a hand-counted world', () => {
  let subgraph: SubgraphUnderTest;
  let gent: any;
  let antwerpenFigures: any;
  let mechelenFigures: any;
  let province: any;
  let flanders: any;

  beforeAll(async () => {
    subgraph = await startSubgraph(indicationsSubgraph, async ({ db }) => {
      await db
        .insert(indicationRequests)
        .values([...cmw, ...imw, ...backlog, ...antwerpen, ...mechelen]);
      await db.insert(advices).values([
        ...decided.map((row) =>
          advice(row, row.procedure === 'SPOED' ? { hiredAt: '2024-06-15' } : {}),
        ),
        // The IMW derived from the first CMW: reported apart, and not a request.
        advice(cmw[0], { id: 'AD-000100', type: 'IMW', derivedFromId: 'AD-000001' }),
      ]);
    });
    [gent, antwerpenFigures, mechelenFigures, province, flanders] = await statisticsOf(
      subgraph,
      STATISTICS,
      [
        area.municipality('44021'),
        area.municipality('11002'),
        area.municipality('12025'),
        area.province('ANT'),
        area.flanders,
      ],
    );
  });
  afterAll(() => subgraph?.stop());

  it('names the period it covers', () => {
    expect(gent.period).toEqual({ label: '2024-Q2', from: '2024-04-01', until: '2024-06-30' });
  });

  it('counts requests by type and route, hiding the small cells and their complements', () => {
    // 6 CMW + 2 IMW signed in the quarter; the January backlog is not in it.
    expect(gent.requests).toMatchObject({ value: 8, suppressed: false, numerator: 8 });
    // IMW = 2 is small; CMW would then be 8 - 2, so it is hidden too. Empty cells are published.
    expect(parts(gent.requestsByAdviceType)).toEqual({
      CMW: null,
      IMW: null,
      AMA_SE: 0,
      AMA_WELZIJN: 0,
    });
    expect(parts(gent.requestsByRoute)).toEqual({ ATTEST: null, ICF: null, UKW: 0 });
    // Mechelen's 2 are small. Flanders (8 + 5 + 2 = 15) would give them away, so the smallest
    // other municipality, Antwerpen with 5, is hidden with them; Gent's 8 stays published.
    expect(mechelenFigures.requests).toMatchObject({ value: null, suppressed: true });
    expect(antwerpenFigures.requests).toMatchObject({ value: null, suppressed: true });
    expect(flanders.requests.value).toBe(15);
    // The province of Antwerpen (5 + 2) shows only their sum.
    expect(province.requests.value).toBe(7);
    // Flanders by type: 13 CMW + 2 IMW; IMW is small, so CMW goes with it.
    expect(parts(flanders.requestsByAdviceType)).toMatchObject({ CMW: null, IMW: null });
  });

  it('counts decisions and the grant rate, with the derived IMW apart', () => {
    // Seven decisions in Gent, all granted: 6 CMW and 1 IMW (small, so CMW is hidden as well).
    expect(gent.granted).toMatchObject({ value: 7, suppressed: false });
    expect(gent.refused).toMatchObject({ value: 0, suppressed: false });
    expect(parts(gent.grantedByAdviceType)).toMatchObject({ CMW: null, IMW: null, AMA_SE: 0 });
    expect(gent.grantRate).toMatchObject({ value: 1, numerator: 7, denominator: 7 });
    // One derived IMW: a count of one person.
    expect(gent.derivedImwGranted).toMatchObject({ value: null, suppressed: true });
    // Flanders: 7 + 5 + 1 = 13 granted.
    expect(flanders.grantRate).toMatchObject({ value: 1, numerator: 13, denominator: 13 });
  });

  it('measures lead times against the 3-month target', () => {
    // 10, 20, 30, 40, 50, 60, 70 days: mean and median 40; p80 at rank 4.8 = 50 + 0.8 × 10.
    expect(gent.leadTimeMeanDays).toMatchObject({ value: 40, numerator: 280, denominator: 7 });
    expect(gent.leadTimeMedianDays.value).toBe(40);
    expect(gent.leadTimeP80Days.value).toBe(58);
    // Weeks 0-4: 10, 20; 4-8: 30, 40, 50; 8-13: 60, 70 — all small.
    expect(parts(gent.leadTimeDistribution)).toEqual({
      WEEKS_0_4: null,
      WEEKS_4_8: null,
      WEEKS_8_13: null,
      WEEKS_13_26: 0,
      WEEKS_26_PLUS: 0,
    });
    // All seven decided before 2 July (signed 2 April + 3 months).
    expect(gent.decidedWithin3Months).toMatchObject({
      value: 1,
      numerator: 7,
      denominator: 7,
      target: 0.8,
    });
    // Mechelen's one decision is one person; Antwerpen's five are hidden with it (see above).
    expect(mechelenFigures.leadTimeMeanDays).toMatchObject({ value: null, suppressed: true });
    expect(antwerpenFigures.leadTimeMedianDays.value).toBeNull();
    // Flanders: (280 + 5 × 30 + 45) / 13 = 36.54.
    expect(flanders.leadTimeMeanDays).toMatchObject({
      value: 36.5,
      numerator: 475,
      denominator: 13,
    });
    // Province of Antwerpen: 5 × 30 and 45, median of six values = 30.
    expect(province.leadTimeMedianDays.value).toBe(30);
  });

  it('counts the backlog, the phases and spoed compliance', () => {
    // Five January requests open on 30 June.
    expect(gent.backlogOver3Months).toEqual({ value: 5, suppressed: false });
    // Submitted the day after signing, information complete five days later, for all seven.
    expect(parts(gent.phaseDurations)).toEqual({
      SUBMITTED_TO_INFORMATION_COMPLETE: 5,
      INFORMATION_COMPLETE_TO_ICF_STARTED: null,
      ICF_STARTED_TO_CONSULTANT_ADVICE: null,
      CONSULTANT_ADVICE_TO_DECISION: null,
    });
    expect(gent.phaseDurations[0].figure.denominator).toBe(7);
    // Five spoed advices granted, five hires.
    expect(gent.spoedHireCompliance).toMatchObject({
      value: 1,
      numerator: 5,
      denominator: 5,
      target: 1,
    });
  });

  it('counts the persons holding a valid right at the end of the period', () => {
    // P-1 … P-7; P-1 holds the derived IMW too, so the IMW holders are P-1 and P-7.
    expect(gent.validRightHolders.value).toBe(7);
    expect(parts(gent.validRightHoldersByAdviceType)).toEqual({
      CMW: 6,
      IMW: null,
      AMA_SE: 0,
      AMA_WELZIJN: 0,
    });
  });

  it('refuses a period that is none', async () => {
    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "Flanders", code: "VL" }
    ]) { ... on Flanders { indicationStatistics(period: { year: 2024, quarter: 5 }) { requests { value } } } } }`);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'period.quarter',
    });
  });
});
