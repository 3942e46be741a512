import { and, asc, eq, type SQL } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import { ACCESS_MATRIX } from '../../common/access/matrix';
import type { AccessScope } from '../../common/access/scope';
import type { Database } from '../../common/db/connection';
import { manyByKey, oneByKey } from '../../common/loaders';
import {
  advices,
  attestations,
  evaluations,
  icfAssessments,
  indicationConsultants,
  indicationRequests,
  reviews,
  workSupportPackages,
} from './tables';

/** Organisation ids of a local government's consultants: the municipality and its OCMW. */
export const localGovernmentOrgs = (nisCode: string) => [`lg:${nisCode}`, `ocmw:${nisCode}`];

/**
 * The row scope of advices. A minimised reader of advices (an OCMW or an employer, B.4 notes 9
 * and 13) learns only that a person holds a ticket, so refused advices stay out of its rows:
 * otherwise an advice without validity would tell it that a request was turned down.
 */
export function adviceScope(scope: AccessScope): SQL | undefined {
  const { role } = scope.caller;
  const minimal = role !== 'SYSTEM' && ACCESS_MATRIX[role].j === 'minimal';
  return and(
    scope.personFilter(advices.personId),
    minimal ? eq(advices.decision, 'TOEGEKEND') : undefined,
  );
}

/** One set per request: each loader batches a field of many parents into one SQL statement. */
export function createLoaders(db: Database, scope: AccessScope) {
  return {
    requestById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(indicationRequests)
          .where(
            and(anyOf(indicationRequests.id, ids), scope.personFilter(indicationRequests.personId)),
          ),
      (row) => row.id,
    ),
    requestsByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(indicationRequests)
          .where(
            and(
              anyOf(indicationRequests.personId, ids),
              scope.personFilter(indicationRequests.personId),
            ),
          )
          .orderBy(asc(indicationRequests.id)),
      (row) => row.personId,
    ),
    attestationsByRequest: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(attestations)
          .where(and(anyOf(attestations.requestId, ids), scope.personFilter(attestations.personId)))
          .orderBy(asc(attestations.id)),
      (row) => row.requestId,
    ),
    icfAssessmentByRequest: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(icfAssessments)
          .where(
            and(anyOf(icfAssessments.requestId, ids), scope.personFilter(icfAssessments.personId)),
          ),
      (row) => row.requestId,
    ),
    reviewByRequest: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(reviews)
          .where(and(anyOf(reviews.requestId, ids), scope.personFilter(reviews.personId))),
      (row) => row.requestId,
    ),
    adviceById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.id, ids), adviceScope(scope))),
      (row) => row.id,
    ),
    advicesByPerson: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.personId, ids), adviceScope(scope)))
          .orderBy(asc(advices.id)),
      (row) => row.personId,
    ),
    advicesByRequest: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.requestId, ids), adviceScope(scope)))
          .orderBy(asc(advices.id)),
      (row) => row.requestId!,
    ),
    derivedAdvicesByAdvice: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(advices)
          .where(and(anyOf(advices.derivedFromId, ids), adviceScope(scope)))
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
              scope.personFilter(workSupportPackages.personId),
            ),
          ),
      (row) => row.adviceId,
    ),
    evaluationsByAdvice: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(evaluations)
          .where(and(anyOf(evaluations.adviceId, ids), scope.personFilter(evaluations.personId)))
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
