import { z } from 'zod';

import type { AdviesbevoegdheidFact } from '../../../common/access/directory';
import { addDays } from '../../../common/dates';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { ActionPlanRow, AgreementActionRow, CollaborationAgreementRow } from '../tables';
import { ActionStatus, AgreementStatus, AgreementTargetGroup } from '../types/enums';

/** B.2.4: DRAFT → SIGNED → ACTIVE → EVALUATION → RENEWED | EXPIRED. */
export const AGREEMENT_LIFECYCLE = new Lifecycle<EnumValue<typeof AgreementStatus>>(
  'CollaborationAgreement',
  {
    DRAFT: ['SIGNED'],
    SIGNED: ['ACTIVE'],
    ACTIVE: ['EVALUATION'],
    EVALUATION: ['RENEWED', 'EXPIRED'],
    RENEWED: [],
    EXPIRED: [],
  },
);

/** The rubrics an agreement must fill before it is signed (004 §6, SO format). */
export const RUBRICS = [
  'omgevingsanalyse',
  'doelstellingen',
  'acties',
  'taakverdeling',
  'indicatorenStreefcijfers',
] as const;

/** An action of a yearly plan moves until it is done or cancelled. */
export const ACTION_LIFECYCLE = new Lifecycle<EnumValue<typeof ActionStatus>>('AgreementAction', {
  PLANNED: ['IN_PROGRESS', 'DELAYED', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'DELAYED', 'CANCELLED'],
  DELAYED: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
});

export const moveAgreementRule = z.object({
  agreementId: idRule,
  status: z.enum(AgreementStatus.values),
  idempotencyKey: idempotencyKeyRule,
});

export const moveActionRule = z.object({
  actionId: idRule,
  status: z.enum(ActionStatus.values),
  idempotencyKey: idempotencyKeyRule,
});

type Agreement = CollaborationAgreementRow;
type Rubric = (typeof RUBRICS)[number];

/** Agreements a regisseur drafts locally; the Flemish framework agreements are made elsewhere. */
export const LOCAL_AGREEMENT_TYPES = [
  'SO_VDAB_LOKAAL_BESTUUR',
  'SO_ADVIESBEVOEGDHEID_INDICERING',
  'LOKAAL_PARTNERSCHAP',
] as const;

/** An agreement runs at most one legislature (004 §6). */
export const MAX_PERIOD_YEARS = 6;

const rubricRule = z.string().trim().min(20, 'must say something, in at least 20 characters');

export const rubricsRule = z.object({
  omgevingsanalyse: rubricRule.max(20_000).nullish(),
  doelstellingen: rubricRule.max(20_000).nullish(),
  acties: rubricRule.max(20_000).nullish(),
  taakverdeling: rubricRule.max(20_000).nullish(),
  indicatorenStreefcijfers: rubricRule.max(20_000).nullish(),
});

export const draftAgreementRule = rubricsRule
  .extend({
    type: z.enum(LOCAL_AGREEMENT_TYPES),
    title: z.string().trim().min(5, 'must name the agreement').max(300),
    periodStart: calendarDateRule(),
    periodEnd: calendarDateRule(),
    targetGroups: z.array(z.enum(AgreementTargetGroup.values)).min(1, 'must name a target group'),
    municipalityNisCodes: z
      .array(z.string().regex(/^\d{5}$/, 'must hold NIS codes of five digits'))
      .min(1, 'must name the local governments that are party')
      .max(60),
    samenwerkingslijn: z.boolean().default(false),
    responseDeadlineDays: z.number().int().min(1).max(60).nullish(),
    overlegforum: z.string().trim().max(300).nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((agreement, context) => {
    if (agreement.periodEnd <= agreement.periodStart) {
      context.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'must lie after periodStart',
      });
    } else if (agreement.periodEnd > addDays(agreement.periodStart, 366 * MAX_PERIOD_YEARS)) {
      context.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: `must be within ${MAX_PERIOD_YEARS} years of the start: one legislature`,
      });
    }
  });

export const writeRubricsRule = rubricsRule.extend({
  agreementId: idRule,
  idempotencyKey: idempotencyKeyRule,
});

export const addActionPlanRule = z.object({
  agreementId: idRule,
  year: z.number().int().min(2019).max(2100),
  published: z.boolean().default(false),
  idempotencyKey: idempotencyKeyRule,
});

export const addActionRule = z.object({
  actionPlanId: idRule,
  title: z.string().trim().min(5, 'must name the action').max(300),
  owner: z.string().trim().min(2, 'must name who pulls the action (trekker)').max(200),
  deadline: calendarDateRule(),
  targetGroup: z.enum(AgreementTargetGroup.values).nullish(),
  qualitativeIndicator: z.string().trim().max(2000).nullish(),
  idempotencyKey: idempotencyKeyRule,
});

/** A new agreement, as its regisseur drafts it and the seeds generate it. */
export function draftedAgreement(fields: Omit<Agreement, 'status' | 'signedAt'>): Agreement {
  return { ...fields, status: 'DRAFT', signedAt: null };
}

/** The rubrics of a draft rewritten; once signed they are what the parties agreed. */
export function rubricsWritten(
  agreement: Agreement,
  rubrics: Partial<Record<Rubric, string | null>>,
): Agreement {
  if (agreement.status !== 'DRAFT') {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `CollaborationAgreement ${agreement.id} is ${agreement.status}: its rubrics are written while it is a DRAFT.`,
      { entity: 'CollaborationAgreement', id: agreement.id, from: agreement.status },
    );
  }
  const given = Object.fromEntries(
    RUBRICS.filter((rubric) => rubrics[rubric] !== undefined).map((rubric) => [
      rubric,
      rubrics[rubric],
    ]),
  );
  return { ...agreement, ...given };
}

/** The agreement after one move on day `on`; signing needs every rubric (004 §6). */
export function movedAgreement(
  agreement: Agreement,
  to: EnumValue<typeof AgreementStatus>,
  on: string,
): Agreement {
  AGREEMENT_LIFECYCLE.assertMove(agreement.id, agreement.status, to);
  // The SO format's rubrics bind the local agreements; Flemish framework texts have their own.
  const soFormat = (LOCAL_AGREEMENT_TYPES as readonly string[]).includes(agreement.type);
  const missing = RUBRICS.filter((rubric) => !agreement[rubric]?.trim());
  if (to === 'SIGNED' && soFormat && missing.length > 0) {
    AGREEMENT_LIFECYCLE.refuse(
      agreement.id,
      agreement.status,
      to,
      `its rubrics are not all written: ${missing.join(', ')}`,
    );
  }
  return { ...agreement, status: to, ...(to === 'SIGNED' ? { signedAt: on } : {}) };
}

/** Agreements that run yearly action plans (B.2.4): signed and not yet ended. */
const PLANNING: readonly EnumValue<typeof AgreementStatus>[] = ['SIGNED', 'ACTIVE', 'EVALUATION'];

/** The action plan of a year of a running agreement, within its period. */
export function plannedYear(
  agreement: Pick<Agreement, 'id' | 'status' | 'periodStart' | 'periodEnd'>,
  fields: Pick<ActionPlanRow, 'id' | 'year' | 'published'>,
): ActionPlanRow {
  if (!PLANNING.includes(agreement.status)) {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `CollaborationAgreement ${agreement.id} is ${agreement.status}: only a signed, running agreement gets action plans.`,
      { entity: 'CollaborationAgreement', id: agreement.id, from: agreement.status },
    );
  }
  const inPeriod =
    `${fields.year}-12-31` >= agreement.periodStart &&
    (!agreement.periodEnd || `${fields.year}-01-01` <= agreement.periodEnd);
  if (!inPeriod) {
    throw badUserInput(
      'input.year',
      `must fall within the agreement's period (${agreement.periodStart} to ${agreement.periodEnd ?? 'open'})`,
    );
  }
  return { ...fields, agreementId: agreement.id };
}

/** A new action of a yearly plan, PLANNED, with its owner and a deadline in the plan's year. */
export function plannedAction(
  plan: Pick<ActionPlanRow, 'id' | 'year'>,
  fields: Omit<AgreementActionRow, 'actionPlanId' | 'status'>,
): AgreementActionRow {
  if (fields.deadline && !fields.deadline.startsWith(`${plan.year}-`)) {
    throw badUserInput('input.deadline', `must fall in the plan's year ${plan.year}`);
  }
  return { ...fields, actionPlanId: plan.id, status: 'PLANNED' };
}

/** The action after one move of its status; refuses an illegal move (INVALID_TRANSITION). */
export function movedAction(
  action: AgreementActionRow,
  to: EnumValue<typeof ActionStatus>,
): AgreementActionRow {
  ACTION_LIFECYCLE.assertMove(action.id, action.status, to);
  return { ...action, status: to };
}

/**
 * The fact the reference directory reads off an SO adviesbevoegdheid indicering (A.2.4): in force
 * from the day it becomes ACTIVE until its period ends, or until the day before it EXPIRES.
 * Undefined for any other agreement or move.
 */
export function adviesbevoegdheidFact(
  agreement: Pick<Agreement, 'id' | 'type' | 'status' | 'periodEnd'>,
  coveredNisCodes: string[],
  today: string,
): AdviesbevoegdheidFact | undefined {
  if (agreement.type !== 'SO_ADVIESBEVOEGDHEID_INDICERING') return undefined;
  const base = { id: agreement.id, coveredNisCodes, validFrom: today };
  if (agreement.status === 'ACTIVE') return { ...base, validUntil: agreement.periodEnd };
  if (agreement.status === 'EXPIRED') return { ...base, validUntil: addDays(today, -1) };
  return undefined;
}
