import { sql } from 'drizzle-orm';

import { idempotencyKeysTable } from '../../common/workflow/idempotency';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  primaryKey,
  pgSchema,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import {
  ActionStatus,
  AgreementStatus,
  AgreementTargetGroup,
  AgreementType,
  PactStatus,
  PartnershipKind,
  PartyKind,
} from './types/enums';

export const agreementsSchema = pgSchema('agreements');

export const idempotencyKeys = idempotencyKeysTable(agreementsSchema);

/** Numbers for pact participations (`PP-000123`); the seeds move it past their own. */
export const pactParticipationNumbers = agreementsSchema.sequence('pact_participation_numbers');
export const agreementNumbers = agreementsSchema.sequence('agreement_numbers');
export const actionPlanNumbers = agreementsSchema.sequence('action_plan_numbers');
export const agreementActionNumbers = agreementsSchema.sequence('agreement_action_numbers');

export const agreementTypeEnum = agreementsSchema.enum('agreement_type', AgreementType.values);
export const agreementStatusEnum = agreementsSchema.enum(
  'agreement_status',
  AgreementStatus.values,
);
export const agreementTargetGroupEnum = agreementsSchema.enum(
  'agreement_target_group',
  AgreementTargetGroup.values,
);
export const actionStatusEnum = agreementsSchema.enum('action_status', ActionStatus.values);
export const pactStatusEnum = agreementsSchema.enum('pact_status', PactStatus.values);
export const partyKindEnum = agreementsSchema.enum('party_kind', PartyKind.values);
export const partnershipKindEnum = agreementsSchema.enum(
  'partnership_kind',
  PartnershipKind.values,
);

export const provinces = agreementsSchema.table('provinces', {
  /** `ANT`, `VBR`, `WVL`, `OVL`, `LIM`. */
  code: text('code').primaryKey(),
  nisCode: text('nis_code').notNull().unique(),
  name: text('name').notNull(),
});

export const referenceRegions = agreementsSchema.table('reference_regions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const regiegebieden = agreementsSchema.table('regiegebieden', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const municipalities = agreementsSchema.table(
  'municipalities',
  {
    nisCode: text('nis_code').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    arrondissementNis: text('arrondissement_nis').notNull(),
    population: integer('population').notNull(),
    centrumstad: boolean('centrumstad').notNull().default(false),
    grootstad: boolean('grootstad').notNull().default(false),
    referenceRegionId: text('reference_region_id')
      .notNull()
      .references(() => referenceRegions.id),
    regiegebiedId: text('regiegebied_id').references(() => regiegebieden.id),
  },
  (table) => [
    index('municipalities_province_idx').on(table.provinceCode),
    index('municipalities_reference_region_idx').on(table.referenceRegionId),
    index('municipalities_regiegebied_idx').on(table.regiegebiedId),
    index('municipalities_centrumstad_idx').on(table.centrumstad),
  ],
);

export const intermunicipalPartnerships = agreementsSchema.table(
  'intermunicipal_partnerships',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: partnershipKindEnum('kind').notNull(),
    /** The reference region the partnership nests in ("matryoshka", 004 p27). */
    referenceRegionId: text('reference_region_id').references(() => referenceRegions.id),
  },
  (table) => [
    index('intermunicipal_partnerships_kind_idx').on(table.kind),
    index('intermunicipal_partnerships_reference_region_idx').on(table.referenceRegionId),
  ],
);

export const partnershipMembers = agreementsSchema.table(
  'partnership_members',
  {
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => intermunicipalPartnerships.id),
    municipalityNisCode: text('municipality_nis_code')
      .notNull()
      .references(() => municipalities.nisCode),
  },
  (table) => [
    primaryKey({ columns: [table.partnershipId, table.municipalityNisCode] }),
    index('partnership_members_municipality_idx').on(table.municipalityNisCode),
  ],
);

export interface AgreementContactValue {
  name: string;
  role: string;
  email: string;
}

export const collaborationAgreements = agreementsSchema.table(
  'collaboration_agreements',
  {
    id: text('id').primaryKey(),
    type: agreementTypeEnum('type').notNull(),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }),
    targetGroups: agreementTargetGroupEnum('target_groups')
      .array()
      .notNull()
      .default(sql`'{}'`),
    omgevingsanalyse: text('omgevingsanalyse'),
    doelstellingen: text('doelstellingen'),
    acties: text('acties'),
    taakverdeling: text('taakverdeling'),
    indicatorenStreefcijfers: text('indicatoren_streefcijfers'),
    contacts: jsonb('contacts').$type<AgreementContactValue[]>().notNull().default([]),
    samenwerkingslijn: boolean('samenwerkingslijn').notNull().default(false),
    responseDeadlineDays: integer('response_deadline_days'),
    overlegforum: text('overlegforum'),
    status: agreementStatusEnum('status').notNull(),
    signedAt: date('signed_at', { mode: 'string' }),
  },
  (table) => [
    index('collaboration_agreements_type_idx').on(table.type),
    index('collaboration_agreements_status_idx').on(table.status),
    index('collaboration_agreements_period_idx').on(table.periodStart, table.periodEnd),
  ],
);

/**
 * The parties to an agreement. `ref` names the party within its kind: a NIS code for a
 * municipality, a partnership or regiegebied id, an organisation id (`vdab`, `vvsg`, …) otherwise.
 */
export const agreementParties = agreementsSchema.table(
  'agreement_parties',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => collaborationAgreements.id),
    kind: partyKindEnum('kind').notNull(),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.kind, table.ref] }),
    index('agreement_parties_kind_ref_idx').on(table.kind, table.ref),
  ],
);

/**
 * Which municipalities an agreement covers, derived from its parties: a municipality itself, the
 * members of an intermunicipal partnership, the municipalities of a regiegebied. A view, so the
 * coverage can never disagree with the parties and the geography.
 */
export const agreementCoverage = agreementsSchema
  .view('agreement_coverage', {
    agreementId: text('agreement_id').notNull(),
    municipalityNisCode: text('municipality_nis_code').notNull(),
  })
  .as(
    sql`select p.agreement_id, p.ref as municipality_nis_code
      from agreements.agreement_parties p
      where p.kind = 'MUNICIPALITY'
    union
    select p.agreement_id, m.municipality_nis_code
      from agreements.agreement_parties p
      join agreements.partnership_members m on m.partnership_id = p.ref
      where p.kind = 'INTERMUNICIPAL_PARTNERSHIP'
    union
    select p.agreement_id, g.nis_code
      from agreements.agreement_parties p
      join agreements.municipalities g on g.regiegebied_id = p.ref
      where p.kind = 'REGIEGEBIED'`,
  );

export const actionPlans = agreementsSchema.table(
  'action_plans',
  {
    id: text('id').primaryKey(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => collaborationAgreements.id),
    year: integer('year').notNull(),
    published: boolean('published').notNull().default(false),
  },
  (table) => [
    uniqueIndex('action_plans_agreement_year_idx').on(table.agreementId, table.year),
    index('action_plans_year_idx').on(table.year),
  ],
);

export const agreementActions = agreementsSchema.table(
  'agreement_actions',
  {
    id: text('id').primaryKey(),
    actionPlanId: text('action_plan_id')
      .notNull()
      .references(() => actionPlans.id),
    title: text('title').notNull(),
    targetGroup: agreementTargetGroupEnum('target_group'),
    owner: text('owner').notNull(),
    status: actionStatusEnum('status').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    qualitativeIndicator: text('qualitative_indicator'),
  },
  (table) => [
    index('agreement_actions_plan_idx').on(table.actionPlanId),
    index('agreement_actions_status_idx').on(table.status),
  ],
);

export const activationPactParticipations = agreementsSchema.table(
  'activation_pact_participations',
  {
    id: text('id').primaryKey(),
    municipalityNisCode: text('municipality_nis_code')
      .notNull()
      .references(() => municipalities.nisCode),
    year: integer('year').notNull(),
    status: pactStatusEnum('status').notNull(),
    confirmedAt: date('confirmed_at', { mode: 'string' }),
    planAlignedWithVdab: boolean('plan_aligned_with_vdab').notNull().default(false),
    inSoActionPlan: boolean('in_so_action_plan').notNull().default(false),
    rmiCount: integer('rmi_count').notNull(),
    ukrCount: integer('ukr_count').notNull(),
    leefloonBase: integer('leefloon_base').notNull(),
    baselineRate: doublePrecision('baseline_rate').notNull(),
    activatedRegistered: integer('activated_registered'),
    maxAmountCents: integer('max_amount_cents'),
    floor: integer('floor').notNull(),
    eligible: integer('eligible'),
    payoutCents: integer('payout_cents'),
    councilReportAt: date('council_report_at', { mode: 'string' }),
  },
  (table) => [
    uniqueIndex('activation_pact_participations_municipality_year_idx').on(
      table.municipalityNisCode,
      table.year,
    ),
    index('activation_pact_participations_year_idx').on(table.year),
    index('activation_pact_participations_status_idx').on(table.status),
  ],
);

export type ProvinceRow = typeof provinces.$inferSelect;
export type ReferenceRegionRow = typeof referenceRegions.$inferSelect;
export type RegiegebiedRow = typeof regiegebieden.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;
export type IntermunicipalPartnershipRow = typeof intermunicipalPartnerships.$inferSelect;
export type PartnershipMemberRow = typeof partnershipMembers.$inferSelect;
export type CollaborationAgreementRow = typeof collaborationAgreements.$inferSelect;
export type AgreementPartyRow = typeof agreementParties.$inferSelect;
export type ActionPlanRow = typeof actionPlans.$inferSelect;
export type AgreementActionRow = typeof agreementActions.$inferSelect;
export type ActivationPactParticipationRow = typeof activationPactParticipations.$inferSelect;
