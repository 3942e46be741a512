import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';

import { config } from '../../common/config';
import { addDays } from '../../common/dates';
import { today } from '../../common/clock';
import { rowsOf } from '../../common/db/rows';
import { icfAssessments } from '../../subgraphs/indications/tables';
import { placements, referrals } from '../../subgraphs/maatwerk/tables';
import { employmentOutcomes } from '../../subgraphs/persons/tables';
import { relations } from '../support/access-schema';
import { withdrawSeededOptIns } from '../support/opt-ins';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The edge of an employer's and a job coach's view (DOMAIN B.4 notes 11–14, B.7.11), tried as
 * each of them through the gateway, with the persons picked from the seeded facts:
 * - a former employee is gone once EMPLOYER_ACCESS_AFTER_END_DAYS have passed since the end;
 * - a job coach reaches the workers assigned to them, and loses one the employer reassigns;
 * - the work support package (k) is read of own employees only, not of a referred candidate;
 * - consents and any code revealing OCMW-client status never reach either of them.
 */
describe('the employer and job coach see no more than notes 11–14 and B.7.11 allow', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
    // A seeded opt-in would open a former employee to every employer (note 11): not this test.
    await withdrawSeededOptIns(stack.database.db);
  });
  afterAll(() => stack?.stop());

  const ask = (query: string, persona: string, variables: Record<string, unknown> = {}) =>
    stack.query(query, variables, { persona }).then((response) => response.body);
  const codes = (body: { errors?: { extensions: { code: string } }[] }) =>
    (body.errors ?? []).map((error) => error.extensions.code);

  /** Persons whose every relation with E-000001 ended before `day`: former employees, long gone. */
  async function formerEmployeesEndedBefore(day: string): Promise<string[]> {
    const rows = await stack.database.db.execute(sql`
      select p.person_id from ${placements} p
      where p.employer_id = 'E-000001' and p.end_date < ${day}::date
        and not exists (
          select 1 from ${relations} r
          where r.person_id = p.person_id and r.org = 'employer:E-000001'
            and (r.valid_until is null or r.valid_until >= ${today()}::date)
            and r.valid_from <= ${today()}::date)
      limit 3`);
    return rowsOf<{ person_id: string }>(rows).map((row) => row.person_id);
  }

  it('keeps a former employee for the configured days after the placement, then not at all', async () => {
    const grace = config.EMPLOYER_ACCESS_AFTER_END_DAYS;
    const gone = await formerEmployeesEndedBefore(addDays(today(), -grace));
    expect(gone.length).toBeGreaterThan(0);
    for (const personId of gone) {
      const body = await ask(`query($id: ID!) { person(id: $id) { id lastName } }`, 'employer-1', {
        id: personId,
      });
      expect([personId, body.data?.person ?? null, codes(body)]).toEqual([
        personId,
        null,
        ['NOT_FOUND'],
      ]);
    }
    // Within the days after its end, the directory still holds the file, as a former employer's.
    const [ended] = await stack.database.db
      .select({ personId: placements.personId, endDate: placements.endDate, id: placements.id })
      .from(placements)
      .where(and(eq(placements.employerId, 'E-000001'), isNotNull(placements.endDate)))
      .limit(1);
    const kept = await stack.database.db
      .select({
        purpose: relations.purpose,
        from: relations.validFrom,
        until: relations.validUntil,
      })
      .from(relations)
      .where(
        and(eq(relations.source, `placement:${ended.id}`), eq(relations.org, 'employer:E-000001')),
      );
    expect(kept).toEqual(
      expect.arrayContaining([
        { purpose: 'EMPLOYMENT', from: expect.any(String), until: ended.endDate },
        {
          purpose: 'FORMER_EMPLOYMENT',
          from: addDays(ended.endDate!, 1),
          until: addDays(ended.endDate!, grace),
        },
      ]),
    );
  });

  it('ends a hired referral’s own relation: the placement holds the employee', async () => {
    const hired = await stack.database.db
      .select({ id: referrals.id, changedAt: referrals.statusChangedAt })
      .from(referrals)
      .where(and(eq(referrals.employerId, 'E-000001'), eq(referrals.status, 'HIRED')))
      .limit(5);
    expect(hired.length).toBeGreaterThan(0);
    for (const referral of hired) {
      const [relation] = await stack.database.db
        .select({ purpose: relations.purpose, until: relations.validUntil })
        .from(relations)
        .where(eq(relations.source, `referral:${referral.id}`));
      expect(relation.purpose).toBe('CANDIDACY');
      expect(relation.until).not.toBeNull();
    }
  });

  const WORKER = `query($id: ID!) { placement(id: $id) { id jobCoach person { id lastName } } }`;

  it('shows a job coach the workers assigned to them, and not once the employer reassigns', async () => {
    const [running] = await stack.database.db
      .select({ id: placements.id, personId: placements.personId })
      .from(placements)
      .where(
        and(
          eq(placements.employerId, 'E-000001'),
          eq(placements.status, 'ACTIVE'),
          sql`${placements.jobCoach} is distinct from 'job-coach-1'`,
        ),
      )
      .limit(1);
    const before = await ask(WORKER, 'job-coach-1', { id: running.id });
    expect(codes(before)).toEqual(['NOT_FOUND']);

    const assign = (jobCoach: string | null) =>
      ask(
        `mutation($input: AssignJobCoachInput!) { assignJobCoach(input: $input) { id jobCoach } }`,
        'employer-1',
        { input: { placementId: running.id, jobCoach } },
      );
    expect((await assign('job-coach-1')).data.assignJobCoach.jobCoach).toBe('job-coach-1');
    const assigned = await ask(WORKER, 'job-coach-1', { id: running.id });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.placement.person.id).toBe(running.personId);

    expect((await assign('job-coach-2')).data.assignJobCoach.jobCoach).toBe('job-coach-2');
    const reassigned = await ask(WORKER, 'job-coach-1', { id: running.id });
    expect(codes(reassigned)).toEqual(['NOT_FOUND']);
    const person = await ask(`query($id: ID!) { person(id: $id) { id } }`, 'job-coach-1', {
      id: running.personId,
    });
    expect(codes(person)).toEqual(['NOT_FOUND']);
  });

  it('lets only the employer assign, and only to its own running placements', async () => {
    const [elsewhere] = await stack.database.db
      .select({ id: placements.id })
      .from(placements)
      .where(and(sql`${placements.employerId} <> 'E-000001'`, eq(placements.status, 'ACTIVE')))
      .limit(1);
    const mutation = `mutation($input: AssignJobCoachInput!) { assignJobCoach(input: $input) { id } }`;
    const input = { placementId: elsewhere.id, jobCoach: 'job-coach-1' };
    expect(codes(await ask(mutation, 'employer-1', { input }))).toEqual(['NOT_FOUND']);
    expect(codes(await ask(mutation, 'job-coach-1', { input }))).toEqual(['FORBIDDEN']);
    const bad = await ask(mutation, 'employer-1', { input: { ...input, jobCoach: 'a b' } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads the work support package of its own employees, not of a candidate', async () => {
    const query = `query($id: ID!) { person(id: $id) { advices { id workSupportPackage { id } } } }`;
    const [employee] = await stack.database.db
      .select({ personId: placements.personId })
      .from(placements)
      .where(and(eq(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
      .limit(1);
    const own = await ask(query, 'employer-1', { id: employee.personId });
    expect(codes(own).filter((code) => code === 'FORBIDDEN')).toEqual([]);

    const candidates = await stack.database.db
      .select({ personId: relations.personId })
      .from(relations)
      .where(
        and(
          eq(relations.org, 'employer:E-000001'),
          eq(relations.purpose, 'CANDIDACY'),
          sql`${relations.validUntil} is null`,
          sql`not exists (select 1 from ${placements} where ${placements.personId} = ${relations.personId} and ${placements.employerId} = 'E-000001' and ${placements.status} = 'ACTIVE')`,
        ),
      );
    let refused = 0;
    for (const { personId } of candidates) {
      const body = await ask(query, 'employer-1', { id: personId });
      for (const advice of body.data?.person?.advices ?? []) {
        expect(advice.workSupportPackage).toBeNull();
      }
      refused += (body.errors ?? []).filter(
        (error: { message: string; path: unknown[] }) =>
          error.path.at(-1) === 'workSupportPackage' && /own employees only/.test(error.message),
      ).length;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('never shows an employer or job coach a consent, in answers or in introspection', async () => {
    const [employee] = await stack.database.db
      .select({ personId: placements.personId })
      .from(placements)
      .where(and(eq(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
      .limit(1);
    for (const persona of ['employer-1', 'job-coach-1']) {
      const schema = await ask(`{ __type(name: "Consent") { name } }`, persona);
      expect(schema.data.__type).toBeNull();
      const person = await ask(`{ __type(name: "Person") { fields { name } } }`, persona);
      expect(person.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain(
        'consents',
      );
    }
    const read = await ask(
      `query($id: ID!) { person(id: $id) { consents { type } } }`,
      'employer-1',
      {
        id: employee.personId,
      },
    );
    expect(read.data?.person?.consents ?? null).toBeNull();
    expect(codes(read)).toContain('FORBIDDEN');
    expect(read.errors?.[0].message).toMatch(/reveals assistance status/);
  });

  it('shows TWE_OCMW work and an OCMW referral as neutral codes to an employer, as they are to an OCMW', async () => {
    const { db } = stack.database;
    // An employee of E-000001 who is also a client of OCMW Gent, with an OCMW referral and TWE work.
    const [both] = await db
      .select({ personId: relations.personId })
      .from(relations)
      .where(
        and(
          eq(relations.org, 'ocmw:44021'),
          eq(relations.purpose, 'SOCIAL_INTEGRATION'),
          sql`${relations.validUntil} is null`,
          sql`${relations.personId} in (select ${placements.personId} from ${placements}
                where ${placements.employerId} = 'E-000001' and ${placements.status} = 'ACTIVE')`,
        ),
      )
      .limit(1);
    expect(both).toBeDefined();
    const [referral] = await db
      .update(referrals)
      .set({ origin: 'OCMW' })
      .where(and(eq(referrals.personId, both.personId), eq(referrals.employerId, 'E-000001')))
      .returning({ id: referrals.id });
    await db.insert(employmentOutcomes).values({
      id: `EO-boundary-${both.personId}`,
      personId: both.personId,
      referenceDate: today(),
      employed: true,
      employmentType: 'TWE_OCMW',
    });
    const query = `query($id: ID!, $referral: ID!) {
      person(id: $id) { employmentOutcomes { employmentType } }
      referral(id: $referral) { origin }
    }`;
    const variables = { id: both.personId, referral: referral.id };
    const employer = await ask(query, 'employer-1', variables);
    expect(employer.errors).toBeUndefined();
    const types = employer.data.person.employmentOutcomes.map(
      (outcome: { employmentType: string }) => outcome.employmentType,
    );
    expect(types).toContain('SOCIAL_ECONOMY');
    expect(types).not.toContain('TWE_OCMW');
    expect(employer.data.referral.origin).toBe('VDAB_TOELEIDING');

    // Whoever reads assistance status reads the code as it is.
    const ocmw = await ask(
      `query($id: ID!) { person(id: $id) { employmentOutcomes { employmentType } } }`,
      'ocmw-gent',
      { id: both.personId },
    );
    expect(
      ocmw.data.person.employmentOutcomes.map((o: { employmentType: string }) => o.employmentType),
    ).toContain('TWE_OCMW');
  });

  it('gives the employer and job coach the support needs summary of note 12, not the request behind it', async () => {
    const [worker] = await stack.database.db
      .select({ personId: placements.personId, needs: icfAssessments.workRelevantSupportNeeds })
      .from(placements)
      .innerJoin(icfAssessments, eq(icfAssessments.personId, placements.personId))
      .where(
        and(
          eq(placements.employerId, 'E-000001'),
          eq(placements.status, 'ACTIVE'),
          eq(placements.jobCoach, 'job-coach-1'),
        ),
      )
      .orderBy(placements.personId, desc(icfAssessments.assessedAt))
      .limit(1);
    expect(worker).toBeDefined();
    for (const persona of ['employer-1', 'job-coach-1']) {
      const body = await ask(
        `query($id: ID!) { person(id: $id) { supportNeedsSummary indicationRequests { id } } }`,
        persona,
        { id: worker.personId },
      );
      expect(body.data.person.supportNeedsSummary).toBe(worker.needs);
      expect(body.data.person.indicationRequests).toBeNull();
      expect(codes(body)).toEqual(['FORBIDDEN']);
    }
  });
});
