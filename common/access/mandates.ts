import { and, asc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';

import type { Database } from '../db/connection';
import { anyOf } from '../db/any-of';
import { domainError, ErrorCode } from '../errors';
import { paginate, type ConnectionArgs } from '../pagination';
import type { BulkInsert } from './directory';
import type { RowScope } from './rows';
import { mandates, type MandateRow } from './tables';

export type { MandateRow };
export type MandateInsert = typeof mandates.$inferInsert;

/** Who asks: the verified partner, as the gateway knows it before any mandate. */
export interface MandateSubject {
  org: string;
  role: string;
}

export interface MandateDecision {
  purpose: string;
  mandateId: string;
  categories: string[];
}

const callerKey = ({ org, role }: { org: string; role: string }) => `${org}|${role}`;

const forbidden = (message: string) =>
  domainError(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });

/**
 * The mandates in force, cached for a short while: they change by agreement, not per request, and
 * reading them on every request would put the database on the hot path of every partner call.
 */
export class MandateDirectory {
  /** The mandates in force by `org|role`, so a request looks up its own, not all thousands. */
  private cache: { at: number; byCaller: Map<string, MandateRow[]> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly cacheSeconds: number,
    /** The product's clock: a mandate is in force on this day. */
    private readonly today: () => string,
  ) {}

  private async inForce(org: string, role: string): Promise<MandateRow[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at >= this.cacheSeconds * 1000) {
      const byCaller = new Map<string, MandateRow[]>();
      for (const mandate of await this.read()) {
        const key = callerKey(mandate);
        const own = byCaller.get(key);
        if (own) own.push(mandate);
        else byCaller.set(key, [mandate]);
      }
      this.cache = { at: now, byCaller };
    }
    return this.cache.byCaller.get(callerKey({ org, role })) ?? [];
  }

  private read(): Promise<MandateRow[]> {
    const day = this.today();
    return this.db
      .select()
      .from(mandates)
      .where(
        and(
          lte(mandates.validFrom, day),
          or(isNull(mandates.validUntil), gte(mandates.validUntil, day)),
        ),
      );
  }

  /**
   * The mandate for this request: the declared purpose (`x-purpose`), or the caller's only
   * purpose. No mandate for it → FORBIDDEN (DOMAIN A.2.2).
   */
  async decide(
    identity: MandateSubject,
    declaredPurpose: string | undefined,
  ): Promise<MandateDecision> {
    const own = await this.inForce(identity.org, identity.role);
    const purposes = [...new Set(own.map((mandate) => mandate.purpose))].sort();
    if (own.length === 0) {
      throw forbidden(`${identity.org} has no mandate in force for role ${identity.role}.`);
    }
    const purpose = declaredPurpose ?? (purposes.length === 1 ? purposes[0] : undefined);
    if (!purpose) {
      throw forbidden(
        `Declare the purpose of this request in the x-purpose header: one of ${purposes.join(', ')}.`,
      );
    }
    const granted = own.filter((mandate) => mandate.purpose === purpose);
    if (granted.length === 0) {
      throw forbidden(
        `No mandate for purpose ${purpose}; your mandates cover: ${purposes.join(', ')}.`,
      );
    }
    return {
      purpose,
      mandateId: granted.map((mandate) => mandate.id).join(','),
      categories: [...new Set(granted.flatMap((mandate) => mandate.categories))].sort(),
    };
  }
}

/** The filters a partner may give when it lists mandates. */
export interface MandateFilters {
  org?: string | null;
  role?: string | null;
  purpose?: string | null;
}

/**
 * A page of the mandate directory as the caller may see it (the department all of it, any other
 * organisation its own), read-only: no component writes mandates.
 */
export function mandatesPage(
  db: Database,
  rows: RowScope,
  filters: MandateFilters,
  args: ConnectionArgs,
) {
  const conditions: (SQL | undefined)[] = [rows.mandates(mandates.org)];
  if (filters.org) conditions.push(eq(mandates.org, filters.org));
  if (filters.role) conditions.push(eq(mandates.role, filters.role));
  if (filters.purpose) conditions.push(eq(mandates.purpose, filters.purpose));
  return paginate(db, mandates, 'id', and(...conditions), args);
}

/** The mandates grounded on each of these agreements, as the caller may see them. */
export function mandatesOfAgreements(
  db: Database,
  rows: RowScope,
  agreementIds: string[],
): Promise<MandateRow[]> {
  return db
    .select()
    .from(mandates)
    .where(and(anyOf(mandates.agreementId, agreementIds), rows.mandates(mandates.org)))
    .orderBy(asc(mandates.id));
}

/** Seeds the mandate directory (the platform's administration writes it, never a component). */
export function seedMandateRows(insert: BulkInsert, rows: MandateInsert[]): Promise<void> {
  return insert(mandates, rows);
}
