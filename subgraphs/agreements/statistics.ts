import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Database } from '../../common/db/connection';
import { MUNICIPALITIES } from '../../common/geography';
import { AreaTable, spread, type CountRow } from '../../common/statistics/area-table';
import { perDatabase } from '../../common/statistics/cache';
import type { Period } from '../../common/statistics/period';
import { inForceOn } from './in-force';
import {
  actionPlans,
  activationPactParticipations as participations,
  agreementActions,
  agreementCoverage,
  collaborationAgreements,
} from './tables';
import { ActionStatus, AgreementType, PactStatus } from './types/enums';

/*
 * The agreement and pact figures of DOMAIN B.5 for one period, counted for every municipality at
 * once (the higher areas are their sums). A municipality is covered by an agreement when it is a
 * party itself or a member of a partnership or regiegebied that is one (`agreement_coverage`,
 * the same coverage that decides who keeps an agreement); a pact participation belongs to its
 * local government.
 */

export const ACTION_STATUSES = ActionStatus.values;

export interface AgreementTables {
  /** Every municipality once (ALL), and those covered by an SO in force on the last day (SO_COVERED). */
  coverage: AreaTable;
  /** Actions of the year's action plans, once in every municipality their agreement covers: ALL and per status. */
  actions: AreaTable;
  /** The pact of the year: participants (PARTICIPANTS), PAYOUT_CENTS and MAXIMUM_CENTS. */
  pact: AreaTable;
  /** The pact of the year in persons, under disclosure control: ACTIVATED and FLOOR. */
  pactPersons: AreaTable;
}

async function countCoverage(db: Database, day: string): Promise<AreaTable> {
  const covered = await db
    .selectDistinct({ nisCode: agreementCoverage.municipalityNisCode })
    .from(agreementCoverage)
    .innerJoin(
      collaborationAgreements,
      eq(collaborationAgreements.id, agreementCoverage.agreementId),
    )
    .where(
      and(eq(collaborationAgreements.type, AgreementType.SO_VDAB_LOKAAL_BESTUUR), inForceOn(day)),
    );
  const once = (key: string) => (row: { nisCode: string }) => ({ ...row, key, count: 1 });
  return new AreaTable(
    [...MUNICIPALITIES.map(once('ALL')), ...covered.map(once('SO_COVERED'))],
    { total: 'ALL', parts: [], others: ['SO_COVERED'] },
    { persons: false },
  );
}

async function countActions(db: Database, year: number): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode: agreementCoverage.municipalityNisCode,
      status: agreementActions.status,
      count: count(),
    })
    .from(agreementActions)
    .innerJoin(actionPlans, eq(actionPlans.id, agreementActions.actionPlanId))
    .innerJoin(agreementCoverage, eq(agreementCoverage.agreementId, actionPlans.agreementId))
    .where(eq(actionPlans.year, year))
    .groupBy(agreementCoverage.municipalityNisCode, agreementActions.status);
  return new AreaTable(
    spread(rows, (row) => ['ALL', row.status]),
    { total: 'ALL', parts: ACTION_STATUSES },
    { persons: false },
  );
}

/**
 * The participations of a pact year that did not decline, summed per local government. The
 * amounts are the ones the lifecycle computed with `pact-settlement.ts` (the floor when invited,
 * the maximum when the drawing rights were shared, the payout when settled), so the figures and
 * the settlement can never disagree.
 */
async function countPact(db: Database, year: number) {
  const sum = (column: AnyPgColumn) => sql<string>`coalesce(sum(${column}), 0)`;
  const rows = await db
    .select({
      nisCode: participations.municipalityNisCode,
      PARTICIPANTS: count(),
      PAYOUT_CENTS: sum(participations.payoutCents),
      MAXIMUM_CENTS: sum(participations.maxAmountCents),
      ACTIVATED: sum(participations.activatedRegistered),
      FLOOR: sum(participations.floor),
    })
    .from(participations)
    .where(and(eq(participations.year, year), ne(participations.status, PactStatus.DECLINED)))
    .groupBy(participations.municipalityNisCode);
  const measures = (...keys: Exclude<keyof (typeof rows)[number], 'nisCode'>[]): CountRow[] =>
    rows.flatMap((row) =>
      keys.map((key) => ({ nisCode: row.nisCode, key, count: Number(row[key]) })),
    );
  return {
    pact: new AreaTable(
      measures('PARTICIPANTS', 'PAYOUT_CENTS', 'MAXIMUM_CENTS'),
      { total: 'PARTICIPANTS', parts: [], others: ['PAYOUT_CENTS', 'MAXIMUM_CENTS'] },
      { persons: false },
    ),
    pactPersons: new AreaTable(measures('ACTIVATED', 'FLOOR'), {
      total: 'ACTIVATED',
      parts: [],
      others: ['FLOOR'],
    }),
  };
}

async function countAgreementTables(db: Database, period: Period): Promise<AgreementTables> {
  // One statement at a time: PGlite has a single connection.
  const coverage = await countCoverage(db, period.until);
  const actions = await countActions(db, period.year);
  return { coverage, actions, ...(await countPact(db, period.year)) };
}

export const agreementTables = perDatabase(countAgreementTables);
