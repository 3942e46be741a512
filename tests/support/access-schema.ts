import { bigserial, date, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The tests' own description of the `access` schema, to arrange and inspect what the product
 * writes there (relations, mandates, the audit log) as any outsider looking at the database
 * would. Only common/access reads and writes these tables in the product.
 */
const access = pgSchema('access');

export const relations = access.table('relations', {
  id: bigserial('id', { mode: 'number' }),
  org: text('org').notNull(),
  personId: text('person_id').notNull(),
  purpose: text('purpose').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }),
  source: text('source').notNull(),
});

export const mandates = access.table('mandates', {
  id: text('id').notNull(),
  org: text('org').notNull(),
  role: text('role').notNull(),
  purpose: text('purpose').notNull(),
  legalBasis: text('legal_basis')
    .$type<'CONSENT' | 'SO' | 'PROTOCOL' | 'DECREE' | 'KSZ_AUTHORISATION'>()
    .notNull(),
  agreementId: text('agreement_id'),
  categories: text('categories').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }),
  description: text('description').notNull(),
});

export const auditLog = access.table('audit_log', {
  id: bigserial('id', { mode: 'number' }),
  requestId: text('request_id').notNull(),
  partnerRequestId: text('partner_request_id'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  operation: text('operation').notNull(),
  subgraph: text('subgraph').notNull(),
  fields: text('fields').array().notNull(),
  org: text('org').notNull(),
  application: text('application'),
  sub: text('sub').notNull(),
  role: text('role').notNull(),
  purpose: text('purpose'),
  mandateId: text('mandate_id'),
  personId: text('person_id'),
  subject: text('subject'),
  outcome: text('outcome').notNull(),
});
