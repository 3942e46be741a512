import { and, asc, eq, ne } from 'drizzle-orm';

import { auditLog, relations } from '../support/access-schema';
import { placements, referrals, vacancies } from '../../subgraphs/maatwerk/tables';
import { startTestStack, type TestStack } from '../support/stack';

/** The vacancy and placement lifecycles of DOMAIN B.2.3, run by the employer through the gateway. */
describe('vacancy and placement workflow', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const VACANCY = 'id measure status reservedForTicketHolders closedAt';
  const NEW_VACANCY = {
    measure: 'CMW',
    jobTitle: 'Productiemedewerker',
    activity: 'verpakken',
    municipalityNisCode: '44021',
    hoursPerWeek: 30,
    languageRequirement: 'A2',
  };

  const open = (input: Record<string, unknown> = {}, persona = 'employer-1') =>
    stack.query(
      `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { ${VACANCY} } }`,
      { input: { ...NEW_VACANCY, ...input } },
      { persona },
    );

  const move = (vacancyId: string, status: string, persona = 'employer-1') =>
    stack.query(
      `mutation($input: MoveVacancyInput!) { moveVacancy(input: $input) { ${VACANCY} } }`,
      { input: { vacancyId, status } },
      { persona },
    );

  async function vacancyAt(status: string): Promise<string> {
    const { body } = await open();
    expect(body.errors).toBeUndefined();
    const id = body.data.openVacancy.id;
    if (status !== 'OPEN') expect((await move(id, status)).body.errors).toBeUndefined();
    return id;
  }

  const storedVacancy = async (id: string) =>
    (await stack.database.db.select().from(vacancies).where(eq(vacancies.id, id)))[0];

  it('opens a CMW vacancy for ticket holders, numbered after the seeded ones', async () => {
    const { body } = await open();
    expect(body.errors).toBeUndefined();
    expect(body.data.openVacancy).toMatchObject({
      measure: 'CMW',
      status: 'OPEN',
      reservedForTicketHolders: true,
      closedAt: null,
    });
    expect((await storedVacancy(body.data.openVacancy.id)).employerId).toBe('E-000001');
  });

  it.each([
    ['OPEN', 'FILLED'],
    ['OPEN', 'CLOSED'],
    ['OPEN', 'CANCELLED'],
    ['FILLED', 'OPEN'],
    ['FILLED', 'CLOSED'],
  ])('moves a vacancy %s → %s', async (from, to) => {
    const id = await vacancyAt(from);
    const { body } = await move(id, to);
    expect(body.errors).toBeUndefined();
    expect(body.data.moveVacancy.status).toBe(to);
    expect(body.data.moveVacancy.closedAt === null).toBe(to === 'OPEN');
  });

  it.each([
    ['OPEN', 'OPEN'],
    ['FILLED', 'CANCELLED'],
    ['CLOSED', 'OPEN'],
    ['CANCELLED', 'OPEN'],
  ])('refuses a vacancy %s → %s and changes nothing', async (from, to) => {
    const id = await vacancyAt(from);
    const before = await storedVacancy(id);
    const { body } = await move(id, to);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(await storedVacancy(id)).toEqual(before);
  });

  it('withdraws the open referrals of a cancelled vacancy, and logs each withdrawn person', async () => {
    const vacancyId = await vacancyAt('OPEN');
    const [candidate] = await stack.database.db
      .select({ personId: relations.personId })
      .from(relations)
      .where(and(eq(relations.org, 'vdab'), eq(relations.purpose, 'TRAJECTORY_GUIDANCE')))
      .limit(1);
    const proposed = await stack.query(
      `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }`,
      { input: { personId: candidate.personId, vacancyId, matchBasis: ['interests'] } },
      { persona: 'vdab-mediator' },
    );
    expect(proposed.body.errors).toBeUndefined();

    const cancelled = await move(vacancyId, 'CANCELLED');
    expect(cancelled.body.errors).toBeUndefined();
    const [referral] = await stack.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.id, proposed.body.data.proposeReferral.id));
    expect(referral).toMatchObject({
      status: 'WITHDRAWN',
      failureReason: 'JOB_NO_LONGER_AVAILABLE',
    });
    const logged = await stack.database.db
      .select({ personId: auditLog.personId, fields: auditLog.fields })
      .from(auditLog)
      .where(eq(auditLog.requestId, cancelled.headers.get('x-request-id')!));
    expect(logged).toEqual([{ personId: candidate.personId, fields: ['Mutation.moveVacancy'] }]);
  });

  it.each([
    [{ measure: 'IMW', reservedForTicketHolders: true }, 'input.reservedForTicketHolders'],
    [{ hoursPerWeek: 0 }, 'input.hoursPerWeek'],
    [{ municipalityNisCode: 'Gent' }, 'input.municipalityNisCode'],
    [{ jobTitle: ' ' }, 'input.jobTitle'],
  ])('refuses the vacancy %j, naming %s', async (input, field) => {
    const before = await stack.database.db.$count(vacancies);
    const { body } = await open(input);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.database.db.$count(vacancies)).toBe(before);
  });

  it('lets only employers open vacancies, and only move their own', async () => {
    expect((await open({}, 'vdab-mediator')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [other] = await stack.database.db
      .select()
      .from(vacancies)
      .where(and(ne(vacancies.employerId, 'E-000001'), eq(vacancies.status, 'OPEN')))
      .limit(1);
    expect((await move(other.id, 'CLOSED')).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  describe('placements', () => {
    const end = (input: Record<string, unknown>, persona = 'employer-1') =>
      stack.query(
        `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id status endDate endReason } }`,
        { input },
        { persona },
      );

    async function activePlacements() {
      return stack.database.db
        .select()
        .from(placements)
        .where(and(eq(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
        .orderBy(asc(placements.id));
    }

    it('ends an active placement with its reason, and refuses to end it again', async () => {
      const [placement] = await activePlacements();
      const endDate = new Date().toISOString().slice(0, 10);
      const { body } = await end({
        placementId: placement.id,
        endDate,
        endReason: 'DOORSTROOM_REGULIER',
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.endPlacement).toEqual({
        id: placement.id,
        status: 'ENDED',
        endDate,
        endReason: 'DOORSTROOM_REGULIER',
      });
      const again = await end({ placementId: placement.id, endDate, endReason: 'ONTSLAG' });
      expect(again.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ENDED',
      });
    });

    it('takes no failure reason for work that lasted', async () => {
      const [placement] = await activePlacements();
      const { body } = await end({
        placementId: placement.id,
        endDate: new Date().toISOString().slice(0, 10),
        endReason: 'EINDE_CONTRACT',
        failureReason: 'HEALTH',
      });
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'input.failureReason' });
      const [still] = await stack.database.db
        .select()
        .from(placements)
        .where(eq(placements.id, placement.id));
      expect(still.status).toBe('ACTIVE');
    });

    it('refuses an end before the start, and a job coach ending a placement', async () => {
      const [placement] = await activePlacements();
      const early = await end({
        placementId: placement.id,
        endDate: '2000-01-01',
        endReason: 'EINDE_CONTRACT',
      });
      expect(early.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.endDate',
      });
      const coach = await end(
        { placementId: placement.id, endDate: placement.startDate, endReason: 'EINDE_CONTRACT' },
        'job-coach-1',
      );
      expect(coach.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const [still] = await stack.database.db
        .select()
        .from(placements)
        .where(eq(placements.id, placement.id));
      expect(still.status).toBe('ACTIVE');
    });

    it('asks why the work did not last when a placement ends within six months (000 BA10)', async () => {
      const placement = (await activePlacements()).find((p) => p.type !== 'BVS' && p.referralId)!;
      const within = new Date(Date.parse(placement.startDate) + 40 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const silent = await end({
        placementId: placement.id,
        endDate: within,
        endReason: 'ONTSLAG',
      });
      expect(silent.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.failureReason',
      });
      const other = await end({
        placementId: placement.id,
        endDate: within,
        endReason: 'ONTSLAG',
        failureReason: 'OTHER',
      });
      expect(other.body.errors?.[0].extensions).toMatchObject({ field: 'input.failureText' });

      const { body } = await end({
        placementId: placement.id,
        endDate: within,
        endReason: 'ONTSLAG',
        failureReason: 'SUPPORT_NEED_TOO_HIGH',
      });
      expect(body.errors).toBeUndefined();
      const [referral] = await stack.database.db
        .select()
        .from(referrals)
        .where(eq(referrals.id, placement.referralId!));
      expect(referral).toMatchObject({ status: 'HIRED', failureReason: 'SUPPORT_NEED_TOO_HIGH' });
      expect(referral.failureGivenAt).not.toBeNull();
    });
  });
});
