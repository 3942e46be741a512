import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

import { now } from '../clock';
import { config } from '../config';
import { addDays } from '../dates';
import type { Database } from '../db/connection';
import {
  candidatePoolPurpose,
  CANDIDATE_POOL_ORG,
  coachingPurpose,
  consentPurpose,
  Purpose,
} from './purposes';
import { delegations, relations } from './tables';

/**
 * The reference directory (DOMAIN A.2.4): which organisation has a relation with which person,
 * for what purpose, from and until when. A relation follows from a business fact and is written
 * in the same transaction as the fact; the rules of which fact opens what, for how long, live
 * here and nowhere else. The subgraphs name the fact; they never touch the tables.
 */
export type RelationRow = typeof relations.$inferInsert;
export type DelegationRow = typeof delegations.$inferInsert;

/** How long an employer keeps a candidate's file after a failed match: to give its feedback. */
export const FEEDBACK_ACCESS_DAYS = 30;

/** The business facts that open or close relations. */
export type DirectoryFact =
  /** A VDAB registration: VDAB guides and indicates, a partner (GTB) guides on its behalf. */
  | {
      kind: 'vdab-registration';
      id: string;
      personId: string;
      since: string;
      partnerOrg: string | null;
    }
  /** Social assistance: the granting OCMW, for as long as it runs. */
  | {
      kind: 'social-assistance';
      id: string;
      personId: string;
      ocmwNisCode: string;
      grantedAt: string;
      endedAt: string | null;
    }
  /** A consent opens what it names to the organisation it is given to, until it is revoked. */
  | {
      kind: 'consent';
      id: string;
      personId: string;
      type: string;
      grantedTo: string;
      grantedOn: string;
      /** The day it was taken back: it held until the day before. */
      revokedOn: string | null;
    }
  /**
   * An indication request: VDAB decides every request, from the signed form on, and the
   * organisation that handles it (a GTB, a local government's consultants) holds it too.
   */
  | {
      kind: 'indication-request';
      id: string;
      personId: string;
      signedFormAt: string;
      handledBy: string | null;
    }
  /**
   * A referral opens the candidate's file to the employer (B.4 note 11); after a failed match
   * only for the feedback period, after a hire for the days the placement needs to start.
   */
  | {
      kind: 'referral';
      id: string;
      personId: string;
      employerId: string;
      proposedOn: string;
      /** The day the match failed, or null while it runs or once it led to a hire. */
      failedOn: string | null;
      /** The day it led to a hire, or null. */
      hiredOn: string | null;
    }
  /**
   * A placement opens the worker's file to the employer and an enclave's host while it runs,
   * and for a while after it ends (note 14); to its job coach while it runs.
   */
  | {
      kind: 'placement';
      id: string;
      personId: string;
      employerId: string;
      hostEmployerId: string | null;
      startDate: string;
      endDate: string | null;
      /** The job coach assigned to the worker (a user of the employer), or null. */
      jobCoach: string | null;
      /** The day the job coach was assigned (or unassigned): their relation runs from then. */
      assignedOn?: string;
    }
  /**
   * A decided advice puts its holder in the candidate pool of its type, from the decision day
   * for as long as the ticket is valid (an advice ended or replaced early, until the day
   * before). The pool is no organisation's caseload: it is read only through
   * common/access/candidate-pool.ts, pseudonymously.
   */
  | {
      kind: 'candidate-pool';
      /** The advice. */
      id: string;
      personId: string;
      adviceType: string;
      decision: string;
      decidedOn: string;
      validUntil: string | null;
      endedOn: string | null;
    };

/** The relations a fact holds; `source` ties them to the fact, so a change of the fact updates them. */
export function relationsOf(fact: DirectoryFact): RelationRow[] {
  switch (fact.kind) {
    case 'vdab-registration': {
      const relation = (org: string, purpose: string): RelationRow => ({
        org,
        personId: fact.personId,
        purpose,
        validFrom: fact.since,
        source: `vdab_registration:${fact.id}`,
      });
      return [
        relation('vdab', Purpose.TRAJECTORY_GUIDANCE),
        relation('vdab', Purpose.INDICATION),
        ...(fact.partnerOrg ? [relation(fact.partnerOrg, Purpose.TRAJECTORY_GUIDANCE)] : []),
      ];
    }
    case 'social-assistance':
      return [
        {
          org: `ocmw:${fact.ocmwNisCode}`,
          personId: fact.personId,
          purpose: Purpose.SOCIAL_INTEGRATION,
          validFrom: fact.grantedAt,
          validUntil: fact.endedAt,
          source: `social_assistance:${fact.id}`,
        },
      ];
    case 'consent':
      return [
        {
          org: fact.grantedTo,
          personId: fact.personId,
          purpose: consentPurpose(fact.type),
          validFrom: fact.grantedOn,
          // Revoked today: it held until yesterday, so nothing it opened is read today.
          validUntil: fact.revokedOn ? addDays(fact.revokedOn, -1) : null,
          source: `consent:${fact.id}`,
        },
      ];
    case 'indication-request':
      return [...new Set(['vdab', fact.handledBy ?? 'vdab'])].map((org) => ({
        org,
        personId: fact.personId,
        purpose: Purpose.INDICATION,
        validFrom: fact.signedFormAt,
        source: `indication_request:${fact.id}`,
      }));
    case 'referral':
      return [
        {
          org: `employer:${fact.employerId}`,
          personId: fact.personId,
          purpose: Purpose.CANDIDACY,
          validFrom: fact.proposedOn,
          validUntil: fact.failedOn
            ? addDays(fact.failedOn, FEEDBACK_ACCESS_DAYS)
            : fact.hiredOn
              ? addDays(fact.hiredOn, config.EMPLOYER_ACCESS_AFTER_END_DAYS)
              : null,
          source: `referral:${fact.id}`,
        },
      ];
    case 'placement':
      return placementRelations(fact);
    case 'candidate-pool':
      if (fact.decision !== 'TOEGEKEND' || fact.validUntil === null) return [];
      return [
        {
          org: CANDIDATE_POOL_ORG,
          personId: fact.personId,
          purpose: candidatePoolPurpose(fact.adviceType),
          validFrom: fact.decidedOn,
          validUntil: fact.endedOn ? addDays(fact.endedOn, -1) : fact.validUntil,
          source: `advice:${fact.id}`,
        },
      ];
  }
}

/**
 * The employer (and an enclave's host) employs the worker from the start to the end of the
 * placement, then keeps the file as a former employer's for the configured days; the assigned
 * job coach coaches the worker while the placement runs.
 */
function placementRelations(fact: Extract<DirectoryFact, { kind: 'placement' }>): RelationRow[] {
  const source = `placement:${fact.id}`;
  const { personId, startDate, endDate } = fact;
  return [fact.employerId, fact.hostEmployerId]
    .filter((employerId): employerId is string => employerId !== null)
    .flatMap((employerId): RelationRow[] => {
      const org = `employer:${employerId}`;
      const employed = { org, personId, purpose: Purpose.EMPLOYMENT, validFrom: startDate };
      const coached =
        fact.jobCoach && employerId === fact.employerId
          ? [
              {
                ...employed,
                purpose: coachingPurpose(fact.jobCoach),
                validFrom: fact.assignedOn ?? startDate,
                validUntil: endDate,
                source,
              },
            ]
          : [];
      if (!endDate) return [{ ...employed, validUntil: null, source }, ...coached];
      return [
        { ...employed, validUntil: endDate, source },
        {
          org,
          personId,
          purpose: Purpose.FORMER_EMPLOYMENT,
          validFrom: addDays(endDate, 1),
          validUntil: addDays(endDate, config.EMPLOYER_ACCESS_AFTER_END_DAYS),
          source,
        },
        ...coached,
      ];
    });
}

/**
 * An SO adviesbevoegdheid indicering (B.2.4): while it is in force, the ICF consultants of every
 * local government it covers reach, for indication, the OCMW clients of all of them.
 */
export interface AdviesbevoegdheidFact {
  id: string;
  /** The municipalities the agreement covers. */
  coveredNisCodes: string[];
  /** The first day it is in force (it became ACTIVE), and the last (its end, or its expiry). */
  validFrom: string;
  validUntil: string | null;
}

export function delegationsOf(fact: AdviesbevoegdheidFact): DelegationRow[] {
  return fact.coveredNisCodes.flatMap((consultants) =>
    fact.coveredNisCodes.map((clients) => ({
      org: `lg:${consultants}`,
      purpose: Purpose.INDICATION,
      viaOrg: `ocmw:${clients}`,
      viaPurpose: Purpose.SOCIAL_INTEGRATION,
      validFrom: fact.validFrom,
      validUntil: fact.validUntil,
      source: `agreement:${fact.id}`,
    })),
  );
}

type InForceTable = { validFrom: AnyPgColumn; validUntil: AnyPgColumn };

/** A relation or delegation that holds on `today`. */
export const holdsOn = (table: InForceTable, today: string) =>
  sql`${table.validFrom} <= ${today}::date and (${table.validUntil} is null or ${table.validUntil} >= ${today}::date)`;

/** An organisation's relations for one purpose: one pair of the reference directory. */
export interface DirectoryPair {
  org: string;
  purpose: string;
}

/**
 * The persons a caller reaches on `today`, as a condition on a person-id column: its relations
 * for each pair, and, when `delegated`, those of the organisations delegated to it. One pair
 * without delegation (nearly every caller) keeps the plain form, which the planner reads in
 * person order straight off the index and stops at the page's end; a union of pairs costs a
 * hash over all of them, paid only by the callers that need it.
 */
export function inDirectory(
  pairs: readonly DirectoryPair[],
  personId: AnyPgColumn | SQL,
  today: string,
  delegated = false,
): SQL {
  const own = pairs.map(
    ({ org, purpose }) => sql`select ${relations.personId} from ${relations}
      where ${relations.org} = ${org} and ${relations.purpose} = ${purpose}
        and ${holdsOn(relations, today)}`,
  );
  const throughDelegations = delegated
    ? pairs.map(
        ({ org, purpose }) => sql`select ${relations.personId} from ${delegations}
      join ${relations} on ${relations.org} = ${delegations.viaOrg}
        and ${relations.purpose} = ${delegations.viaPurpose}
      where ${delegations.org} = ${org} and ${delegations.purpose} = ${purpose}
        and ${holdsOn(delegations, today)} and ${holdsOn(relations, today)}`,
      )
    : [];
  return sql`${personId} in (${sql.join([...own, ...throughDelegations], sql` union all `)})`;
}

/** An organisation's relations for one purpose in force on `today`: person → the fact behind it. */
export async function relationsHeld(
  db: Database,
  query: { org: string; purpose: string; personIds: string[]; today: string },
): Promise<Map<string, string>> {
  if (query.personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: relations.personId, source: relations.source })
    .from(relations)
    .where(
      and(
        eq(relations.org, query.org),
        eq(relations.purpose, query.purpose),
        sql`${relations.personId} = any(${sql.param(query.personIds)}::text[])`,
        holdsOn(relations, query.today),
      ),
    );
  return new Map(rows.map((row) => [row.personId, row.source]));
}

/** The consents of one type in force on `today`: person → the consent's id, for one organisation. */
export async function consentsGiven(
  db: Database,
  query: { org: string; type: string; personIds: string[]; today: string },
): Promise<Map<string, string>> {
  const { type, ...rest } = query;
  const held = await relationsHeld(db, { ...rest, purpose: consentPurpose(type) });
  return new Map(
    [...held].map(([personId, source]) => [personId, source.replace(/^consent:/, '')]),
  );
}

/**
 * Writes what a fact holds, in the caller's transaction: a relation the fact opened earlier gets
 * its end as the fact now says (a referral that failed, a placement that ended, a consent
 * revoked), one it did not is opened.
 */
export async function recordFact(tx: Database, fact: DirectoryFact): Promise<void> {
  const current = relationsOf(fact);
  if (fact.kind === 'placement' && fact.assignedOn) await endOtherCoaching(tx, fact, current);
  for (const relation of current) {
    const validUntil = relation.validUntil ?? null;
    const updated = await tx
      .update(relations)
      .set({
        validUntil,
        // Recording the same fact again is no news: the change time moves with the end only.
        changedAt: sql`case when ${relations.validUntil} is distinct from ${validUntil}::date
          then ${now().toISOString()}::timestamptz else ${relations.changedAt} end`,
      })
      .where(
        and(
          eq(relations.source, relation.source),
          eq(relations.org, relation.org),
          eq(relations.purpose, relation.purpose),
        ),
      )
      .returning({ id: relations.id });
    if (updated.length === 0) await tx.insert(relations).values(relation);
  }
}

/**
 * A worker has one job coach: when another is assigned (or none), the former coach's relation
 * ends the day before the fact's relations are written, which is today for a mutation.
 */
async function endOtherCoaching(
  tx: Database,
  fact: Extract<DirectoryFact, { kind: 'placement' }>,
  current: RelationRow[],
): Promise<void> {
  const source = `placement:${fact.id}`;
  const kept = current
    .filter((r) => r.purpose.startsWith(coachingPurpose('')))
    .map((r) => r.purpose);
  await tx
    .update(relations)
    .set({
      validUntil: sql`least(coalesce(${relations.validUntil}, 'infinity'::date), ${fact.assignedOn}::date - 1)`,
      changedAt: now(),
    })
    .where(
      and(
        eq(relations.source, source),
        sql`${relations.purpose} like ${`${coachingPurpose('')}%`}`,
        kept.length ? sql`${relations.purpose} <> all(${sql.param(kept)}::text[])` : undefined,
      ),
    );
}

/**
 * Writes an SO adviesbevoegdheid's delegations as they now stand: opened when it comes into
 * force, their end set when it ends (kept, so the directory says who could see whom when).
 */
export async function recordAdviesbevoegdheid(
  tx: Database,
  fact: AdviesbevoegdheidFact,
): Promise<void> {
  const source = `agreement:${fact.id}`;
  const updated = await tx
    .update(delegations)
    .set({ validUntil: fact.validUntil })
    .where(eq(delegations.source, source))
    .returning({ id: delegations.id });
  const rows = delegationsOf(fact);
  if (updated.length === 0 && rows.length > 0) await tx.insert(delegations).values(rows);
}

/** How the seeds bulk-insert rows (chunked); the directory names its own tables. */
export type BulkInsert = <Table extends PgTable>(
  table: Table,
  rows: Table['$inferInsert'][],
) => Promise<void>;

/**
 * Seeds the directory in bulk, from the same rules the mutations follow. A seeded relation is
 * dated as recorded on the day it began to hold, so the seeded world is the same on every run.
 */
export async function seedDirectory(
  insert: BulkInsert,
  facts: { relations: RelationRow[]; delegations?: DelegationRow[] },
): Promise<void> {
  await insert(
    relations,
    facts.relations.map((relation) => ({
      ...relation,
      changedAt: relation.changedAt ?? new Date(`${relation.validFrom}T00:00:00Z`),
    })),
  );
  await insert(delegations, facts.delegations ?? []);
}
