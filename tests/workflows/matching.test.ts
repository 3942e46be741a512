import { sql } from 'drizzle-orm';
import fc from 'fast-check';

import { pseudonymOf } from '../../common/access/candidate-pool';
import { now } from '../../common/clock';
import { config } from '../../common/config';
import { rowsOf } from '../../common/db/rows';
import { municipalitiesIn, MUNICIPALITIES, PROVINCES } from '../../common/geography';
import { openVacancy, referralAt } from '../support/hiring';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Matching for VDAB and GTB, and the incremental pull (issue 14), through the gateway over HTTP:
 * `Vacancy.candidates` and `Person.matchingVacancies` rank with the employer pool's fit, within
 * the caller's caseload; the caseload's matching filters; `changedSince` on vacancies, referrals
 * and placements; and the pseudonyms that left an employer's pool. The day is pinned, so what
 * the mutations stamp falls on it and nothing seeded does.
 */
const TODAY = '2026-01-15';
const EMPLOYER = 'E-000001';

const MEDIATOR_CANDIDATES = `query($id: ID!, $first: Int, $after: String) {
  vacancy(id: $id) {
    candidates(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { person { id } score why availableFrom measure ticketValidUntil } }
    }
  }
}`;

const EMPLOYER_CANDIDATES = `query($id: ID!, $after: String) {
  candidates(vacancyId: $id, first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { pseudonym score why availableFrom } }
  }
}`;

const REMOVED = `query($id: ID!, $since: DateTime!) {
  candidatesRemoved(vacancyId: $id, changedSince: $since, first: 500) {
    totalCount
    edges { node { pseudonym } }
  }
}`;

const MATCHING_VACANCIES = `query($id: ID!) {
  person(id: $id) {
    matchingVacancies(first: 500) {
      totalCount
      edges { node { vacancy { id measure status } score why measure } }
    }
  }
}`;

interface Ranked {
  personId: string;
  score: number;
  why: string[];
  availableFrom: string;
}

describe('matching for VDAB and GTB, and the incremental pull', () => {
  let stack: TestStack;
  const pinned = config.TODAY;
  /** Two open CMW vacancies of E-000001: one to watch the pool of, one to hire on. */
  let watched: string;
  let hiredOn: string;

  beforeAll(async () => {
    config.TODAY = TODAY;
    stack = await startTestStack('small');
    watched = await openVacancy(stack, { jobTitle: 'Groenarbeider', activity: 'groenonderhoud' });
    hiredOn = await openVacancy(stack);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    config.TODAY = pinned;
  });

  const select = async <Row>(query: ReturnType<typeof sql>) =>
    rowsOf<Row>(await stack.database.db.execute(query));

  /** The persons an organisation reaches for a purpose today (its caseload). */
  async function caseloadOf(org: string, purpose = 'TRAJECTORY_GUIDANCE'): Promise<Set<string>> {
    const rows = await select<{ personId: string }>(sql`select distinct person_id as "personId"
      from access.relations where org = ${org} and purpose = ${purpose}
        and valid_from <= ${TODAY}::date and (valid_until is null or valid_until >= ${TODAY}::date)`);
    return new Set(rows.map((row) => row.personId));
  }

  /** The advice types each person holds a valid ticket of today. */
  async function ticketsToday(): Promise<Map<string, Set<string>>> {
    const rows = await select<{
      personId: string;
      type: string;
    }>(sql`select person_id as "personId",
        substr(purpose, length('CANDIDATE_POOL:') + 1) as type
      from access.relations where org = 'pool' and purpose like 'CANDIDATE_POOL:%'
        and purpose <> 'CANDIDATE_POOL:OPT_OUT'
        and valid_from <= ${TODAY}::date and (valid_until is null or valid_until >= ${TODAY}::date)`);
    const tickets = new Map<string, Set<string>>();
    for (const { personId, type } of rows) {
      if (!tickets.has(personId)) tickets.set(personId, new Set());
      tickets.get(personId)!.add(type);
    }
    return tickets;
  }

  async function mediatorCandidates(
    vacancyId: string,
    persona = 'vdab-mediator',
    first = 500,
  ): Promise<Ranked[]> {
    const ranked: Ranked[] = [];
    let after: string | null = null;
    do {
      const { body } = await stack.query(
        MEDIATOR_CANDIDATES,
        { id: vacancyId, first, after },
        { persona },
      );
      expect(body.errors).toBeUndefined();
      const page = body.data.vacancy.candidates;
      ranked.push(
        ...page.edges.map(({ node }: { node: Ranked & { person: { id: string } } }) => ({
          personId: node.person.id,
          score: node.score,
          why: node.why,
          availableFrom: node.availableFrom,
        })),
      );
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return ranked;
  }

  async function employerCandidates(
    vacancyId: string,
  ): Promise<Map<string, Omit<Ranked, 'personId'>>> {
    const profiles = new Map<string, Omit<Ranked, 'personId'>>();
    let after: string | null = null;
    do {
      const { body } = await stack.query(
        EMPLOYER_CANDIDATES,
        { id: vacancyId, after },
        { persona: 'employer-1' },
      );
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data.candidates.edges) {
        profiles.set(node.pseudonym, {
          score: node.score,
          why: node.why,
          availableFrom: node.availableFrom,
        });
      }
      const { pageInfo } = body.data.candidates;
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    return profiles;
  }

  async function removedSince(vacancyId: string, since: Date): Promise<Set<string>> {
    const { body } = await stack.query(
      REMOVED,
      { id: vacancyId, since: since.toISOString() },
      { persona: 'employer-1' },
    );
    expect(body.errors).toBeUndefined();
    return new Set(
      body.data.candidatesRemoved.edges.map(
        (edge: { node: { pseudonym: string } }) => edge.node.pseudonym,
      ),
    );
  }

  /** Persons the mediator and employer-1 both see in the watched vacancy's pool. */
  async function sharedPersons(): Promise<string[]> {
    const [mine, theirs] = await Promise.all([
      mediatorCandidates(watched),
      employerCandidates(watched),
    ]);
    return mine
      .map((candidate) => candidate.personId)
      .filter((personId) => theirs.has(pseudonymOf(EMPLOYER, personId)));
  }

  describe('Vacancy.candidates', () => {
    it('ranks a person the mediator and the employer share with one score and one set of reasons', async () => {
      const mine = await mediatorCandidates(watched);
      const theirs = await employerCandidates(watched);
      const shared = mine.filter((c) => theirs.has(pseudonymOf(EMPLOYER, c.personId)));
      expect(shared.length).toBeGreaterThan(3);
      for (const candidate of shared) {
        const { personId, ...ranking } = candidate;
        expect([personId, theirs.get(pseudonymOf(EMPLOYER, personId))]).toEqual([
          personId,
          ranking,
        ]);
      }
      // Best fit first, reasons that match the vacancy (activity groenonderhoud, Gent, Dutch A1).
      const scores = mine.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const { why } of mine) expect(why[0]).toMatch(/^holds a valid CMW ticket until /);
      expect(mine.some(({ why }) => why.includes('wants to work in groenonderhoud'))).toBe(true);
    });

    it('pages through the same ranking whatever the page size', async () => {
      const whole = (await mediatorCandidates(watched)).map((c) => c.personId);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: Math.ceil(whole.length / 6) + 1, max: 60 }),
          async (first) => {
            const paged = await mediatorCandidates(watched, 'vdab-mediator', first);
            expect(paged.map((c) => c.personId)).toEqual(whole);
          },
        ),
        { numRuns: 4 },
      );
    });

    it('holds only persons of the caller’s caseload: the mediator’s, the GTB counsellor’s', async () => {
      const pool = await employerCandidates(watched);
      for (const [org, persona] of [
        ['vdab', 'vdab-mediator'],
        ['gtb', 'gtb-counsellor'],
      ]) {
        const caseload = await caseloadOf(org);
        const mine = await mediatorCandidates(watched, persona);
        expect([persona, mine.filter((c) => !caseload.has(c.personId))]).toEqual([persona, []]);
        // The pool is wider than the caseload: someone the employer sees is not listed here.
        const listed = new Set(mine.map((c) => pseudonymOf(EMPLOYER, c.personId)));
        expect([...pool.keys()].some((pseudonym) => !listed.has(pseudonym))).toBe(true);
      }
    });

    it('is FORBIDDEN to whoever does not read the matching profile in full: employers, job coaches, OCMWs', async () => {
      for (const persona of ['employer-1', 'ocmw-gent']) {
        const { body } = await stack.query(
          `query($id: ID!) { vacancy(id: $id) { id candidates { totalCount } } }`,
          { id: watched },
          { persona },
        );
        expect([persona, body.data?.vacancy]).toEqual([persona, { id: watched, candidates: null }]);
        expect([persona, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.path]).toEqual([
          persona,
          'FORBIDDEN',
          ['vacancy', 'candidates'],
        ]);
      }
      // Whoever reads no vacancies does not get that far.
      const coach = await stack.query(
        `query($id: ID!) { vacancy(id: $id) { candidates { totalCount } } }`,
        { id: watched },
        { persona: 'job-coach-1' },
      );
      expect(coach.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      for (const persona of ['employer-1', 'ocmw-gent']) {
        const { body } = await stack.query(
          `{ persons(first: 1) { edges { node { id matchingVacancies { totalCount } } } } }`,
          {},
          { persona },
        );
        const [edge] = body.data.persons.edges;
        expect([persona, edge.node.matchingVacancies]).toEqual([persona, null]);
        expect([persona, body.errors?.[0]?.extensions?.code]).toEqual([persona, 'FORBIDDEN']);
      }
    });

    it('gives a citizen, who reads their own matching profile, at most themselves', async () => {
      const { body } = await stack.query(
        `query($id: ID!) { vacancy(id: $id) { candidates { edges { node { person { id } } } } } }`,
        { id: watched },
        { persona: 'citizen' },
      );
      expect(body.errors).toBeUndefined();
      const ids = body.data.vacancy.candidates.edges.map(
        (edge: { node: { person: { id: string } } }) => edge.node.person.id,
      );
      expect(ids.filter((id: string) => id !== 'P-000001')).toEqual([]);
    });
  });

  describe('Person.matchingVacancies', () => {
    it('lists every open vacancy of the measures the person’s valid advices fill, and no other, with the score the vacancy’s candidates give', async () => {
      const ranked = await mediatorCandidates(watched);
      const tickets = await ticketsToday();
      const measureOf: Record<string, string> = { CMW: 'CMW', IMW: 'IMW', AMA_SE: 'AMA_SE_PLAATS' };
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ranked), async (candidate) => {
          const measures = [...(tickets.get(candidate.personId) ?? [])]
            .map((type) => measureOf[type])
            .filter(Boolean);
          const [{ open }] = await select<{ open: number }>(sql`select count(*)::int as open
            from maatwerk.vacancies where status = 'OPEN'
              and measure::text = any(${sql.param(measures)}::text[])`);
          const { body } = await stack.query(MATCHING_VACANCIES, { id: candidate.personId });
          expect(body.errors).toBeUndefined();
          const { totalCount, edges } = body.data.person.matchingVacancies;
          expect(totalCount).toBe(open);
          for (const { node } of edges) {
            expect(node.vacancy.status).toBe('OPEN');
            expect(measures).toContain(node.vacancy.measure);
          }
          const scores = edges.map((edge: { node: { score: number } }) => edge.node.score);
          expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
          const here = edges.find(
            (edge: { node: { vacancy: { id: string } } }) => edge.node.vacancy.id === watched,
          );
          expect(here.node).toMatchObject({
            score: candidate.score,
            why: candidate.why,
            measure: 'CMW',
          });
        }),
        { numRuns: 6 },
      );
    });

    it('is empty for a person of the caseload without a valid advice', async () => {
      const tickets = await ticketsToday();
      const caseload = await caseloadOf('vdab');
      const without = [...caseload].find((personId) => !tickets.has(personId))!;
      const { body } = await stack.query(MATCHING_VACANCIES, { id: without });
      expect(body.errors).toBeUndefined();
      expect(body.data.person.matchingVacancies).toEqual({ totalCount: 0, edges: [] });
    });
  });

  describe('the caseload’s matching filters', () => {
    const FILTERED = `query($valid: Boolean, $measure: CandidateMeasure, $activity: String, $mobility: Mobility, $region: String) {
      persons(first: 1, validAdvice: $valid, measure: $measure, activity: $activity, mobility: $mobility, region: $region) {
        totalCount
      }
    }`;

    it('answers a reader of the categories with exactly the persons that match', async () => {
      const caseload = await caseloadOf('vdab');
      const tickets = await ticketsToday();
      const people = (
        await select<{ id: string; residence: string; mobility: string; activities: string[] }>(
          sql`select id, residence_nis_code as residence, mobility::text as mobility,
            activity_preferences as activities from persons.persons`,
        )
      ).filter((person) => caseload.has(person.id));
      const residences = [...new Set(people.map((p) => p.residence))];
      const arrondissements = [...new Set(MUNICIPALITIES.map((m) => m.arrondissementNis))];
      const region = fc.oneof(
        fc.constantFrom(...residences),
        fc.constantFrom(...arrondissements),
        fc.constantFrom(...PROVINCES.flatMap((p) => [p.code, p.nisCode])),
      );
      const filters = fc.record(
        {
          valid: fc.boolean(),
          measure: fc.constantFrom('CMW', 'IMW', 'AMA_SE'),
          activity: fc.constantFrom('groenonderhoud', 'schoonmaak', 'logistiek', 'keuken'),
          mobility: fc.constantFrom('CAR', 'PUBLIC_TRANSPORT', 'BICYCLE_OR_WALKING', 'LIMITED'),
          region,
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(filters, async (f) => {
          const area = f.region === undefined ? undefined : new Set(municipalitiesIn(f.region));
          const expected = people.filter(
            (p) =>
              (f.valid === undefined || tickets.has(p.id) === f.valid) &&
              (f.measure === undefined || !!tickets.get(p.id)?.has(f.measure)) &&
              (f.activity === undefined || p.activities.includes(f.activity)) &&
              (f.mobility === undefined || p.mobility === f.mobility) &&
              (area === undefined || area.has(p.residence)),
          ).length;
          const { body } = await stack.query(FILTERED, f);
          expect(body.errors).toBeUndefined();
          expect([f, body.data.persons.totalCount]).toEqual([f, expected]);
        }),
        { numRuns: 25 },
      );
      // Not empty selections only: the filters really select.
      const { body } = await stack.query(FILTERED, { valid: true, measure: 'CMW' });
      expect(body.data.persons.totalCount).toBeGreaterThan(0);
    });

    it.each([
      ['employer-1', { valid: true }, 'validAdvice'],
      ['employer-1', { measure: 'CMW' }, 'measure'],
      ['employer-1', { mobility: 'CAR' }, 'mobility'],
      ['employer-1', { region: 'OVL' }, 'region'],
      ['job-coach-1', { activity: 'logistiek' }, 'activity'],
      ['ocmw-gent', { mobility: 'LIMITED' }, 'mobility'],
    ])('refuses %s the filter %j, naming it', async (persona, variables, argument) => {
      const { body } = await stack.query(FILTERED, variables, { persona });
      expect(body.data?.persons ?? null).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors?.[0].message).toContain(`(${argument}:)`);
    });

    it.each([
      ['employer-1', { activity: 'logistiek' }],
      ['ocmw-gent', { valid: true, measure: 'IMW', activity: 'keuken' }],
      ['gtb-counsellor', { valid: false, mobility: 'CAR', region: '40000' }],
    ])('answers %s the filters its view holds: %j', async (persona, variables) => {
      const { body } = await stack.query(FILTERED, variables, { persona });
      expect(body.errors).toBeUndefined();
      expect(typeof body.data.persons.totalCount).toBe('number');
    });

    it('says which region code it does not know', async () => {
      const { body } = await stack.query(FILTERED, { region: '99999' });
      expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].message).toContain('99999');
    });
  });

  describe('an incremental pull', () => {
    const CHANGED = `query($since: DateTime) {
      vacancies(changedSince: $since, first: 500) { totalCount edges { node { id status } } }
      referrals(changedSince: $since, first: 500) { totalCount edges { node { id status } } }
      placements(changedSince: $since, first: 500) { totalCount edges { node { id status } } }
    }`;

    async function changedSince(since: Date, persona = 'vdab-mediator') {
      const { body } = await stack.query(CHANGED, { since: since.toISOString() }, { persona });
      expect(body.errors).toBeUndefined();
      const ids = (list: { edges: { node: { id: string; status: string } }[] }) =>
        list.edges.map((edge) => `${edge.node.id}:${edge.node.status}`);
      return {
        vacancies: ids(body.data.vacancies),
        referrals: ids(body.data.referrals),
        placements: ids(body.data.placements),
      };
    }

    it('gets the vacancies, referrals and placements changed since an instant, and only those', async () => {
      const [person] = await sharedPersons();
      const [{ adviceId }] = await select<{ adviceId: string }>(sql`select id as "adviceId"
        from indications.advices where person_id = ${person} and type = 'CMW' and status = 'ACTIVE'
          and valid_from <= ${TODAY}::date and valid_until >= ${TODAY}::date limit 1`);

      const start = now();
      expect(await changedSince(start)).toEqual({ vacancies: [], referrals: [], placements: [] });
      const vacancyId = await openVacancy(stack);
      const referralId = await referralAt(stack, person, vacancyId, 'INTAKE');
      expect(await changedSince(start)).toEqual({
        vacancies: [`${vacancyId}:OPEN`],
        referrals: [`${referralId}:INTAKE`],
        placements: [],
      });

      const beforeHire = now();
      const { body } = await stack.query(
        `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) { id } }`,
        { input: { referralId, adviceId, startDate: TODAY, fte: 1 } },
        { persona: 'employer-1' },
      );
      expect(body.errors).toBeUndefined();
      const placementId = body.data.hireCandidate.id;
      // The hire moved all three: the referral HIRED, the placement started, the vacancy filled.
      expect(await changedSince(beforeHire)).toEqual({
        vacancies: [`${vacancyId}:FILLED`],
        referrals: [`${referralId}:HIRED`],
        placements: [`${placementId}:ACTIVE`],
      });
      // The employer pulls its own the same way.
      expect(await changedSince(beforeHire, 'employer-1')).toEqual(await changedSince(beforeHire));
      // Stamped on the product's day, not the machine's.
      const stamped = await select<{ day: string }>(sql`
        select (updated_at at time zone 'UTC')::date::text as day from maatwerk.vacancies where id = ${vacancyId}
        union all select (updated_at at time zone 'UTC')::date::text from maatwerk.referrals where id = ${referralId}
        union all select (updated_at at time zone 'UTC')::date::text from maatwerk.placements where id = ${placementId}`);
      expect(stamped.map((row) => row.day)).toEqual([TODAY, TODAY, TODAY]);
      // Without the filter, the lists hold far more.
      const { body: all } = await stack.query(CHANGED, { since: null });
      expect(all.data.referrals.totalCount).toBeGreaterThan(10);
    });

    it('tells the employer who left its pool since: hired elsewhere, or the advice ended', async () => {
      const shared = await sharedPersons();
      // Their CMW tickets today, as the pool holds them, and the advice behind each.
      const tickets = await select<{ personId: string; adviceId: string; status: string }>(sql`
        select r.person_id as "personId", a.id as "adviceId", a.status::text as status
        from access.relations r join indications.advices a on r.source = 'advice:' || a.id
        where r.org = 'pool' and r.purpose = 'CANDIDATE_POOL:CMW'
          and r.person_id = any(${sql.param(shared)}::text[])
          and r.valid_from <= ${TODAY}::date
          and (r.valid_until is null or r.valid_until >= ${TODAY}::date)`);
      const adviceOf = (personId: string) => tickets.filter((t) => t.personId === personId);
      // One to hire, and one whose only CMW ticket ends with its advice.
      const [hired, ended] = [
        shared.find((personId) => adviceOf(personId).length > 0)!,
        [...shared]
          .reverse()
          .find(
            (personId) =>
              adviceOf(personId).length === 1 && adviceOf(personId)[0].status === 'ACTIVE',
          )!,
      ];
      expect(hired).not.toBe(ended);

      const since = now();
      const before = await removedSince(watched, since);
      expect(before.has(pseudonymOf(EMPLOYER, hired))).toBe(false);
      expect(before.has(pseudonymOf(EMPLOYER, ended))).toBe(false);

      // Hired on another vacancy of the same employer: employed, so no longer looking.
      const referralId = await referralAt(stack, hired, hiredOn, 'INTAKE');
      const hire = await stack.query(
        `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) { id } }`,
        { input: { referralId, adviceId: adviceOf(hired)[0].adviceId, startDate: TODAY, fte: 1 } },
        { persona: 'employer-1' },
      );
      expect(hire.body.errors).toBeUndefined();
      // The other's only CMW advice ended by an evaluation.
      const evaluation = await stack.query(
        `mutation($input: EvaluateAdviceInput!) { evaluateAdvice(input: $input) { status } }`,
        {
          input: {
            adviceId: adviceOf(ended)[0].adviceId,
            outcome: 'BEEINDIGD',
            trigger: 'AANVRAAG_VDAB',
          },
        },
        { persona: 'vdab-icf-consultant' },
      );
      expect(evaluation.body.errors).toBeUndefined();

      const after = await removedSince(watched, since);
      expect(after.has(pseudonymOf(EMPLOYER, hired))).toBe(true);
      expect(after.has(pseudonymOf(EMPLOYER, ended))).toBe(true);
      // Gone from every view of the pool, and never reported gone while shown.
      const pool = await employerCandidates(watched);
      expect(pool.has(pseudonymOf(EMPLOYER, hired))).toBe(false);
      expect(pool.has(pseudonymOf(EMPLOYER, ended))).toBe(false);
      expect([...after].filter((pseudonym) => pool.has(pseudonym))).toEqual([]);
      const listed = (await mediatorCandidates(watched)).map((c) => c.personId);
      expect(listed).not.toContain(hired);
      expect(listed).not.toContain(ended);
      // A sync from before the pool changed misses nobody: whoever was shown then and is not
      // now is reported, whenever the sync last ran today.
      const startOfDay = new Date(`${TODAY}T00:00:00+01:00`);
      const sinceMorning = await removedSince(watched, startOfDay);
      for (const pseudonym of after) expect(sinceMorning.has(pseudonym)).toBe(true);
    });

    it('refuses the removals to anyone but the vacancy’s employer', async () => {
      for (const persona of ['vdab-mediator', 'ocmw-gent', 'job-coach-1']) {
        const { body } = await stack.query(
          REMOVED,
          { id: watched, since: now().toISOString() },
          { persona },
        );
        expect([persona, body.errors?.[0]?.extensions?.code]).toEqual([persona, 'FORBIDDEN']);
      }
    });
  });
});
