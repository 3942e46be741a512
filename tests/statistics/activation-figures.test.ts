import { personsSubgraph } from '../../subgraphs/persons/server';
import {
  employmentOutcomes,
  persons,
  socialAssistanceRecords,
  temporaryProtections,
  trajectories,
  trajectoryActions,
  vdabRegistrations,
} from '../../subgraphs/persons/tables';
import { area, statisticsOf } from '../support/statistics';
import { startSubgraph, type SubgraphUnderTest } from '../support/subgraph';

/*
 * The activation KPIs of DOMAIN B.5 on a world small enough to count by hand: Gent (44021),
 * Antwerpen (11002) and Mechelen (12025) in the fourth quarter of 2024. Clients are counted on
 * its last day, 31 December 2024; the outflow cohort on 31 December 2023. Every expected number
 * below is worked out in the comment beside it.
 */

const LAST_DAY = '2024-12-31';
const GENT = '44021';
const ANTWERPEN = '11002';
const MECHELEN = '12025';

const rows = {
  persons: [] as (typeof persons.$inferInsert)[],
  records: [] as (typeof socialAssistanceRecords.$inferInsert)[],
  registrations: [] as (typeof vdabRegistrations.$inferInsert)[],
  protections: [] as (typeof temporaryProtections.$inferInsert)[],
  trajectories: [] as (typeof trajectories.$inferInsert)[],
  actions: [] as (typeof trajectoryActions.$inferInsert)[],
  outcomes: [] as (typeof employmentOutcomes.$inferInsert)[],
};
const serial = (list: unknown[]) => String(list.length + 1).padStart(6, '0');

/** A person living in `nisCode`. */
function person(id: string, nisCode: string): string {
  rows.persons.push({
    id,
    insz: `850101${serial(rows.persons)}`,
    firstName: id,
    lastName: 'Test',
    birthDate: '1985-01-01',
    gender: 'F',
    educationLevel: 'KORT',
    dutchLevel: 'B1',
    englishLevel: 'A2',
    residenceNisCode: nisCode,
    mobility: 'PUBLIC_TRANSPORT',
    labourMarketStatus: 'NWWZ',
  });
  return id;
}

type RecordRow = typeof socialAssistanceRecords.$inferInsert;

/** Assistance granted on 1 February 2024 by the OCMW of `ocmw`, still running. */
function assistance(personId: string, ocmw: string, extra: Partial<RecordRow> = {}) {
  rows.records.push({
    id: `SA-${serial(rows.records)}`,
    personId,
    ocmwNisCode: ocmw,
    type: 'LEEFLOON',
    grantedAt: '2024-02-01',
    clientStatus: 'IN_TRAJECTORY',
    registrationDuty: 'VERPLICHT',
    workReadiness: 'ARBEIDSRIJP',
    ...extra,
  });
}

const EXEMPTED: Partial<RecordRow> = {
  clientStatus: 'EXEMPT',
  registrationDuty: 'VRIJGESTELD',
  exemptionReason: 'BILLIJKHEID',
  exemptionReviewDue: '2025-06-30',
};

type RegistrationRow = typeof vdabRegistrations.$inferInsert;

/** A VDAB registration in category 05 since 1 March 2024, still running. */
function registration(personId: string, extra: Partial<RegistrationRow> = {}) {
  rows.registrations.push({
    id: `VR-${serial(rows.registrations)}`,
    personId,
    registered: true,
    category: 'CAT_05_OCMW',
    since: '2024-03-01',
    ...extra,
  });
}

type ActionRow = typeof trajectoryActions.$inferInsert;

/** A trajectory action of the person's (only) trajectory, started 1 September 2024, ongoing. */
function action(personId: string, extra: Partial<ActionRow> = {}) {
  const trajectoryId = `T-${personId}`;
  if (!rows.trajectories.some((trajectory) => trajectory.id === trajectoryId)) {
    rows.trajectories.push({ id: trajectoryId, personId, regie: 'OCMW', startedAt: '2024-03-15' });
  }
  rows.actions.push({
    id: `TA-${serial(rows.actions)}`,
    trajectoryId,
    instrument: 'TWE_OCMW',
    provider: 'OCMW',
    startDate: '2024-09-01',
    outcome: 'ONGOING',
    ...extra,
  });
}

function protection(personId: string, dvzRegisteredAt: string, validUntil: string) {
  rows.protections.push({
    id: `TP-${serial(rows.protections)}`,
    personId,
    dvzRegisteredAt,
    validUntil,
    equivalentLeefloon: true,
  });
}

function outcome(
  personId: string,
  employmentType: (typeof employmentOutcomes.$inferInsert)['employmentType'],
  referenceDate = LAST_DAY,
) {
  rows.outcomes.push({
    id: `EO-${serial(rows.outcomes)}`,
    personId,
    referenceDate,
    employed: employmentType !== 'NONE',
    employmentType,
  });
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const id = (prefix: string, n: number) => `P-${prefix}${String(n).padStart(2, '0')}`;

// Gent, 15 leefloon clients G01–G15. G15's record ends on the last day, and still counts then.
for (const n of range(1, 15)) {
  assistance(person(id('G', n), GENT), GENT, {
    gpmi: n <= 8 || n === 14,
    ...(n >= 11 ? EXEMPTED : {}),
    ...(n === 15 ? { endedAt: LAST_DAY } : {}),
  });
}
// G01 also gets other aid: still one client, counted as leefloon (the first type).
assistance(id('G', 1), GENT, { type: 'MAATSCHAPPELIJKE_HULP' });
// Registered in category 05 on the last day: G01–G10. G11 registered as a voluntary jobseeker;
// G12's registration ended in June; G13 registers only in January 2025; G14, G15 never.
for (const n of range(1, 10)) registration(id('G', n));
registration(id('G', 11), { category: 'VRIJE_WERKZOEKENDE' });
registration(id('G', 12), { until: '2024-06-30' });
registration(id('G', 13), { since: '2025-01-15' });
// In TWE-OCMW on the last day: G01–G05 (G05's TWE ends that day). Not: G06 (TWE ended in
// November), G07 (TWE that did not start), G08 (an IBO, not TWE).
for (const n of range(1, 4)) action(id('G', n));
action(id('G', 5), { outcome: 'COMPLETED', endDate: LAST_DAY });
action(id('G', 6), { outcome: 'COMPLETED', endDate: '2024-11-30' });
action(id('G', 7), { outcome: 'NOT_STARTED', startDate: '2024-12-01', endDate: '2025-01-15' });
action(id('G', 8), { instrument: 'IBO' });

// Gent, 5 clients G16–G20 with RMI through employment, all registered in category 05.
for (const n of range(16, 20)) {
  assistance(person(id('G', n), GENT), GENT, { type: 'RMI_TEWERKSTELLING' });
  registration(id('G', n));
}

// Gent, 13 clients U01–U13 on equivalent leefloon; U01 and U05 with a GPMI contract.
for (const n of range(1, 13)) {
  assistance(person(id('U', n), GENT), GENT, {
    type: 'EQUIVALENT_LEEFLOON',
    gpmi: n === 1 || n === 5,
  });
}
// Under temporary protection on the last day: U01–U08 (U08's ends that day). Not: U09–U11
// (ended in October), U12 (from February 2025), U13 (no protection).
for (const n of range(1, 7)) protection(id('U', n), '2024-01-15', '2025-07-14');
protection(id('U', 8), '2023-01-01', LAST_DAY);
for (const n of range(9, 11)) protection(id('U', n), '2022-03-10', '2024-10-31');
protection(id('U', 12), '2025-02-01', '2027-02-01');
// Registered at VDAB, in any category: U01–U04. U06's row says not registered.
registration(id('U', 1), { category: 'VRIJE_WERKZOEKENDE' });
registration(id('U', 2));
registration(id('U', 3), { category: 'OTHER' });
registration(id('U', 4), { category: 'BEROEPSINSCHAKELINGSTIJD' });
registration(id('U', 6), { registered: false });

// Gent, 5 clients M01–M05 with other social aid.
for (const n of range(1, 5)) {
  assistance(person(id('M', n), GENT), GENT, { type: 'MAATSCHAPPELIJKE_HULP' });
}

// Gent, not clients on the last day: X01's leefloon ended the day before, X02's starts in 2025.
assistance(person(id('X', 1), GENT), GENT, { endedAt: '2024-12-30' });
assistance(person(id('X', 2), GENT), GENT, { grantedAt: '2025-01-02' });

// Antwerpen, 6 leefloon clients A01–A06 registered in category 05. A06 moved from Gent, whose
// OCMW still holds the record: A06 counts where they live, in Antwerpen.
for (const n of range(1, 6)) {
  assistance(person(id('A', n), ANTWERPEN), n === 6 ? GENT : ANTWERPEN);
  registration(id('A', n));
}
// Mechelen, 2 leefloon clients K01, K02 registered in category 05: small cells.
for (const n of range(1, 2)) {
  assistance(person(id('K', n), MECHELEN), MECHELEN);
  registration(id('K', n));
}

// Gent, the outflow cohort: 11 leefloon clients C01–C11 registered at VDAB on 31 December 2023
// (C11's record and registration end that very day; C01 has two registrations), none a client a
// year later. On 31 December 2024 C01–C06 work (TWE counts as work); C07 does not; C08's job is
// dated September; C09–C11 have no outcome for the day.
for (const n of range(1, 11)) {
  const ended = n === 11 ? '2023-12-31' : '2024-03-31';
  assistance(person(id('C', n), GENT), GENT, { grantedAt: '2023-01-01', endedAt: ended });
  registration(id('C', n), { since: '2023-02-01', until: n === 11 ? ended : null });
}
registration(id('C', 1), { category: 'VRIJE_WERKZOEKENDE', since: '2023-06-01' });
(['REGULAR', 'SOCIAL_ECONOMY', 'TWE_OCMW', 'INTERIM', 'SELF_EMPLOYED', 'REGULAR'] as const).forEach(
  (type, i) => outcome(id('C', i + 1), type),
);
outcome(id('C', 7), 'NONE');
outcome(id('C', 8), 'REGULAR', '2024-09-30');
// Not in the cohort, though working a year later: Y01 registered only in January 2024; Y02's
// assistance started in January 2024.
assistance(person(id('Y', 1), GENT), GENT, { grantedAt: '2023-01-01', endedAt: '2024-03-31' });
registration(id('Y', 1), { since: '2024-01-10' });
assistance(person(id('Y', 2), GENT), GENT, { grantedAt: '2024-01-05', endedAt: '2024-06-30' });
registration(id('Y', 2), { since: '2023-02-01' });
outcome(id('Y', 1), 'REGULAR');
outcome(id('Y', 2), 'REGULAR');

const FIGURE = 'value suppressed numerator denominator';
const PARTS = 'key figure { value suppressed }';
const STATISTICS = `activationStatistics(period: { year: 2024, quarter: 4 }) {
  period { label until }
  clients { ${FIGURE} } clientsByAssistanceType { ${PARTS} }
  rmiClients { ${FIGURE} } gpmiClients { ${FIGURE} } ukrainianClients { ${FIGURE} }
  reachRmi { ${FIGURE} numeratorDefinition denominatorDefinition target asOf }
  reachGpmi { ${FIGURE} } reachUkrainian { ${FIGURE} }
  outflowToWorkAfterOneYear { ${FIGURE} numeratorDefinition denominatorDefinition }
  tweShare { ${FIGURE} } exemptionShare { ${FIGURE} }
}`;

const parts = (list: { key: string; figure: { value: number | null } }[]) =>
  Object.fromEntries(list.map((part) => [part.key, part.figure.value]));
const hidden = { value: null, suppressed: true, numerator: null, denominator: null };

describe('activation statistics on a hand-counted world', () => {
  let subgraph: SubgraphUnderTest;
  let gent: any;
  let antwerpen: any;
  let mechelen: any;
  let province: any;
  let flanders: any;

  beforeAll(async () => {
    subgraph = await startSubgraph(personsSubgraph, async ({ db }) => {
      await db.insert(persons).values(rows.persons);
      await db.insert(socialAssistanceRecords).values(rows.records);
      await db.insert(vdabRegistrations).values(rows.registrations);
      await db.insert(temporaryProtections).values(rows.protections);
      await db.insert(trajectories).values(rows.trajectories);
      await db.insert(trajectoryActions).values(rows.actions);
      await db.insert(employmentOutcomes).values(rows.outcomes);
    });
    [gent, antwerpen, mechelen, province, flanders] = await statisticsOf(subgraph, STATISTICS, [
      area.municipality(GENT),
      area.municipality(ANTWERPEN),
      area.municipality(MECHELEN),
      area.province('ANT'),
      area.flanders,
    ]);
  });
  afterAll(() => subgraph?.stop());

  it('names the period and the day the clients are counted', () => {
    expect(gent.period).toEqual({ label: '2024-Q4', until: LAST_DAY });
    expect(gent.reachRmi.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts the clients on the last day once each, by assistance type', () => {
    // G01–G20, U01–U13, M01–M05: 38. G01's other aid and A06's Gent record add nobody; X01
    // and X02 are no clients on the day.
    expect(gent.clients).toMatchObject({ value: 38, suppressed: false });
    expect(parts(gent.clientsByAssistanceType)).toEqual({
      LEEFLOON: 15,
      EQUIVALENT_LEEFLOON: 13,
      RMI_TEWERKSTELLING: 5,
      MAATSCHAPPELIJKE_HULP: 5,
    });
    // RMI: 15 leefloon + 5 through employment. GPMI: G01–G08, G14, U01, U05. Ukrainians: U01–U08.
    expect(gent.rmiClients.value).toBe(20);
    expect(gent.gpmiClients.value).toBe(11);
    expect(gent.ukrainianClients.value).toBe(8);
  });

  it('measures reach at VDAB, hiding a ratio whose numerator or rest is small', () => {
    // Category 05 on the last day: G01–G10 and G16–G20 of the 20 RMI clients.
    expect(gent.reachRmi).toMatchObject({
      value: 0.75,
      suppressed: false,
      numerator: 15,
      denominator: 20,
      target: null,
    });
    expect(gent.reachRmi.numeratorDefinition).toMatch(/category 05 on 2024-12-31/);
    // GPMI: 9 of 11 registered (G01–G08, U01). The 2 who are not (G14, U05) are a small cell,
    // and 11 − 9 would give them away: the 9 are hidden with them, the 11 stay published.
    expect(gent.reachGpmi).toMatchObject(hidden);
    // Ukrainians: 4 of 8 registered (U01–U04): 4 is small, and so is the rest of 4.
    expect(gent.reachUkrainian).toMatchObject(hidden);
  });

  it('counts outflow to work a year after the cohort date', () => {
    // Cohort on 31 December 2023: C01–C11 (not Y01, Y02). Working on 31 December 2024: C01–C06.
    expect(gent.outflowToWorkAfterOneYear).toMatchObject({
      value: 0.5455,
      suppressed: false,
      numerator: 6,
      denominator: 11,
    });
    expect(gent.outflowToWorkAfterOneYear.denominatorDefinition).toMatch(/on 2023-12-31/);
    expect(gent.outflowToWorkAfterOneYear.numeratorDefinition).toMatch(/of 2024-12-31/);
  });

  it('measures the TWE and exemption shares', () => {
    // TWE running on the last day: G01–G05 of the 20 RMI clients.
    expect(gent.tweShare).toMatchObject({ value: 0.25, numerator: 5, denominator: 20 });
    // Exempted: G11–G15 of the 15 leefloon recipients.
    expect(gent.exemptionShare).toMatchObject({ value: 0.3333, numerator: 5, denominator: 15 });
  });

  it('hides a small municipality with the one its province would give away', () => {
    // Mechelen's 2 clients are small. The province of Antwerpen (6 + 2 = 8) would give them
    // away, so each of Antwerpen's counts is hidden with Mechelen's (all 6 clients are in each).
    expect(mechelen.clients).toMatchObject({ value: null, suppressed: true });
    expect(antwerpen.clients).toMatchObject({ value: null, suppressed: true });
    expect(antwerpen.reachRmi).toMatchObject(hidden);
    // Empty cells are published: no GPMI clients, so no GPMI reach (0 / 0), nobody in TWE (but
    // the share is hidden with its denominator).
    expect(parts(antwerpen.clientsByAssistanceType)).toEqual({
      LEEFLOON: null,
      EQUIVALENT_LEEFLOON: 0,
      RMI_TEWERKSTELLING: 0,
      MAATSCHAPPELIJKE_HULP: 0,
    });
    expect(antwerpen.reachGpmi).toMatchObject({ value: null, suppressed: false, denominator: 0 });
    expect(antwerpen.tweShare).toMatchObject(hidden);
    expect(antwerpen.outflowToWorkAfterOneYear).toMatchObject({ value: null, suppressed: false });
    // The province shows only their sum: 8 clients, all registered in category 05.
    expect(province.clients.value).toBe(8);
    expect(province.reachRmi).toMatchObject({ value: 1, numerator: 8, denominator: 8 });
  });

  it('sums Flanders from the municipalities, keeping what they hide hidden', () => {
    // 38 + 6 + 2 clients; RMI 20 + 6 + 2 = 28, of whom 15 + 6 + 2 = 23 in category 05.
    expect(flanders.clients.value).toBe(46);
    expect(flanders.reachRmi).toMatchObject({ value: 0.8214, numerator: 23, denominator: 28 });
    // TWE: Gent's 5 of 28. Exempted: Gent's 5 of 15 + 6 + 2 = 23 leefloon recipients.
    expect(flanders.tweShare).toMatchObject({ value: 0.1786, numerator: 5, denominator: 28 });
    expect(flanders.exemptionShare).toMatchObject({
      value: 0.2174,
      numerator: 5,
      denominator: 23,
    });
    // All GPMI clients and Ukrainians live in Gent, so Flanders would show Gent's hidden cells.
    expect(flanders.gpmiClients.value).toBe(11);
    expect(flanders.reachGpmi).toMatchObject(hidden);
    expect(flanders.reachUkrainian).toMatchObject(hidden);
    expect(flanders.outflowToWorkAfterOneYear).toMatchObject({ numerator: 6, denominator: 11 });
  });

  it('refuses a period that is none', async () => {
    const result = await subgraph.execute(`{ _entities(representations: [
      { __typename: "Flanders", code: "VL" }
    ]) { ... on Flanders { activationStatistics(period: { year: 2024, quarter: 0 }) { clients { value } } } } }`);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'period.quarter',
    });
  });
});
