import { and, gte, isNull, lte, or, sql } from 'drizzle-orm';

import { mandates, type MandateRow } from '../common/access/tables';
import type { Database } from '../common/db/connection';
import { domainError, ErrorCode } from '../common/errors';
import type { PartnerIdentity } from './auth';

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
    return this.db
      .select()
      .from(mandates)
      .where(
        and(
          lte(mandates.validFrom, sql`current_date`),
          or(isNull(mandates.validUntil), gte(mandates.validUntil, sql`current_date`)),
        ),
      );
  }

  /**
   * The mandate for this request: the declared purpose (`x-purpose`), or the caller's only
   * purpose. No mandate for it → FORBIDDEN (DOMAIN A.2.2).
   */
  async decide(
    identity: PartnerIdentity,
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
