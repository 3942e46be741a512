import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';

import { relations } from '../support/access-schema';
import { addDays } from '../../common/dates';
import { advices } from '../../subgraphs/indications/tables';
import { placements, referrals, vacancies } from '../../subgraphs/maatwerk/tables';
import { openVacancy, referralAt } from '../support/hiring';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A hire (DOMAIN B.2.3): the employer hires the candidate of a referral at intake or BVS; the
 * maatwerk subgraph asks the indications subgraph, as the employer, whether the person holds an
 * advice valid for the vacancy's measure, then writes the placement.
 */
describe('hiring a referred candidate', () => {
  let stack: TestStack;
  /** Persons in VDAB's caseload with an active CMW advice valid today, and that advice. */
  let holders: { personId: string; adviceId: string; validUntil: string }[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    const today = new Date().toISOString().slice(0, 10);
    holders = (
      await stack.database.db
        .select({
          personId: advices.personId,
          adviceId: advices.id,
          validUntil: advices.validUntil,
        })
        .from(advices)
        .innerJoin(relations, eq(relations.personId, advices.personId))
        .where(
          and(
            eq(advices.type, 'CMW'),
            eq(advices.status, 'ACTIVE'),
            lte(advices.validFrom, today),
            gte(advices.validUntil, today),
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'TRAJECTORY_GUIDANCE'),
            sql`${relations.validUntil} is null`,
          ),
        )
        .orderBy(asc(advices.personId))
    ).map((row) => ({ ...row, validUntil: row.validUntil! }));
  });
  afterAll(() => stack?.stop());

  const mutate = (mutation: string, input: Record<string, unknown>, persona: string) =>
    stack.query(mutation, { input }, { persona });

  /** A fresh CMW vacancy of E-000001 with one position, and a referral of `holder` to it at `status`. */
  async function referralAtStatus(status: 'PROPOSED' | 'INTAKE', holder = holders.shift()!) {
    const vacancyId = await openVacancy(stack);
    const referralId = await referralAt(stack, holder.personId, vacancyId, status);
    return { referralId, vacancyId, holder };
  }

  const hire = (input: Record<string, unknown>, persona = 'employer-1') =>
    mutate(
      `mutation($input: HireCandidateInput!) {
        hireCandidate(input: $input) { id type status startDate fte advice { id } }
      }`,
      { startDate: new Date().toISOString().slice(0, 10), fte: 0.8, ...input },
      persona,
    );

  it('hires at intake with a valid CMW advice: the referral is HIRED, a placement starts and the vacancy is filled', async () => {
    expect(holders.length).toBeGreaterThan(5);
    const { referralId, vacancyId, holder } = await referralAtStatus('INTAKE');
    const { body } = await hire({ referralId, adviceId: holder.adviceId });
    expect(body.errors).toBeUndefined();
    expect(body.data.hireCandidate).toMatchObject({
      type: 'CMW',
      status: 'ACTIVE',
      fte: 0.8,
      advice: { id: holder.adviceId },
    });
    const { db } = stack.database;
    const [referral] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(referral.status).toBe('HIRED');
    const [vacancy] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
    expect(vacancy.status).toBe('FILLED');
    const [relation] = await db
      .select()
      .from(relations)
      .where(eq(relations.source, `placement:${body.data.hireCandidate.id}`));
    expect(relation).toMatchObject({ org: 'employer:E-000001', personId: holder.personId });
  });

  it('refuses a hire straight from PROPOSED and writes nothing', async () => {
    const { referralId, holder } = await referralAtStatus('PROPOSED');
    const before = await stack.database.db.$count(placements);
    const { body } = await hire({ referralId, adviceId: holder.adviceId });
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'PROPOSED',
      to: 'HIRED',
    });
    expect(await stack.database.db.$count(placements)).toBe(before);
  });

  it.each([
    ['without an advice', () => ({}), /is required: a CMW place needs a CMW advice/],
    ['with an advice of another person', () => ({ adviceId: 'A-999999' }), /may see/],
    [
      'starting after the advice expired',
      (holder: { adviceId: string; validUntil: string }) => ({
        adviceId: holder.adviceId,
        startDate: addDays(holder.validUntil, 1),
      }),
      /expired on/,
    ],
  ])('refuses a hire %s, naming input.adviceId', async (_case, extra, rule) => {
    const { referralId, holder } = await referralAtStatus('INTAKE');
    const { body } = await hire({ referralId, ...extra(holder) });
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.adviceId',
    });
    expect(body.errors?.[0].message).toMatch(rule);
    const [referral] = await stack.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.id, referralId));
    expect(referral.status).toBe('INTAKE');
  });

  it('lets only the employer hire', async () => {
    const { referralId, holder } = await referralAtStatus('INTAKE');
    const { body } = await hire({ referralId, adviceId: holder.adviceId }, 'vdab-mediator');
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
