import { z } from 'zod';

import { now } from '../../../common/clock';
import type { DirectoryFact } from '../../../common/access/directory';
import type { EnumValue } from '../../../common/enums';
import { badUserInput } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { addMonths, SUSTAINED_AFTER_MONTHS } from '../rules';
import type { PlacementRow, ReferralRow } from '../tables';
import { FailureReason, PlacementEndReason, PlacementStatus, PlacementType } from '../types/enums';

type Status = EnumValue<typeof PlacementStatus>;
type Type = EnumValue<typeof PlacementType>;
type EndReason = EnumValue<typeof PlacementEndReason>;

/** B.2.3: a placement is active until it ends, with a reason. */
export const PLACEMENT_LIFECYCLE = new Lifecycle<Status>('Placement', {
  ACTIVE: ['ENDED'],
  ENDED: [],
});

/** AMA SE is unpaid activation and a BVS an internship: neither carries a wage (DOMAIN B.3). */
const UNPAID: readonly Type[] = ['AMA_SE', 'BVS'];

/** A job coach is one of the employer's users, named by their login (`sub`); null unassigns. */
export const assignJobCoachRule = z.object({
  placementId: idRule,
  jobCoach: z
    .string()
    .trim()
    .min(1, 'must name the job coach’s user id, or be null to unassign')
    .max(100, 'at most 100 characters')
    .regex(/^[\w.@-]+$/, 'must be a user id: letters, digits and . _ @ - only')
    .nullable(),
  idempotencyKey: idempotencyKeyRule,
});

export const endPlacementRule = z
  .object({
    placementId: idRule,
    endDate: calendarDateRule(),
    endReason: z.enum(PlacementEndReason.values),
    failureReason: z.enum(FailureReason.values).nullish(),
    failureText: z.string().trim().max(2000, 'at most 2000 characters').nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((end, context) => {
    if (end.failureReason === 'OTHER' && !end.failureText) {
      context.addIssue({
        code: 'custom',
        path: ['failureText'],
        message: 'is required when the failure reason is OTHER',
      });
    }
  });

/** The placement a hire starts, as `hireCandidate` writes it and the seeds generate it. */
export function hiredPlacement(
  referral: Pick<ReferralRow, 'id' | 'personId' | 'employerId'>,
  fields: Pick<PlacementRow, 'id' | 'type' | 'adviceId' | 'startDate' | 'fte'> &
    Partial<
      Pick<
        PlacementRow,
        'hostEmployerId' | 'wopRef' | 'qualifiedGuide' | 'colleagueCoach' | 'jobCoach' | 'updatedAt'
      >
    >,
): PlacementRow {
  return {
    hostEmployerId: null,
    updatedAt: now(),
    wopRef: null,
    qualifiedGuide: null,
    colleagueCoach: null,
    jobCoach: null,
    ...fields,
    personId: referral.personId,
    employerId: referral.employerId,
    referralId: referral.id,
    endDate: null,
    status: 'ACTIVE',
    endReason: null,
    unpaid: UNPAID.includes(fields.type),
  };
}

/**
 * The fact the reference directory reads off a placement: it opens the worker's file to the
 * employer, and the host company of an enclave, for the time it runs and a while after; to the
 * assigned job coach while it runs.
 */
export function placementFact(
  placement: Pick<
    PlacementRow,
    'id' | 'personId' | 'employerId' | 'hostEmployerId' | 'startDate' | 'endDate' | 'jobCoach'
  >,
  /** The day its job coach was (re)assigned, when that is what changed. */
  assignedOn?: string,
): DirectoryFact {
  const { id, personId, employerId, hostEmployerId, startDate, endDate, jobCoach } = placement;
  return {
    ...(assignedOn ? { assignedOn } : {}),
    kind: 'placement',
    id,
    personId,
    employerId,
    hostEmployerId,
    startDate,
    endDate,
    jobCoach,
  };
}

/**
 * Whether ending a placement this way means the work did not last: ended within the months
 * that make employment sustainable, and not by moving on to a regular job. The employer then
 * owes VDAB failure feedback on the referral (000 BA10). An internship is short by design.
 */
export function workDidNotLast(
  placement: Pick<PlacementRow, 'type' | 'startDate'>,
  end: { endDate: string; endReason: EndReason },
): boolean {
  return (
    placement.type !== 'BVS' &&
    end.endReason !== 'DOORSTROOM_REGULIER' &&
    end.endDate < addMonths(placement.startDate, SUSTAINED_AFTER_MONTHS)
  );
}

/**
 * The placement after it ends; refuses an illegal move (INVALID_TRANSITION) and an end before
 * the start.
 */
export function endedPlacement(
  placement: PlacementRow,
  end: { endDate: string; endReason: EndReason },
): PlacementRow {
  PLACEMENT_LIFECYCLE.assertMove(placement.id, placement.status, 'ENDED');
  if (end.endDate < placement.startDate) {
    throw badUserInput(
      'input.endDate',
      `must not be before the start of the placement (${placement.startDate})`,
    );
  }
  return { ...placement, status: 'ENDED', endDate: end.endDate, endReason: end.endReason };
}

/**
 * The failure feedback an ended placement owes on its referral: required when the work did not
 * last, refused when it did.
 */
export function feedbackOnEnd(
  placement: Pick<PlacementRow, 'type' | 'startDate'>,
  end: {
    endDate: string;
    endReason: EndReason;
    failureReason?: EnumValue<typeof FailureReason> | null;
    failureText?: string | null;
  },
  at: Date,
): Pick<ReferralRow, 'failureReason' | 'failureText' | 'failureGivenAt'> | null {
  const owed = workDidNotLast(placement, end);
  if (owed && !end.failureReason) {
    throw badUserInput(
      'input.failureReason',
      `is required: the placement ends within ${SUSTAINED_AFTER_MONTHS} months, so the work did not last and VDAB gets the reason (000 BA10)`,
    );
  }
  if (!owed && end.failureReason) {
    throw badUserInput(
      'input.failureReason',
      `is only given when the work did not last (ended within ${SUSTAINED_AFTER_MONTHS} months, not to a regular job)`,
    );
  }
  return end.failureReason
    ? { failureReason: end.failureReason, failureText: end.failureText ?? null, failureGivenAt: at }
    : null;
}
