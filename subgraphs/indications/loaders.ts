import { and, asc, desc } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import type { RowScope } from '../../common/access/rows';
import type { Database } from '../../common/db/connection';
import { manyByKey, oneByKey } from '../../common/loaders';
import {
  advices,
  attestations,
  evaluations,
  icfAssessments,
  indicationConsultants,
  indicationRequests,
  premiumIncreaseRequests,
  reviews,
  workSupportPackages,
} from './tables';

/** Organisation ids of a local government's consultants: the municipality and its OCMW. */
export const localGovernmentOrgs = (nisCode: string) => [`lg:${nisCode}`, `ocmw:${nisCode}`];

/** The advices the caller may reach (the policy narrows some readers to granted ones). */
export const adviceRows = (rows: RowScope) =>
  rows.advices({
    personId: advices.personId,
    decision: advices.decision,
    type: advices.type,
    status: advices.status,
    validUntil: advices.validUntil,
  });

/** The support-premium increase requests the caller may reach (an employer: its own, note 14). */
export const premiumIncreaseRows = (rows: RowScope) =>
  rows.premiumRevisions({
    personId: premiumIncreaseRequests.personId,
    employerId: premiumIncreaseRequests.employerId,
  });

/** The employers' spoed and prior-routing filings the caller may reach (a filer: its own). */
export const filingRows = (rows: RowScope) =>
  rows.indicationFilings({
    personId: indicationRequests.personId,
    filedBy: indicationRequests.filedBy,
  });

/** One set per request: each loader batches a field of many parents into one SQL statement. */
export function createLoaders(db: Database, rows: RowScope) {
  const advicesInScope = adviceRows(rows);
  return {
    requestById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(indicationRequests)
          .where(and(anyOf(indicationRequests.id, ids), rows.persons(indicationRequests.personId))),
      (row) => row.id,
    ),
    requestsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(indicationRequests)
          .where(
            and(anyOf(indicationRequests.personId, ids), rows.persons(indicationRequests.personId)),
          )
          .orderBy(asc(indicationRequests.id)),
      (row) => row.personId,
    ),
    attestationsByRequest: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(attestations)
          .where(and(anyOf(attestations.requestId, ids), rows.persons(attestations.personId)))
          .orderBy(asc(attestations.id)),
      (row) => row.requestId,
    ),
    // The latest assessment of each person: one statement for a page of persons.
    latestAssessmentByPerson: oneByKey(
      (ids: string[]) =>
        db
          .selectDistinctOn([icfAssessments.personId])
          .from(icfAssessments)
          .where(and(anyOf(icfAssessments.personId, ids), rows.persons(icfAssessments.personId)))
          .orderBy(icfAssessments.personId, desc(icfAssessments.assessedAt)),
      (row) => row.personId,
    ),
    icfAssessmentByRequest: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(icfAssessments)
          .where(and(anyOf(icfAssessments.requestId, ids), rows.persons(icfAssessments.personId))),
      (row) => row.requestId,
    ),
    reviewByRequest: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(reviews)
          .where(and(anyOf(reviews.requestId, ids), rows.persons(reviews.personId))),
      (row) => row.requestId,
    ),
    adviceById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.id, ids), advicesInScope)),
      (row) => row.id,
    ),
    advicesByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.personId, ids), advicesInScope))
          .orderBy(asc(advices.id)),
      (row) => row.personId,
    ),
    advicesByRequest: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.requestId, ids), advicesInScope))
          .orderBy(asc(advices.id)),
      (row) => row.requestId!,
    ),
    derivedAdvicesByAdvice: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.derivedFromId, ids), advicesInScope))
          .orderBy(asc(advices.id)),
      (row) => row.derivedFromId!,
    ),
    workSupportPackageByAdvice: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(workSupportPackages)
          .where(
            and(
              anyOf(workSupportPackages.adviceId, ids),
              rows.persons(workSupportPackages.personId),
            ),
          ),
      (row) => row.adviceId,
    ),
    increaseRequestsByPackage: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(premiumIncreaseRequests)
          .where(and(anyOf(premiumIncreaseRequests.packageId, ids), premiumIncreaseRows(rows)))
          .orderBy(asc(premiumIncreaseRequests.id)),
      (row) => row.packageId,
    ),
    evaluationsByAdvice: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(evaluations)
          .where(and(anyOf(evaluations.adviceId, ids), rows.persons(evaluations.personId)))
          .orderBy(asc(evaluations.evaluatedAt), asc(evaluations.id)),
      (row) => row.adviceId,
    ),
    consultantById: oneByKey(
      (ids: string[]) =>
        db.select().from(indicationConsultants).where(anyOf(indicationConsultants.id, ids)),
      (row) => row.id,
    ),
    consultantsByMunicipality: manyByKey(
      (nisCodes: string[]) =>
        db
          .select()
          .from(indicationConsultants)
          .where(anyOf(indicationConsultants.org, nisCodes.flatMap(localGovernmentOrgs)))
          .orderBy(asc(indicationConsultants.id)),
      (row) => row.org.slice(row.org.indexOf(':') + 1),
    ),
  };
}

export type IndicationsLoaders = ReturnType<typeof createLoaders>;
export type IndicationsContext = import('../../common/context').SubgraphContext<IndicationsLoaders>;
