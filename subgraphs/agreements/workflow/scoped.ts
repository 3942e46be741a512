import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { RowScope } from '../../../common/access/rows';
import type { Database } from '../../../common/db/connection';
import { notFound } from '../../../common/errors';
import { agreementCoverage, collaborationAgreements as agreements } from '../tables';

/** The agreements covering a municipality, as a subquery. */
export const agreementsCovering = (db: Database, nisCode: string) =>
  db
    .select({ agreementId: agreementCoverage.agreementId })
    .from(agreementCoverage)
    .where(eq(agreementCoverage.municipalityNisCode, nisCode));

/** The municipalities an agreement covers. */
export async function municipalitiesCovered(db: Database, agreementId: string): Promise<string[]> {
  const rows = await db
    .select({ nisCode: agreementCoverage.municipalityNisCode })
    .from(agreementCoverage)
    .where(eq(agreementCoverage.agreementId, agreementId))
    .orderBy(agreementCoverage.municipalityNisCode);
  return rows.map((row) => row.nisCode);
}

/**
 * Narrows rows naming an agreement (its id, or an action plan's agreement) to the agreements the
 * caller may read (the access policy says which municipality's, if it limits them).
 */
export function agreementScope(
  db: Database,
  rows: RowScope,
  agreementId: AnyPgColumn,
): SQL | undefined {
  return rows.agreements((nisCode) => inArray(agreementId, agreementsCovering(db, nisCode)));
}

/**
 * An agreement covering the caller's municipality, locked: for update when it changes, shared
 * when something is added to it. NOT_FOUND for any other.
 */
export async function ownAgreement(
  tx: Database,
  rows: RowScope,
  id: string,
  lock: 'update' | 'share' = 'update',
) {
  const [agreement] = await tx
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.id, id),
        inArray(agreements.id, agreementsCovering(tx, rows.ownMunicipality())),
      ),
    )
    .for(lock);
  if (!agreement) throw notFound('CollaborationAgreement', id);
  return agreement;
}
