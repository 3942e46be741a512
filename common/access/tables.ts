import { sql, type SQLWrapper } from 'drizzle-orm';
import { bigserial, date, index, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

import { now } from '../clock';
import { LEGAL_BASES } from './purposes';

/**
 * The `access` schema (DOMAIN A.2, A.5): mandates, the reference directory and the audit log.
 * It is the one schema every subgraph reads, through the shared access checks only.
 */
export const accessSchema = pgSchema('access');

export const legalBasisEnum = accessSchema.enum('legal_basis', LEGAL_BASES);

export const auditOutcomeEnum = accessSchema.enum('audit_outcome', [
  'ALLOWED',
  'FILTERED',
  'DENIED',
]);

/**
 * Whether an audit row's consultation returned data (refusals did not). Written as literals, not
 * parameters, so that a prepared statement's generic plan can still use the index below.
 */
export const returnedData = (outcome: SQLWrapper) => sql`${outcome} in ('ALLOWED', 'FILTERED')`;

/** A grant to an (org, role) for one purpose, on a legal basis, over data categories a–r of B.4. */
export const mandates = accessSchema.table(
  'mandates',
  {
    id: text('id').primaryKey(),
    org: text('org').notNull(),
    role: text('role').notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: legalBasisEnum('legal_basis').notNull(),
    /** The agreement (agreements subgraph) that grounds the mandate, when there is one. */
    agreementId: text('agreement_id'),
    categories: text('categories').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    description: text('description').notNull(),
  },
  (table) => [index('mandates_org_role_idx').on(table.org, table.role)],
);

/** The reference directory: which organisation has a relation with which person, for what. */
export const relations = accessSchema.table(
  'relations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    org: text('org').notNull(),
    personId: text('person_id').notNull(),
    purpose: text('purpose').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The business fact that created the relation, e.g. `social_assistance:SA-000001`. */
    source: text('source').notNull(),
    /**
     * When the directory recorded the relation or last moved its end, by the product's clock: a
     * fact dated in the past (a hire that started last week) is still news from this instant on.
     * The candidate pool tells a nightly sync who left it since its last pull from this.
     */
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' })
      .notNull()
      // The database's clock only for a row written by hand in SQL; the application's are stamped.
      .default(sql`now()`)
      .$defaultFn(() => now()),
  },
  (table) => [
    // Holds every column the row filter reads, so scoping a page probes the index alone.
    index('relations_scope_idx').on(
      table.org,
      table.purpose,
      table.personId,
      table.validFrom,
      table.validUntil,
    ),
    // One person's relations of a purpose, whatever the organisation: the pool asks whether a
    // member is employed anywhere (common/access/candidate-pool.ts).
    index('relations_person_purpose_idx').on(table.personId, table.purpose),
  ],
);

/**
 * Delegations of the reference directory: `org` reaches, for `purpose`, the persons `viaOrg` has
 * a relation with for `viaPurpose`, for as long as both hold. An SO adviesbevoegdheid indicering
 * opens the OCMW clients of the municipalities it covers to their local governments' ICF
 * consultants this way (DOMAIN A.2.4, B.4), new clients included.
 */
export const delegations = accessSchema.table(
  'delegations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    org: text('org').notNull(),
    purpose: text('purpose').notNull(),
    viaOrg: text('via_org').notNull(),
    viaPurpose: text('via_purpose').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The agreement that opened it, e.g. `agreement:CA-000002`. */
    source: text('source').notNull(),
  },
  (table) => [index('delegations_scope_idx').on(table.org, table.purpose)],
);

/**
 * Append-only: every read of personal data (DOMAIN A.2.6). The database itself refuses to update,
 * delete or truncate it, for every role (migration 0002), and only the partition functions of the
 * retention job remove it, a whole month at a time. Partitioned by month on `at` (migration 0002;
 * drizzle-kit does not express partitions), so the primary key holds `at` too.
 */
export const auditLog = accessSchema.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** The request id the gateway made, shared by every subgraph the request reached. */
    requestId: text('request_id').notNull(),
    /** The partner's own `x-request-id`, kept to follow its requests; never used to group them. */
    partnerRequestId: text('partner_request_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    operation: text('operation').notNull(),
    subgraph: text('subgraph').notNull(),
    fields: text('fields').array().notNull(),
    org: text('org').notNull(),
    application: text('application'),
    sub: text('sub').notNull(),
    role: text('role').notNull(),
    purpose: text('purpose'),
    mandateId: text('mandate_id'),
    /** Null for a refusal that named no person the caller may know of. */
    personId: text('person_id'),
    /** What a refused lookup asked for, e.g. `Person:P-000001` or `Referral:R-000123`. */
    subject: text('subject'),
    outcome: auditOutcomeEnum('outcome').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.id, table.at] }),
    // The citizen's access log (common/access/access-log.ts) reads one person's consultations
    // that returned data from this index alone, without visiting the table's rows.
    index('audit_log_consultations_idx')
      .on(table.personId, table.at, table.org, table.requestId, table.subgraph, table.purpose)
      .where(returnedData(table.outcome)),
  ],
);

export type MandateRow = typeof mandates.$inferSelect;
