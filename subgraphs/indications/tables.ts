import { sql } from 'drizzle-orm';

import { idempotencyKeysTable } from '../../common/workflow/idempotency';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import {
  AdviceBasis,
  AdviceDecision,
  AdviceStatus,
  AdviceType,
  AmaReason,
  AttestationKind,
  AttestationSource,
  ConsultantTraining,
  EvaluationOutcome,
  EvaluationTrigger,
  IcfInput,
  IndicationOrigin,
  IndicationProcedure,
  IndicationRoute,
  IndicationStatus,
  IndicatorOrg,
  ObtainedVia,
  PremiumIncreaseStatus,
  QualityControlOutcome,
  ReviewRegime,
  SecondReviewer,
  SupportPremiumLevel,
} from './types/enums';

export const indicationsSchema = pgSchema('indications');

export const idempotencyKeys = idempotencyKeysTable(indicationsSchema);

/** Numbers for requests (`IR-000123`), advices and evaluations; the seeds move them past theirs. */
export const requestNumbers = indicationsSchema.sequence('request_numbers');
export const adviceNumbers = indicationsSchema.sequence('advice_numbers');
export const evaluationNumbers = indicationsSchema.sequence('evaluation_numbers');
export const attestationNumbers = indicationsSchema.sequence('attestation_numbers');
export const premiumIncreaseNumbers = indicationsSchema.sequence('premium_increase_numbers');

export const adviceTypeEnum = indicationsSchema.enum('advice_type', AdviceType.values);
export const indicationRouteEnum = indicationsSchema.enum(
  'indication_route',
  IndicationRoute.values,
);
export const indicationProcedureEnum = indicationsSchema.enum(
  'indication_procedure',
  IndicationProcedure.values,
);
export const indicationOriginEnum = indicationsSchema.enum(
  'indication_origin',
  IndicationOrigin.values,
);
export const indicatorOrgEnum = indicationsSchema.enum('indicator_org', IndicatorOrg.values);
export const indicationStatusEnum = indicationsSchema.enum(
  'indication_status',
  IndicationStatus.values,
);
export const attestationKindEnum = indicationsSchema.enum(
  'attestation_kind',
  AttestationKind.values,
);
export const attestationSourceEnum = indicationsSchema.enum(
  'attestation_source',
  AttestationSource.values,
);
export const obtainedViaEnum = indicationsSchema.enum('obtained_via', ObtainedVia.values);
export const icfInputEnum = indicationsSchema.enum('icf_input', IcfInput.values);
export const amaReasonEnum = indicationsSchema.enum('ama_reason', AmaReason.values);
export const reviewRegimeEnum = indicationsSchema.enum('review_regime', ReviewRegime.values);
export const secondReviewerEnum = indicationsSchema.enum('second_reviewer', SecondReviewer.values);
export const qualityControlOutcomeEnum = indicationsSchema.enum(
  'quality_control_outcome',
  QualityControlOutcome.values,
);
export const adviceBasisEnum = indicationsSchema.enum('advice_basis', AdviceBasis.values);
export const adviceDecisionEnum = indicationsSchema.enum('advice_decision', AdviceDecision.values);
export const adviceStatusEnum = indicationsSchema.enum('advice_status', AdviceStatus.values);
export const evaluationTriggerEnum = indicationsSchema.enum(
  'evaluation_trigger',
  EvaluationTrigger.values,
);
export const evaluationOutcomeEnum = indicationsSchema.enum(
  'evaluation_outcome',
  EvaluationOutcome.values,
);
export const consultantTrainingEnum = indicationsSchema.enum(
  'consultant_training',
  ConsultantTraining.values,
);
export const supportPremiumLevelEnum = indicationsSchema.enum(
  'support_premium_level',
  SupportPremiumLevel.values,
);
export const premiumIncreaseStatusEnum = indicationsSchema.enum(
  'premium_increase_status',
  PremiumIncreaseStatus.values,
);

/**
 * Trained ICF consultants. `org` is the organisation id callers carry (`vdab`, `gtb`,
 * `lg:<nis>`, `ocmw:<nis>`), so a local government's consultants are found by its NIS code.
 */
export const indicationConsultants = indicationsSchema.table(
  'indication_consultants',
  {
    id: text('id').primaryKey(),
    org: text('org').notNull(),
    name: text('name').notNull(),
    accredited: boolean('accredited').notNull(),
    training: consultantTrainingEnum('training').notNull(),
    /** The SO adviesbevoegdheid indicering (agreements subgraph) a local consultant advises under. */
    soAdviesbevoegdheidId: text('so_adviesbevoegdheid_id'),
  },
  (table) => [
    index('indication_consultants_org_idx').on(table.org),
    index('indication_consultants_accredited_idx').on(table.accredited),
    index('indication_consultants_agreement_idx').on(table.soAdviesbevoegdheidId),
  ],
);

/*
 * Every table below carries `person_id`, also where the person follows from a parent row: the
 * row scope (the caller's reference directory) and the audit trail both work per row, without
 * a join back to the request.
 */

export const indicationRequests = indicationsSchema.table(
  'indication_requests',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    requestedType: adviceTypeEnum('requested_type').notNull(),
    route: indicationRouteEnum('route').notNull(),
    procedure: indicationProcedureEnum('procedure').notNull(),
    origin: indicationOriginEnum('origin').notNull(),
    signedFormAt: date('signed_form_at', { mode: 'string' }),
    /** The persons-subgraph consent (ATTEST_DATAKOPPELING) that allows pulling attestations. */
    consentRef: text('consent_ref'),
    /** The employer's open vacancy (maatwerk subgraph) of a spoed or prior-routing request. */
    vacancyId: text('vacancy_id'),
    indicatorOrg: indicatorOrgEnum('indicator_org').notNull(),
    consultantId: text('consultant_id').references(() => indicationConsultants.id),
    /**
     * The person's residence municipality when the request was submitted, copied at write time.
     * This subgraph does not own residence, and statistics per municipality must neither call
     * the persons subgraph per row nor move when a person moves later. Null only while an
     * employer's filing waits for VDAB: an employer may not read a residence (B.4 b, note 11),
     * so VDAB's first move copies it.
     */
    municipalityNisCode: text('municipality_nis_code'),
    /** The employer (`employer:<id>`) that filed a spoed or prior-routing request itself. */
    filedBy: text('filed_by'),
    /** What the employer's registration form says of the job and the workplace (000 BA6). */
    employerInformation: text('employer_information'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    infoCompleteAt: timestamp('info_complete_at', { withTimezone: true, mode: 'date' }),
    icfStartedAt: timestamp('icf_started_at', { withTimezone: true, mode: 'date' }),
    consultantAdviceAt: timestamp('consultant_advice_at', { withTimezone: true, mode: 'date' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    status: indicationStatusEnum('status').notNull(),
  },
  (table) => [
    index('indication_requests_person_idx').on(table.personId),
    index('indication_requests_consultant_idx').on(table.consultantId),
    index('indication_requests_vacancy_idx').on(table.vacancyId),
    index('indication_requests_filed_by_idx').on(table.filedBy),
    index('indication_requests_status_idx').on(table.status),
    index('indication_requests_type_idx').on(table.requestedType),
    index('indication_requests_route_idx').on(table.route),
    index('indication_requests_procedure_idx').on(table.procedure),
    index('indication_requests_decided_idx').on(table.decidedAt),
    index('indication_requests_municipality_signed_idx').on(
      table.municipalityNisCode,
      table.signedFormAt,
    ),
    index('indication_requests_municipality_decided_idx').on(
      table.municipalityNisCode,
      table.decidedAt,
    ),
    check(
      'indication_requests_submitted_check',
      sql`${table.status} = 'DRAFT' or (${table.submittedAt} is not null and ${table.signedFormAt} is not null)`,
    ),
    check(
      'indication_requests_decided_check',
      sql`(${table.status} in ('GRANTED', 'REFUSED')) = (${table.decidedAt} is not null)`,
    ),
    check(
      'indication_requests_vacancy_check',
      sql`${table.procedure} = 'STANDAARD' or ${table.vacancyId} is not null`,
    ),
    // Only an employer's own spoed or prior-routing registration has a filer and its form.
    check(
      'indication_requests_filed_by_check',
      sql`(${table.filedBy} is null or ${table.origin} in ('EMPLOYER_SPOED', 'EMPLOYER_PRIOR_ROUTING'))
        and (${table.filedBy} is null) = (${table.employerInformation} is null)`,
    ),
    check(
      'indication_requests_municipality_check',
      sql`${table.municipalityNisCode} is not null or (${table.filedBy} is not null and ${table.status} = 'SUBMITTED')`,
    ),
  ],
);

export const attestations = indicationsSchema.table(
  'attestations',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => indicationRequests.id),
    personId: text('person_id').notNull(),
    kind: attestationKindEnum('kind').notNull(),
    source: attestationSourceEnum('source').notNull(),
    obtainedVia: obtainedViaEnum('obtained_via').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
  },
  (table) => [
    index('attestations_request_idx').on(table.requestId),
    index('attestations_person_idx').on(table.personId),
  ],
);

export const icfAssessments = indicationsSchema.table(
  'icf_assessments',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => indicationRequests.id),
    personId: text('person_id').notNull(),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => indicationConsultants.id),
    inputs: icfInputEnum('inputs')
      .array()
      .notNull()
      .default(sql`'{}'`),
    impairments: text('impairments')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    activityLimitations: text('activity_limitations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    personalAndExternalFactors: text('personal_and_external_factors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    amaReasons: amaReasonEnum('ama_reasons')
      .array()
      .notNull()
      .default(sql`'{}'`),
    icfScore: integer('icf_score').notNull(),
    conclusion: text('conclusion').notNull(),
    workRelevantSupportNeeds: text('work_relevant_support_needs').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('icf_assessments_request_key').on(table.requestId),
    index('icf_assessments_person_idx').on(table.personId),
    index('icf_assessments_consultant_idx').on(table.consultantId),
    check('icf_assessments_score_check', sql`${table.icfScore} between 0 and 100`),
  ],
);

export const reviews = indicationsSchema.table(
  'reviews',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => indicationRequests.id),
    personId: text('person_id').notNull(),
    regime: reviewRegimeEnum('regime').notNull(),
    secondReviewer: secondReviewerEnum('second_reviewer'),
    sampledForQualityControl: boolean('sampled_for_quality_control').notNull().default(false),
    qcOutcome: qualityControlOutcomeEnum('qc_outcome'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('reviews_request_key').on(table.requestId),
    index('reviews_person_idx').on(table.personId),
    index('reviews_regime_idx').on(table.regime),
    check(
      'reviews_second_reviewer_check',
      sql`${table.regime} = 'VIER_OGEN' or ${table.secondReviewer} is null`,
    ),
    check('reviews_qc_check', sql`${table.sampledForQualityControl} or ${table.qcOutcome} is null`),
  ],
);

export interface AdviceExtensionValue {
  extendedAt: string;
  previousValidUntil: string;
  newValidUntil: string;
  evaluationId: string | null;
}

export const advices = indicationsSchema.table(
  'advices',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    /** Null only for the legacy advices of the zittende doelgroep, which had no request. */
    requestId: text('request_id').references(() => indicationRequests.id),
    type: adviceTypeEnum('type').notNull(),
    basis: adviceBasisEnum('basis').notNull(),
    temporary: boolean('temporary').notNull().default(false),
    derivedFromId: text('derived_from_id').references((): AnyPgColumn => advices.id),
    decision: adviceDecisionEnum('decision').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    extensions: jsonb('extensions').$type<AdviceExtensionValue[]>().notNull().default([]),
    /** As written; an ACTIVE advice past `validUntil` reads as EXPIRED (see rules.ts). */
    status: adviceStatusEnum('status'),
    /** When an evaluation ended or replaced the advice before its validity ran out. */
    endedAt: date('ended_at', { mode: 'string' }),
    /** The hire that fulfils the spoed obligation; recorded by the maatwerk side. */
    hiredAt: date('hired_at', { mode: 'string' }),
  },
  (table) => [
    index('advices_person_idx').on(table.personId),
    index('advices_request_idx').on(table.requestId),
    index('advices_derived_from_idx').on(table.derivedFromId),
    index('advices_type_idx').on(table.type),
    index('advices_status_idx').on(table.status),
    index('advices_validity_idx').on(table.validFrom, table.validUntil),
    check(
      'advices_decision_check',
      sql`case when ${table.decision} = 'TOEGEKEND'
        then ${table.status} is not null and ${table.validFrom} is not null and ${table.validUntil} is not null
        else ${table.status} is null and ${table.validFrom} is null and ${table.validUntil} is null end`,
    ),
    check('advices_validity_check', sql`${table.validUntil} >= ${table.validFrom}`),
  ],
);

export interface WagePremiumStepValue {
  fromMonth: number;
  pct: number;
}

export const workSupportPackages = indicationsSchema.table(
  'work_support_packages',
  {
    id: text('id').primaryKey(),
    adviceId: text('advice_id')
      .notNull()
      .references(() => advices.id),
    personId: text('person_id').notNull(),
    wagePremiumPct: numeric('wage_premium_pct', {
      precision: 5,
      scale: 2,
      mode: 'number',
    }).notNull(),
    wagePremiumSchedule: jsonb('wage_premium_schedule')
      .$type<WagePremiumStepValue[]>()
      .notNull()
      .default([]),
    supportPremiumLevel: supportPremiumLevelEnum('support_premium_level').notNull(),
    supportPremiumCents: integer('support_premium_cents').notNull(),
    intensity: integer('intensity').notNull(),
    durationMonths: integer('duration_months').notNull(),
  },
  (table) => [
    uniqueIndex('work_support_packages_advice_key').on(table.adviceId),
    index('work_support_packages_person_idx').on(table.personId),
    check(
      'work_support_packages_wage_premium_check',
      sql`${table.wagePremiumPct} between 20 and 75`,
    ),
    check(
      'work_support_packages_amounts_check',
      sql`${table.supportPremiumCents} >= 0 and ${table.intensity} >= 0 and ${table.durationMonths} > 0`,
    ),
  ],
);

/**
 * An employer's request to raise the support premium of its employee's package (003: "can be
 * raised at the employer's request"), and VDAB's decision: accepted with the new level, which the
 * package then carries, or refused with the reason.
 */
export const premiumIncreaseRequests = indicationsSchema.table(
  'premium_increase_requests',
  {
    id: text('id').primaryKey(),
    packageId: text('package_id')
      .notNull()
      .references(() => workSupportPackages.id),
    adviceId: text('advice_id')
      .notNull()
      .references(() => advices.id),
    personId: text('person_id').notNull(),
    /** The employer (maatwerk subgraph) that asks. */
    employerId: text('employer_id').notNull(),
    requestedAt: date('requested_at', { mode: 'string' }).notNull(),
    motivation: text('motivation').notNull(),
    /** The level the package had when the employer asked. */
    levelAtRequest: supportPremiumLevelEnum('level_at_request').notNull(),
    /** The level the employer asks for; null leaves it to VDAB. */
    requestedLevel: supportPremiumLevelEnum('requested_level'),
    status: premiumIncreaseStatusEnum('status').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    newLevel: supportPremiumLevelEnum('new_level'),
    refusalReason: text('refusal_reason'),
  },
  (table) => [
    index('premium_increase_requests_package_idx').on(table.packageId),
    index('premium_increase_requests_person_idx').on(table.personId),
    index('premium_increase_requests_employer_idx').on(table.employerId),
    index('premium_increase_requests_status_idx').on(table.status),
    // One request of an employer waits per package at a time.
    uniqueIndex('premium_increase_requests_pending_key')
      .on(table.packageId, table.employerId)
      .where(sql`${table.status} = 'PENDING'`),
    check(
      'premium_increase_requests_decision_check',
      sql`(${table.status} = 'PENDING') = (${table.decidedAt} is null)
        and (${table.status} = 'ACCEPTED') = (${table.newLevel} is not null)
        and (${table.status} = 'REFUSED') = (${table.refusalReason} is not null)`,
    ),
  ],
);

export const evaluations = indicationsSchema.table(
  'evaluations',
  {
    id: text('id').primaryKey(),
    adviceId: text('advice_id')
      .notNull()
      .references(() => advices.id),
    personId: text('person_id').notNull(),
    trigger: evaluationTriggerEnum('trigger').notNull(),
    /** The placement (maatwerk subgraph) evaluated: evaluation is workplace-dependent. */
    placementId: text('placement_id'),
    expert: text('expert').notNull(),
    evaluatedAt: date('evaluated_at', { mode: 'string' }).notNull(),
    outcome: evaluationOutcomeEnum('outcome').notNull(),
  },
  (table) => [
    index('evaluations_advice_idx').on(table.adviceId),
    index('evaluations_person_idx').on(table.personId),
    index('evaluations_placement_idx').on(table.placementId),
  ],
);

export type IndicationConsultantRow = typeof indicationConsultants.$inferSelect;
export type IndicationRequestRow = typeof indicationRequests.$inferSelect;
export type AttestationRow = typeof attestations.$inferSelect;
export type IcfAssessmentRow = typeof icfAssessments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewInsert = typeof reviews.$inferInsert;
export type AdviceRow = typeof advices.$inferSelect;
export type AdviceInsert = typeof advices.$inferInsert;
export type WorkSupportPackageRow = typeof workSupportPackages.$inferSelect;
export type PremiumIncreaseRequestRow = typeof premiumIncreaseRequests.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
