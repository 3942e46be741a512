import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { ActionStatus, AgreementStatus } from '../types/enums';

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
