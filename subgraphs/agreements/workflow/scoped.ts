import { and, eq, inArray } from 'drizzle-orm';

import { orgRef } from '../../../common/access/caller';
import type { Database } from '../../../common/db/connection';
import { notFound } from '../../../common/errors';
import { agreementCoverage, collaborationAgreements as agreements } from '../tables';

/**
 * Agreements and action plans are kept by the regisseur or VDAB network manager of the area
 * (the CITY_MONITOR role of A.3). B.4 names no owner for column o, so this is a decision: each
 * keeps the agreements that cover their own municipality.
 */
export const KEEPERS = ['CITY_MONITOR'] as const;

export const ownMunicipality = (org: string) => orgRef(org, 'municipality') ?? '';

/** The agreements covering the caller's municipality. */
export const ownAgreements = (tx: Database, org: string) =>
  tx
    .select({ agreementId: agreementCoverage.agreementId })
    .from(agreementCoverage)
    .where(eq(agreementCoverage.municipalityNisCode, ownMunicipality(org)));

/**
 * An agreement covering the caller's municipality, locked: for update when it changes, shared
 * when something is added to it. NOT_FOUND for any other.
 */
export async function ownAgreement(
  tx: Database,
  org: string,
  id: string,
  lock: 'update' | 'share' = 'update',
) {
  const [agreement] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), inArray(agreements.id, ownAgreements(tx, org))))
    .for(lock);
  if (!agreement) throw notFound('CollaborationAgreement', id);
  return agreement;
}
