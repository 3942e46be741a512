import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { browserSuite } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

const DASHBOARD_QUERY = readFileSync(
  path.join(__dirname, '..', '..', 'gateway', 'dashboard', 'dashboard.graphql'),
  'utf8',
);

interface Figure {
  value: number | null;
  suppressed: boolean;
  unit: string;
}

/** What the page should show for a figure (see `shown` in dashboard.js). */
function shownText(figure: Figure): string {
  if (figure.suppressed) return '–';
  if (figure.value === null) return 'n/a';
  return figure.unit === 'RATIO' ? `${(figure.value * 100).toFixed(1)}%` : String(figure.value);
}

const chartValue = (figure: Figure) => (figure.suppressed ? null : figure.value);

browserSuite(
  'the dashboard at GET /dashboard, as the Gent city monitor, in Chromium',
  (session) => {
    let stack: TestStack;
    let page: Page;
    /** What the API answers monitor-gent for Gent in 2024, read past the page. */
    let api: any;
    /** The Content-Security-Policy the page came with. */
    let policy: string | undefined;

    beforeAll(async () => {
      stack = await startTestStack('small');
      const variables = {
        nisCode: '44021',
        period: { year: 2024 },
        ...Object.fromEntries([1, 2, 3, 4].map((q) => [`q${q}`, { year: 2024, quarter: q }])),
      };
      const { body } = await stack.query(DASHBOARD_QUERY, variables, { persona: 'monitor-gent' });
      expect(body.errors).toBeUndefined();
      api = body.data;

      page = await session().newPage();
      policy = (
        await page.goto(new URL('/dashboard?persona=monitor-gent', stack.stack.gatewayUrl).href)
      )?.headers()['content-security-policy'];
      // The monitor's own municipality is chosen from its token; then the year is picked.
      await page.locator('body[data-loaded^="44021|"]').waitFor();
      await page.locator('#year').selectOption('2024');
      await page.locator('body[data-loaded="44021|2024|"]').waitFor();
    });
    afterAll(async () => {
      await page?.close();
      await stack?.stop();
    });

    const chartData = (id: string) =>
      page.evaluate(
        (canvas) =>
          (globalThis as any).Chart.getChart(canvas).data.datasets.map(
            (dataset: any) => dataset.data,
          ),
        id,
      );
    const rowTexts = (table: string) =>
      page
        .locator(`table[data-table="${table}"] tbody tr`)
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
        );

    it('preselects the municipality of the token and shows no error', async () => {
      expect(await page.locator('#municipality').inputValue()).toBe('44021');
      expect(await page.locator('#error').isHidden()).toBe(true);
      expect(await page.locator('#as-of').textContent()).toBe(
        api.municipality.indications.requests.asOf,
      );
    });

    it('draws the quarterly trend with the numbers the API returns', async () => {
      const quarters = ['q1', 'q2', 'q3', 'q4'].map((q) => api.municipality[q]);
      expect(await chartData('chart-trend')).toEqual(
        ['requests', 'granted', 'refused'].map((key) => quarters.map((q) => chartValue(q[key]))),
      );
      expect(await rowTexts('trend')).toEqual(
        quarters.map((q) => [
          q.period.label,
          ...['requests', 'granted', 'refused'].map((k) => shownText(q[k])),
        ]),
      );
    });

    it('draws decisions by advice type and the lead-time distribution against the target', async () => {
      const here = api.municipality.indications;
      expect(await chartData('chart-advice-types')).toEqual([
        here.grantedByAdviceType.map((part: any) => chartValue(part.figure)),
        here.refusedByAdviceType.map((part: any) => chartValue(part.figure)),
      ]);
      expect(await chartData('chart-lead-time')).toEqual([
        here.leadTimeDistribution.map((part: any) => chartValue(part.figure)),
      ]);
      expect(await page.locator('#lead-time-target').textContent()).toContain(
        `Decided within 3 months: ${shownText(here.decidedWithin3Months)} (target 80%)`,
      );
    });

    it('draws vacancies and placements per quarter', async () => {
      const quarters = ['maatwerkQ1', 'maatwerkQ2', 'maatwerkQ3', 'maatwerkQ4'].map(
        (q) => api.municipality[q],
      );
      expect(await chartData('chart-placements')).toEqual(
        ['openVacancies', 'filledVacancies', 'hires', 'placementsStarted'].map((key) =>
          quarters.map((q) => chartValue(q[key])),
        ),
      );
    });

    it('compares Gent with its province and Flanders in the key figures', async () => {
      const rows = await rowTexts('kpis');
      const { indications } = api.municipality;
      const province = api.municipality.province.indications;
      const flanders = api.flanders.indications;
      expect(rows[0]).toEqual([
        'Indication requests',
        shownText(indications.requests),
        shownText(province.requests),
        shownText(flanders.requests),
        '',
      ]);
      // One figure of each other subgraph.
      const areas = [api.municipality, api.municipality.province, api.flanders];
      const row = (label: string) => rows.find((cells) => cells[0] === label);
      expect(row('Reach of RMI clients at VDAB (cat. 05)')).toEqual([
        'Reach of RMI clients at VDAB (cat. 05)',
        ...areas.map((area) => shownText(area.activation.reachRmi)),
        '',
      ]);
      expect(row('Open maatwerk vacancies')).toEqual([
        'Open maatwerk vacancies',
        ...areas.map((area) => shownText(area.maatwerk.openVacancies)),
        '',
      ]);
      expect(row('SO coverage')).toEqual([
        'SO coverage',
        ...areas.map((area) => shownText(area.agreements.soCoverage)),
        '90.0%',
      ]);
      expect(rows.find((row) => row[0] === 'Decided within 3 months')).toEqual([
        'Decided within 3 months',
        shownText(indications.decidedWithin3Months),
        shownText(province.decidedWithin3Months),
        shownText(flanders.decidedWithin3Months),
        '80.0%',
      ]);
      await session().screenshot(page, 'dashboard-monitor-gent');
    });

    it('downloads a table as CSV', async () => {
      const download = page.waitForEvent('download');
      await page.locator('a.csv[data-table="trend"]').click();
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8').trim().split('\r\n');
      const cell = (figure: Figure) => (figure.suppressed ? 'suppressed' : String(figure.value));
      expect(csv[0]).toBe('Quarter,Requests,Granted,Refused');
      expect(csv.slice(1)).toEqual(
        ['q1', 'q2', 'q3', 'q4'].map((q) => {
          const figures = api.municipality[q];
          return [
            figures.period.label,
            cell(figures.requests),
            cell(figures.granted),
            cell(figures.refused),
          ].join(',');
        }),
      );
      expect((await download).suggestedFilename()).toBe('gent-2024-trend.csv');
    });

    it("refuses another municipality's figures with the gateway's message", async () => {
      await page.locator('#municipality').selectOption('11002');
      await page.locator('body[data-loaded="11002|2024|"]').waitFor();
      await session().screenshot(page, 'dashboard-monitor-gent-antwerpen');
      expect(await page.locator('#error').textContent()).toContain('its own municipality only');
      expect(await page.locator('#figures').isHidden()).toBe(true);
    });

    it('loaded everything from the gateway itself and ran without script errors', () => {
      expect(session().blockedRequests).toEqual([]);
      expect(session().pageErrors).toEqual([]);
      // Under a policy without inline scripts or styles, nothing of the page was refused.
      expect(policy).toMatch(/script-src 'self'/);
      expect(session().cspViolations).toEqual([]);
    });
  },
);
