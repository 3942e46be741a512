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

import type { EnumValue } from '../../common/enums';
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
     * the persons subgraph per row nor move when a person moves later.
     */
    municipalityNisCode: text('municipality_nis_code').notNull(),
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

export interface PremiumIncreaseRequestValue {
  requestedAt: string;
  employerId: string;
  motivation: string;
  outcome: EnumValue<typeof AdviceDecision> | null;
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
    increaseRequests: jsonb('increase_requests')
      .$type<PremiumIncreaseRequestValue[]>()
      .notNull()
      .default([]),
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
export type EvaluationRow = typeof evaluations.$inferSelect;
