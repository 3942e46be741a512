import { and, asc, eq, gte, isNull, lte, ne } from 'drizzle-orm';

import { auditLog, relations } from '../support/access-schema';
import { today as productToday } from '../../common/clock';
import { advices } from '../../subgraphs/indications/tables';
import { addMonths } from '../../subgraphs/maatwerk/rules';
import {
  placements,
  supportPlans,
  type PlacementRow,
  type SupportPlanRow,
} from '../../subgraphs/maatwerk/tables';
import { ColleagueCoachDuty, GuideDuty } from '../../subgraphs/maatwerk/types/enums';
import { hiredPlacement } from '../../subgraphs/maatwerk/workflow/placement';
import {
  closedSupportPlan,
  drawnUpSupportPlan,
  reviewedOnSchedule,
} from '../../subgraphs/maatwerk/workflow/support-plan';
import { openVacancy, referralAt } from '../support/hiring';
import { startTestStack, type TestStack } from '../support/stack';

const GUIDE_DUTIES = GuideDuty.values.map((duty) => ({ duty, arrangement: `Afspraak ${duty}` }));
const COACH_DUTIES = ColleagueCoachDuty.values.map((duty) => ({
  duty,
  arrangement: `Collega ${duty}`,
}));

/**
 * Support plans (DOMAIN B.2.3, B.3) through the gateway: the employer draws up the plan of a
 * running maatwerk placement, the employer or its job coach reviews and revises it, and it closes
 * when the placement ends.
 */
describe('support plan workflow', () => {
  let stack: TestStack;
  /** Persons in VDAB's caseload with an active CMW advice valid today, and that advice. */
  let holders: { personId: string; adviceId: string }[];
  const today = productToday();

  beforeAll(async () => {
    stack = await startTestStack('small');
    const { db } = stack.database;
    holders = await db
      .selectDistinct({ personId: advices.personId, adviceId: advices.id })
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
          isNull(relations.validUntil),
        ),
      )
      .orderBy(asc(advices.personId));
    expect(holders.length).toBeGreaterThanOrEqual(8);
  });
  afterAll(() => stack?.stop());

  const mutate = async (mutation: string, input: Record<string, unknown>, persona: string) => {
    const response = await stack.query(mutation, { input }, { persona });
    return { ...response, errors: response.body.errors, data: response.body.data };
  };

  /**
   * A CMW placement of a referred advice holder at E-000001, started today, without a plan; its
   * worker is assigned to job-coach-1, who coaches (and reviews) the assigned workers only.
   */
  async function hiredToday(): Promise<string> {
    const holder = holders.shift()!;
    const referralId = await referralAt(stack, holder.personId, await openVacancy(stack));
    const hired = await mutate(
      `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) { id } }`,
      { referralId, adviceId: holder.adviceId, startDate: today, fte: 1 },
      'employer-1',
    );
    expect(hired.errors).toBeUndefined();
    const assigned = await mutate(
      `mutation($input: AssignJobCoachInput!) { assignJobCoach(input: $input) { jobCoach } }`,
      { placementId: hired.data.hireCandidate.id, jobCoach: 'job-coach-1' },
      'employer-1',
    );
    expect(assigned.errors).toBeUndefined();
    return hired.data.hireCandidate.id;
  }

  const PLAN = `id drawnUpAt guideIsDirectColleague reviewDates
    guideDuties { duty arrangement } colleagueCoachDuties { duty arrangement }`;

  const drawUp = (input: Record<string, unknown>, persona = 'employer-1') =>
    mutate(
      `mutation($input: DrawUpSupportPlanInput!) { drawUpSupportPlan(input: $input) { ${PLAN} } }`,
      {
        drawnUpAt: today,
        qualifiedGuide: 'Lotte Claes',
        guideIsDirectColleague: false,
        colleagueCoach: 'Jonas Wouters',
        guideDuties: GUIDE_DUTIES,
        colleagueCoachDuties: COACH_DUTIES,
        ...input,
      },
      persona,
    );

  const review = (input: Record<string, unknown>, persona = 'job-coach-1') =>
    mutate(
      `mutation($input: ReviewSupportPlanInput!) { reviewSupportPlan(input: $input) { ${PLAN} } }`,
      { reviewedOn: today, ...input },
      persona,
    );

  const storedPlan = async (id: string) =>
    (await stack.database.db.select().from(supportPlans).where(eq(supportPlans.id, id)))[0];
  const planOf = async (placementId: string) =>
    (
      await stack.database.db
        .select()
        .from(supportPlans)
        .where(eq(supportPlans.placementId, placementId))
    )[0];
  const storedPlacement = async (id: string) =>
    (await stack.database.db.select().from(placements).where(eq(placements.id, id)))[0];

  /**
   * The running seeded plans of E-000001, by whether the guide is a direct colleague, as seeded,
   * their workers assigned to job-coach-1 by the employer: each test that changes a plan takes
   * one of its own.
   */
  const seeded = { withCoach: [] as SupportPlanRow[], direct: [] as SupportPlanRow[] };
  beforeAll(async () => {
    const rows = await stack.database.db
      .select({ plan: supportPlans })
      .from(supportPlans)
      .innerJoin(placements, eq(placements.id, supportPlans.placementId))
      .where(and(eq(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
      .orderBy(asc(supportPlans.id));
    for (const { plan } of rows) {
      const assigned = await mutate(
        `mutation($input: AssignJobCoachInput!) { assignJobCoach(input: $input) { jobCoach } }`,
        { placementId: plan.placementId, jobCoach: 'job-coach-1' },
        'employer-1',
      );
      expect(assigned.errors).toBeUndefined();
      (plan.guideIsDirectColleague ? seeded.direct : seeded.withCoach).push(plan);
    }
    expect(seeded.withCoach.length).toBeGreaterThanOrEqual(2);
    expect(seeded.direct.length).toBeGreaterThanOrEqual(2);
  });

  describe('drawing up', () => {
    it('draws up the plan of a running placement: every duty, the coach named, the first review planned, the change logged', async () => {
      const placementId = await hiredToday();
      const { errors, data, headers } = await drawUp({ placementId });
      expect(errors).toBeUndefined();
      const plan = data.drawUpSupportPlan;
      expect(plan).toMatchObject({
        drawnUpAt: today,
        guideIsDirectColleague: false,
        reviewDates: [addMonths(today, 6)],
      });
      expect(plan.guideDuties).toEqual(GUIDE_DUTIES);
      expect(plan.colleagueCoachDuties).toEqual(COACH_DUTIES);
      const placement = await storedPlacement(placementId);
      expect(placement).toMatchObject({
        qualifiedGuide: 'Lotte Claes',
        colleagueCoach: 'Jonas Wouters',
      });
      const logged = await stack.database.db
        .select({ personId: auditLog.personId, fields: auditLog.fields })
        .from(auditLog)
        .where(eq(auditLog.requestId, headers.get('x-request-id')!));
      // The change is logged beside the read of the plan the mutation returns.
      expect(logged).toContainEqual({
        personId: placement.personId,
        fields: ['Mutation.drawUpSupportPlan'],
      });
    });

    it('takes no colleague-coach when the guide is a direct colleague', async () => {
      const placementId = await hiredToday();
      const { errors, data } = await drawUp({
        placementId,
        guideIsDirectColleague: true,
        colleagueCoach: null,
        colleagueCoachDuties: null,
      });
      expect(errors).toBeUndefined();
      expect(data.drawUpSupportPlan.colleagueCoachDuties).toEqual([]);
      expect((await storedPlacement(placementId)).colleagueCoach).toBeNull();
    });

    it('refuses a second plan for the same placement (CONFLICT) and keeps the first', async () => {
      const placementId = await hiredToday();
      const first = await drawUp({ placementId });
      expect(first.errors).toBeUndefined();
      const before = await stack.database.db.$count(supportPlans);
      const second = await drawUp({ placementId, qualifiedGuide: 'Iemand Anders' });
      expect(second.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        supportPlanId: first.data.drawUpSupportPlan.id,
      });
      expect(await stack.database.db.$count(supportPlans)).toBe(before);
      expect((await storedPlacement(placementId)).qualifiedGuide).toBe('Lotte Claes');
    });

    it('refuses a plan for an ended placement (INVALID_TRANSITION) and writes nothing', async () => {
      const placementId = await hiredToday();
      const ended = await mutate(
        `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`,
        { placementId, endDate: today, endReason: 'DOORSTROOM_REGULIER' },
        'employer-1',
      );
      expect(ended.errors).toBeUndefined();
      const { errors } = await drawUp({ placementId });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        id: placementId,
        from: 'ENDED',
      });
      expect(await planOf(placementId)).toBeUndefined();
      expect((await storedPlacement(placementId)).qualifiedGuide).toBeNull();
    });

    it('refuses a plan for a BVS internship, which has no qualified guide', async () => {
      const candidate = holders.shift()!;
      const vacancyId = await openVacancy(stack, {
        measure: 'BVS_PLAATS',
        jobTitle: 'Stagiair',
        activity: 'verpakken',
        hoursPerWeek: 20,
        languageRequirement: 'NONE',
      });
      const referralId = await referralAt(stack, candidate.personId, vacancyId);
      const hired = await mutate(
        `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) { id type } }`,
        { referralId, startDate: today, fte: 0.5 },
        'employer-1',
      );
      expect(hired.data.hireCandidate.type).toBe('BVS');
      const placementId = hired.data.hireCandidate.id;
      const { errors } = await drawUp({ placementId });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.placementId',
      });
      expect(await planOf(placementId)).toBeUndefined();
    });

    /** One placement without a plan for the refusals, which leave it without one. */
    let bareId: string | undefined;
    const bare = async () => (bareId ??= await hiredToday());

    it.each([
      ['a guide duty left open', { guideDuties: GUIDE_DUTIES.slice(1) }, 'input.guideDuties'],
      [
        'a guide duty twice',
        { guideDuties: [...GUIDE_DUTIES, GUIDE_DUTIES[0]] },
        'input.guideDuties.8.duty',
      ],
      [
        'an empty arrangement',
        { guideDuties: [{ ...GUIDE_DUTIES[0], arrangement: ' ' }, ...GUIDE_DUTIES.slice(1)] },
        'input.guideDuties.0.arrangement',
      ],
      [
        'no colleague-coach for a guide at a distance',
        { colleagueCoach: null },
        'input.colleagueCoach',
      ],
      [
        'a colleague-coach duty left open',
        { colleagueCoachDuties: COACH_DUTIES.slice(0, 3) },
        'input.colleagueCoachDuties',
      ],
      [
        'colleague-coach duties beside a guide who is a direct colleague',
        { guideIsDirectColleague: true, colleagueCoach: null },
        'input.colleagueCoachDuties',
      ],
      ['a date before the placement started', { drawnUpAt: '2020-01-01' }, 'input.drawnUpAt'],
      ['a date after today', { drawnUpAt: addMonths(today, 1) }, 'input.drawnUpAt'],
      ['a guide without a name', { qualifiedGuide: '' }, 'input.qualifiedGuide'],
    ])('refuses a plan with %s, naming %s', async (_case, input, field) => {
      const placementId = await bare();
      const { errors } = await drawUp({ placementId, ...input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await planOf(placementId)).toBeUndefined();
    });

    it('lets only the employer draw up a plan, and only for its own placements', async () => {
      const placementId = await bare();
      for (const persona of ['vdab-mediator', 'job-coach-1', 'citizen']) {
        const { errors } = await drawUp({ placementId }, persona);
        expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      expect(await planOf(placementId)).toBeUndefined();
      const [elsewhere] = await stack.database.db
        .select({ id: placements.id })
        .from(placements)
        .where(and(ne(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
        .limit(1);
      const { errors } = await drawUp({ placementId: elsewhere.id });
      expect(errors?.[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('reviewing', () => {
    it('records a review by the job coach: the planned review gives way to it and the next is planned', async () => {
      const [plan] = seeded.withCoach;
      const held = plan.reviewDates.slice(0, -1);
      const { errors, data, headers } = await review({ supportPlanId: plan.id });
      expect(errors).toBeUndefined();
      expect(data.reviewSupportPlan.reviewDates).toEqual([...held, today, addMonths(today, 6)]);
      expect(await storedPlan(plan.id)).toEqual({
        ...plan,
        reviewDates: [...held, today, addMonths(today, 6)],
      });
      const logged = await stack.database.db
        .select({ personId: auditLog.personId, fields: auditLog.fields })
        .from(auditLog)
        .where(eq(auditLog.requestId, headers.get('x-request-id')!));
      expect(logged).toContainEqual({
        personId: plan.personId,
        fields: ['Mutation.reviewSupportPlan'],
      });

      const again = await review({ supportPlanId: plan.id });
      expect(again.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.reviewedOn',
      });
    });

    it('revises the plan in a review: changed duties replaced, the colleague-coach stepping down with a direct colleague as guide', async () => {
      const [, plan] = seeded.withCoach;
      const revised = { duty: 'WORKPLACE_ADJUSTMENTS', arrangement: 'Aangepaste werkbank' };
      const { errors, data } = await review(
        {
          supportPlanId: plan.id,
          qualifiedGuide: 'Emma Dubois',
          guideIsDirectColleague: true,
          guideDuties: [revised],
        },
        'employer-1',
      );
      expect(errors).toBeUndefined();
      expect(data.reviewSupportPlan).toMatchObject({
        guideIsDirectColleague: true,
        colleagueCoachDuties: [],
        reviewDates: [...plan.reviewDates.slice(0, -1), today, addMonths(today, 6)],
      });
      expect(data.reviewSupportPlan.guideDuties).toEqual(
        GuideDuty.values.map((duty, i) => ({
          duty,
          arrangement: duty === revised.duty ? revised.arrangement : plan.guideDutyArrangements[i],
        })),
      );
      expect(await storedPlacement(plan.placementId)).toMatchObject({
        qualifiedGuide: 'Emma Dubois',
        colleagueCoach: null,
      });
    });

    it.each([
      ['a date after today', { reviewedOn: addMonths(today, 1) }, 'input.reviewedOn'],
      ['a date before the last review', { reviewedOn: '2020-01-01' }, 'input.reviewedOn'],
      [
        'a colleague-coach beside a direct colleague',
        { guideIsDirectColleague: true, colleagueCoach: 'Jonas Wouters' },
        'input.colleagueCoach',
      ],
      [
        'a duty twice',
        { guideDuties: [GUIDE_DUTIES[0], GUIDE_DUTIES[0]] },
        'input.guideDuties.1.duty',
      ],
    ])('refuses a review with %s, naming %s, and changes nothing', async (_case, input, field) => {
      const [, plan] = seeded.direct;
      const { errors } = await review({ supportPlanId: plan.id, ...input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await storedPlan(plan.id)).toEqual(plan);
    });

    it('asks for a colleague-coach and all four duties when the guide is no longer a direct colleague', async () => {
      const [plan] = seeded.direct;
      const noCoach = await review({ supportPlanId: plan.id, guideIsDirectColleague: false });
      expect(noCoach.errors?.[0].extensions).toMatchObject({ field: 'input.colleagueCoach' });
      const someDuties = await review({
        supportPlanId: plan.id,
        guideIsDirectColleague: false,
        colleagueCoach: 'Jonas Wouters',
        colleagueCoachDuties: COACH_DUTIES.slice(1),
      });
      expect(someDuties.errors?.[0].extensions).toMatchObject({
        field: 'input.colleagueCoachDuties',
      });
      expect(await storedPlan(plan.id)).toEqual(plan);

      const { errors, data } = await review({
        supportPlanId: plan.id,
        guideIsDirectColleague: false,
        colleagueCoach: 'Jonas Wouters',
        colleagueCoachDuties: COACH_DUTIES,
      });
      expect(errors).toBeUndefined();
      expect(data.reviewSupportPlan.colleagueCoachDuties).toEqual(COACH_DUTIES);
      expect((await storedPlacement(plan.placementId)).colleagueCoach).toBe('Jonas Wouters');
    });

    it('closes the plan when its placement ends: the planned review lapses and no review is taken', async () => {
      const placementId = await hiredToday();
      const drawn = await drawUp({ placementId });
      const planId = drawn.data.drawUpSupportPlan.id;
      const ended = await mutate(
        `mutation($input: EndPlacementInput!) { endPlacement(input: $input) { id } }`,
        { placementId, endDate: today, endReason: 'DOORSTROOM_REGULIER' },
        'employer-1',
      );
      expect(ended.errors).toBeUndefined();
      const closed = await storedPlan(planId);
      expect(closed.reviewDates).toEqual([]);

      const { errors } = await review({ supportPlanId: planId });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        entity: 'SupportPlan',
        from: 'CLOSED',
        to: 'IN_FORCE',
      });
      expect(await storedPlan(planId)).toEqual(closed);
    });

    it('lets the employer and its job coaches review, and only their own plans', async () => {
      const [{ id }] = seeded.withCoach;
      const before = await storedPlan(id);
      for (const persona of ['vdab-mediator', 'citizen']) {
        const { errors } = await review({ supportPlanId: id }, persona);
        expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      expect(await storedPlan(id)).toEqual(before);
      const [{ plan: elsewhere }] = await stack.database.db
        .select({ plan: supportPlans })
        .from(supportPlans)
        .innerJoin(placements, eq(placements.id, supportPlans.placementId))
        .where(and(ne(placements.employerId, 'E-000001'), eq(placements.status, 'ACTIVE')))
        .limit(1);
      const { errors } = await review({ supportPlanId: elsewhere.id });
      expect(errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(await storedPlan(elsewhere.id)).toEqual(elsewhere);
    });
  });
});

describe('support plan rows for the seeds', () => {
  const hired: PlacementRow = hiredPlacement(
    { id: 'R-1', personId: 'P-1', employerId: 'E-1' },
    { id: 'PL-1', type: 'IMW', adviceId: 'AD-1', startDate: '2024-01-10', fte: 1 },
  );
  const drawn = drawnUpSupportPlan(
    hired,
    {
      id: 'SP-1',
      drawnUpAt: '2024-01-31',
      qualifiedGuide: 'Lotte Claes',
      guideIsDirectColleague: true,
      guideDuties: Object.fromEntries(GUIDE_DUTIES.map((d) => [d.duty, d.arrangement])),
    },
    '2025-10-01',
  );

  it('reviews a running plan every six months up to a date, the next review planned', () => {
    const plan = reviewedOnSchedule(drawn.plan, drawn.placement, '2025-10-01');
    expect(plan.reviewDates).toEqual(['2024-07-31', '2025-01-31', '2025-07-31', '2026-01-31']);
  });

  it('keeps the reviews held before the placement ended, and none planned', () => {
    const plan = closedSupportPlan(reviewedOnSchedule(drawn.plan, drawn.placement, '2025-02-15'));
    expect(plan.reviewDates).toEqual(['2024-07-31', '2025-01-31']);
  });
});
