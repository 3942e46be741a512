import { z } from 'zod';

import type { DirectoryFact } from '../../../common/access/directory';
import { addDays } from '../../../common/dates';
import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { SanctionRow, SocialAssistanceRecordRow } from '../tables';
import { AssistanceType, ClientStatus, SanctionKind } from '../types/enums';

type Status = EnumValue<typeof ClientStatus>;
type AssistanceRecord = SocialAssistanceRecordRow;

/**
 * The lifecycle of a leefloon client (DOMAIN B.2.1): the social investigation, then an exemption
 * (re-checked, leading to registration once the reason lapses) or the duty to register; the
 * registration at VDAB, the trajectory, and its end in work, TWE, or non-compliance; then exit.
 */
export const CLIENT_LIFECYCLE = new Lifecycle<Status>('SocialAssistanceRecord', {
  RMI_GRANTED: ['SOCIAL_INVESTIGATION', 'EXIT'],
  SOCIAL_INVESTIGATION: ['EXEMPT', 'REGISTRATION_REQUIRED', 'EXIT'],
  EXEMPT: ['REGISTRATION_REQUIRED', 'EXIT'],
  REGISTRATION_REQUIRED: ['REGISTERED_VDAB', 'EXIT'],
  REGISTERED_VDAB: ['IN_TRAJECTORY', 'EXIT'],
  IN_TRAJECTORY: ['WORK', 'TWE_OCMW', 'NON_COMPLIANCE', 'EXIT'],
  TWE_OCMW: ['WORK', 'EXIT'],
  NON_COMPLIANCE: ['IN_TRAJECTORY', 'EXIT'],
  WORK: ['EXIT'],
  EXIT: [],
});

/** The duty the OCMW's decision must hold before the client moves on (decideRegistrationDuty). */
export const DUTY_FOR: Partial<Record<Status, 'VERPLICHT' | 'VRIJGESTELD'>> = {
  EXEMPT: 'VRIJGESTELD',
  REGISTRATION_REQUIRED: 'VERPLICHT',
};

export const grantAssistanceRule = z.object({
  personId: idRule,
  type: z.enum(AssistanceType.values),
  gpmi: z.boolean().default(false),
  idempotencyKey: idempotencyKeyRule,
});

export const moveClientRule = z.object({
  recordId: idRule,
  status: z.enum(ClientStatus.values),
  idempotencyKey: idempotencyKeyRule,
});

export const sanctionRule = z
  .object({
    recordId: idRule,
    kind: z.enum(SanctionKind.values),
    until: calendarDateRule().nullish(),
    motivation: z
      .string()
      .trim()
      .min(20, 'must motivate the sanction, in at least 20 characters')
      .max(4000),
    transmissionId: idRule.nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((sanction, context) => {
    if (sanction.kind === 'SCHORSING_LEEFLOON' && !sanction.until) {
      context.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'is required for a suspension of the leefloon: it runs until a date',
      });
    }
  });

/** The longest suspension of the leefloon this service records in one sanction. */
export const MAX_SUSPENSION_DAYS = 92;

/** A new record: the OCMW grants assistance; the social investigation comes next. */
export function grantedAssistance(
  fields: Pick<AssistanceRecord, 'id' | 'personId' | 'ocmwNisCode' | 'type' | 'gpmi' | 'grantedAt'>,
): AssistanceRecord {
  return {
    ...fields,
    endedAt: null,
    clientStatus: 'RMI_GRANTED',
    spiExemption: null,
    spiExemptionFrom: null,
    spiExemptionUntil: null,
    lastSocialInvestigation: null,
    // The duty to register is the rule until the OCMW decides an exemption.
    registrationDuty: 'VERPLICHT',
    exemptionReason: null,
    exemptionReviewDue: null,
    workReadiness: 'IN_ONDERZOEK',
  };
}

/**
 * The record after one move of the client lifecycle on day `on`; refuses an illegal move
 * (INVALID_TRANSITION). The social investigation is dated; exit ends the record.
 */
export function movedClient(record: AssistanceRecord, to: Status, on: string): AssistanceRecord {
  CLIENT_LIFECYCLE.assertMove(record.id, record.clientStatus, to);
  const duty = DUTY_FOR[to];
  if (duty && record.registrationDuty !== duty) {
    CLIENT_LIFECYCLE.refuse(
      record.id,
      record.clientStatus,
      to,
      `the registration duty decided is ${record.registrationDuty}, not ${duty}`,
    );
  }
  return {
    ...record,
    clientStatus: to,
    ...(to === 'SOCIAL_INVESTIGATION' ? { lastSocialInvestigation: on } : {}),
    ...(to === 'EXIT' ? { endedAt: on } : {}),
  };
}

/**
 * The fact the reference directory reads off a record: the OCMW's relation to its client, for
 * as long as the record runs, is what lets the social worker read the file (B.4).
 */
export function assistanceFact(
  record: Pick<AssistanceRecord, 'id' | 'personId' | 'ocmwNisCode' | 'grantedAt' | 'endedAt'>,
): DirectoryFact {
  const { id, personId, ocmwNisCode, grantedAt, endedAt } = record;
  return { kind: 'social-assistance', id, personId, ocmwNisCode, grantedAt, endedAt };
}

/** Why a sanction's end date cannot stand, or undefined when it can. */
export function sanctionUntilProblem(until: string, imposedAt: string): string | undefined {
  if (until <= imposedAt) return `must lie after the day it is imposed (${imposedAt})`;
  const latest = addDays(imposedAt, MAX_SUSPENSION_DAYS);
  if (until > latest) return `must be within ${MAX_SUSPENSION_DAYS} days (by ${latest})`;
  return undefined;
}

/** A sanction on a running record, imposed on `imposedAt`. */
export function imposedSanction(
  record: Pick<AssistanceRecord, 'id' | 'personId'>,
  fields: Pick<SanctionRow, 'id' | 'kind' | 'imposedAt' | 'until' | 'motivation'>,
): SanctionRow {
  return { ...fields, recordId: record.id, personId: record.personId };
}
