import { and, asc, eq } from 'drizzle-orm';

import { signPartnerToken } from '../../common/access/partner-token';
import { relations } from '../support/access-schema';
import { personaNamed } from '../../common/access/personas';
import { MUNICIPALITIES } from '../../common/geography';
import { indicationRequests } from '../../subgraphs/indications/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Field-level access through the gateway, for the demo citizen P-000001 as each persona reads
 * them (DOMAIN B.4 and A.3). The table is written out by hand, not derived from the code's
 * matrix, so a wrong cell in either shows up here.
 */
type Expected = 'full' | 'minimal' | 'denied';

/**
 * Per category, a field of its minimised view and a field outside it, as selections on Person.
 * The leaf is aliased `v`; a probe "reads" when some `v` under it is non-null. Categories f and g
 * are not here: P-000001 has no trajectory in the seeded world, so they are probed on other
 * persons (TRAJECTORY_TABLE below).
 */
const PROBES: Record<string, { minimal?: string; full?: string }> = {
  a: { full: 'insz' },
  b: { full: 'residence { v: nisCode }' },
  c: { minimal: 'socialAssistance { v: type }', full: 'socialAssistance { v: clientStatus }' },
  d: {
    minimal: 'socialAssistance { v: registrationDuty }',
    full: 'socialAssistance { v: workReadiness }',
  },
  e: { full: 'vdabRegistration { v: category }' },
  h: {
    minimal: 'indicationRequests { attestations { v: kind } }',
    full: 'indicationRequests { attestations { v: source } }',
  },
  i: {
    minimal: 'indicationRequests { icfAssessment { v: conclusion } }',
    full: 'indicationRequests { icfAssessment { v: icfScore } }',
  },
  j: { minimal: 'advices { v: type }', full: 'advices { v: basis }' },
  k: {
    minimal: 'advices { workSupportPackage { v: intensity } }',
    full: 'advices { workSupportPackage { v: supportPremiumCents } }',
  },
  l: { minimal: 'educationLevel', full: 'mobility' },
  n: { minimal: 'placements { v: startDate }', full: 'placements { v: qualifiedGuide }' },
};

const F = 'full';
const m = 'minimal';
const _ = 'denied';

/**
 * What each persona reads of P-000001. Consent cells (C) are resolved for this person: P-000001
 * gave VDAB the ATTEST_DATAKOPPELING consent (not GTB, not Gent's consultants), which also opens
 * the attestations' content to the VDAB mediator beyond note 3's kind and validity, and OCMW
 * Gent the OCMW_INSCHRIJVINGSMANDAAT. A category reached only through a field
 * the persona may not read (h and i under `indicationRequests`, category j in full) is denied.
 */
// prettier-ignore
const TABLE: Record<string, Record<string, Expected>> = {
  //                      a  b  c  d  e  h  i  j  k  l  n
  'citizen':             row(F, F, F, F, F, F, F, F, F, F, F),
  'vdab-mediator':       row(F, F, m, m, F, F, m, F, F, F, F),
  'vdab-icf-consultant': row(F, F, m, _, F, F, F, F, F, F, m),
  'gtb-counsellor':      row(F, F, m, m, F, _, m, F, F, F, F),
  'ocmw-gent':           row(F, F, F, F, F, _, _, m, _, m, m),
  'icf-consultant-gent': row(F, F, F, m, F, _, F, F, m, F, _),
  'employer-1':          row(F, m, _, _, _, _, _, m, F, m, F),
  'job-coach-1':         row(F, _, _, _, _, _, _, m, _, _, F),
};

function row(...cells: Expected[]): Record<string, Expected> {
  return Object.fromEntries(Object.keys(PROBES).map((category, i) => [category, cells[i]]));
}

/**
 * Categories f (trajectory actions and regie) and g (transmissions and sanctions). The demo
 * citizen P-000001 has no trajectory in the small seed (the seed gives one to about 70% of the
 * VDAB-registered OCMW clients, and P-000001 drew none), so on P-000001 an allowed probe would read
 * nothing. Each persona probes a person of its own row scope that has the data instead:
 * P-000227 (Antwerpen: trajectory, transmission and sanction), P-000217 (Gent: trajectory and
 * transmission), P-000198 (a GTB client with a trajectory: no GTB client has a transmission or a
 * sanction, so GTB's g is checked as "not refused" only), P-000124 (Gent, in the Gent ICF
 * consultant's scope: trajectory). Employers and job coaches see no trajectory of anyone, so they
 * are refused on P-000001, whom they do reach (a FORBIDDEN does not depend on the data). The
 * citizen reads their own file: this test signs a citizen token for P-000227.
 */
const TRAJECTORY_PROBES = {
  f: 'trajectories { v: regie }',
  g_transmission: 'trajectories { transmissions { v: kind } }',
  g_sanction: 'socialAssistance { sanctions { v: kind } }',
};

/** What the seeded world holds for each probe person, per probe. */
const TRAJECTORY_DATA: Record<string, Record<keyof typeof TRAJECTORY_PROBES, boolean>> = {
  'P-000227': { f: true, g_transmission: true, g_sanction: true },
  'P-000217': { f: true, g_transmission: true, g_sanction: false },
  'P-000198': { f: true, g_transmission: false, g_sanction: false },
  'P-000124': { f: true, g_transmission: false, g_sanction: false },
  'P-000001': { f: false, g_transmission: false, g_sanction: false },
};

type Allowed = 'allowed' | 'denied';
const Y = 'allowed';
const N = 'denied';

/**
 * DOMAIN B.4 columns f and g: R, W and R/W read; "–" does not. The monitors, the department and
 * the federation reach no person at all (tested below).
 */
// prettier-ignore
const TRAJECTORY_TABLE: [persona: string, personId: string, f: Allowed, gTransmission: Allowed, gSanction: Allowed][] = [
  //                                    f  g (transmission) g (sanction)
  ['citizen',             'P-000227',   Y, Y, Y],
  ['vdab-mediator',       'P-000227',   Y, Y, Y],
  ['vdab-icf-consultant', 'P-000227',   Y, N, N],
  ['gtb-counsellor',      'P-000198',   Y, Y, Y],
  ['ocmw-gent',           'P-000217',   Y, Y, Y],
  ['ocmw-antwerpen',      'P-000227',   Y, Y, Y],
  ['icf-consultant-gent', 'P-000124',   Y, N, N],
  ['employer-1',          'P-000001',   N, N, N],
  ['job-coach-1',         'P-000001',   N, N, N],
];

/**
 * The non-personal categories m (vacancies), o (agreements and action plans), p (pact
 * settlement), q (municipal aggregates) and r (provincial and Flemish aggregates), read through
 * root fields, from DOMAIN B.4 by hand: R/W → full, r → minimal, A → aggregate (readable: these
 * are figures, not persons), – → denied. q is probed on Gent: a q of R is the caller's own
 * municipality, so the Antwerpen OCMW and monitor are denied there.
 */
type RootLevel = 'full' | 'minimal' | 'aggregate' | 'denied';
const A = 'aggregate';

/**
 * Per category, root-field probes of its minimised view and of its full view (aliased, leaf `v`).
 * `Query.vacancies` is itself category m in full: a minimised reader of m (the VDAB ICF
 * consultant, note 5: "only the vacancy linked to a spoed or prior-routing request") never lists
 * vacancies, so both m probes need full m; its minimised view is tested through the request below.
 * Categories q and r have no minimised view.
 */
const ROOT_PROBES: Record<
  'm' | 'o' | 'p' | 'q' | 'r',
  { view: 'minimal' | 'full'; selection: string }[]
> = {
  m: [
    { view: 'full', selection: 'vacancies(first: 5) { edges { node { v: jobTitle } } }' },
    { view: 'full', selection: 'vacancies(first: 5) { edges { node { v: openedAt } } }' },
  ],
  o: [
    {
      view: 'minimal',
      selection: 'collaborationAgreements(first: 5) { edges { node { v: title } } }',
    },
    {
      view: 'full',
      selection: 'collaborationAgreements(first: 5) { edges { node { v: overlegforum } } }',
    },
    { view: 'full', selection: 'actionPlans(first: 5) { edges { node { v: year } } }' },
  ],
  p: [
    {
      view: 'minimal',
      selection: 'activationPactParticipations(first: 5) { edges { node { v: status } } }',
    },
    {
      view: 'full',
      selection: 'activationPactParticipations(first: 5) { edges { node { v: floor } } }',
    },
  ],
  q: [
    {
      view: 'full',
      selection:
        'municipality(nisCode: "44021") { indicationStatistics(period: { year: 2024 }) { v: requests { suppressed } } }',
    },
  ],
  r: [
    {
      view: 'full',
      selection:
        'flanders { indicationStatistics(period: { year: 2024 }) { v: requests { suppressed } } }',
    },
  ],
};

// prettier-ignore
const ROOT_TABLE: Record<string, Record<keyof typeof ROOT_PROBES, RootLevel>> = {
  //                      m  o  p  q  r
  'citizen':             rootRow(F, _, _, A, A),
  'vdab-mediator':       rootRow(F, m, _, A, A),
  'vdab-icf-consultant': rootRow(m, _, _, A, A),
  'gtb-counsellor':      rootRow(F, _, _, A, A),
  'ocmw-gent':           rootRow(F, F, m, F, A),
  'ocmw-antwerpen':      rootRow(F, F, m, _, A),
  'icf-consultant-gent': rootRow(_, m, _, A, A),
  'employer-1':          rootRow(F, _, _, _, A),
  'job-coach-1':         rootRow(_, _, _, _, _),
  'monitor-gent':        rootRow(_, F, F, F, A),
  'monitor-antwerpen':   rootRow(_, F, F, _, A),
  'department-analyst':  rootRow(_, F, F, A, A),
  'sector-federation':   rootRow(_, _, _, A, A),
};

function rootRow(...cells: RootLevel[]): Record<keyof typeof ROOT_PROBES, RootLevel> {
  return { m: cells[0], o: cells[1], p: cells[2], q: cells[3], r: cells[4] };
}

/** Whether a root probe of this view reads at this level. */
function readsAt(level: RootLevel, view: 'minimal' | 'full'): boolean {
  if (level === 'denied') return false;
  return level === 'minimal' ? view === 'minimal' : true;
}

/** Which personas may reach the demo citizen P-000001 at all (their row scope, DOMAIN A.2.4). */
const REACHES_P000001: Record<string, boolean> = {
  citizen: true,
  'vdab-mediator': true,
  'vdab-icf-consultant': true,
  'gtb-counsellor': true,
  'ocmw-gent': true,
  'ocmw-antwerpen': false,
  'icf-consultant-gent': true,
  'employer-1': true,
  'job-coach-1': true,
  'monitor-gent': false,
  'monitor-antwerpen': false,
  'department-analyst': false,
  'sector-federation': false,
};

/**
 * Every root that lists records naming a person, each followed into the subgraph that owns the
 * person (`person { id firstName }` makes the gateway resolve the Person entity in `persons`) and
 * from entities of one subgraph into another (placement → advice, referral → vacancy → referrals,
 * employer → placements, municipality → residents, person → advices/placements/referrals). One
 * operation per root: together they would exceed the gateway's cost limit, as a partner's would.
 */
const REACH_OPERATIONS = [
  `{ scope: persons(first: 500) { edges { node { id
    advices { person { id firstName } } placements { person { id firstName } } referrals { person { id firstName } } } } } }`,
  '{ placements(first: 500) { edges { node { person { id firstName } advice { person { id firstName } } referral { person { id firstName } } } } } }',
  '{ advices(first: 500) { edges { node { person { id firstName } derivedFrom { person { id firstName } } request { person { id firstName } } } } } }',
  '{ referrals(first: 500) { edges { node { person { id firstName } placement { person { id firstName } } vacancy { referrals { person { id firstName } } } } } } }',
  '{ vacancies(first: 500) { edges { node { referrals { person { id firstName } } } } } }',
  '{ employers(first: 100) { edges { node { placements { person { id firstName } } vacancies { referrals { person { id firstName } } } } } } }',
  '{ socialAssistanceRecords(first: 500) { edges { node { person { id firstName } } } } }',
  '{ indicationRequests(first: 500) { edges { node { person { id firstName } advices { person { id firstName } } } } } }',
];

/** Residents of every municipality, a few municipalities per operation (the cost limit again). */
const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.nisCode);

function residentOperations(nisCodes: string[], perOperation = 12): string[] {
  const operations: string[] = [];
  for (let i = 0; i < nisCodes.length; i += perOperation) {
    const aliases = nisCodes
      .slice(i, i + perOperation)
      .map(
        (nis) =>
          `m${nis}: municipality(nisCode: "${nis}") { residents(first: 100) { pageInfo { hasNextPage } edges { node { id firstName } } } }`,
      );
    operations.push(`{ ${aliases.join('\n')} }`);
  }
  return operations;
}

/** The ids of every person object in a response (a `person` field, or a resident). */
function personIdsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => personIdsIn(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string' && child.startsWith('P-')) into.add(child);
      else personIdsIn(child, into);
    }
  }
  return into;
}

/** All probes of one persona in one operation, each under its own alias. */
function probeQuery(): string {
  const selections = Object.entries(PROBES).flatMap(([category, probe]) =>
    Object.entries(probe).map(([view, selection]) => `${category}_${view}: ${selection}`),
  );
  return `{ person(id: "P-000001") { id ${selections.join('\n')} } }`;
}

function reads(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(reads);
  if (typeof value === 'object') return Object.values(value as object).some(reads);
  return true;
}

describe('field level: each persona reads exactly its mandate of P-000001', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  describe.each(Object.entries(TABLE))('%s', (persona, expected) => {
    let person: Record<string, unknown>;
    let forbiddenAliases: Set<string>;

    beforeAll(async () => {
      const { status, body } = await stack.query(probeQuery(), {}, { persona });
      expect(status).toBe(200);
      person = body.data.person;
      forbiddenAliases = new Set(
        (body.errors ?? [])
          .filter((error) => error.extensions?.code === 'FORBIDDEN')
          .map((error) => error.path[1] as string),
      );
      for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    });

    it.each(Object.entries(expected))('category %s: %s', (category, level) => {
      const { minimal, full } = PROBES[category];
      const check = (alias: string, allowed: boolean) => {
        expect({ alias, reads: reads(person[alias]) }).toEqual({ alias, reads: allowed });
        expect({ alias, forbidden: forbiddenAliases.has(alias) }).toEqual({
          alias,
          forbidden: !allowed,
        });
      };
      if (minimal) check(`${category}_minimal`, level !== 'denied');
      if (full) check(`${category}_full`, level === 'full');
    });
  });

  it('gives a person outside the row scope no answer and no hint: NOT_FOUND, as for no one', async () => {
    const { body } = await stack.query(probeQuery(), {}, { persona: 'ocmw-antwerpen' });
    expect(body).toEqual({
      data: { person: null },
      errors: [
        {
          message: 'Person P-000001 was not found.',
          path: ['person'],
          extensions: { code: 'NOT_FOUND', serviceName: 'persons' },
        },
      ],
    });
  });

  it.each(['monitor-gent', 'department-analyst', 'sector-federation'])(
    'gives %s no personal data at all',
    async (persona) => {
      const { body } = await stack.query(
        '{ person(id: "P-000001") { id firstName } }',
        {},
        {
          persona,
        },
      );
      expect(body.data.person).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    },
  );

  it('follows nested paths into other subgraphs: an employer reaches no advice basis via a referral', async () => {
    const { body } = await stack.query(
      `{ person(id: "P-000001") { referrals { person { advices { type basis } } } } }`,
      {},
      { persona: 'employer-1' },
    );
    const advices = body.data.person.referrals.flatMap((r: any) => r.person.advices);
    expect(advices.length).toBeGreaterThan(0);
    expect(advices.every((a: any) => a.type && a.basis === null)).toBe(true);
    expect(body.errors?.every((e: any) => e.extensions.code === 'FORBIDDEN')).toBe(true);
  });

  it('applies to fragments as to fields', async () => {
    const { body } = await stack.query(
      `query { person(id: "P-000001") { ...Assistance } }
       fragment Assistance on Person { socialAssistance { type exemptionReason } }`,
      {},
      { persona: 'vdab-mediator' },
    );
    expect(body.data.person.socialAssistance[0]).toEqual({
      type: 'LEEFLOON',
      exemptionReason: null,
    });
    expect(body.errors?.[0].path).toEqual(['person', 'socialAssistance', 0, 'exemptionReason']);
  });

  describe('categories f and g, on persons that have a trajectory', () => {
    function trajectoryQuery(personId: string): string {
      const selections = Object.entries(TRAJECTORY_PROBES).map(
        ([alias, selection]) => `${alias}: ${selection}`,
      );
      return `{ person(id: "${personId}") { id ${selections.join('\n')} } }`;
    }

    it.each(TRAJECTORY_TABLE)(
      '%s on %s: f %s, g (transmission) %s, g (sanction) %s',
      async (persona, personId, ...cells) => {
        // The citizen reads only their own file: a citizen token for the probe person.
        const headers: Record<string, string> =
          persona === 'citizen'
            ? {
                authorization: `Bearer ${await signPartnerToken({ ...personaNamed('citizen'), sub: personId })}`,
              }
            : {};
        const { status, body } = await stack.query(
          trajectoryQuery(personId),
          {},
          { persona, headers },
        );
        expect(status).toBe(200);
        const person = body.data.person;
        expect(person?.id).toBe(personId);
        for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
        const forbidden = new Set((body.errors ?? []).map((error) => error.path[1] as string));
        const aliases = Object.keys(TRAJECTORY_PROBES) as (keyof typeof TRAJECTORY_PROBES)[];
        const outcome = aliases.map((alias) => ({
          alias,
          forbidden: forbidden.has(alias),
          reads: reads(person[alias]),
        }));
        const expected = aliases.map((alias, i) => ({
          alias,
          forbidden: cells[i] === 'denied',
          reads: cells[i] === 'allowed' && TRAJECTORY_DATA[personId][alias],
        }));
        expect(outcome).toEqual(expected);
      },
    );

    it('covers every persona that reaches persons, with data behind most allowed cells', () => {
      expect(TRAJECTORY_TABLE.map(([persona]) => persona).sort()).toEqual(
        [...Object.keys(TABLE), 'ocmw-antwerpen'].sort(),
      );
      const readsData = TRAJECTORY_TABLE.filter(
        ([, personId, f, g]) =>
          f === 'allowed' && g === 'allowed' && TRAJECTORY_DATA[personId].g_transmission,
      );
      expect(readsData.map(([persona]) => persona)).toEqual([
        'citizen',
        'vdab-mediator',
        'ocmw-gent',
        'ocmw-antwerpen',
      ]);
    });
  });

  describe('non-personal categories m, o, p and q, through root fields', () => {
    function rootQuery(): string {
      const selections = Object.entries(ROOT_PROBES).flatMap(([category, probes]) =>
        probes.map(({ view, selection }, i) => `${category}_${view}_${i}: ${selection}`),
      );
      return `{ ${selections.join('\n')} }`;
    }

    it('has a row for every demo persona', () => {
      expect(Object.keys(ROOT_TABLE).sort()).toEqual(Object.keys(REACHES_P000001).sort());
    });

    describe.each(Object.entries(ROOT_TABLE))('%s', (persona, expected) => {
      let data: Record<string, unknown>;
      let forbidden: Set<string>;

      beforeAll(async () => {
        const { status, body } = await stack.query(rootQuery(), {}, { persona });
        expect(status).toBe(200);
        data = body.data;
        for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
        forbidden = new Set((body.errors ?? []).map((error) => error.path[0] as string));
      });

      it.each(Object.entries(expected))('category %s: %s', (category, level) => {
        const probes = ROOT_PROBES[category as keyof typeof ROOT_PROBES];
        const outcome = probes.map(({ view }, i) => {
          const alias = `${category}_${view}_${i}`;
          return { alias, reads: reads(data[alias]), forbidden: forbidden.has(alias) };
        });
        const wanted = probes.map(({ view }, i) => {
          const allowed = readsAt(level, view);
          return { alias: `${category}_${view}_${i}`, reads: allowed, forbidden: !allowed };
        });
        expect(outcome).toEqual(wanted);
      });
    });

    it('gives the VDAB ICF consultant the minimised view of the vacancy of a spoed request only (m, note 5)', async () => {
      // The first spoed request in VDAB's indication file, whichever the seed made.
      const [spoed] = await stack.database.db
        .select({ id: indicationRequests.id, vacancyId: indicationRequests.vacancyId })
        .from(indicationRequests)
        .innerJoin(relations, eq(relations.personId, indicationRequests.personId))
        .where(
          and(
            eq(indicationRequests.procedure, 'SPOED'),
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'INDICATION'),
          ),
        )
        .orderBy(asc(indicationRequests.id))
        .limit(1);
      const query = `{
        request: indicationRequest(id: "${spoed.id}") { procedure vacancy { id jobTitle tags } }
        vacancy(id: "${spoed.vacancyId}") { id jobTitle }
      }`;
      const consultant = await stack.query(query, {}, { persona: 'vdab-icf-consultant' });
      expect(consultant.body.data).toEqual({
        request: {
          procedure: 'SPOED',
          vacancy: { id: spoed.vacancyId, jobTitle: expect.any(String), tags: null },
        },
        vacancy: null,
      });
      expect(
        consultant.body.errors?.map((error: any) => [error.extensions.code, error.path.join('.')]),
      ).toEqual(
        expect.arrayContaining([
          ['FORBIDDEN', 'request.vacancy.tags'],
          ['FORBIDDEN', 'vacancy'],
        ]),
      );
      expect(consultant.body.errors).toHaveLength(2);

      const mediator = await stack.query(query, {}, { persona: 'vdab-mediator' });
      expect(mediator.body.errors).toBeUndefined();
      expect(Array.isArray(mediator.body.data.request.vacancy.tags)).toBe(true);
      expect(mediator.body.data.vacancy.id).toBe(spoed.vacancyId);
    });

    // Category r (provincial and Flemish aggregates) joins this table with the aggregates of
    // issue 5: no field carries it yet.
  });

  describe('_entities and entity resolution across subgraphs', () => {
    const personas = Object.keys(REACHES_P000001);

    it.each(personas)('rejects _entities and _service from %s at the gateway', async (persona) => {
      for (const query of [
        '{ _entities(representations: [{ __typename: "Person", id: "P-000001" }]) { ... on Person { id firstName } } }',
        '{ ... on Query { _entities(representations: [{ __typename: "Advice", id: "AD-000001" }]) { __typename } } }',
        '{ _service { sdl } }',
      ]) {
        const { status, body } = await stack.query(query, {}, { persona });
        expect({ status, data: body.data }).toEqual({ status: 400, data: undefined });
        expect(body.errors?.map((error: any) => error.extensions.code)).toEqual([
          'GRAPHQL_VALIDATION_FAILED',
        ]);
      }
    });

    describe.each(personas)('%s', (persona) => {
      let body: { data?: any; errors?: any[] };

      beforeAll(async () => {
        body = { data: {}, errors: [] };
        for (const operation of [...REACH_OPERATIONS, ...residentOperations(MUNICIPALITY_CODES)]) {
          const answer = (await stack.query(operation, {}, { persona })).body;
          Object.assign(body.data, answer.data);
          body.errors!.push(...(answer.errors ?? []));
        }
      });

      it('reaches through other subgraphs no person outside its own row scope', () => {
        for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
        const scope = new Set<string>(
          (body.data.scope?.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id),
        );
        const outside = [...personIdsIn(body.data)].filter((id) => !scope.has(id));
        expect(outside).toEqual([]);
        expect(JSON.stringify(body.data)).not.toContain('"hasNextPage":true');
      });

      it(`${REACHES_P000001[persona] ? 'reaches' : 'never reaches'} P-000001`, () => {
        const reached = personIdsIn(body.data).has('P-000001');
        expect(reached).toBe(REACHES_P000001[persona]);
        if (!REACHES_P000001[persona]) {
          expect(JSON.stringify(body)).not.toMatch(/P-000001|Thijs/);
        }
      });
    });

    it('gives ocmw-antwerpen nothing of P-000001 through any root, answered as for records that do not exist', async () => {
      const lookups = (person: string, placement: string, advice: string) => `{
        person(id: "${person}") { id firstName }
        placement(id: "${placement}") { id type person { id firstName } }
        advice(id: "${advice}") { id type person { id firstName } }
        placements(personId: "${person}") { totalCount edges { node { id person { id } } } }
        advices(personId: "${person}") { totalCount edges { node { id person { id } } } }
        persons(residenceNisCode: "44021") { totalCount edges { node { id } } }
        municipality(nisCode: "44021") { residents { totalCount edges { node { id } } } }
        socialAssistanceRecords(ocmwNisCode: "44021") { totalCount edges { node { person { id } } } }
      }`;
      const existing = await stack.query(
        lookups('P-000001', 'PL-000001', 'AD-000001'),
        {},
        { persona: 'ocmw-antwerpen' },
      );
      const missing = await stack.query(
        lookups('P-999999', 'PL-999999', 'AD-999999'),
        {},
        { persona: 'ocmw-antwerpen' },
      );
      // Alike but for the ids asked for, which each NOT_FOUND repeats; in the same order.
      const asAsked = (body: unknown, ids: string[]) => {
        const text = ids.reduce(
          (json, id, i) => json.replaceAll(id, `<asked ${i}>`),
          JSON.stringify(body),
        );
        const parsed = JSON.parse(text);
        parsed.errors?.sort((x: any, y: any) => String(x.path).localeCompare(String(y.path)));
        return parsed;
      };
      expect(asAsked(existing.body, ['P-000001', 'PL-000001', 'AD-000001'])).toEqual(
        asAsked(missing.body, ['P-999999', 'PL-999999', 'AD-999999']),
      );
      expect(existing.body.errors!.map((error: any) => error.extensions.code)).toEqual([
        'NOT_FOUND',
        'NOT_FOUND',
        'NOT_FOUND',
      ]);
      expect(existing.body.data.person).toBeNull();
      expect(existing.body.data.placements.totalCount).toBe(0);
      const { errors: _asked, ...answered } = existing.body;
      expect(JSON.stringify(answered)).not.toMatch(/P-000001|Thijs|Lisa/);

      // The same lookups by ocmw-gent, whose client P-000001 is, do find her everywhere.
      const gent = await stack.query(
        lookups('P-000001', 'PL-000001', 'AD-000001'),
        {},
        { persona: 'ocmw-gent' },
      );
      expect(gent.body.data.person.id).toBe('P-000001');
      expect(gent.body.data.placement.person.id).toBe('P-000001');
      expect(gent.body.data.advice.person.id).toBe('P-000001');
    });
  });
});
