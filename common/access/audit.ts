import { sql } from 'drizzle-orm';

import { auditLog } from './tables';
import type { ForwardedCaller } from './gateway-token';
import type { Database } from '../db/connection';

type Outcome = 'ALLOWED' | 'FILTERED' | 'DENIED';

interface PersonAccess {
  allowed: Set<string>;
  denied: Set<string>;
}

/**
 * What one subgraph fetch read about which persons. Resolvers record as they go; the trail is
 * written as one insert when the response is ready, and the response is withheld if it cannot be.
 */
export class AuditTrail {
  private readonly byPerson = new Map<string, PersonAccess>();

  record(personId: string, field: string, allowed: boolean): void {
    let access = this.byPerson.get(personId);
    if (!access) {
      access = { allowed: new Set(), denied: new Set() };
      this.byPerson.set(personId, access);
    }
    (allowed ? access.allowed : access.denied).add(field);
  }

  get isEmpty(): boolean {
    return this.byPerson.size === 0;
  }

  async write(
    db: Database,
    caller: ForwardedCaller,
    subgraph: string,
    operation: string,
  ): Promise<void> {
    if (this.isEmpty) return;
    const entries = [...this.byPerson];
    // One statement of fixed shape whatever the number of persons: the caller's columns once,
    // the per-person columns as arrays, so it is planned once and costs no query building.
    await db.execute(sql`
      insert into ${auditLog} (request_id, operation, subgraph, org, application, sub, role,
        purpose, mandate_id, person_id, outcome, fields)
      select ${caller.requestId}, ${operation}, ${subgraph}, ${caller.org}, ${caller.application},
        ${caller.sub}, ${caller.role}, ${caller.purpose}, ${caller.mandateId},
        entry.person_id, entry.outcome::access.audit_outcome, string_to_array(entry.fields, ',')
      from unnest(
        ${sql.param(entries.map(([personId]) => personId))}::text[],
        ${sql.param(entries.map(([, access]) => outcomeOf(access)))}::text[],
        ${sql.param(entries.map(([, access]) => [...access.allowed, ...access.denied].sort().join(',')))}::text[]
      ) as entry(person_id, outcome, fields)`);
  }
}

function outcomeOf(access: PersonAccess): Outcome {
  if (access.denied.size === 0) return 'ALLOWED';
  return access.allowed.size > 0 ? 'FILTERED' : 'DENIED';
}
