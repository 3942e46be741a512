import { and, eq } from 'drizzle-orm';
import DataLoader from 'dataloader';

import { anyOf } from '../db/any-of';
import type { Database } from '../db/connection';
import { AuditTrail } from './audit';
import type { DataCategory } from './categories';
import type { ForwardedCaller } from './gateway-token';
import { ACCESS_MATRIX, type AccessLevel } from './matrix';
import { consentPurpose } from './purposes';
import { relationInForce } from './scope';
import { relations } from './tables';

/** The consent that opens a `consent` (C) cell of the matrix, per category. */
const CONSENT_FOR_CATEGORY: Partial<Record<DataCategory, string>> = {
  e: 'OCMW_INSCHRIJVINGSMANDAAT',
  h: 'ATTEST_DATAKOPPELING',
};

/**
 * The access decisions of one request in one subgraph: the caller's level per data category (the
 * matrix of B.4 narrowed to the categories of the mandate), consents looked up in one batch, and
 * the audit trail of what was read about whom.
 */
export class RequestAccess {
  readonly audit = new AuditTrail();
  private readonly consents: DataLoader<string, boolean>;

  constructor(
    readonly caller: ForwardedCaller,
    db: Database,
  ) {
    this.consents = new DataLoader(async (keys) => {
      const wanted = keys.map((key) => JSON.parse(key) as [string, string]);
      const rows = await db
        .select({ personId: relations.personId, purpose: relations.purpose })
        .from(relations)
        .where(
          and(
            eq(relations.org, caller.org),
            anyOf(relations.personId, [...new Set(wanted.map(([personId]) => personId))]),
            anyOf(relations.purpose, [...new Set(wanted.map(([, purpose]) => purpose))]),
            relationInForce(),
          ),
        );
      const found = new Set(rows.map((row) => JSON.stringify([row.personId, row.purpose])));
      return keys.map((key) => found.has(key));
    });
  }

  /** Partner reads are logged; the platform's own (seeding, tooling, the benchmark baseline) are not. */
  get audited(): boolean {
    return this.caller.role !== 'SYSTEM';
  }

  level(category: DataCategory): AccessLevel {
    const { role } = this.caller;
    if (role === 'SYSTEM') return 'full';
    if (!this.caller.categories.includes(category)) return 'none';
    return ACCESS_MATRIX[role][category];
  }

  /** Whether the person gave the consent that the category needs to this caller's organisation. */
  consented(personId: string, category: DataCategory): Promise<boolean> {
    const consentType = CONSENT_FOR_CATEGORY[category];
    if (!consentType) return Promise.resolve(false);
    return this.consents.load(JSON.stringify([personId, consentPurpose(consentType)]));
  }
}
