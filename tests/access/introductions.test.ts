import { and, eq, sql } from 'drizzle-orm';

import { pseudonymOf } from '../../common/access/candidate-pool';
import { signPartnerToken } from '../../common/access/partner-token';
import { today } from '../../common/clock';
import { rowsOf } from '../../common/db/rows';
import { referrals, vacancies } from '../../subgraphs/maatwerk/tables';
import { auditLog } from '../support/access-schema';
import { withdrawSeededOptIns } from '../support/opt-ins';
import {
  postOperation,
  startTestStack,
  type GraphQLResponse,
  type TestStack,
} from '../support/stack';

/**
 * From profile to person, the legal ways only (issue 14, DOMAIN B.4 note 11), through the gateway
 * over HTTP: an introduction VDAB accepts, the candidate's opt-in and a direct application each
 * open one pool member's identity to exactly one employer; a refusal opens nothing; a pseudonym
 * means nothing to another employer; the citizen sees who asked in their access log. The world's
 * seeded opt-ins are withdrawn first, so every candidate starts unknown to every employer.
 */
const EMPLOYER_1 = 'E-000001';

interface Candidate {
  personId: string;
  pseudonym: string;
}

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

const codes = (response: GraphQLResponse) =>
  (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('from profile to person, the legal ways only', () => {
  let stack: TestStack;
  let vacancyId: string;
  let measure: string;
  let otherEmployer: { id: string; vacancyId: string };
  /** Pool members of vacancyId known to neither employer, in the VDAB mediator's caseload. */
  let strangers: Candidate[];

  const as =
    (persona: string): Ask =>
    (query, variables = {}) =>
      stack.query(query, variables, { persona });
  const withToken =
    (token: Promise<string>): Ask =>
    async (query, variables = {}) =>
      postOperation(stack.stack.gatewayUrl, query, {
        variables,
        headers: { authorization: `Bearer ${await token}` },
      });
  const employer1 = as('employer-1');
  const mediator = as('vdab-mediator');
  let employer2: Ask;
  const citizen = (personId: string) =>
    withToken(signPartnerToken({ sub: personId, role: 'CITIZEN', org: 'citizen' }));

  beforeAll(async () => {
    stack = await startTestStack('small');
    const { db } = stack.database;
    await withdrawSeededOptIns(db);
    const [own] = await db
      .select({ id: vacancies.id, measure: vacancies.measure })
      .from(vacancies)
      .where(
        and(
          eq(vacancies.employerId, EMPLOYER_1),
          eq(vacancies.status, 'OPEN'),
          sql`${vacancies.measure} in ('CMW', 'IMW')`,
        ),
      )
      .orderBy(vacancies.id)
      .limit(1);
    vacancyId = own.id;
    measure = own.measure;
    // Another employer with an open vacancy of the same measure: the same pool, other pseudonyms.
    const [other] = await db
      .select({ id: vacancies.employerId, vacancyId: vacancies.id })
      .from(vacancies)
      .where(
        and(
          sql`${vacancies.employerId} <> ${EMPLOYER_1}`,
          eq(vacancies.status, 'OPEN'),
          eq(vacancies.measure, own.measure),
        ),
      )
      .orderBy(vacancies.id)
      .limit(1);
    otherEmployer = other;
    employer2 = withToken(
      signPartnerToken({ sub: 'other-hr', role: 'EMPLOYER', org: `employer:${other.id}` }),
    );

    const day = today();
    const rows = rowsOf<{ personId: string }>(
      await db.execute(sql`select distinct r.person_id as "personId" from access.relations r
        where r.org = 'vdab' and r.purpose = 'TRAJECTORY_GUIDANCE'
          and r.valid_from <= ${day}::date and (r.valid_until is null or r.valid_until >= ${day}::date)
          and not exists (select 1 from access.relations e where e.person_id = r.person_id
            and e.org in (${`employer:${EMPLOYER_1}`}, ${`employer:${other.id}`})
            and e.valid_from <= ${day}::date and (e.valid_until is null or e.valid_until >= ${day}::date))
        order by 1`),
    );
    const inCaseload = new Map(
      rows.map(({ personId }) => [pseudonymOf(EMPLOYER_1, personId), personId]),
    );
    strangers = (await pool(employer1, vacancyId))
      .filter((profile) => inCaseload.has(profile.pseudonym))
      .map((profile) => ({
        pseudonym: profile.pseudonym,
        personId: inCaseload.get(profile.pseudonym)!,
      }));
  }, 120_000);
  afterAll(() => stack?.stop());

  /** A vacancy's whole pool, as its employer pulls it. */
  async function pool(
    ask: Ask,
    id: string,
  ): Promise<{ pseudonym: string; identityOpen: boolean }[]> {
    const { body } = await ask(
      `query($id: ID!) { candidates(vacancyId: $id, first: 500) { edges { node { pseudonym identityOpen } } } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    return body.data.candidates.edges.map((edge: { node: unknown }) => edge.node);
  }

  const stranger = (): Candidate => {
    const next = strangers.shift();
    if (!next) throw new Error('The small world ran out of pool members unknown to both employers');
    return next;
  };

  /** Whether the caller reaches the person: their name, or NOT_FOUND and nothing else. */
  async function sees(ask: Ask, personId: string): Promise<boolean> {
    const answer = await ask(`query($id: ID!) { person(id: $id) { id lastName } }`, {
      id: personId,
    });
    if (answer.body.data?.person) {
      expect(answer.body.data.person).toEqual({ id: personId, lastName: expect.any(String) });
      return true;
    }
    expect(codes(answer)).toEqual(['NOT_FOUND']);
    return false;
  }

  /** Whether a candidate's profile, in the employer's own pool, says its identity is open. */
  async function identityOpen(ask: Ask, employerId: string, id: string, personId: string) {
    const profile = (await pool(ask, id)).find(
      (p) => p.pseudonym === pseudonymOf(employerId, personId),
    );
    expect(profile).toBeDefined();
    return profile!.identityOpen;
  }

  const REQUEST = `mutation($input: RequestIntroductionInput!) {
    requestIntroduction(input: $input) { id status pseudonym vacancy { id } person { id } referralId }
  }`;
  const ANSWER = `mutation($input: AnswerIntroductionRequestInput!) {
    answerIntroductionRequest(input: $input) { id status refusalReason referralId answeredBy person { id lastName } }
  }`;
  const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id grantedTo } }`;
  const APPLY = `mutation($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id origin status } }`;

  async function requestIntroduction(candidate: Candidate): Promise<string> {
    const asked = await employer1(REQUEST, {
      input: { pseudonym: candidate.pseudonym, vacancyId },
    });
    expect(asked.body.errors).toBeUndefined();
    return asked.body.data.requestIntroduction.id;
  }

  /** The three ways of note 11, each opening the candidate to employer-1. */
  const WAYS: [string, (candidate: Candidate) => Promise<void>][] = [
    [
      'an introduction VDAB accepts',
      async (candidate) => {
        const id = await requestIntroduction(candidate);
        const answer = await mediator(ANSWER, {
          input: { introductionRequestId: id, accept: true },
        });
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data.answerIntroductionRequest).toMatchObject({
          status: 'ACCEPTED',
          referralId: expect.stringMatching(/^R-\d{6}$/),
        });
      },
    ],
    [
      'the candidate’s opt-in to that employer',
      async ({ personId }) => {
        const granted = await citizen(personId)(GRANT, {
          input: {
            type: 'PROFILE_VISIBLE_TO_EMPLOYERS',
            grantedTo: `employer:${EMPLOYER_1}`,
            scope: 'My name and profile, for this employer',
          },
        });
        expect(granted.body.errors).toBeUndefined();
      },
    ],
    [
      'a direct application to the employer’s vacancy',
      async ({ personId }) => {
        const applied = await citizen(personId)(APPLY, { input: { vacancyId } });
        expect(applied.body.errors).toBeUndefined();
        expect(applied.body.data.applyToVacancy).toMatchObject({
          origin: 'DIRECT_BY_CITIZEN',
          status: 'PROPOSED',
        });
      },
    ],
  ];

  it.each(WAYS)('%s opens the candidate to that employer and no other', async (_, open) => {
    const candidate = stranger();
    const { personId, pseudonym } = candidate;
    for (const ask of [employer1, employer2]) expect(await sees(ask, personId)).toBe(false);
    expect(await identityOpen(employer1, EMPLOYER_1, vacancyId, personId)).toBe(false);

    await open(candidate);

    expect(await sees(employer1, personId)).toBe(true);
    expect(await sees(employer2, personId)).toBe(false);
    expect(await identityOpen(employer1, EMPLOYER_1, vacancyId, personId)).toBe(true);
    expect(await identityOpen(employer2, otherEmployer.id, otherEmployer.vacancyId, personId)).toBe(
      false,
    );
    const found = await employer1(
      `query($p: String!) { personByPseudonym(pseudonym: $p) { id } }`,
      {
        p: pseudonym,
      },
    );
    expect(found.body.data.personByPseudonym).toEqual({ id: personId });
    const elsewhere = await employer2(
      `query($p: String!) { personByPseudonym(pseudonym: $p) { id } }`,
      { p: pseudonymOf(otherEmployer.id, personId) },
    );
    expect(codes(elsewhere)).toEqual(['NOT_FOUND']);

    // The citizen sees that employer-1 consulted their file.
    const log = await citizen(personId)(
      '{ me { accessLog(first: 100) { edges { node { organisation purpose } } } } }',
    );
    expect(log.body.errors).toBeUndefined();
    const organisations = log.body.data.me.accessLog.edges.map(
      (edge: { node: { organisation: string } }) => edge.node.organisation,
    );
    expect(organisations).toContain(`employer:${EMPLOYER_1}`);
  });

  it('lets the employer register a direct applicant only once the candidate’s opt-in shows them', async () => {
    const { personId } = stranger();
    const REGISTER = `mutation($input: RegisterDirectApplicantInput!) {
      registerDirectApplicant(input: $input) { id origin status matchBasis person { id } }
    }`;
    const register = (ask: Ask, vacancy: string) =>
      ask(REGISTER, { input: { vacancyId: vacancy, personId } });
    // Without the candidate's consent the employer cannot tell the person exists.
    expect(codes(await register(employer1, vacancyId))).toEqual(['NOT_FOUND']);

    const granted = await citizen(personId)(GRANT, {
      input: {
        type: 'PROFILE_VISIBLE_TO_EMPLOYERS',
        grantedTo: `employer:${EMPLOYER_1}`,
        scope: 'My profile, for my application',
      },
    });
    expect(granted.body.errors).toBeUndefined();
    // The opt-in is to employer-1: another employer still finds no one, and employer-1 only
    // registers for its own vacancy.
    expect(codes(await register(employer2, otherEmployer.vacancyId))).toEqual(['NOT_FOUND']);
    expect(codes(await register(employer1, otherEmployer.vacancyId))).toEqual(['NOT_FOUND']);

    const registered = await register(employer1, vacancyId);
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data.registerDirectApplicant).toMatchObject({
      origin: 'DIRECT_BY_CITIZEN',
      status: 'PROPOSED',
      person: { id: personId },
    });
    // A candidacy now: the referral is the employer's, and a second registration conflicts.
    const referrals = await employer1(
      `query($v: ID!) { vacancy(id: $v) { referrals { id person { id } } } }`,
      { v: vacancyId },
    );
    expect(referrals.body.data.vacancy.referrals).toContainEqual({
      id: registered.body.data.registerDirectApplicant.id,
      person: { id: personId },
    });
    const again = await register(employer1, vacancyId);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0].message).toMatch(/already in progress/);
  });

  it('shows a waiting request to the employer by pseudonym and to VDAB by person, once', async () => {
    const candidate = stranger();
    const asked = await employer1(REQUEST, {
      input: { pseudonym: candidate.pseudonym, vacancyId },
    });
    expect(asked.body.errors).toBeUndefined();
    const request = asked.body.data.requestIntroduction;
    expect(request).toEqual({
      id: expect.stringMatching(/^IN-\d{6}$/),
      status: 'REQUESTED',
      pseudonym: candidate.pseudonym,
      vacancy: { id: vacancyId },
      person: null,
      referralId: null,
    });
    expect(asked.text).not.toContain(candidate.personId);

    // Asked again while it waits: the open one, as a conflict that names it.
    const again = await employer1(REQUEST, {
      input: { pseudonym: candidate.pseudonym, vacancyId },
    });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0].extensions.introductionRequestId).toBe(request.id);

    const LIST = `query($status: IntroductionStatus) { introductionRequests(status: $status, first: 500) {
      totalCount edges { node { id status pseudonym person { id } } } } }`;
    const mine = await employer1(LIST, { status: 'REQUESTED' });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.introductionRequests.edges.map((e: any) => e.node)).toContainEqual({
      id: request.id,
      status: 'REQUESTED',
      pseudonym: candidate.pseudonym,
      person: null,
    });
    expect(mine.text).not.toContain(candidate.personId);
    const theirs = await mediator(LIST, { status: 'REQUESTED' });
    expect(theirs.body.data.introductionRequests.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ id: request.id, person: { id: candidate.personId } }),
    );
    // The other employer, a job coach and the GTB counsellor without the person in its caseload
    // see no such request; whoever lacks category n may not ask.
    const gtbGuides =
      rowsOf(
        await stack.database.db.execute(sql`select 1 from access.relations where org = 'gtb'
        and person_id = ${candidate.personId} and purpose = 'TRAJECTORY_GUIDANCE'
        and (valid_until is null or valid_until >= ${today()}::date)`),
      ).length > 0;
    for (const [ask, expected] of [
      [employer2, false],
      [as('job-coach-1'), false],
      [as('gtb-counsellor'), gtbGuides],
    ] as const) {
      const listed = await ask(LIST, {});
      expect(listed.body.errors).toBeUndefined();
      const ids = listed.body.data.introductionRequests.edges.map((e: any) => e.node.id);
      expect(ids.includes(request.id)).toBe(expected);
    }
    for (const persona of ['monitor-gent', 'ocmw-gent']) {
      expect(codes(await as(persona)(LIST, {}))).toContain('FORBIDDEN');
    }

    // Asking is a consultation of the candidate's file, in their access log.
    const log = await citizen(candidate.personId)(
      '{ me { accessLog(first: 100) { edges { node { organisation } } } } }',
    );
    expect(log.body.data.me.accessLog.edges.map((e: any) => e.node.organisation)).toContain(
      `employer:${EMPLOYER_1}`,
    );
  });

  it('opens nothing on a refusal, which needs a reason the employer reads', async () => {
    const candidate = stranger();
    const id = await requestIntroduction(candidate);
    const bare = await mediator(ANSWER, { input: { introductionRequestId: id, accept: false } });
    expect(codes(bare)).toEqual(['BAD_USER_INPUT']);
    expect(bare.body.errors![0].message).toMatch(/^input\.reason: is required to refuse/);

    const reason = 'The candidate starts a training first; ask again in three months.';
    const refused = await mediator(ANSWER, {
      input: { introductionRequestId: id, accept: false, reason },
    });
    expect(refused.body.errors).toBeUndefined();
    expect(refused.body.data.answerIntroductionRequest).toMatchObject({
      status: 'REFUSED',
      refusalReason: reason,
      referralId: null,
      answeredBy: 'vdab',
      person: { id: candidate.personId },
    });
    const read = await employer1(
      `query { introductionRequests(status: REFUSED) { edges { node { id refusalReason person { id } } } } }`,
    );
    expect(read.body.data.introductionRequests.edges.map((e: any) => e.node)).toContainEqual({
      id,
      refusalReason: reason,
      person: null,
    });
    expect(await sees(employer1, candidate.personId)).toBe(false);
    expect(await identityOpen(employer1, EMPLOYER_1, vacancyId, candidate.personId)).toBe(false);
    const referred = await stack.database.db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.personId, candidate.personId), eq(referrals.vacancyId, vacancyId)));
    expect(referred).toEqual([]);

    // An answer is final: neither a second refusal nor a late acceptance.
    for (const input of [
      { introductionRequestId: id, accept: true },
      { introductionRequestId: id, accept: false, reason },
    ]) {
      const late = await mediator(ANSWER, { input });
      expect(codes(late)).toEqual(['INVALID_TRANSITION']);
      expect(late.body.errors![0].message).toContain('REFUSED is final');
    }
  });

  it('makes a VDAB referral of an acceptance, once, which the employer then reads by name', async () => {
    const candidate = stranger();
    const id = await requestIntroduction(candidate);
    const accepted = await mediator(ANSWER, {
      input: { introductionRequestId: id, accept: true, idempotencyKey: `accept-${id}` },
    });
    expect(accepted.body.errors).toBeUndefined();
    const { referralId } = accepted.body.data.answerIntroductionRequest;
    // The same answer sent again (a timeout) is the same acceptance, the same referral.
    const replay = await mediator(ANSWER, {
      input: { introductionRequestId: id, accept: true, idempotencyKey: `accept-${id}` },
    });
    expect(replay.body.data.answerIntroductionRequest.referralId).toBe(referralId);
    const twice = await mediator(ANSWER, { input: { introductionRequestId: id, accept: true } });
    expect(codes(twice)).toEqual(['INVALID_TRANSITION']);
    const made = await stack.database.db
      .select({ id: referrals.id, origin: referrals.origin, employerId: referrals.employerId })
      .from(referrals)
      .where(and(eq(referrals.personId, candidate.personId), eq(referrals.vacancyId, vacancyId)));
    expect(made).toEqual([{ id: referralId, origin: 'VDAB_TOELEIDING', employerId: EMPLOYER_1 }]);

    const read = await employer1(
      `query($id: ID!) { referral(id: $id) { id status person { id lastName } } }`,
      { id: referralId },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.referral).toMatchObject({
      status: 'PROPOSED',
      person: { id: candidate.personId, lastName: expect.any(String) },
    });
    const request = await employer1(
      `query { introductionRequests(status: ACCEPTED) { edges { node { id referralId person { id } } } } }`,
    );
    expect(request.body.data.introductionRequests.edges.map((e: any) => e.node)).toContainEqual({
      id,
      referralId,
      person: { id: candidate.personId },
    });
  });

  it('keeps an acceptance whose referral maatwerk refused, and sends it again when accepted again', async () => {
    const candidate = stranger();
    const id = await requestIntroduction(candidate);
    const { db } = stack.database;
    // The vacancy fills between the request and the answer (set in the database: the employer's
    // own moveVacancy would withdraw every referral of the small world's only such vacancy).
    await db
      .update(vacancies)
      .set({ status: 'FILLED', closedAt: today() })
      .where(eq(vacancies.id, vacancyId));
    let refused: GraphQLResponse;
    try {
      refused = await mediator(ANSWER, { input: { introductionRequestId: id, accept: true } });
    } finally {
      await db
        .update(vacancies)
        .set({ status: 'OPEN', closedAt: null })
        .where(eq(vacancies.id, vacancyId));
    }
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].message).toMatch(
      new RegExp(
        `^Introduction request ${id} is accepted, but maatwerk made no referral: .*FILLED.* Accept it again to retry, or refuse it with a reason\\.$`,
      ),
    );
    const waiting = await mediator(
      `query { introductionRequests(status: ACCEPTED, first: 500) { edges { node { id referralId } } } }`,
    );
    expect(waiting.body.data.introductionRequests.edges.map((e: any) => e.node)).toContainEqual({
      id,
      referralId: null,
    });
    expect(await sees(employer1, candidate.personId)).toBe(false);

    const again = await mediator(ANSWER, { input: { introductionRequestId: id, accept: true } });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.answerIntroductionRequest.referralId).toMatch(/^R-\d{6}$/);
    expect(await sees(employer1, candidate.personId)).toBe(true);
    // Once its referral is made, the referral's own steps follow, not a refusal.
    const late = await mediator(ANSWER, {
      input: { introductionRequestId: id, accept: false, reason: 'changed my mind' },
    });
    expect(codes(late)).toEqual(['INVALID_TRANSITION']);
    expect(late.body.errors![0].message).toMatch(/its referral R-\d{6} is made/);
  });

  it('links an acceptance to the referral VDAB already made for the candidate and vacancy', async () => {
    const candidate = stranger();
    const id = await requestIntroduction(candidate);
    const proposed = await mediator(
      `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }`,
      { input: { personId: candidate.personId, vacancyId, matchBasis: ['interests'] } },
    );
    expect(proposed.body.errors).toBeUndefined();
    const accepted = await mediator(ANSWER, { input: { introductionRequestId: id, accept: true } });
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data.answerIntroductionRequest.referralId).toBe(
      proposed.body.data.proposeReferral.id,
    );
  });

  it('resolves a pseudonym for its own employer only', async () => {
    const candidate = stranger();
    // employer-1's pseudonym, asked by the other employer for its own vacancy: not in its pool.
    const borrowed = await employer2(REQUEST, {
      input: { pseudonym: candidate.pseudonym, vacancyId: otherEmployer.vacancyId },
    });
    expect(codes(borrowed)).toEqual(['NOT_FOUND']);
    expect(borrowed.body.errors![0].message).toMatch(/not found in the pool of vacancy/);
    // …or for employer-1's vacancy, which is not its own.
    const notTheirs = await employer2(REQUEST, {
      input: { pseudonym: candidate.pseudonym, vacancyId },
    });
    expect(codes(notTheirs)).toEqual(['NOT_FOUND']);
    expect(notTheirs.body.errors![0].message).toContain(`Vacancy ${vacancyId}`);
    // …and no introduction was stored for either.
    const stored = rowsOf(
      await stack.database.db.execute(
        sql`select 1 from persons.introduction_requests where person_id = ${candidate.personId}`,
      ),
    );
    expect(stored).toEqual([]);
    expect(
      codes(await employer2(`{ personByPseudonym(pseudonym: "${candidate.pseudonym}") { id } }`)),
    ).toEqual(['NOT_FOUND']);
  });

  it('opens an opt-in to every employer to each of them, and closes it at once on revoking', async () => {
    const { personId } = stranger();
    const granted = await citizen(personId)(GRANT, {
      input: { type: 'PROFILE_VISIBLE_TO_EMPLOYERS', grantedTo: 'employers', scope: 'My profile' },
    });
    expect(granted.body.errors).toBeUndefined();
    for (const ask of [employer1, employer2]) expect(await sees(ask, personId)).toBe(true);

    // Identity and profile only: no consents, work support package, support needs or outcomes.
    const more = await employer1(
      `query($id: ID!) { person(id: $id) {
        firstName educationLevel activityPreferences consents { type } supportNeedsSummary
        employmentOutcomes { employmentType } advices { type validUntil workSupportPackage { id } }
      } }`,
      { id: personId },
    );
    const person = more.body.data.person;
    expect(person.firstName).toEqual(expect.any(String));
    expect(person.activityPreferences).toEqual(expect.any(Array));
    expect(person.consents).toBeNull();
    expect(person.supportNeedsSummary).toBeNull();
    expect(person.employmentOutcomes).toEqual([]);
    expect(person.advices.map((a: { type: string }) => a.type)).toContain(measure);
    for (const advice of person.advices) expect(advice.workSupportPackage).toBeNull();

    const revoked = await citizen(personId)(
      `mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { revokedAt } }`,
      { input: { consentId: granted.body.data.grantConsent.id } },
    );
    expect(revoked.body.errors).toBeUndefined();
    for (const ask of [employer1, employer2]) expect(await sees(ask, personId)).toBe(false);
    expect(await identityOpen(employer1, EMPLOYER_1, vacancyId, personId)).toBe(false);
  });

  it('takes a direct application once, and only from a holder of the vacancy’s ticket', async () => {
    const { personId } = stranger();
    const applied = await citizen(personId)(APPLY, { input: { vacancyId } });
    expect(applied.body.errors).toBeUndefined();
    const again = await citizen(personId)(APPLY, { input: { vacancyId } });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0].extensions.referralId).toBe(applied.body.data.applyToVacancy.id);

    // Someone unknown to employer-1 with no advice of the vacancy's measure valid today.
    const day = today();
    const [unticketed] = rowsOf<{ id: string }>(
      await stack.database.db.execute(sql`select p.id from persons.persons p
        where not exists (select 1 from access.relations r where r.person_id = p.id
          and r.org in ('pool', ${`employer:${EMPLOYER_1}`})
          and r.purpose in (${`CANDIDATE_POOL:${measure}`}, 'CANDIDACY', 'EMPLOYMENT', 'FORMER_EMPLOYMENT')
          and r.valid_from <= ${day}::date and (r.valid_until is null or r.valid_until >= ${day}::date))
        order by p.id limit 1`),
    );
    const refused = await citizen(unticketed.id)(APPLY, { input: { vacancyId } });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].message).toMatch(
      new RegExp(`^input\\.vacancyId: .*you hold no ${measure} advice valid today`),
    );
    expect(await sees(employer1, unticketed.id)).toBe(false);
  });

  /** Bad input, each with its code and a message that says what to do: what, as whom, asking. */
  // prettier-ignore
  const BAD: [string, string, string, () => Record<string, unknown>, string, RegExp][] = [
    ['a made-up pseudonym', 'employer-1', REQUEST, () => ({ input: { pseudonym: 'P-000001', vacancyId } }), 'BAD_USER_INPUT', /^input\.pseudonym: must be a pseudonym from candidates/],
    ['an unknown vacancy', 'employer-1', REQUEST, () => ({ input: { pseudonym: 'CP-AAAAAAAAAAAAAAAA', vacancyId: 'V-999999' } }), 'NOT_FOUND', /Vacancy V-999999/],
    ['a well-formed pseudonym of nobody', 'employer-1', REQUEST, () => ({ input: { pseudonym: 'CP-AAAAAAAAAAAAAAAA', vacancyId } }), 'NOT_FOUND', /Take a pseudonym from candidates/],
    ['a mediator asking', 'vdab-mediator', REQUEST, () => ({ input: { pseudonym: 'CP-AAAAAAAAAAAAAAAA', vacancyId } }), 'FORBIDDEN', /requestIntroduction .* role VDAB_MEDIATOR may not change/],
    ['an employer answering', 'employer-1', ANSWER, () => ({ input: { introductionRequestId: 'IN-000001', accept: true } }), 'FORBIDDEN', /role EMPLOYER may not change/],
    ['an unknown request', 'vdab-mediator', ANSWER, () => ({ input: { introductionRequestId: 'IN-999999', accept: true } }), 'NOT_FOUND', /IntroductionRequest IN-999999/],
    ['a reason with an acceptance', 'vdab-mediator', ANSWER, () => ({ input: { introductionRequestId: 'IN-000001', accept: true, reason: 'fine' } }), 'BAD_USER_INPUT', /^input\.reason: is given with a refusal only/],
    ['an opt-in to a made-up recipient', 'citizen', GRANT, () => ({ input: { type: 'PROFILE_VISIBLE_TO_EMPLOYERS', grantedTo: 'employer:ACME', scope: 'my profile' } }), 'BAD_USER_INPUT', /^input\.grantedTo: cannot receive PROFILE_VISIBLE_TO_EMPLOYERS; give it to employers \(every employer\) or employer:E-000001/],
    ['an opt-in to an employer that does not exist', 'citizen', GRANT, () => ({ input: { type: 'PROFILE_VISIBLE_TO_EMPLOYERS', grantedTo: 'employer:E-999999', scope: 'my profile' } }), 'BAD_USER_INPUT', /^input\.grantedTo: there is no employer E-999999/],
    ['an unknown vacancy', 'citizen', APPLY, () => ({ input: { vacancyId: 'V-999999' } }), 'NOT_FOUND', /Vacancy V-999999/],
    ['an employer applying', 'employer-1', APPLY, () => ({ input: { vacancyId } }), 'FORBIDDEN', /applyToVacancy .* role EMPLOYER may not change/],
  ];

  it.each(BAD)('refuses %s (as %s)', async (_, persona, operation, variables, code, message) => {
    const answer = await as(persona)(operation, variables());
    expect(codes(answer)).toEqual([code]);
    expect(answer.body.errors![0].message).toMatch(message);
  });

  it('refuses a direct application to a vacancy that is not open or has no ticket', async () => {
    const { db } = stack.database;
    const [closed] = await db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} <> 'OPEN'`)
      .limit(1);
    const [untyped] = await db
      .select({ id: vacancies.id, measure: vacancies.measure })
      .from(vacancies)
      .where(and(eq(vacancies.status, 'OPEN'), sql`${vacancies.measure} in ('LDE', 'BVS_PLAATS')`))
      .limit(1);
    const closedAnswer = await as('citizen')(APPLY, { input: { vacancyId: closed.id } });
    expect(codes(closedAnswer)).toEqual(['BAD_USER_INPUT']);
    expect(closedAnswer.body.errors![0].message).toMatch(/a direct application is to an open one/);
    const untypedAnswer = await as('citizen')(APPLY, { input: { vacancyId: untyped.id } });
    expect(codes(untypedAnswer)).toEqual(['BAD_USER_INPUT']);
    expect(untypedAnswer.body.errors![0].message).toMatch(/which no advice opens; VDAB refers candidates to it/);
    // Nothing of a refused application reaches the audit as an allowed change.
    const changed = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.operation, 'applyToVacancy'),
          eq(auditLog.outcome, 'ALLOWED'),
          eq(auditLog.personId, 'P-000001'),
        ),
      );
    expect(changed).toEqual([]);
  });
});
