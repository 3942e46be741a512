// The dashboard page: figures from the GraphQL API with the caller's own token, drawn with the
// bundled Chart.js. No build step: plain browser JavaScript.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const FIRST_YEAR = 2019;
  const WITHIN_TARGET = '#2a9d8f';
  const OVER_TARGET = '#e76f51';
  const SERIES = ['#1d3557', '#2a9d8f', '#e76f51', '#e9c46a'];

  /** Each table's columns and rows as shown, kept for its CSV download. */
  const tables = {};
  const charts = {};
  let dashboardQuery;

  const token = () => $('persona').value || $('token').value.trim();

  async function graphql(query, variables) {
    const headers = { 'content-type': 'application/json' };
    if (token()) headers.authorization = `Bearer ${token()}`;
    if ($('purpose').value.trim()) headers['x-purpose'] = $('purpose').value.trim();
    const response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  /** The municipality of the token's organisation (`municipality:44021`, `ocmw:44021`), if any. */
  function ownMunicipality() {
    try {
      const claims = JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      const match = /^(?:municipality|ocmw|lg):(\d{5})$/.exec(claims.org || '');
      return match ? match[1] : undefined;
    } catch {
      return undefined;
    }
  }

  function showError(messages) {
    $('error').hidden = messages.length === 0;
    $('error').textContent = messages.join(' ');
  }

  // --- formatting -------------------------------------------------------------------------------

  /** A figure as shown: '–' when suppressed, 'n/a' when there is nothing to divide by. */
  function shown(figure) {
    if (!figure) return { text: '', value: null };
    if (figure.suppressed) return { text: '–', value: null, suppressed: true };
    if (figure.value === null) return { text: 'n/a', value: null };
    if (figure.unit === 'RATIO')
      return { text: `${(figure.value * 100).toFixed(1)}%`, value: figure.value };
    return { text: String(figure.value), value: figure.value };
  }

  const chartValue = (figure) => (figure && !figure.suppressed ? figure.value : null);

  function renderTable(name, columns, rows) {
    tables[name] = { columns, rows };
    const table = document.querySelector(`table[data-table="${name}"]`);
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const column of columns) {
      const th = document.createElement('th');
      th.textContent = column;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      tr.dataset.key = row.key;
      const label = tr.insertCell();
      label.textContent = row.label;
      for (const figure of row.figures) {
        const cell = tr.insertCell();
        const { text, suppressed } = shown(figure);
        cell.textContent = text;
        if (suppressed) {
          cell.className = 'suppressed';
          cell.title = 'suppressed: fewer than 5 persons, or it would reveal such a cell';
        } else if (figure && figure.numeratorDefinition) {
          cell.title = figure.denominatorDefinition
            ? `${figure.numerator} ${figure.numeratorDefinition} / ${figure.denominator} ${figure.denominatorDefinition}`
            : figure.numeratorDefinition;
        }
      }
    }
  }

  function csvOf(name) {
    const { columns, rows } = tables[name];
    const quote = (value) => {
      const text = value === null || value === undefined ? '' : String(value);
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const cell = (figure) =>
      !figure ? '' : figure.suppressed ? 'suppressed' : figure.value === null ? '' : figure.value;
    const lines = [columns, ...rows.map((row) => [row.label, ...row.figures.map(cell)])];
    return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
  }

  function drawChart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), {
      ...config,
      options: {
        animation: false,
        responsive: true,
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true } },
        ...config.options,
      },
    });
  }

  // --- the figures -------------------------------------------------------------------------------

  /** The key figures, from each subgraph's statistics: [statistics, figure, label]. */
  const HEADLINE = [
    ['indications', 'requests', 'Indication requests'],
    ['indications', 'grantRate', 'Grant rate'],
    ['indications', 'leadTimeMedianDays', 'Median lead time (days)'],
    ['indications', 'decidedWithin3Months', 'Decided within 3 months'],
    ['indications', 'backlogOver3Months', 'Backlog over 3 months'],
    ['indications', 'spoedHireCompliance', 'Spoed hire compliance'],
    ['activation', 'reachRmi', 'Reach of RMI clients at VDAB (cat. 05)'],
    ['activation', 'outflowToWorkAfterOneYear', 'Outflow to work after one year'],
    ['activation', 'tweShare', 'Share of RMI clients in TWE'],
    ['activation', 'exemptionShare', 'Share of leefloon exempted'],
    ['maatwerk', 'openVacancies', 'Open maatwerk vacancies'],
    ['maatwerk', 'referralConversion', 'Referral → hire conversion'],
    ['maatwerk', 'placementsActive', 'Placements running'],
    ['agreements', 'soCoverage', 'SO coverage'],
  ];

  function render(data) {
    const m = data.municipality;
    const here = m.indications;
    $('as-of').textContent = here.requests.asOf;
    $('figures').hidden = false;

    const areas = [m, m.province, data.flanders];
    renderTable(
      'kpis',
      ['Figure', ...areas.map((area) => area.name), 'Target'],
      HEADLINE.map(([statistics, key, label]) => {
        const figure = m[statistics][key];
        const target =
          figure.target === null ? null : { ...figure, value: figure.target, suppressed: false };
        return {
          key,
          label,
          figures: [...areas.map((area) => area[statistics][key]), target],
        };
      }),
    );

    const quarters = ['q1', 'q2', 'q3', 'q4'].map((q) => m[q]);
    const trend = [
      ['requests', 'Requests'],
      ['granted', 'Granted'],
      ['refused', 'Refused'],
    ];
    renderTable(
      'trend',
      ['Quarter', ...trend.map(([, label]) => label)],
      quarters.map((q) => ({
        key: q.period.label,
        label: q.period.label,
        figures: trend.map(([key]) => q[key]),
      })),
    );
    drawChart('chart-trend', {
      type: 'bar',
      data: {
        labels: quarters.map((q) => q.period.label),
        datasets: trend.map(([key, label], i) => ({
          label,
          data: quarters.map((q) => chartValue(q[key])),
          backgroundColor: SERIES[i],
        })),
      },
    });

    const types = here.grantedByAdviceType.map((part) => part.key);
    const refusedOf = (key) => here.refusedByAdviceType.find((part) => part.key === key).figure;
    renderTable(
      'advice-types',
      ['Advice type', 'Granted', 'Refused'],
      here.grantedByAdviceType.map((part) => ({
        key: part.key,
        label: part.key,
        figures: [part.figure, refusedOf(part.key)],
      })),
    );
    drawChart('chart-advice-types', {
      type: 'bar',
      data: {
        labels: types,
        datasets: [
          {
            label: 'Granted',
            data: here.grantedByAdviceType.map((p) => chartValue(p.figure)),
            backgroundColor: SERIES[1],
          },
          {
            label: 'Refused',
            data: types.map((key) => chartValue(refusedOf(key))),
            backgroundColor: SERIES[2],
          },
        ],
      },
    });

    const buckets = here.leadTimeDistribution;
    const bucketLabel = (key) =>
      key.replace('WEEKS_', '').replace('_PLUS', '+').replace('_', '–') + ' weeks';
    // The buckets up to 13 weeks fall within the 3-month target.
    const withinTarget = (key) => ['WEEKS_0_4', 'WEEKS_4_8', 'WEEKS_8_13'].includes(key);
    renderTable(
      'lead-time',
      ['Lead time', 'Decisions'],
      buckets.map((part) => ({
        key: part.key,
        label: bucketLabel(part.key),
        figures: [part.figure],
      })),
    );
    drawChart('chart-lead-time', {
      type: 'bar',
      data: {
        labels: buckets.map((part) => bucketLabel(part.key)),
        datasets: [
          {
            label: 'Decisions',
            data: buckets.map((part) => chartValue(part.figure)),
            backgroundColor: buckets.map((part) =>
              withinTarget(part.key) ? WITHIN_TARGET : OVER_TARGET,
            ),
          },
        ],
      },
      options: { plugins: { legend: { display: false } } },
    });
    const maatwerkQuarters = ['maatwerkQ1', 'maatwerkQ2', 'maatwerkQ3', 'maatwerkQ4'].map(
      (q) => m[q],
    );
    const placements = [
      ['openVacancies', 'Open vacancies (end of quarter)'],
      ['filledVacancies', 'Vacancies filled'],
      ['hires', 'Hires'],
      ['placementsStarted', 'Placements started'],
    ];
    renderTable(
      'placements',
      ['Quarter', ...placements.map(([, label]) => label)],
      maatwerkQuarters.map((q) => ({
        key: q.period.label,
        label: q.period.label,
        figures: placements.map(([key]) => q[key]),
      })),
    );
    drawChart('chart-placements', {
      type: 'bar',
      data: {
        labels: maatwerkQuarters.map((q) => q.period.label),
        datasets: placements.map(([key, label], i) => ({
          label,
          data: maatwerkQuarters.map((q) => chartValue(q[key])),
          backgroundColor: SERIES[i],
        })),
      },
    });

    const within = here.decidedWithin3Months;
    $('lead-time-target').textContent =
      `Decided within 3 months: ${shown(within).text} (target ${within.target * 100}%). ` +
      `Median ${shown(here.leadTimeMedianDays).text} days, 80% within ${shown(here.leadTimeP80Days).text} days.`;
  }

  // --- choices ---------------------------------------------------------------------------------------

  function periodOf(year, quarter) {
    return quarter ? { year, quarter } : { year };
  }

  async function load() {
    const nisCode = $('municipality').value;
    if (!nisCode || !dashboardQuery) return;
    const year = Number($('year').value);
    const quarter = $('quarter').value ? Number($('quarter').value) : null;
    const variables = { nisCode, period: periodOf(year, quarter) };
    for (const q of [1, 2, 3, 4]) variables[`q${q}`] = { year, quarter: q };
    $('status').textContent = 'Loading…';
    const started = performance.now();
    const answer = await graphql(dashboardQuery, variables);
    const errors = (answer.errors || []).map((error) => error.message);
    const complete =
      answer.data && answer.data.municipality && answer.data.municipality.indications;
    if (complete) render(answer.data);
    else $('figures').hidden = true;
    showError([...new Set(errors)]);
    $('status').textContent = complete
      ? `Loaded in ${Math.round(performance.now() - started)} ms.`
      : '';
    document.body.dataset.loaded = `${nisCode}|${variables.period.year}|${quarter || ''}`;
  }

  async function loadMunicipalities() {
    const answer = await graphql(
      '{ municipalities(first: 500) { edges { node { nisCode name } } } }',
      {},
    );
    const select = $('municipality');
    if (!answer.data) {
      select.disabled = true;
      showError((answer.errors || []).map((error) => error.message));
      return;
    }
    const own = ownMunicipality();
    select.replaceChildren(
      ...answer.data.municipalities.edges.map(
        ({ node }) => new Option(`${node.name} (${node.nisCode})`, node.nisCode),
      ),
    );
    select.value = own || '44021';
    select.disabled = false;
    await load();
  }

  async function start() {
    const thisYear = new Date().getFullYear();
    for (let year = thisYear; year >= FIRST_YEAR; year--)
      $('year').add(new Option(String(year), String(year)));
    $('year').value = String(thisYear - 1);
    dashboardQuery = await (await fetch('/dashboard/dashboard.graphql')).text();

    const personas = await fetch('/dashboard/personas.json');
    if (personas.ok) {
      for (const persona of await personas.json()) {
        $('persona').add(new Option(`${persona.name} — ${persona.description}`, persona.token));
      }
      $('persona-field').hidden = false;
    }
    const preset = new URLSearchParams(location.search).get('persona');
    if (preset) {
      const option = [...$('persona').options].find((o) => o.text.startsWith(`${preset} —`));
      if (option) $('persona').value = option.value;
    }

    for (const id of ['persona', 'token']) $(id).addEventListener('change', loadMunicipalities);
    for (const id of ['municipality', 'year', 'quarter', 'purpose'])
      $(id).addEventListener('change', load);
    for (const link of document.querySelectorAll('a.csv')) {
      link.addEventListener('click', (event) => {
        const name = link.dataset.table;
        if (!tables[name]) return event.preventDefault();
        const [, year, quarter] = document.body.dataset.loaded.split('|');
        const place = $('municipality').selectedOptions[0].text.replace(/ \(.*/, '');
        link.download = [place, year, quarter && `q${quarter}`, name]
          .filter(Boolean)
          .join('-')
          .toLowerCase()
          .replace(/\s+/g, '-')
          .concat('.csv');
        link.href = URL.createObjectURL(new Blob([csvOf(name)], { type: 'text/csv' }));
      });
    }
    if (token()) await loadMunicipalities();
    else
      showError([
        'Choose a persona or paste a bearer token to see the figures your mandate allows.',
      ]);
  }

  start();
})();
