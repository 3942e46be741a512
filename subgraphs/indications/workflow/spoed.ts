import { z } from 'zod';

import { badUserInput, domainError, ErrorCode } from '../../../common/errors';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { hasOpenHireObligation } from '../rules';
import type { AdviceRow, IndicationRequestRow } from '../tables';

export const spoedHireRule = z.object({
  adviceId: idRule,
  vacancyId: idRule,
  hiredOn: calendarDateRule(),
  idempotencyKey: idempotencyKeyRule,
});

/**
 * The spoed advice with its hire recorded (000 BA6): only a granted spoed advice still open,
 * and only for a hire on the vacancy the spoed request was made for.
 */
export function spoedHireRecorded(
  advice: AdviceRow,
  request: Pick<IndicationRequestRow, 'procedure' | 'vacancyId'>,
  hire: { vacancyId: string; hiredOn: string },
): AdviceRow {
  if (!hasOpenHireObligation(advice, request.procedure)) {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `Advice ${advice.id} carries no open spoed hiring obligation${advice.hiredAt ? `: its hire was recorded on ${advice.hiredAt}` : ''}.`,
      { entity: 'Advice', id: advice.id },
    );
  }
  if (request.vacancyId !== hire.vacancyId) {
    throw badUserInput(
      'input.vacancyId',
      `must be the vacancy advice ${advice.id} was asked for (${request.vacancyId})`,
    );
  }
  return { ...advice, hiredAt: hire.hiredOn };
}
