import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { orgRef } from '../../common/access/caller';
import { anyOf } from '../../common/db/any-of';
import type { AccessScope } from '../../common/access/scope';
import type { Database } from '../../common/db/connection';
import { manyByKey, oneByKey } from '../../common/loaders';
import { contingents, employers, placements, referrals, supportPlans, vacancies } from './tables';

/** The employer an EMPLOYER or JOB_COACH caller works for (`employer:E-000001` → `E-000001`). */
export function ownEmployerId(caller: { org: string }): string | undefined {
  return orgRef(caller.org, 'employer');
}

/**
 * Narrows referrals and placements to the caller's own organisation when it is an employer: the
 * reference directory holds persons, not matches, so a candidate referred to two employers would
 * otherwise show each employer the other's referral (B.4 note 14: own employees only).
 */
export function ownEmployerFilter(
  scope: AccessScope,
  ...employerColumns: AnyPgColumn[]
): SQL | undefined {
  const { role } = scope.caller;
  if (role !== 'EMPLOYER' && role !== 'JOB_COACH') return undefined;
  const employerId = ownEmployerId(scope.caller);
  if (!employerId) return sql`false`;
  return or(...employerColumns.map((column) => eq(column, employerId)));
}

/** The row scope of referrals: persons the caller may see, at the caller's own employer. */
export function referralScope(scope: AccessScope): SQL | undefined {
  return and(
    scope.personFilter(referrals.personId),
    ownEmployerFilter(scope, referrals.employerId),
  );
}

/** The row scope of placements; an enclave's host employer sees the placement too. */
export function placementScope(scope: AccessScope): SQL | undefined {
  return and(
    scope.personFilter(placements.personId),
    ownEmployerFilter(scope, placements.employerId, placements.hostEmployerId),
  );
}

/** One set per request: each loader batches a field of many parents into one SQL statement. */
export function createLoaders(db: Database, scope: AccessScope) {
  return {
    employerById: oneByKey(
      (ids: string[]) => db.select().from(employers).where(anyOf(employers.id, ids)),
      (row) => row.id,
    ),
    employersByMunicipality: manyByKey(
      (nisCodes: string[]) =>
        db
          .select()
          .from(employers)
          .where(anyOf(employers.municipalityNisCode, nisCodes))
          .orderBy(employers.id),
      (row) => row.municipalityNisCode!,
    ),
    contingentsByEmployer: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(contingents)
          .where(anyOf(contingents.employerId, ids))
          .orderBy(contingents.year, contingents.measure),
      (row) => row.employerId,
    ),
    vacancyById: oneByKey(
      (ids: string[]) => db.select().from(vacancies).where(anyOf(vacancies.id, ids)),
      (row) => row.id,
    ),
    vacanciesByEmployer: manyByKey(
      (ids: string[]) =>
        db.select().from(vacancies).where(anyOf(vacancies.employerId, ids)).orderBy(vacancies.id),
      (row) => row.employerId,
    ),
    referralById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(referrals)
          .where(and(anyOf(referrals.id, ids), referralScope(scope))),
      (row) => row.id,
    ),
    referralsByVacancy: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(referrals)
          .where(and(anyOf(referrals.vacancyId, ids), referralScope(scope)))
          .orderBy(referrals.id),
      (row) => row.vacancyId!,
    ),
    referralsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(referrals)
          .where(and(anyOf(referrals.personId, ids), referralScope(scope)))
          .orderBy(referrals.proposedAt, referrals.id),
      (row) => row.personId,
    ),
    placementById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.id, ids), placementScope(scope))),
      (row) => row.id,
    ),
    placementByReferral: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.referralId, ids), placementScope(scope))),
      (row) => row.referralId!,
    ),
    placementsByEmployer: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.employerId, ids), placementScope(scope)))
          .orderBy(placements.id),
      (row) => row.employerId,
    ),
    placementsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.personId, ids), placementScope(scope)))
          .orderBy(placements.startDate, placements.id),
      (row) => row.personId,
    ),
    // Reached only through a placement already in scope; the person filter still applies.
    supportPlanByPlacement: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(supportPlans)
          .where(
            and(anyOf(supportPlans.placementId, ids), scope.personFilter(supportPlans.personId)),
          ),
      (row) => row.placementId,
    ),
  };
}

export type MaatwerkLoaders = ReturnType<typeof createLoaders>;
export type MaatwerkContext = import('../../common/context').SubgraphContext<MaatwerkLoaders>;
