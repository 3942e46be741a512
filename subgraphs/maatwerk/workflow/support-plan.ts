import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { addMonths } from '../rules';
import type { PlacementRow, SupportPlanRow } from '../tables';
import { ColleagueCoachDuty, GuideDuty, type PlacementType } from '../types/enums';

type GuideDutyCode = EnumValue<typeof GuideDuty>;
type CoachDutyCode = EnumValue<typeof ColleagueCoachDuty>;

/**
 * The placements that come with a qualified guide working from a support plan: paid maatwerk,
 * which carries the support premium (DOMAIN B.3). AMA SE is unpaid and premium-free, a BVS and
 * the other instruments are not maatwerk employment.
 */
export const SUPPORTED_PLACEMENT_TYPES: readonly EnumValue<typeof PlacementType>[] = [
  'CMW',
  'IMW',
  'ENCLAVE',
];

/**
 * Months between reviews of a plan. The documents set no rhythm for the plan itself; six months
 * is the rhythm the demo data has always shown, kept in one place.
 */
export const SUPPORT_PLAN_REVIEW_MONTHS = 6;

/**
 * A plan guides its placement while it runs and is closed with it; DOMAIN gives the plan no
 * states of its own, so its state is read from the placement and never stored.
 */
export const SUPPORT_PLAN_LIFECYCLE = new Lifecycle<'IN_FORCE' | 'CLOSED'>('SupportPlan', {
  IN_FORCE: ['IN_FORCE', 'CLOSED'],
  CLOSED: [],
});

/** The state of a placement's plan: in force while the placement is active. */
export function supportPlanState(placement: Pick<PlacementRow, 'status'>): 'IN_FORCE' | 'CLOSED' {
  return placement.status === 'ACTIVE' ? 'IN_FORCE' : 'CLOSED';
}

const personNameRule = z
  .string()
  .trim()
  .min(2, 'must name the person')
  .max(200, 'at most 200 characters');

/** What is agreed per duty, listed once each, as a map from duty to arrangement. */
function dutyArrangementsRule<Duty extends string>(duties: readonly [Duty, ...Duty[]]) {
  return z
    .array(
      z.object({
        duty: z.enum(duties),
        arrangement: z
          .string()
          .trim()
          .min(5, 'must say how the duty is fulfilled')
          .max(2000, 'at most 2000 characters'),
      }),
    )
    .superRefine((list, context) => {
      const seen = new Set<Duty>();
      list.forEach(({ duty }, i) => {
        if (seen.has(duty)) {
          context.addIssue({ code: 'custom', path: [i, 'duty'], message: `lists ${duty} twice` });
        }
        seen.add(duty);
      });
    })
    .transform(
      (list) =>
        Object.fromEntries(list.map(({ duty, arrangement }) => [duty, arrangement])) as Partial<
          Record<Duty, string>
        >,
    );
}

const guideDutiesRule = dutyArrangementsRule(GuideDuty.values);
const coachDutiesRule = dutyArrangementsRule(ColleagueCoachDuty.values);

export const drawUpSupportPlanRule = z.object({
  placementId: idRule,
  drawnUpAt: calendarDateRule(),
  qualifiedGuide: personNameRule,
  guideIsDirectColleague: z.boolean(),
  colleagueCoach: personNameRule.nullish(),
  guideDuties: guideDutiesRule,
  colleagueCoachDuties: coachDutiesRule.nullish(),
  idempotencyKey: idempotencyKeyRule,
});

/** A review, and what it revised: the terms left out stay as they are. */
export const reviewSupportPlanRule = z.object({
  supportPlanId: idRule,
  reviewedOn: calendarDateRule(),
  qualifiedGuide: personNameRule.nullish(),
  guideIsDirectColleague: z.boolean().nullish(),
  colleagueCoach: personNameRule.nullish(),
  guideDuties: guideDutiesRule.nullish(),
  colleagueCoachDuties: coachDutiesRule.nullish(),
  idempotencyKey: idempotencyKeyRule,
});

/** A change of the plan's terms as the rules above produce it; left out means unchanged. */
export interface TermsChange {
  qualifiedGuide?: string | null;
  guideIsDirectColleague?: boolean | null;
  colleagueCoach?: string | null;
  guideDuties?: Partial<Record<GuideDutyCode, string>> | null;
  colleagueCoachDuties?: Partial<Record<CoachDutyCode, string>> | null;
}

/** The plan's terms: the names live on the placement, the arrangements on the plan. */
type Terms = Pick<PlacementRow, 'qualifiedGuide' | 'colleagueCoach'> &
  Pick<
    SupportPlanRow,
    'guideIsDirectColleague' | 'guideDutyArrangements' | 'colleagueCoachDutyArrangements'
  >;

/**
 * The terms after a change, complete as B.3 wants them: all eight guide duties, and a
 * colleague-coach with all four of theirs exactly when the guide is not a direct colleague.
 * Without `current` (drawing up) nothing can stay, so everything must be given.
 */
function termsAfter(current: Terms | undefined, change: TermsChange): Terms {
  const qualifiedGuide = change.qualifiedGuide ?? current?.qualifiedGuide;
  if (!qualifiedGuide) throw badUserInput('input.qualifiedGuide', 'must name the qualified guide');
  const guideIsDirectColleague = change.guideIsDirectColleague ?? current?.guideIsDirectColleague;
  if (guideIsDirectColleague === undefined || guideIsDirectColleague === null) {
    throw badUserInput('input.guideIsDirectColleague', 'is required');
  }
  const guideDutyArrangements = arrangementsAfter(
    GuideDuty.values,
    current?.guideDutyArrangements,
    change.guideDuties,
    'input.guideDuties',
  );
  if (guideIsDirectColleague) {
    const needless = 'is only given when the guide is not a direct colleague (B.3)';
    if (change.colleagueCoach) throw badUserInput('input.colleagueCoach', needless);
    if (Object.keys(change.colleagueCoachDuties ?? {}).length > 0) {
      throw badUserInput('input.colleagueCoachDuties', needless);
    }
    return {
      qualifiedGuide,
      colleagueCoach: null,
      guideIsDirectColleague,
      guideDutyArrangements,
      colleagueCoachDutyArrangements: [],
    };
  }
  // A coach appointed before stays when only some terms change; one that did not exist (the
  // guide was a direct colleague) is named with all four duties.
  const kept = current && !current.guideIsDirectColleague ? current : undefined;
  const colleagueCoach = change.colleagueCoach ?? kept?.colleagueCoach;
  if (!colleagueCoach) {
    throw badUserInput(
      'input.colleagueCoach',
      'is required: the guide is not a direct colleague, so a colleague-coach is appointed (B.3)',
    );
  }
  return {
    qualifiedGuide,
    colleagueCoach,
    guideIsDirectColleague,
    guideDutyArrangements,
    colleagueCoachDutyArrangements: arrangementsAfter(
      ColleagueCoachDuty.values,
      kept?.colleagueCoachDutyArrangements,
      change.colleagueCoachDuties,
      'input.colleagueCoachDuties',
    ),
  };
}

/** The arrangements in the duties' order, changed ones replaced; refuses a duty left open. */
function arrangementsAfter<Duty extends string>(
  duties: readonly Duty[],
  current: readonly string[] | undefined,
  change: Partial<Record<Duty, string>> | null | undefined,
  field: string,
): string[] {
  const arrangements = duties.map((duty, i) => change?.[duty] ?? current?.[i]);
  const open = duties.filter((_, i) => !arrangements[i]);
  if (open.length > 0) {
    throw badUserInput(
      field,
      `must agree how each of the ${duties.length} duties is fulfilled; missing: ${open.join(', ')}`,
    );
  }
  return arrangements as string[];
}

/** The review planned one rhythm after `date`. */
const reviewAfter = (date: string) => addMonths(date, SUPPORT_PLAN_REVIEW_MONTHS);

/** Refuses a date the plan is dated on when it lies ahead of `today`. */
function assertNotAhead(date: string, today: string, field: string): void {
  if (date > today) throw badUserInput(field, `must not lie after today (${today})`);
}

/**
 * A support plan drawn up for a running maatwerk placement, with its first review planned, and
 * the placement naming its guide and colleague-coach. `reviewDates` holds the reviews held and,
 * while the plan is in force, the next one planned, last.
 */
export function drawnUpSupportPlan(
  placement: PlacementRow,
  fields: { id: string; drawnUpAt: string } & TermsChange,
  today: string,
): { plan: SupportPlanRow; placement: PlacementRow } {
  if (supportPlanState(placement) === 'CLOSED') {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `Placement ${placement.id} is ${placement.status}: a support plan guides a running placement, so none is drawn up after it ends.`,
      { entity: 'Placement', id: placement.id, from: placement.status },
    );
  }
  if (!SUPPORTED_PLACEMENT_TYPES.includes(placement.type)) {
    throw badUserInput(
      'input.placementId',
      `must be a ${SUPPORTED_PLACEMENT_TYPES.join(', ')} placement, which has a qualified guide; ${placement.id} is ${placement.type}`,
    );
  }
  if (fields.drawnUpAt < placement.startDate) {
    throw badUserInput(
      'input.drawnUpAt',
      `must not be before the start of the placement (${placement.startDate})`,
    );
  }
  assertNotAhead(fields.drawnUpAt, today, 'input.drawnUpAt');
  const { qualifiedGuide, colleagueCoach, ...arrangements } = termsAfter(undefined, fields);
  return {
    plan: {
      id: fields.id,
      placementId: placement.id,
      personId: placement.personId,
      drawnUpAt: fields.drawnUpAt,
      ...arrangements,
      reviewDates: [reviewAfter(fields.drawnUpAt)],
    },
    placement: { ...placement, qualifiedGuide, colleagueCoach },
  };
}

/**
 * The plan after a review held on `reviewedOn`: the planned review gives way to the one held, the
 * next is planned one rhythm later, and the terms the review revised change. Refuses a review of
 * a closed plan (INVALID_TRANSITION), and one dated before the plan or its last review.
 */
export function reviewedSupportPlan(
  plan: SupportPlanRow,
  placement: PlacementRow,
  review: { reviewedOn: string } & TermsChange,
  today: string,
): { plan: SupportPlanRow; placement: PlacementRow } {
  SUPPORT_PLAN_LIFECYCLE.assertMove(plan.id, supportPlanState(placement), 'IN_FORCE');
  const held = plan.reviewDates.slice(0, -1);
  const previous = held.at(-1) ?? plan.drawnUpAt;
  if (review.reviewedOn <= previous) {
    throw badUserInput(
      'input.reviewedOn',
      `must be after ${held.length > 0 ? 'the last review' : 'the plan was drawn up'} (${previous})`,
    );
  }
  assertNotAhead(review.reviewedOn, today, 'input.reviewedOn');
  const { qualifiedGuide, colleagueCoach, ...arrangements } = termsAfter(
    { ...plan, qualifiedGuide: placement.qualifiedGuide, colleagueCoach: placement.colleagueCoach },
    review,
  );
  return {
    plan: {
      ...plan,
      ...arrangements,
      reviewDates: [...held, review.reviewedOn, reviewAfter(review.reviewedOn)],
    },
    placement: { ...placement, qualifiedGuide, colleagueCoach },
  };
}

/**
 * The plan with every planned review up to `until` held on its planned date, terms unchanged:
 * how the seeds age a plan drawn up in the past. `placement` is the one `drawnUpSupportPlan`
 * returned, naming the guide.
 */
export function reviewedOnSchedule(
  plan: SupportPlanRow,
  placement: PlacementRow,
  until: string,
): SupportPlanRow {
  let reviewed = plan;
  let next = plan.reviewDates.at(-1);
  while (next && next <= until) {
    reviewed = reviewedSupportPlan(reviewed, placement, { reviewedOn: next }, until).plan;
    next = reviewed.reviewDates.at(-1);
  }
  return reviewed;
}

/**
 * The plan once its placement has ended: closed, the review still planned lapses with the
 * placement, the reviews held stay.
 */
export function closedSupportPlan(plan: SupportPlanRow): SupportPlanRow {
  return { ...plan, reviewDates: plan.reviewDates.slice(0, -1) };
}
