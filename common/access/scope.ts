import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Caller } from './caller';
import { relations } from './tables';

/**
 * What rows a caller may reach. Every data-access function takes a scope and applies its filters
 * in SQL, so a row outside the scope is never read, counted or hinted at.
 */
export interface AccessScope {
  readonly caller: Caller;
  /** A condition restricting a person-id column to the persons the caller may see, or undefined. */
  personFilter(personId: AnyPgColumn): SQL | undefined;
}

/** Roles that see persons through the reference directory (DOMAIN A.2.4). */
const DIRECTORY_ROLES = new Set([
  'VDAB_MEDIATOR',
  'VDAB_ICF_CONSULTANT',
  'GTB_COUNSELLOR',
  'OCMW_SOCIAL_WORKER',
  'LG_ICF_CONSULTANT',
  'EMPLOYER',
  'JOB_COACH',
]);

/** A relation of the reference directory that holds today (a revoked consent ends its relation). */
export const relationInForce = () =>
  sql`${relations.validFrom} <= current_date
    and (${relations.validUntil} is null or ${relations.validUntil} >= current_date)`;

export function scopeFor(caller: Caller): AccessScope {
  return { caller, personFilter: (personId) => personFilterFor(caller, personId) };
}

function personFilterFor(caller: Caller, personId: AnyPgColumn): SQL | undefined {
  if (caller.role === 'SYSTEM') return undefined;
  if (caller.role === 'CITIZEN') return sql`${personId} = ${caller.sub}`;
  if (DIRECTORY_ROLES.has(caller.role) && caller.purpose) {
    return sql`${personId} in (select ${relations.personId} from ${relations}
      where ${relations.org} = ${caller.org} and ${relations.purpose} = ${caller.purpose}
        and ${relationInForce()})`;
  }
  // Monitors, the department and federations reach no person at all, only aggregates.
  return sql`false`;
}
