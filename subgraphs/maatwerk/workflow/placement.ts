import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { PlacementEndReason, PlacementStatus } from '../types/enums';

type Status = EnumValue<typeof PlacementStatus>;

/** B.2.3: a placement is active until it ends, with a reason. */
export const PLACEMENT_LIFECYCLE = new Lifecycle<Status>('Placement', {
  ACTIVE: ['ENDED'],
  ENDED: [],
});

export const endPlacementRule = z.object({
  placementId: idRule,
  endDate: calendarDateRule(),
  endReason: z.enum(PlacementEndReason.values),
  idempotencyKey: idempotencyKeyRule,
});
