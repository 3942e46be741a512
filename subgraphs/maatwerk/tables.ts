import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import {
  ContingentMeasure,
  DutchRequirement,
  EmployerType,
  FailureReason,
  Federation,
  PlacementEndReason,
  PlacementStatus,
  PlacementType,
  ReferralOrigin,
  ReferralStatus,
  VacancyMeasure,
  VacancyStatus,
} from './types/enums';
import { now } from '../../common/clock';
import { idempotencyKeysTable } from '../../common/workflow/idempotency';

/**
 * When a workflow last wrote the row, by the product's clock: set on insert and on every update
 * through drizzle, so a write no one remembered to stamp is stamped too. A partner's nightly sync
 * pulls the rows changed since its previous pull (`changedSince`).
 */
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    // The database's clock only for a row written by hand in SQL; the application's are stamped.
    .default(sql`now()`)
    .$defaultFn(() => now())
    .$onUpdate(() => now());

export const maatwerkSchema = pgSchema('maatwerk');

export const idempotencyKeys = idempotencyKeysTable(maatwerkSchema);

/**
 * Numbers for referrals (`R-000123`), vacancies, placements and support plans; the seeds move
 * them past their own.
 */
export const referralNumbers = maatwerkSchema.sequence('referral_numbers');
export const vacancyNumbers = maatwerkSchema.sequence('vacancy_numbers');
export const placementNumbers = maatwerkSchema.sequence('placement_numbers');
export const supportPlanNumbers = maatwerkSchema.sequence('support_plan_numbers');

export const employerTypeEnum = maatwerkSchema.enum('employer_type', EmployerType.values);
export const federationEnum = maatwerkSchema.enum('federation', Federation.values);
export const contingentMeasureEnum = maatwerkSchema.enum(
  'contingent_measure',
  ContingentMeasure.values,
);
export const vacancyMeasureEnum = maatwerkSchema.enum('vacancy_measure', VacancyMeasure.values);
export const vacancyStatusEnum = maatwerkSchema.enum('vacancy_status', VacancyStatus.values);
export const dutchRequirementEnum = maatwerkSchema.enum(
  'dutch_requirement',
  DutchRequirement.values,
);
export const referralOriginEnum = maatwerkSchema.enum('referral_origin', ReferralOrigin.values);
export const referralStatusEnum = maatwerkSchema.enum('referral_status', ReferralStatus.values);
export const failureReasonEnum = maatwerkSchema.enum('failure_reason', FailureReason.values);
export const placementTypeEnum = maatwerkSchema.enum('placement_type', PlacementType.values);
export const placementStatusEnum = maatwerkSchema.enum('placement_status', PlacementStatus.values);
export const placementEndReasonEnum = maatwerkSchema.enum(
  'placement_end_reason',
  PlacementEndReason.values,
);

export const employers = maatwerkSchema.table(
  'employers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: employerTypeEnum('type').notNull(),
    federation: federationEnum('federation').notNull().default('NONE'),
    legalForm: text('legal_form').notNull(),
    enterpriseNumber: text('enterprise_number').notNull(),
    // Not only Flemish NIS codes: Brussels employers can join individual maatwerk.
    municipalityNisCode: text('municipality_nis_code'),
    targetGroupShare: numeric('target_group_share', { precision: 3, scale: 2, mode: 'number' }),
    vte: numeric('vte', { precision: 8, scale: 1, mode: 'number' }).notNull(),
    icfTrainingFollowed: boolean('icf_training_followed').notNull().default(false),
    offersBvs: boolean('offers_bvs').notNull().default(false),
  },
  (table) => [
    uniqueIndex('employers_enterprise_number_key').on(table.enterpriseNumber),
    index('employers_type_idx').on(table.type),
    index('employers_federation_idx').on(table.federation),
    index('employers_municipality_idx').on(table.municipalityNisCode),
    check('employers_target_group_share_check', sql`${table.targetGroupShare} between 0 and 1`),
    check('employers_vte_check', sql`${table.vte} >= 0`),
  ],
);

export const contingents = maatwerkSchema.table(
  'contingents',
  {
    id: text('id').primaryKey(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    measure: contingentMeasureEnum('measure').notNull(),
    year: integer('year').notNull(),
    vteAllotted: numeric('vte_allotted', { precision: 8, scale: 1, mode: 'number' }).notNull(),
    // May exceed the allotment (Gent CMW 2020: 1104.9 filled of 1077.8).
    vteFilled: numeric('vte_filled', { precision: 8, scale: 1, mode: 'number' }).notNull(),
  },
  (table) => [
    uniqueIndex('contingents_employer_measure_year_key').on(
      table.employerId,
      table.measure,
      table.year,
    ),
    check('contingents_vte_check', sql`${table.vteAllotted} >= 0 and ${table.vteFilled} >= 0`),
  ],
);

export const vacancies = maatwerkSchema.table(
  'vacancies',
  {
    id: text('id').primaryKey(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    measure: vacancyMeasureEnum('measure').notNull(),
    jobTitle: text('job_title').notNull(),
    activity: text('activity').notNull(),
    municipalityNisCode: text('municipality_nis_code').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    languageRequirement: dutchRequirementEnum('language_requirement').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    positions: integer('positions').notNull().default(1),
    reservedForTicketHolders: boolean('reserved_for_ticket_holders').notNull(),
    status: vacancyStatusEnum('status').notNull(),
    openedAt: date('opened_at', { mode: 'string' }).notNull(),
    closedAt: date('closed_at', { mode: 'string' }),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('vacancies_employer_idx').on(table.employerId),
    index('vacancies_updated_at_idx').on(table.updatedAt),
    index('vacancies_measure_idx').on(table.measure),
    index('vacancies_status_idx').on(table.status),
    index('vacancies_municipality_status_idx').on(table.municipalityNisCode, table.status),
    index('vacancies_language_idx').on(table.languageRequirement),
    index('vacancies_tags_idx').using('gin', table.tags),
    // CM vacancies are for advice holders; IM has no labelling or contingent, so it cannot reserve.
    check(
      'vacancies_reserved_check',
      sql`(${table.measure} <> 'CMW' or ${table.reservedForTicketHolders})
        and (${table.measure} <> 'IMW' or not ${table.reservedForTicketHolders})`,
    ),
    check(
      'vacancies_closed_check',
      sql`(${table.status} = 'OPEN') = (${table.closedAt} is null)
        and (${table.closedAt} is null or ${table.closedAt} >= ${table.openedAt})`,
    ),
    check('vacancies_positions_check', sql`${table.positions} > 0`),
    check('vacancies_hours_check', sql`${table.hoursPerWeek} > 0 and ${table.hoursPerWeek} <= 50`),
  ],
);

export const referrals = maatwerkSchema.table(
  'referrals',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    vacancyId: text('vacancy_id').references(() => vacancies.id),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    origin: referralOriginEnum('origin').notNull(),
    matchBasis: text('match_basis')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: referralStatusEnum('status').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    failureReason: failureReasonEnum('failure_reason'),
    failureText: text('failure_text'),
    failureGivenAt: timestamp('failure_given_at', { withTimezone: true, mode: 'date' }),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('referrals_updated_at_idx').on(table.updatedAt),
    index('referrals_person_idx').on(table.personId),
    index('referrals_vacancy_idx').on(table.vacancyId),
    index('referrals_employer_idx').on(table.employerId),
    index('referrals_status_idx').on(table.status),
    // The statistics count the referrals made, and decided, in a period (statistics.ts).
    index('referrals_proposed_at_idx').on(table.proposedAt),
    index('referrals_status_changed_at_idx').on(table.statusChangedAt),
    // A failed match cannot be recorded without the reason (000 BA10); the feedback may also
    // explain a hire that did not last, but never a match still in progress.
    check(
      'referrals_failure_feedback_check',
      sql`(${table.status} not in ('REJECTED_BY_EMPLOYER', 'DECLINED_BY_CANDIDATE', 'WITHDRAWN')
          or (${table.failureReason} is not null and ${table.failureGivenAt} is not null))
        and (${table.failureReason} is null
          or ${table.status} in ('HIRED', 'REJECTED_BY_EMPLOYER', 'DECLINED_BY_CANDIDATE', 'WITHDRAWN'))
        and (${table.failureReason} is distinct from 'OTHER'
          or length(trim(coalesce(${table.failureText}, ''))) > 0)`,
    ),
    check('referrals_status_changed_check', sql`${table.statusChangedAt} >= ${table.proposedAt}`),
  ],
);

export const placements = maatwerkSchema.table(
  'placements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    hostEmployerId: text('host_employer_id').references(() => employers.id),
    adviceId: text('advice_id'),
    referralId: text('referral_id').references(() => referrals.id),
    type: placementTypeEnum('type').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    fte: numeric('fte', { precision: 3, scale: 2, mode: 'number' }).notNull(),
    wopRef: text('wop_ref'),
    qualifiedGuide: text('qualified_guide'),
    colleagueCoach: text('colleague_coach'),
    /** The job coach assigned to the worker: a user (`sub`) of the employer (note 14). */
    jobCoach: text('job_coach'),
    status: placementStatusEnum('status').notNull(),
    endReason: placementEndReasonEnum('end_reason'),
    unpaid: boolean('unpaid').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('placements_updated_at_idx').on(table.updatedAt),
    index('placements_person_idx').on(table.personId),
    index('placements_employer_idx').on(table.employerId),
    index('placements_host_employer_idx').on(table.hostEmployerId),
    index('placements_advice_idx').on(table.adviceId),
    uniqueIndex('placements_referral_key').on(table.referralId),
    index('placements_status_idx').on(table.status),
    index('placements_type_idx').on(table.type),
    // The statistics count the placements started in a period (statistics.ts).
    index('placements_start_date_idx').on(table.startDate),
    // An enclave involves two employers: the maatwerkbedrijf that pays and the company hosting.
    check(
      'placements_enclave_check',
      sql`(${table.type} = 'ENCLAVE') = (${table.hostEmployerId} is not null)
        and ${table.hostEmployerId} is distinct from ${table.employerId}`,
    ),
    // AMA SE is unpaid and carries no wage or support premium, hence no work support package.
    check(
      'placements_ama_se_check',
      sql`${table.type} <> 'AMA_SE' or (${table.unpaid} and ${table.wopRef} is null)`,
    ),
    check(
      'placements_end_check',
      sql`(${table.status} = 'ENDED') = (${table.endReason} is not null)
        and (${table.status} <> 'ENDED' or ${table.endDate} is not null)
        and (${table.endDate} is null or ${table.endDate} >= ${table.startDate})`,
    ),
    check('placements_fte_check', sql`${table.fte} > 0 and ${table.fte} <= 1`),
  ],
);

export const supportPlans = maatwerkSchema.table(
  'support_plans',
  {
    id: text('id').primaryKey(),
    placementId: text('placement_id')
      .notNull()
      .references(() => placements.id),
    // The placement's person, kept here so the row scope applies without a join.
    personId: text('person_id').notNull(),
    drawnUpAt: date('drawn_up_at', { mode: 'string' }).notNull(),
    guideIsDirectColleague: boolean('guide_is_direct_colleague').notNull(),
    /** What is agreed per guide duty, in `GuideDuty` order. */
    guideDutyArrangements: text('guide_duty_arrangements').array().notNull(),
    /** What is agreed per colleague-coach duty, in `ColleagueCoachDuty` order. */
    colleagueCoachDutyArrangements: text('colleague_coach_duty_arrangements')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reviewDates: date('review_dates', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
  },
  (table) => [
    uniqueIndex('support_plans_placement_key').on(table.placementId),
    index('support_plans_person_idx').on(table.personId),
    // All eight guide duties are mandatory; the four colleague-coach duties are mandatory
    // exactly when the guide is not a direct colleague (DOMAIN B.3).
    check(
      'support_plans_duties_check',
      sql`cardinality(${table.guideDutyArrangements}) = 8
        and cardinality(${table.colleagueCoachDutyArrangements}) =
          case when ${table.guideIsDirectColleague} then 0 else 4 end`,
    ),
  ],
);

export type EmployerRow = typeof employers.$inferSelect;
export type ContingentRow = typeof contingents.$inferSelect;
export type VacancyRow = typeof vacancies.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type SupportPlanRow = typeof supportPlans.$inferSelect;
