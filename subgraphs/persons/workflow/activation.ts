import { z } from 'zod';

import type { DirectoryFact } from '../../../common/access/directory';
import { addDays } from '../../../common/dates';
import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { badUserInput } from '../../../common/errors';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type {
  HandoverRow,
  SocialAssistanceRecordRow,
  TrajectoryActionRow,
  TrajectoryRow,
  TransmissionRow,
} from '../tables';
import {
  ActionOutcome,
  ExemptionReason,
  Instrument,
  Regie,
  RegistrationDuty,
  TransmissionKind,
} from '../types/enums';
import { assertRunning } from './scoped';

/**
 * The fact the reference directory reads off a VDAB registration: it opens the person's file to
 * VDAB for guidance and indication, and to the partner (GTB) that guides on VDAB's behalf.
 */
export function registrationFact(registration: {
  id: string;
  personId: string;
  since: string;
  partnerOrg: string | null;
}): DirectoryFact {
  const { id, personId, since, partnerOrg } = registration;
  return { kind: 'vdab-registration', id, personId, since, partnerOrg };
}

export const registerAtVdabRule = z.object({
  personId: idRule,
  idempotencyKey: idempotencyKeyRule,
});

/** An exemption is re-checked at least once a year (DOMAIN B.2.1). */
export const EXEMPTION_REVIEW_DAYS = 365;

export const registrationDutyRule = z
  .object({
    recordId: idRule,
    registrationDuty: z.enum(RegistrationDuty.values),
    exemptionReason: z.enum(ExemptionReason.values).nullish(),
    exemptionReviewDue: calendarDateRule().nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((decision, context) => {
    const exempt = decision.registrationDuty === 'VRIJGESTELD';
    for (const field of ['exemptionReason', 'exemptionReviewDue'] as const) {
      const given = decision[field] !== null && decision[field] !== undefined;
      if (exempt && !given) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: 'is required for an exemption',
        });
      }
      if (!exempt && given) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: 'is only given with an exemption (VRIJGESTELD)',
        });
      }
    }
  });

/** The record with the OCMW's decision on the duty to register. */
export function dutyDecided<Record extends SocialAssistanceRecordRow>(
  record: Record,
  decision: Pick<
    SocialAssistanceRecordRow,
    'registrationDuty' | 'exemptionReason' | 'exemptionReviewDue'
  >,
): Record {
  return { ...record, ...decision };
}

/** Why an exemption's review date cannot stand on `today`, or undefined when it can. */
export function reviewDueProblem(reviewDue: string, today: string): string | undefined {
  if (reviewDue <= today) return 'must lie in the future';
  const latest = addDays(today, EXEMPTION_REVIEW_DAYS);
  if (reviewDue > latest)
    return `must be within a year (by ${latest}): exemptions are re-checked yearly`;
  return undefined;
}

/** A warm handover moves the regie to the other side (DOMAIN B.2.1). */
export const REGIE_LIFECYCLE = new Lifecycle<EnumValue<typeof Regie>>('Trajectory', {
  OCMW: ['VDAB'],
  VDAB: ['OCMW'],
});

export const handOverRule = z.object({
  trajectoryId: idRule,
  toRegie: z.enum(Regie.values),
  note: z.string().trim().max(2000, 'at most 2000 characters').nullish(),
  idempotencyKey: idempotencyKeyRule,
});

/** A transmission from VDAB waits for the OCMW's mandatory feedback (DOMAIN B.2.1, 004 §10). */
export const TRANSMISSION_LIFECYCLE = new Lifecycle<'SENT' | 'ANSWERED'>('Transmission', {
  SENT: ['ANSWERED'],
  ANSWERED: [],
});

export const sendTransmissionRule = z.object({
  trajectoryId: idRule,
  kind: z.enum(TransmissionKind.values),
  description: z
    .string()
    .trim()
    .min(10, 'must say what happened, in at least 10 characters')
    .max(4000),
  idempotencyKey: idempotencyKeyRule,
});

export const answerTransmissionRule = z.object({
  transmissionId: idRule,
  feedback: z
    .string()
    .trim()
    .min(10, 'must give the OCMW’s feedback, in at least 10 characters')
    .max(4000),
  idempotencyKey: idempotencyKeyRule,
});

/** A trajectory action runs until it ends with its outcome. */
export const ACTION_LIFECYCLE = new Lifecycle<EnumValue<typeof ActionOutcome>>('TrajectoryAction', {
  ONGOING: ['COMPLETED', 'STOPPED_EARLY', 'NOT_STARTED'],
  COMPLETED: [],
  STOPPED_EARLY: [],
  NOT_STARTED: [],
});

export const addActionRule = z.object({
  trajectoryId: idRule,
  instrument: z.enum(Instrument.values),
  provider: z.string().trim().min(2, 'must name who provides the action').max(200),
  startDate: calendarDateRule(),
  idempotencyKey: idempotencyKeyRule,
});

export const endActionRule = z.object({
  actionId: idRule,
  outcome: z.enum(ActionOutcome.values),
  endDate: calendarDateRule(),
  idempotencyKey: idempotencyKeyRule,
});

export const startTrajectoryRule = z.object({
  personId: idRule,
  regie: z.enum(Regie.values),
  idempotencyKey: idempotencyKeyRule,
});

export const endTrajectoryRule = z.object({
  trajectoryId: idRule,
  endDate: calendarDateRule(),
  idempotencyKey: idempotencyKeyRule,
});

/** A trajectory starts under the regie of one side (DOMAIN B.2.1). */
export function startedTrajectory(
  fields: Pick<TrajectoryRow, 'id' | 'personId' | 'regie' | 'startedAt'>,
): TrajectoryRow {
  return { ...fields, endedAt: null };
}

/** The trajectory ended on `endDate`: not before it started, and only once. */
export function endedTrajectory(trajectory: TrajectoryRow, endDate: string): TrajectoryRow {
  assertRunning(trajectory, 'it ends only once');
  if (endDate < trajectory.startedAt) {
    throw badUserInput('input.endDate', `must not be before the start (${trajectory.startedAt})`);
  }
  return { ...trajectory, endedAt: endDate };
}

/** A new action of a trajectory, ONGOING until it ends. */
export function addedAction(
  fields: Pick<
    TrajectoryActionRow,
    'id' | 'trajectoryId' | 'instrument' | 'provider' | 'startDate'
  >,
): TrajectoryActionRow {
  return { ...fields, endDate: null, outcome: 'ONGOING' };
}

/** The action ended on `endDate` with its outcome, once, and not before it started. */
export function endedAction(
  action: TrajectoryActionRow,
  end: { outcome: EnumValue<typeof ActionOutcome>; endDate: string },
): TrajectoryActionRow {
  ACTION_LIFECYCLE.assertMove(action.id, action.outcome, end.outcome);
  if (end.endDate < action.startDate) {
    throw badUserInput(
      'input.endDate',
      `must not be before the action started (${action.startDate})`,
    );
  }
  return { ...action, ...end };
}

/** A transmission VDAB sends on `sentAt`, waiting for the OCMW's feedback. */
export function sentTransmission(
  fields: Pick<TransmissionRow, 'id' | 'trajectoryId' | 'kind' | 'description' | 'sentAt'>,
): TransmissionRow {
  return { ...fields, ocmwFeedback: null, feedbackAt: null, sanctionId: null };
}

/** The transmission with the OCMW's feedback of `feedbackAt`; answered once. */
export function answeredTransmission(
  transmission: TransmissionRow,
  feedback: string,
  feedbackAt: string,
): TransmissionRow {
  TRANSMISSION_LIFECYCLE.assertMove(
    transmission.id,
    transmission.feedbackAt ? 'ANSWERED' : 'SENT',
    'ANSWERED',
  );
  return { ...transmission, ocmwFeedback: feedback, feedbackAt };
}

/** A warm handover of `trajectory` on `on`: the record of it, and the trajectory after it. */
export function handedOver(
  trajectory: TrajectoryRow,
  handover: Pick<HandoverRow, 'id' | 'toRegie' | 'note'>,
  on: string,
): { handover: HandoverRow; trajectory: TrajectoryRow } {
  assertRunning(trajectory, 'its regie no longer moves');
  REGIE_LIFECYCLE.assertMove(trajectory.id, trajectory.regie, handover.toRegie);
  return {
    handover: {
      ...handover,
      trajectoryId: trajectory.id,
      fromRegie: trajectory.regie,
      handedOverAt: on,
    },
    trajectory: { ...trajectory, regie: handover.toRegie },
  };
}
