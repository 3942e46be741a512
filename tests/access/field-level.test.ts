import { startTestStack, type TestStack } from '../support/stack';

/**
 * Field-level access through the gateway, for the demo citizen P-000001 as each persona reads
 * them (DOMAIN B.4 and A.3). The table is written out by hand, not derived from the code's
 * matrix, so a wrong cell in either shows up here.
 */
type Expected = 'full' | 'minimal' | 'denied';

/**
 * Per category, a field of its minimised view and a field outside it, as selections on Person.
 * The leaf is aliased `v`; a probe "reads" when some `v` under it is non-null.
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
  l: { minimal: 'ageBand' },
  n: { minimal: 'placements { v: type }', full: 'placements { v: wopRef }' },
};

const F = 'full';
const m = 'minimal';
const _ = 'denied';

/**
 * What each persona reads of P-000001. Consent cells (C) are resolved for this person: P-000001
 * gave VDAB the ATTEST_DATAKOPPELING consent (not GTB, not Gent's consultants) and OCMW Gent the
 * OCMW_INSCHRIJVINGSMANDAAT. A category reached only through a field
 * the persona may not read (h and i under `indicationRequests`, category j in full) is denied.
 */
// prettier-ignore
const TABLE: Record<string, Record<string, Expected>> = {
  //                      a  b  c  d  e  h  i  j  k  l  n
  'citizen':             row(F, F, F, F, F, F, F, F, F, m, F),
  'vdab-mediator':       row(F, F, m, m, F, m, m, F, F, m, F),
  'vdab-icf-consultant': row(F, F, m, _, F, F, F, F, F, m, m),
  'gtb-counsellor':      row(F, F, m, m, F, _, m, F, F, m, F),
  'ocmw-gent':           row(F, F, F, F, F, _, _, m, _, m, m),
  'icf-consultant-gent': row(F, F, F, m, F, _, F, F, m, m, _),
  'employer-1':          row(F, m, _, _, _, _, _, m, F, m, F),
  'job-coach-1':         row(F, _, _, _, _, _, _, m, _, _, F),
};

function row(...cells: Expected[]): Record<string, Expected> {
  return Object.fromEntries(Object.keys(PROBES).map((category, i) => [category, cells[i]]));
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

  it('gives a person outside the row scope no answer and no hint', async () => {
    const { body } = await stack.query(probeQuery(), {}, { persona: 'ocmw-antwerpen' });
    expect(body).toEqual({ data: { person: null } });
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
});
