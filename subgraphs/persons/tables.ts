import { sql } from 'drizzle-orm';

import { idempotencyKeysTable } from '../../common/workflow/idempotency';
import {
  boolean,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import {
  ActionOutcome,
  AssistanceType,
  ClientStatus,
  ConsentType,
  EducationLevel,
  EmploymentType,
  ExemptionReason,
  Gender,
  Instrument,
  IntroductionStatus,
  LabourMarketStatus,
  LanguageLevel,
  Mobility,
  OccupationCluster,
  Regie,
  RegistrationCategory,
  RegistrationDuty,
  SanctionKind,
  SpiExemption,
  TransmissionKind,
  WorkReadiness,
} from './types/enums';

export const personsSchema = pgSchema('persons');

export const idempotencyKeys = idempotencyKeysTable(personsSchema);

/** Numbers for consents given through the API (`C-000123`); the seeds move it past their own. */
export const consentNumbers = personsSchema.sequence('consent_numbers');
/** Registrations are numbered like persons (`VR-000123` for P-000123), then on from the last. */
export const registrationNumbers = personsSchema.sequence('registration_numbers');
export const handoverNumbers = personsSchema.sequence('handover_numbers');
export const transmissionNumbers = personsSchema.sequence('transmission_numbers');
/** Trajectory actions are many: seven digits (`TA-0001234`). */
export const actionNumbers = personsSchema.sequence('action_numbers');
export const assistanceNumbers = personsSchema.sequence('assistance_numbers');
export const sanctionNumbers = personsSchema.sequence('sanction_numbers');
export const trajectoryNumbers = personsSchema.sequence('trajectory_numbers');
/** Introduction requests (`IN-000123`); none are seeded. */
export const introductionNumbers = personsSchema.sequence('introduction_numbers');

export const genderEnum = personsSchema.enum('gender', Gender.values);
export const educationLevelEnum = personsSchema.enum('education_level', EducationLevel.values);
export const languageLevelEnum = personsSchema.enum('language_level', LanguageLevel.values);
export const mobilityEnum = personsSchema.enum('mobility', Mobility.values);
export const occupationClusterEnum = personsSchema.enum(
  'occupation_cluster',
  OccupationCluster.values,
);
export const labourMarketStatusEnum = personsSchema.enum(
  'labour_market_status',
  LabourMarketStatus.values,
);
export const registrationCategoryEnum = personsSchema.enum(
  'registration_category',
  RegistrationCategory.values,
);
export const assistanceTypeEnum = personsSchema.enum('assistance_type', AssistanceType.values);
export const spiExemptionEnum = personsSchema.enum('spi_exemption', SpiExemption.values);
export const registrationDutyEnum = personsSchema.enum(
  'registration_duty',
  RegistrationDuty.values,
);
export const exemptionReasonEnum = personsSchema.enum('exemption_reason', ExemptionReason.values);
export const workReadinessEnum = personsSchema.enum('work_readiness', WorkReadiness.values);
export const clientStatusEnum = personsSchema.enum('client_status', ClientStatus.values);
export const sanctionKindEnum = personsSchema.enum('sanction_kind', SanctionKind.values);
export const regieEnum = personsSchema.enum('regie', Regie.values);
export const instrumentEnum = personsSchema.enum('instrument', Instrument.values);
export const actionOutcomeEnum = personsSchema.enum('action_outcome', ActionOutcome.values);
export const transmissionKindEnum = personsSchema.enum(
  'transmission_kind',
  TransmissionKind.values,
);
export const consentTypeEnum = personsSchema.enum('consent_type', ConsentType.values);
export const employmentTypeEnum = personsSchema.enum('employment_type', EmploymentType.values);
export const introductionStatusEnum = personsSchema.enum(
  'introduction_status',
  IntroductionStatus.values,
);

export const persons = personsSchema.table(
  'persons',
  {
    id: text('id').primaryKey(),
    insz: text('insz').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: genderEnum('gender').notNull(),
    educationLevel: educationLevelEnum('education_level').notNull(),
    dutchLevel: languageLevelEnum('dutch_level').notNull(),
    englishLevel: languageLevelEnum('english_level').notNull(),
    residenceNisCode: text('residence_nis_code').notNull(),
    activityPreferences: text('activity_preferences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mobility: mobilityEnum('mobility').notNull(),
    occupationCluster: occupationClusterEnum('occupation_cluster'),
    labourMarketStatus: labourMarketStatusEnum('labour_market_status').notNull(),
    monthsWithoutRegularPaidJob: integer('months_without_regular_paid_job').notNull().default(0),
    neet: boolean('neet').notNull().default(false),
    inburgeraar: boolean('inburgeraar').notNull().default(false),
    detentionHistory: boolean('detention_history').notNull().default(false),
  },
  (table) => [
    uniqueIndex('persons_insz_key').on(table.insz),
    index('persons_residence_idx').on(table.residenceNisCode),
  ],
);

export const vdabRegistrations = personsSchema.table(
  'vdab_registrations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    registered: boolean('registered').notNull(),
    category: registrationCategoryEnum('category').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    mediator: text('mediator'),
    partnerOrg: text('partner_org'),
    onSamenwerkingslijn: boolean('on_samenwerkingslijn').notNull().default(false),
  },
  (table) => [index('vdab_registrations_person_idx').on(table.personId)],
);

export const socialAssistanceRecords = personsSchema.table(
  'social_assistance_records',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    ocmwNisCode: text('ocmw_nis_code').notNull(),
    type: assistanceTypeEnum('type').notNull(),
    gpmi: boolean('gpmi').notNull().default(false),
    grantedAt: date('granted_at', { mode: 'string' }).notNull(),
    endedAt: date('ended_at', { mode: 'string' }),
    clientStatus: clientStatusEnum('client_status').notNull(),
    spiExemption: spiExemptionEnum('spi_exemption'),
    spiExemptionFrom: date('spi_exemption_from', { mode: 'string' }),
    spiExemptionUntil: date('spi_exemption_until', { mode: 'string' }),
    lastSocialInvestigation: date('last_social_investigation', { mode: 'string' }),
    registrationDuty: registrationDutyEnum('registration_duty').notNull(),
    exemptionReason: exemptionReasonEnum('exemption_reason'),
    exemptionReviewDue: date('exemption_review_due', { mode: 'string' }),
    workReadiness: workReadinessEnum('work_readiness').notNull(),
  },
  (table) => [
    index('social_assistance_person_idx').on(table.personId),
    index('social_assistance_ocmw_idx').on(table.ocmwNisCode),
  ],
);

export const sanctions = personsSchema.table(
  'sanctions',
  {
    id: text('id').primaryKey(),
    recordId: text('record_id')
      .notNull()
      .references(() => socialAssistanceRecords.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    kind: sanctionKindEnum('kind').notNull(),
    imposedAt: date('imposed_at', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    motivation: text('motivation').notNull(),
  },
  (table) => [index('sanctions_record_idx').on(table.recordId)],
);

export const temporaryProtections = personsSchema.table(
  'temporary_protections',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    dvzRegisteredAt: date('dvz_registered_at', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    equivalentLeefloon: boolean('equivalent_leefloon').notNull().default(false),
  },
  (table) => [index('temporary_protections_person_idx').on(table.personId)],
);

export const trajectories = personsSchema.table(
  'trajectories',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    regie: regieEnum('regie').notNull(),
    startedAt: date('started_at', { mode: 'string' }).notNull(),
    endedAt: date('ended_at', { mode: 'string' }),
  },
  (table) => [index('trajectories_person_idx').on(table.personId)],
);

export const trajectoryActions = personsSchema.table(
  'trajectory_actions',
  {
    id: text('id').primaryKey(),
    trajectoryId: text('trajectory_id')
      .notNull()
      .references(() => trajectories.id),
    instrument: instrumentEnum('instrument').notNull(),
    provider: text('provider').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    outcome: actionOutcomeEnum('outcome').notNull(),
  },
  (table) => [
    index('trajectory_actions_trajectory_idx').on(table.trajectoryId),
    // The activation statistics read the TWE actions running on a day, for all of Flanders.
    index('trajectory_actions_instrument_idx').on(table.instrument, table.startDate),
  ],
);

export const transmissions = personsSchema.table(
  'transmissions',
  {
    id: text('id').primaryKey(),
    trajectoryId: text('trajectory_id')
      .notNull()
      .references(() => trajectories.id),
    kind: transmissionKindEnum('kind').notNull(),
    sentAt: date('sent_at', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    ocmwFeedback: text('ocmw_feedback'),
    feedbackAt: date('feedback_at', { mode: 'string' }),
    sanctionId: text('sanction_id').references(() => sanctions.id),
  },
  (table) => [index('transmissions_trajectory_idx').on(table.trajectoryId)],
);

export const handovers = personsSchema.table(
  'handovers',
  {
    id: text('id').primaryKey(),
    trajectoryId: text('trajectory_id')
      .notNull()
      .references(() => trajectories.id),
    fromRegie: regieEnum('from_regie').notNull(),
    toRegie: regieEnum('to_regie').notNull(),
    handedOverAt: date('handed_over_at', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (table) => [index('handovers_trajectory_idx').on(table.trajectoryId)],
);

export const consents = personsSchema.table(
  'consents',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    type: consentTypeEnum('type').notNull(),
    grantedTo: text('granted_to').notNull(),
    scope: text('scope').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('consents_person_idx').on(table.personId)],
);

export const employmentOutcomes = personsSchema.table(
  'employment_outcomes',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    employed: boolean('employed').notNull(),
    employmentType: employmentTypeEnum('employment_type').notNull(),
  },
  (table) => [
    index('employment_outcomes_person_idx').on(table.personId),
    // One row per person and reference date: the outflow figure reads one date for all of Flanders.
    index('employment_outcomes_reference_date_idx').on(table.referenceDate),
  ],
);

/**
 * An employer's request to VDAB to be introduced to a candidate it knows only by pseudonym (issue
 * 14, B.4 note 11), for one of its vacancies. The pseudonym is the employer's, as it asked; the
 * person is who it resolved to, never shown to the employer. One request waits per employer,
 * vacancy and person at a time.
 */
export const introductionRequests = personsSchema.table(
  'introduction_requests',
  {
    id: text('id').primaryKey(),
    employerId: text('employer_id').notNull(),
    vacancyId: text('vacancy_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    pseudonym: text('pseudonym').notNull(),
    status: introductionStatusEnum('status').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    /** The organisation that answered (vdab, gtb); its staff stay internal. */
    answeredBy: text('answered_by'),
    refusalReason: text('refusal_reason'),
    /** The referral an acceptance made in maatwerk, once it is made. */
    referralId: text('referral_id'),
  },
  (table) => [
    index('introduction_requests_person_idx').on(table.personId),
    index('introduction_requests_employer_idx').on(table.employerId),
    uniqueIndex('introduction_requests_waiting_key')
      .on(table.employerId, table.vacancyId, table.personId)
      .where(sql`${table.status} = 'REQUESTED'`),
  ],
);

export type PersonRow = typeof persons.$inferSelect;
export type VdabRegistrationRow = typeof vdabRegistrations.$inferSelect;
export type SocialAssistanceRecordRow = typeof socialAssistanceRecords.$inferSelect;
export type SanctionRow = typeof sanctions.$inferSelect;
export type TemporaryProtectionRow = typeof temporaryProtections.$inferSelect;
export type TrajectoryRow = typeof trajectories.$inferSelect;
export type TrajectoryActionRow = typeof trajectoryActions.$inferSelect;
export type TransmissionRow = typeof transmissions.$inferSelect;
export type HandoverRow = typeof handovers.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type EmploymentOutcomeRow = typeof employmentOutcomes.$inferSelect;
export type IntroductionRequestRow = typeof introductionRequests.$inferSelect;
