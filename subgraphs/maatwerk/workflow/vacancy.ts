import { z } from 'zod';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import { DutchRequirement, VacancyMeasure, VacancyStatus } from '../types/enums';

type Status = EnumValue<typeof VacancyStatus>;

/** B.2.3: a vacancy is open until filled, closed or cancelled; a filled one may open again. */
export const VACANCY_LIFECYCLE = new Lifecycle<Status>('Vacancy', {
  OPEN: ['FILLED', 'CLOSED', 'CANCELLED'],
  FILLED: ['OPEN', 'CLOSED'],
  CLOSED: [],
  CANCELLED: [],
});

/** A vacancy that ends takes its open referrals with it: withdrawn, job no longer available. */
export const ENDS_REFERRALS: readonly Status[] = ['CLOSED', 'CANCELLED'];

export const openVacancyRule = z
  .object({
    measure: z.enum(VacancyMeasure.values),
    jobTitle: z.string().trim().min(2, 'must name the job').max(200, 'at most 200 characters'),
    activity: z.string().trim().min(2, 'must name the activity').max(200),
    municipalityNisCode: z.string().regex(/^\d{5}$/, 'must be a NIS code of five digits'),
    hoursPerWeek: z
      .number()
      .positive('must be more than 0')
      .max(50, 'must be at most 50 hours a week'),
    languageRequirement: z.enum(DutchRequirement.values),
    tags: z.array(z.string().trim().min(1).max(50)).max(20, 'at most 20 tags').default([]),
    positions: z.number().int().min(1, 'must be at least 1').max(500).default(1),
    reservedForTicketHolders: z.boolean().nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((vacancy, context) => {
    // CM vacancies are for advice holders; IM has no labelling or contingent (DOMAIN B.2.3).
    const required = vacancy.measure === 'CMW' ? true : vacancy.measure === 'IMW' ? false : null;
    const given = vacancy.reservedForTicketHolders;
    if (required !== null && given !== undefined && given !== null && given !== required) {
      context.addIssue({
        code: 'custom',
        path: ['reservedForTicketHolders'],
        message: `must be ${required} for a ${vacancy.measure} vacancy`,
      });
    }
  })
  .transform((vacancy) => ({
    ...vacancy,
    reservedForTicketHolders:
      vacancy.measure === 'CMW'
        ? true
        : vacancy.measure === 'IMW'
          ? false
          : (vacancy.reservedForTicketHolders ?? false),
  }));

export const moveVacancyRule = z.object({
  vacancyId: idRule,
  status: z.enum(VacancyStatus.values),
  idempotencyKey: idempotencyKeyRule,
});

/** The vacancy after one move of its lifecycle; refuses an illegal move (INVALID_TRANSITION). */
export function movedVacancy<
  Vacancy extends { id: string; status: Status; closedAt: string | null },
>(vacancy: Vacancy, status: Status, on: string): Vacancy {
  VACANCY_LIFECYCLE.assertMove(vacancy.id, vacancy.status, status);
  return { ...vacancy, status, closedAt: status === 'OPEN' ? null : on };
}
