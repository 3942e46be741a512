import { sql } from 'drizzle-orm';

import { auditLog } from './tables';
import type { ForwardedCaller } from './gateway-token';
import type { Database } from '../db/connection';

type Outcome = 'ALLOWED' | 'FILTERED' | 'DENIED';

interface PersonAccess {
  allowed: Set<string>;
  denied: Set<string>;
}

/** One row of `access.audit_log`: what one subgraph fetch read about one person. */
export interface AuditEntry {
  /** The gateway's own request id (how the citizen's access log groups a consultation). */
  requestId: string;
  /** The partner's own `x-request-id`, kept beside it. */
  partnerRequestId: string | null;
  operation: string;
  subgraph: string;
  org: string;
  application: string | null;
  sub: string;
  role: string;
  purpose: string | null;
  mandateId: string | null;
  /** Null for a refusal that names no person. */
  personId: string | null;
  /** What a refused lookup asked for, e.g. `Person:P-000001` or `Referral:R-000123`. */
  subject: string | null;
  outcome: Outcome;
  /** `Type.field` coordinates, comma-separated. */
  fields: string;
}

/** A refused consultation: what was asked for, and about whom when it names a person. */
export interface Refusal {
  personId: string | null;
  subject: string;
  field: string;
}

/**
 * What one subgraph fetch read about which persons. Resolvers record as they go; the entries are
 * written when the response is ready, and the response is withheld if they cannot be.
 */
export class AuditTrail {
  private readonly byPerson = new Map<string, PersonAccess>();
  private readonly refusals = new Map<string, { personId: string | null; fields: Set<string> }>();

  record(personId: string, field: string, allowed: boolean): void {
    let access = this.byPerson.get(personId);
    if (!access) {
      access = { allowed: new Set(), denied: new Set() };
      this.byPerson.set(personId, access);
    }
    (allowed ? access.allowed : access.denied).add(field);
  }

  /**
   * A consultation refused before any record was read (a lookup the row scope hides, a root
   * field or filter outside the mandate): logged as DENIED, with what was asked for, so an
   * insider cannot probe ids unseen.
   */
  refuse({ personId, subject, field }: Refusal): void {
    let refusal = this.refusals.get(subject);
    if (!refusal) {
      refusal = { personId, fields: new Set() };
      this.refusals.set(subject, refusal);
    }
    refusal.fields.add(field);
  }

  get isEmpty(): boolean {
    return this.byPerson.size === 0 && this.refusals.size === 0;
  }

  entries(caller: ForwardedCaller, subgraph: string, operation: string): AuditEntry[] {
    return [
      ...[...this.byPerson].map(([personId, access]) =>
        auditEntry(caller, { subgraph, operation, personId }, outcomeOf(access), [
          ...access.allowed,
          ...access.denied,
        ]),
      ),
      ...[...this.refusals].map(([subject, refusal]) =>
        auditEntry(caller, { subgraph, operation, personId: refusal.personId, subject }, 'DENIED', [
          ...refusal.fields,
        ]),
      ),
    ];
  }
}

/** Where a read happened and what it was about. */
export interface AuditTarget {
  subgraph: string;
  operation: string;
  personId: string | null;
  subject?: string | null;
}

/** One row of the audit log: who (the caller), where, about whom, with what outcome. */
export function auditEntry(
  caller: ForwardedCaller,
  { subgraph, operation, personId, subject = null }: AuditTarget,
  outcome: Outcome,
  fields: string[],
): AuditEntry {
  return {
    requestId: caller.requestId,
    partnerRequestId: caller.partnerRequestId,
    operation,
    subgraph,
    org: caller.org,
    application: caller.application,
    sub: caller.sub,
    role: caller.role,
    purpose: caller.purpose,
    mandateId: caller.mandateId,
    personId,
    subject,
    outcome,
    fields: [...fields].sort().join(','),
  };
}

function outcomeOf(access: PersonAccess): Outcome {
  if (access.denied.size === 0) return 'ALLOWED';
  return access.allowed.size > 0 ? 'FILTERED' : 'DENIED';
}

const COLUMNS = [
  'requestId',
  'partnerRequestId',
  'operation',
  'subgraph',
  'org',
  'application',
  'sub',
  'role',
  'purpose',
  'mandateId',
  'personId',
  'subject',
  'outcome',
  'fields',
] as const satisfies readonly (keyof AuditEntry)[];

/**
 * One statement of fixed shape whatever the number of rows: every column as an array, so it is
 * prepared once and costs no query building.
 */
export function insertEntries(db: Database, entries: AuditEntry[]) {
  const column = (name: (typeof COLUMNS)[number]) =>
    sql`${sql.param(entries.map((entry) => entry[name]))}::text[]`;
  return db.execute(sql`
    insert into ${auditLog} (request_id, partner_request_id, operation, subgraph, org,
      application, sub, role, purpose, mandate_id, person_id, subject, outcome, fields)
    select request_id, partner_request_id, operation, subgraph, org, application, sub, role,
      purpose, mandate_id, person_id, subject, outcome::access.audit_outcome,
      string_to_array(fields, ',')
    from unnest(${sql.join(COLUMNS.map(column), sql`, `)})
      as entry(request_id, partner_request_id, operation, subgraph, org, application, sub, role,
        purpose, mandate_id, person_id, subject, outcome, fields)`);
}

interface Waiting {
  entries: AuditEntry[];
  settle: (error?: unknown) => void;
}

/**
 * Writes the audit entries of many requests together (a group commit): while one insert is in
 * flight, the entries of the requests that finish meanwhile queue and go in the next. Each
 * request still waits until its own entries are committed, so an audit that cannot be written
 * withholds the data of every request in the failed insert (DOMAIN A.2.6: fail closed).
 */
export class AuditWriter {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  write(entries: AuditEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, settle: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await insertEntries(
          this.db,
          batch.flatMap((waiting) => waiting.entries),
        );
        for (const waiting of batch) waiting.settle();
      } catch (error) {
        for (const waiting of batch) waiting.settle(error);
      }
    }
    this.writing = false;
  }
}

const writers = new WeakMap<Database, AuditWriter>();

/** The one writer of a database, shared by the subgraphs that use it. */
export function auditWriterFor(db: Database): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
