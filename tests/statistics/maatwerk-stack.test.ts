import { startTestStack, type TestStack } from '../support/stack';

/*
 * The waiting ratio needs two subgraphs: maatwerk counts the open vacancies and asks the
 * indications subgraph, as the same caller, for the persons with a valid right. Through the
 * gateway over the seeded small world, the ratio must equal the two figures read side by side in
 * the same response.
 */

const PERIOD = '{ year: 2025, quarter: 3 }';
const FIGURES = `
  maatwerkStatistics(period: ${PERIOD}) {
    openVacanciesByMeasure { key figure { value suppressed } }
    waitingRatio { key figure { value suppressed unit numerator denominator asOf } }
  }
  indicationStatistics(period: ${PERIOD}) {
    validRightHoldersByAdviceType { key figure { value suppressed } }
  }`;

/** The advice type whose holders wait for each vacancy measure (B.2.3: who may be hired there). */
const ADVICE_OF_MEASURE = { CMW: 'CMW', IMW: 'IMW', AMA_SE_PLAATS: 'AMA_SE' };

type Part = { key: string; figure: any };
const byKey = (parts: Part[]) => new Map(parts.map((part) => [part.key, part.figure]));

/** Every ratio is the holders of the matching right over the open vacancies of the measure. */
function expectRatiosFromTheSameResponse(area: any) {
  const open = byKey(area.maatwerkStatistics.openVacanciesByMeasure);
  const holders = byKey(area.indicationStatistics.validRightHoldersByAdviceType);
  const ratios = area.maatwerkStatistics.waitingRatio as Part[];
  expect(ratios.map((ratio) => ratio.key)).toEqual(Object.keys(ADVICE_OF_MEASURE));
  for (const { key, figure } of ratios) {
    const people = holders.get(ADVICE_OF_MEASURE[key as keyof typeof ADVICE_OF_MEASURE]);
    const vacancies = open.get(key).value;
    expect(figure.unit).toBe('RATIO');
    if (people.suppressed) {
      expect(figure).toMatchObject({ value: null, suppressed: true, numerator: null });
    } else {
      expect(figure).toMatchObject({
        suppressed: false,
        numerator: people.value,
        denominator: vacancies,
        value: vacancies === 0 ? null : Math.round((people.value / vacancies) * 1e4) / 1e4,
      });
    }
  }
  return ratios;
}

describe('maatwerk statistics through the whole stack', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  it('gives the Gent city monitor the waiting ratio of its own municipality', async () => {
    const { body } = await stack.query(
      `{ municipality(nisCode: "44021") { ${FIGURES} } }`,
      {},
      { persona: 'monitor-gent' },
    );
    expect(body.errors).toBeUndefined();
    const ratios = expectRatiosFromTheSameResponse(body.data.municipality);
    // The seeded Gent has open CMW vacancies (V-000001 among them) and enough CMW holders to
    // publish: the B.5 ratio itself is shown, not only hidden cells.
    expect(ratios[0].figure).toMatchObject({ suppressed: false });
    expect(ratios[0].figure.value).toBeGreaterThan(0);
  });

  it('gives the department the Flemish waiting ratio', async () => {
    const { body } = await stack.query(
      `{ flanders { ${FIGURES} } }`,
      {},
      { persona: 'department-analyst', headers: { 'x-purpose': 'MONITORING' } },
    );
    expect(body.errors).toBeUndefined();
    const ratios = expectRatiosFromTheSameResponse(body.data.flanders);
    expect(ratios.every((ratio) => !ratio.figure.suppressed)).toBe(true);
  });

  it('shows the Gent contingent occupancy of 2020 as B.5 gives it', async () => {
    const { body } = await stack.query(
      `{ municipality(nisCode: "44021") { maatwerkStatistics(period: { year: 2020 }) {
        occupancy { key figure { value numerator denominator unit } }
      } } }`,
      {},
      { persona: 'monitor-gent' },
    );
    expect(body.errors).toBeUndefined();
    // CMW 1104.9 / 1077.8 = 102.5%; LDE 185 / 210.1 = 88.1% (DOMAIN B.5, B.6).
    expect(body.data.municipality.maatwerkStatistics.occupancy).toEqual([
      {
        key: 'CMW',
        figure: { value: 1.0251, numerator: 1104.9, denominator: 1077.8, unit: 'RATIO' },
      },
      { key: 'LDE', figure: { value: 0.8805, numerator: 185, denominator: 210.1, unit: 'RATIO' } },
    ]);
  });
});
