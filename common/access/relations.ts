import { consentPurpose } from './purposes';
import { relations } from './tables';

export type RelationInsert = typeof relations.$inferInsert;

/**
 * A consent opens the reference directory to the organisation it is given to, for the consent's
 * own purpose; a revoked consent opens nothing.
 */
export function relationForConsent(consent: {
  id: string;
  personId: string;
  type: string;
  grantedTo: string;
  grantedAt: Date;
  revokedAt?: Date | null;
}): RelationInsert | null {
  if (consent.revokedAt) return null;
  return {
    org: consent.grantedTo,
    personId: consent.personId,
    purpose: consentPurpose(consent.type),
    validFrom: consent.grantedAt.toISOString().slice(0, 10),
    source: `consent:${consent.id}`,
  };
}
