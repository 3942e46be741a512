import { and } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import type { RowScope } from '../../common/access/rows';
import type { Database } from '../../common/db/connection';
import { manyByKey, oneByKey } from '../../common/loaders';
import { contingents, employers, placements, referrals, supportPlans, vacancies } from './tables';

/** The referrals the caller may reach: of persons it may see, at its own employer if it is one. */
export const referralRows = (rows: RowScope) =>
  rows.referrals({ personId: referrals.personId, employerId: referrals.employerId });

/** The placements the caller may reach; an enclave's host employer sees the placement too. */
export const placementRows = (rows: RowScope) =>
  rows.placements({
    personId: placements.personId,
    employerId: placements.employerId,
    hostEmployerId: placements.hostEmployerId,
  });

/** One set per request: each loader batches a field of many parents into one SQL statement. */
export function createLoaders(db: Database, rows: RowScope) {
  const referralsInScope = referralRows(rows);
  const placementsInScope = placementRows(rows);
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
          .where(and(anyOf(referrals.id, ids), referralsInScope)),
      (row) => row.id,
    ),
    referralsByVacancy: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(referrals)
          .where(and(anyOf(referrals.vacancyId, ids), referralsInScope))
          .orderBy(referrals.id),
      (row) => row.vacancyId!,
    ),
    referralsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(referrals)
          .where(and(anyOf(referrals.personId, ids), referralsInScope))
          .orderBy(referrals.proposedAt, referrals.id),
      (row) => row.personId,
    ),
    placementById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.id, ids), placementsInScope)),
      (row) => row.id,
    ),
    placementByReferral: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.referralId, ids), placementsInScope)),
      (row) => row.referralId!,
    ),
    placementsByEmployer: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.employerId, ids), placementsInScope))
          .orderBy(placements.id),
      (row) => row.employerId,
    ),
    placementsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(placements)
          .where(and(anyOf(placements.personId, ids), placementsInScope))
          .orderBy(placements.startDate, placements.id),
      (row) => row.personId,
    ),
    // Reached only through a placement already in scope; the person filter still applies.
    supportPlanByPlacement: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(supportPlans)
          .where(and(anyOf(supportPlans.placementId, ids), rows.persons(supportPlans.personId))),
      (row) => row.placementId,
    ),
  };
}

export type MaatwerkLoaders = ReturnType<typeof createLoaders>;
export type MaatwerkContext = import('../../common/context').SubgraphContext<MaatwerkLoaders>;
