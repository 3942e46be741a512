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
    const rows = [...this.byPerson].map(([personId, access]) => ({
      requestId: caller.requestId,
      operation,
      subgraph,
      fields: [...access.allowed, ...access.denied].sort(),
      org: caller.org,
      application: caller.application,
      sub: caller.sub,
      role: caller.role,
      purpose: caller.purpose,
      mandateId: caller.mandateId,
      personId,
      outcome: outcomeOf(access),
    }));
    await db.insert(auditLog).values(rows);
  }
}

function outcomeOf(access: PersonAccess): Outcome {
  if (access.denied.size === 0) return 'ALLOWED';
  return access.allowed.size > 0 ? 'FILTERED' : 'DENIED';
}
