import { and, asc, eq, getTableColumns, or } from 'drizzle-orm';

import { anyOf } from '../../common/db/any-of';
import type { RowScope } from '../../common/access/rows';
import { mandatesOfAgreements } from '../../common/access/mandates';
import type { Database } from '../../common/db/connection';
import type { EnumValue } from '../../common/enums';
import { manyByKey, oneByKey } from '../../common/loaders';
import {
  actionPlans,
  activationPactParticipations,
  agreementActions,
  agreementCoverage,
  agreementParties,
  collaborationAgreements,
  intermunicipalPartnerships,
  municipalities,
  partnershipMembers,
  provinces,
  referenceRegions,
  regiegebieden,
} from './tables';
import type { PartyKind } from './types/enums';
import { agreementScope } from './workflow/scoped';

type PartyKindValue = EnumValue<typeof PartyKind>;

/** Key of `agreementsByParty`: a party kind and its ref. */
export const partyKey = (kind: PartyKindValue, ref: string) => `${kind}:${ref}`;

/**
 * One set per request: each loader batches a field of many parents into one SQL statement.
 * Agreements, geography and pact figures hold no person data, so no person filter applies here;
 * what a caller may read of them is decided per field by its data categories (o, p), and for a
 * caller limited to its own local government by its area (`workflow/scoped.ts`): agreements
 * outside it load as missing, pact participations of other local governments as none.
 */
export function createLoaders(db: Database, rows: RowScope) {
  const readableAgreements = agreementScope(db, rows, collaborationAgreements.id);
  return {
    provinceByCode: oneByKey(
      (codes: string[]) => db.select().from(provinces).where(anyOf(provinces.code, codes)),
      (row) => row.code,
    ),
    referenceRegionById: oneByKey(
      (ids: string[]) => db.select().from(referenceRegions).where(anyOf(referenceRegions.id, ids)),
      (row) => row.id,
    ),
    regiegebiedById: oneByKey(
      (ids: string[]) => db.select().from(regiegebieden).where(anyOf(regiegebieden.id, ids)),
      (row) => row.id,
    ),
    municipalityByNis: oneByKey(
      (nisCodes: string[]) =>
        db.select().from(municipalities).where(anyOf(municipalities.nisCode, nisCodes)),
      (row) => row.nisCode,
    ),
    municipalitiesByProvince: manyByKey(
      (codes: string[]) =>
        db
          .select()
          .from(municipalities)
          .where(anyOf(municipalities.provinceCode, codes))
          .orderBy(asc(municipalities.nisCode)),
      (row) => row.provinceCode,
    ),
    municipalitiesByReferenceRegion: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(municipalities)
          .where(anyOf(municipalities.referenceRegionId, ids))
          .orderBy(asc(municipalities.nisCode)),
      (row) => row.referenceRegionId,
    ),
    municipalitiesByRegiegebied: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(municipalities)
          .where(anyOf(municipalities.regiegebiedId, ids))
          .orderBy(asc(municipalities.nisCode)),
      (row) => row.regiegebiedId as string,
    ),
    municipalitiesByPartnership: manyByKey(
      (ids: string[]) =>
        db
          .select({
            partnershipId: partnershipMembers.partnershipId,
            ...getTableColumns(municipalities),
          })
          .from(partnershipMembers)
          .innerJoin(
            municipalities,
            eq(municipalities.nisCode, partnershipMembers.municipalityNisCode),
          )
          .where(anyOf(partnershipMembers.partnershipId, ids))
          .orderBy(asc(municipalities.nisCode)),
      (row) => row.partnershipId,
    ),
    partnershipById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(intermunicipalPartnerships)
          .where(anyOf(intermunicipalPartnerships.id, ids)),
      (row) => row.id,
    ),
    partnershipsByMunicipality: manyByKey(
      (nisCodes: string[]) =>
        db
          .select({
            municipalityNisCode: partnershipMembers.municipalityNisCode,
            ...getTableColumns(intermunicipalPartnerships),
          })
          .from(partnershipMembers)
          .innerJoin(
            intermunicipalPartnerships,
            eq(intermunicipalPartnerships.id, partnershipMembers.partnershipId),
          )
          .where(anyOf(partnershipMembers.municipalityNisCode, nisCodes))
          .orderBy(asc(intermunicipalPartnerships.id)),
      (row) => row.municipalityNisCode,
    ),
    partnershipsByReferenceRegion: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(intermunicipalPartnerships)
          .where(anyOf(intermunicipalPartnerships.referenceRegionId, ids))
          .orderBy(asc(intermunicipalPartnerships.id)),
      (row) => row.referenceRegionId as string,
    ),
    agreementById: oneByKey(
      (ids: string[]) =>
        db
          .select()
          .from(collaborationAgreements)
          .where(and(anyOf(collaborationAgreements.id, ids), readableAgreements)),
      (row) => row.id,
    ),
    agreementsByMunicipality: manyByKey(
      (nisCodes: string[]) =>
        db
          .select({
            municipalityNisCode: agreementCoverage.municipalityNisCode,
            ...getTableColumns(collaborationAgreements),
          })
          .from(agreementCoverage)
          .innerJoin(
            collaborationAgreements,
            eq(collaborationAgreements.id, agreementCoverage.agreementId),
          )
          .where(and(anyOf(agreementCoverage.municipalityNisCode, nisCodes), readableAgreements))
          .orderBy(asc(collaborationAgreements.id)),
      (row) => row.municipalityNisCode,
    ),
    /** Agreements a partnership or regiegebied is itself a party to; key from `partyKey`. */
    agreementsByParty: manyByKey(
      (keys: string[]) => {
        const refsByKind = new Map<PartyKindValue, string[]>();
        for (const key of keys) {
          const [kind, ref] = splitPartyKey(key);
          refsByKind.set(kind, [...(refsByKind.get(kind) ?? []), ref]);
        }
        return db
          .select({
            partyKind: agreementParties.kind,
            partyRef: agreementParties.ref,
            ...getTableColumns(collaborationAgreements),
          })
          .from(agreementParties)
          .innerJoin(
            collaborationAgreements,
            eq(collaborationAgreements.id, agreementParties.agreementId),
          )
          .where(
            and(
              or(
                ...[...refsByKind].map(([kind, refs]) =>
                  and(eq(agreementParties.kind, kind), anyOf(agreementParties.ref, refs)),
                ),
              ),
              readableAgreements,
            ),
          )
          .orderBy(asc(collaborationAgreements.id));
      },
      (row) => partyKey(row.partyKind, row.partyRef),
    ),
    partiesByAgreement: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(agreementParties)
          .where(anyOf(agreementParties.agreementId, ids))
          .orderBy(asc(agreementParties.kind), asc(agreementParties.ref)),
      (row) => row.agreementId,
    ),
    coveredNisCodesByAgreement: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(agreementCoverage)
          .where(anyOf(agreementCoverage.agreementId, ids))
          .orderBy(asc(agreementCoverage.municipalityNisCode)),
      (row) => row.agreementId,
    ),
    actionPlanById: oneByKey(
      (ids: string[]) => db.select().from(actionPlans).where(anyOf(actionPlans.id, ids)),
      (row) => row.id,
    ),
    actionPlansByAgreement: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(actionPlans)
          .where(anyOf(actionPlans.agreementId, ids))
          .orderBy(asc(actionPlans.year)),
      (row) => row.agreementId,
    ),
    actionsByPlan: manyByKey(
      (ids: string[]) =>
        db
          .select()
          .from(agreementActions)
          .where(anyOf(agreementActions.actionPlanId, ids))
          .orderBy(asc(agreementActions.id)),
      (row) => row.actionPlanId,
    ),
    pactParticipationsByMunicipality: manyByKey(
      (nisCodes: string[]) =>
        db
          .select()
          .from(activationPactParticipations)
          .where(
            and(
              anyOf(activationPactParticipations.municipalityNisCode, nisCodes),
              rows.pacts(activationPactParticipations.municipalityNisCode),
            ),
          )
          .orderBy(asc(activationPactParticipations.year)),
      (row) => row.municipalityNisCode,
    ),
    mandatesByAgreement: manyByKey(
      (ids: string[]) => mandatesOfAgreements(db, rows, ids),
      (row) => row.agreementId as string,
    ),
  };
}

function splitPartyKey(key: string): [PartyKindValue, string] {
  const separator = key.indexOf(':');
  return [key.slice(0, separator) as PartyKindValue, key.slice(separator + 1)];
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
export type AgreementsContext = import('../../common/context').SubgraphContext<AgreementsLoaders>;
