import { and, count, eq, gt, gte, inArray, isNull, lte, or, sql, sum, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { onBelgianDays } from '../../common/db/belgian-days';
import type { Database } from '../../common/db/connection';
import { AreaTable, spread, type CountRow } from '../../common/statistics/area-table';
import { perDatabase } from '../../common/statistics/cache';
import type { Period } from '../../common/statistics/period';
import { FAILED_REFERRAL_STATUSES } from './rules';
import { contingents, employers, placements, referrals, vacancies } from './tables';
import { ContingentMeasure, FailureReason, VacancyMeasure } from './types/enums';

/*
 * The maatwerk figures of DOMAIN B.5 for one period, counted for every municipality at once in a
 * few GROUP BY statements (the higher areas are their sums). This subgraph does not hold where a
 * person lives: everything counts where the work is.
 */

export const VACANCY_MEASURES = VacancyMeasure.values;
export const CONTINGENT_MEASURES = ContingentMeasure.values;
export const FAILURE_REASONS = FailureReason.values;

export interface MaatwerkTables {
  /**
   * Vacancies (not persons) at their workplace: OPEN on the period's last day, by measure, and
   * FILLED during the period.
   */
  vacancies: AreaTable;
  /**
   * FTE (not persons) of the contingents of the period's year, at the employer's municipality:
   * ALLOTTED = `ALLOTTED_<measure>` summed over the measures, and `FILLED_<measure>`.
   */
  contingents: AreaTable;
  /** Referrals proposed in the period (ALL). */
  referrals: AreaTable;
  /**
   * Referrals decided in the period: DECIDED = HIRED + FAILED, and FAILED by failure reason
   * (`FAILED_<reason>`).
   */
  decisions: AreaTable;
  /** Placements STARTED in the period and ACTIVE on its last day. */
  placements: AreaTable;
}

/**
 * The municipality a referral counts in: the workplace of its vacancy, or the employer's when it
 * names no vacancy (a maatwerkbedrijf shaping a job around the person).
 */
const workplace = sql<string>`coalesce(${vacancies.municipalityNisCode}, ${employers.municipalityNisCode})`;

/** An instant within the period's Belgian calendar days, as a range the indexes serve. */
const instantIn = (column: AnyPgColumn, period: Period): SQL =>
  onBelgianDays(column, period.from, period.until);

const dateIn = (column: AnyPgColumn, period: Period): SQL =>
  and(gte(column, period.from), lte(column, period.until))!;

/**
 * Open on the period's last day: opened by then and not yet filled, closed or cancelled. A
 * vacancy keeps no history of its moves, so one filled and opened again counts as open since
 * it first opened.
 */
const openOn = (day: string): SQL =>
  and(lte(vacancies.openedAt, day), or(isNull(vacancies.closedAt), gt(vacancies.closedAt, day)))!;

/** Filled during the period: a vacancy closed later on keeps only the date it closed. */
const filledIn = (period: Period): SQL =>
  and(eq(vacancies.status, 'FILLED'), dateIn(vacancies.closedAt, period))!;

async function countVacancies(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode: vacancies.municipalityNisCode,
      measure: vacancies.measure,
      open: sql<number>`count(*) filter (where ${openOn(period.until)})`,
      filled: sql<number>`count(*) filter (where ${filledIn(period)})`,
    })
    .from(vacancies)
    .where(or(openOn(period.until), filledIn(period)))
    .groupBy(vacancies.municipalityNisCode, vacancies.measure);
  return new AreaTable(
    rows.flatMap((row) => [
      { nisCode: row.nisCode, key: 'OPEN', count: Number(row.open) },
      { nisCode: row.nisCode, key: row.measure, count: Number(row.open) },
      { nisCode: row.nisCode, key: 'FILLED', count: Number(row.filled) },
    ]),
    { total: 'OPEN', parts: VACANCY_MEASURES, others: ['FILLED'] },
    { persons: false },
  );
}

/** The contingents of the period's year: an allotment runs for a calendar year. */
async function countContingents(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode: employers.municipalityNisCode,
      measure: contingents.measure,
      allotted: sum(contingents.vteAllotted),
      filled: sum(contingents.vteFilled),
    })
    .from(contingents)
    .innerJoin(employers, eq(employers.id, contingents.employerId))
    .where(eq(contingents.year, period.year))
    .groupBy(employers.municipalityNisCode, contingents.measure);
  const fte: CountRow[] = rows.flatMap(({ nisCode, measure, allotted, filled }) =>
    nisCode === null
      ? []
      : [
          { nisCode, key: 'ALLOTTED', count: Number(allotted) },
          { nisCode, key: `ALLOTTED_${measure}`, count: Number(allotted) },
          { nisCode, key: `FILLED_${measure}`, count: Number(filled) },
        ],
  );
  return new AreaTable(
    fte,
    {
      total: 'ALLOTTED',
      parts: CONTINGENT_MEASURES.map((measure) => `ALLOTTED_${measure}`),
      others: CONTINGENT_MEASURES.map((measure) => `FILLED_${measure}`),
    },
    { persons: false },
  );
}

async function countReferrals(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({ nisCode: workplace, count: count() })
    .from(referrals)
    .innerJoin(employers, eq(employers.id, referrals.employerId))
    .leftJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
    .where(instantIn(referrals.proposedAt, period))
    .groupBy(workplace);
  return new AreaTable(
    spread(rows, () => ['ALL']),
    { total: 'ALL', parts: [] },
  );
}

/**
 * Referrals that reached their end in the period: hired, or failed with the employer's reason.
 * A referral moves no more once hired or failed, so its last move is its decision.
 */
async function countDecisions(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode: workplace,
      status: referrals.status,
      reason: referrals.failureReason,
      count: count(),
    })
    .from(referrals)
    .innerJoin(employers, eq(employers.id, referrals.employerId))
    .leftJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
    .where(
      and(
        inArray(referrals.status, ['HIRED', ...FAILED_REFERRAL_STATUSES]),
        instantIn(referrals.statusChangedAt, period),
      ),
    )
    .groupBy(workplace, referrals.status, referrals.failureReason);
  return new AreaTable(
    spread(rows, (row) =>
      row.status === 'HIRED' ? ['DECIDED', 'HIRED'] : ['DECIDED', 'FAILED', `FAILED_${row.reason}`],
    ),
    {
      total: 'DECIDED',
      parts: ['HIRED', 'FAILED'],
      sums: [{ total: 'FAILED', members: FAILURE_REASONS.map((reason) => `FAILED_${reason}`) }],
    },
  );
}

/**
 * Placements count where their referral does; one made without a referral counts at its
 * employer. The end date is the last day worked.
 */
async function countPlacements(db: Database, period: Period): Promise<AreaTable> {
  const started = dateIn(placements.startDate, period);
  const active = and(
    lte(placements.startDate, period.until),
    or(isNull(placements.endDate), gte(placements.endDate, period.until)),
  );
  const rows = await db
    .select({
      nisCode: workplace,
      started: sql<number>`count(*) filter (where ${started})`,
      active: sql<number>`count(*) filter (where ${active})`,
    })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .leftJoin(referrals, eq(referrals.id, placements.referralId))
    .leftJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
    .where(or(started, active))
    .groupBy(workplace);
  return new AreaTable(
    rows.flatMap((row) => [
      { nisCode: row.nisCode, key: 'STARTED', count: Number(row.started) },
      { nisCode: row.nisCode, key: 'ACTIVE', count: Number(row.active) },
    ]),
    { total: 'ACTIVE', parts: [], others: ['STARTED'] },
  );
}

async function countMaatwerkTables(db: Database, period: Period): Promise<MaatwerkTables> {
  // One statement at a time: PGlite has a single connection, and a pool gains little here.
  return {
    vacancies: await countVacancies(db, period),
    contingents: await countContingents(db, period),
    referrals: await countReferrals(db, period),
    decisions: await countDecisions(db, period),
    placements: await countPlacements(db, period),
  };
}

export const maatwerkTables = perDatabase(countMaatwerkTables);
