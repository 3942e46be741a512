import { and, asc, eq, notInArray, sql } from 'drizzle-orm';

import { auditLog, relations } from '../support/access-schema';
import { referrals, vacancies } from '../../subgraphs/maatwerk/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The referral lifecycle of DOMAIN B.2.3 through the gateway: VDAB proposes, the employer moves
 * the match on, a failed match carries its feedback, and an illegal move changes nothing.
 */
describe('referral workflow', () => {
  let stack: TestStack;
  let vacancyId: string;
  /** Persons in the VDAB mediator's caseload without a referral to that vacancy. */
  let candidates: string[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    const { db } = stack.database;
    const [vacancy] = await db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.employerId, 'E-000001'), eq(vacancies.status, 'OPEN')))
      .orderBy(asc(vacancies.id))
      .limit(1);
    vacancyId = vacancy.id;
    const referred = db
      .select({ personId: referrals.personId })
      .from(referrals)
      .where(eq(referrals.vacancyId, vacancyId));
    candidates = (
      await db
        .selectDistinct({ personId: relations.personId })
        .from(relations)
        .where(
          and(
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'TRAJECTORY_GUIDANCE'),
            sql`${relations.validUntil} is null`,
            notInArray(relations.personId, referred),
          ),
        )
        .orderBy(asc(relations.personId))
        .limit(40)
    ).map((row) => row.personId);
  });
  afterAll(() => stack?.stop());

  const nextCandidate = () => {
    const personId = candidates.shift();
    if (!personId) throw new Error('The test needs more candidates than the seeds hold');
    return personId;
  };

  const REFERRAL = 'id status failureFeedback { reasonCode text }';

  async function propose(persona = 'vdab-mediator', input: Record<string, unknown> = {}) {
    return stack.query(
      `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { ${REFERRAL} } }`,
      {
        input: { personId: nextCandidate(), vacancyId, matchBasis: ['interests'], ...input },
      },
      { persona },
    );
  }

  async function move(referralId: string, input: Record<string, unknown>, persona = 'employer-1') {
    return stack.query(
      `mutation($input: MoveReferralInput!) { moveReferral(input: $input) { ${REFERRAL} } }`,
      { input: { referralId, ...input } },
      { persona },
    );
  }

  async function proposed(): Promise<string> {
    const { body } = await propose();
    expect(body.errors).toBeUndefined();
    return body.data.proposeReferral.id;
  }

  /** A new referral walked to `status` along the shortest legal path. */
  async function referralAt(status: string): Promise<string> {
    const id = await proposed();
    const path = ['CONTACTED', 'INTAKE', 'BVS'];
    for (const step of path.slice(0, path.indexOf(status) + 1)) {
      const { body } = await move(id, { status: step });
      expect(body.errors).toBeUndefined();
    }
    return id;
  }

  const stored = async (id: string) => {
    const [row] = await stack.database.db.select().from(referrals).where(eq(referrals.id, id));
    return row;
  };

  it('proposes a referral that opens the candidate to the employer', async () => {
    const before = await stack.query(
      '{ person(id: $id) { id } }'.replace('$id', JSON.stringify(candidates[0])),
      {},
      { persona: 'employer-1' },
    );
    expect(before.body.data.person).toBeNull();

    const { body } = await propose();
    expect(body.errors).toBeUndefined();
    expect(body.data.proposeReferral).toMatchObject({ status: 'PROPOSED', failureFeedback: null });

    const referral = await stored(body.data.proposeReferral.id);
    const after = await stack.query(
      `{ person(id: "${referral.personId}") { id firstName } }`,
      {},
      { persona: 'employer-1' },
    );
    expect(after.body.data.person.firstName).toBeTruthy();
  });

  const FAILURES = {
    REJECTED_BY_EMPLOYER: 'SKILLS_MISMATCH',
    DECLINED_BY_CANDIDATE: 'CANDIDATE_DECLINED',
    WITHDRAWN: 'JOB_NO_LONGER_AVAILABLE',
  } as const;

  const LEGAL: [string, string][] = [
    ['PROPOSED', 'CONTACTED'],
    ['CONTACTED', 'INTAKE'],
    ['INTAKE', 'BVS'],
    ...['PROPOSED', 'CONTACTED', 'INTAKE', 'BVS'].flatMap((from) =>
      Object.keys(FAILURES).map((to): [string, string] => [from, to]),
    ),
  ];

  it.each(LEGAL)('moves %s → %s', async (from, to) => {
    const id = await referralAt(from);
    const failureReason = FAILURES[to as keyof typeof FAILURES];
    const { body } = await move(id, { status: to, failureReason });
    expect(body.errors).toBeUndefined();
    expect(body.data.moveReferral).toMatchObject({
      status: to,
      failureFeedback: failureReason ? { reasonCode: failureReason, text: null } : null,
    });
  });

  const ILLEGAL: [string, string][] = [
    ['PROPOSED', 'INTAKE'],
    ['PROPOSED', 'BVS'],
    ['CONTACTED', 'PROPOSED'],
    ['CONTACTED', 'BVS'],
    ['INTAKE', 'CONTACTED'],
    ['BVS', 'INTAKE'],
  ];

  it.each(ILLEGAL)('refuses %s → %s and changes nothing', async (from, to) => {
    const id = await referralAt(from);
    const before = await stored(id);
    const { body } = await move(id, { status: to });
    expect(body.data?.moveReferral ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(await stored(id)).toEqual(before);
  });

  it('refuses every move out of a failed match, which is final', async () => {
    const id = await referralAt('PROPOSED');
    await move(id, { status: 'WITHDRAWN', failureReason: 'NO_SHOW' });
    const { body } = await move(id, { status: 'CONTACTED' });
    expect(body.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(body.errors?.[0].message).toMatch(/WITHDRAWN is final/);
  });

  it('keeps the employer on the file for the feedback period after a failed match', async () => {
    const id = await referralAt('CONTACTED');
    await move(id, { status: 'REJECTED_BY_EMPLOYER', failureReason: 'SKILLS_MISMATCH' });
    const [relation] = await stack.database.db
      .select()
      .from(relations)
      .where(eq(relations.source, `referral:${id}`));
    const until = new Date(`${relation.validUntil}T00:00:00Z`).getTime();
    const days = Math.round((until - Date.now()) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  describe('refuses bad input, naming the field and the rule, and writes nothing', () => {
    it.each([
      [
        { status: 'REJECTED_BY_EMPLOYER' },
        'input.failureReason',
        /is required when a referral ends/,
      ],
      [
        { status: 'REJECTED_BY_EMPLOYER', failureReason: 'OTHER' },
        'input.failureText',
        /required when the failure reason is OTHER/,
      ],
      [{ status: 'CONTACTED', failureReason: 'NO_SHOW' }, 'input.failureReason', /only given when/],
      [{ status: 'HIRED' }, 'input.status', /hireCandidate/],
    ])('%j', async (input, field, rule) => {
      const id = await referralAt('PROPOSED');
      const before = await stored(id);
      const { body } = await move(id, input);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0].message).toMatch(rule);
      expect(await stored(id)).toEqual(before);
    });

    it('a referral without grounds', async () => {
      const { body } = await propose('vdab-mediator', { matchBasis: [] });
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.matchBasis',
      });
    });
  });

  it('lets only VDAB and its partners refer, and only persons in their caseload', async () => {
    for (const persona of ['employer-1', 'job-coach-1', 'ocmw-gent']) {
      const { body } = await propose(persona);
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const outside = await stack.query(
      `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }`,
      { input: { personId: 'P-999999', vacancyId, matchBasis: ['interests'] } },
    );
    expect(outside.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('logs the change with the person it concerns', async () => {
    const { body, headers } = await propose();
    const referral = await stored(body.data.proposeReferral.id);
    const rows = await stack.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, headers.get('x-request-id')!));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operation: 'proposeReferral',
          subgraph: 'maatwerk',
          personId: referral.personId,
          fields: ['Mutation.proposeReferral'],
          outcome: 'ALLOWED',
        }),
      ]),
    );
  });

  describe('idempotency', () => {
    it('creates one referral for the same key sent twice, even at the same time', async () => {
      const personId = nextCandidate();
      const input = {
        personId,
        vacancyId,
        matchBasis: ['proximity'],
        idempotencyKey: 'key-twice-0001',
      };
      const send = () =>
        stack.query(
          `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }`,
          { input },
        );
      const [first, second] = await Promise.all([send(), send()]);
      expect(first.body.errors).toBeUndefined();
      expect(second.body.errors).toBeUndefined();
      expect(second.body.data.proposeReferral.id).toBe(first.body.data.proposeReferral.id);
      const third = await send();
      expect(third.body.data.proposeReferral.id).toBe(first.body.data.proposeReferral.id);
      const made = await stack.database.db
        .select()
        .from(referrals)
        .where(and(eq(referrals.personId, personId), eq(referrals.vacancyId, vacancyId)));
      expect(made).toHaveLength(1);
    });

    it('refuses a key used before for another request', async () => {
      await propose('vdab-mediator', { idempotencyKey: 'key-reused-0001' });
      const { body } = await propose('vdab-mediator', { idempotencyKey: 'key-reused-0001' });
      expect(body.errors?.[0].extensions.code).toBe('CONFLICT');
    });
  });
});
