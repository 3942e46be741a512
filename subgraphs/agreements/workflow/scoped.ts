import { eq } from 'drizzle-orm';

import { orgRef } from '../../../common/access/caller';
import type { Database } from '../../../common/db/connection';
import { agreementCoverage } from '../tables';

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
