import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { orgRef, type Caller } from '../../../common/access/caller';
import type { Database } from '../../../common/db/connection';
import { notFound } from '../../../common/errors';
import { agreementCoverage, collaborationAgreements as agreements } from '../tables';

/**
 * Agreements and action plans are kept by the regisseur or VDAB network manager of the area
 * (the CITY_MONITOR role of A.3). B.4 names no owner for column o, so this is a decision: each
 * keeps the agreements that cover their own municipality.
 */
export const KEEPERS = ['CITY_MONITOR'] as const;

/**
 * Roles that read agreements, action plans (o) and pact data (p) of their own local government
 * only. B.4 gives the city monitor R on o and p, the OCMW R on o and r on p, and the local
 * government's ICF consultant r on o: R and r are the caller's own scope, its municipality's
 * agreements and pact result, not every municipality's. The department reads them for all of
 * Flanders; VDAB (r on o), a party to every SO, their minimised view everywhere.
 */
const OWN_AREA_READERS: ReadonlySet<Caller['role']> = new Set([
  'CITY_MONITOR',
  'OCMW_SOCIAL_WORKER',
  'LG_ICF_CONSULTANT',
]);

/** The municipality of a local government's organisation: the city, its OCMW or its consultants. */
export const ownMunicipality = (org: string) => orgRef(org, 'municipality', 'ocmw', 'lg') ?? '';

/** The municipality a caller's reads of o and p are limited to; undefined when it reads all. */
export function readingArea(caller: Pick<Caller, 'role' | 'org'>): string | undefined {
  return OWN_AREA_READERS.has(caller.role) ? ownMunicipality(caller.org) : undefined;
}

/** The agreements covering the caller's municipality. */
export const ownAgreements = (tx: Database, org: string) =>
  tx
    .select({ agreementId: agreementCoverage.agreementId })
    .from(agreementCoverage)
    .where(eq(agreementCoverage.municipalityNisCode, ownMunicipality(org)));

/**
 * Narrows rows naming an agreement (its id, or an action plan's agreement) to the agreements the
 * caller may read: for a caller limited to its own area, those covering its municipality. Rows
 * outside it read as ids that do not exist.
 */
export function agreementScope(
  db: Database,
  caller: Pick<Caller, 'role' | 'org'>,
  agreementId: AnyPgColumn,
): SQL | undefined {
  return readingArea(caller) === undefined
    ? undefined
    : inArray(agreementId, ownAgreements(db, caller.org));
}

/** Narrows pact participations to the caller's own local government when it is limited to it. */
export function pactScope(
  caller: Pick<Caller, 'role' | 'org'>,
  municipalityNisCode: AnyPgColumn,
): SQL | undefined {
  const area = readingArea(caller);
  return area === undefined ? undefined : eq(municipalityNisCode, area);
}

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
