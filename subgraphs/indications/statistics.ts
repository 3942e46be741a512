import {
  and,
  count,
  countDistinct,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';

import { belgianDayOf, onBelgianDays } from '../../common/db/belgian-days';
import type { Database } from '../../common/db/connection';
import { AreaTable, AreaValues, spread } from '../../common/statistics/area-table';
import { perDatabase } from '../../common/statistics/cache';
import type { Period } from '../../common/statistics/period';
import { addMonths } from './rules';
import { advices, indicationRequests } from './tables';
import { AdviceType, IndicationRoute } from './types/enums';

/*
 * The indication figures of DOMAIN B.5 for one period, counted for every municipality at once in
 * a few GROUP BY statements (the higher areas are their sums). A request belongs to the
 * municipality the person lived in when it was submitted.
 */

export const ADVICE_TYPES = AdviceType.values;
export const ROUTES = IndicationRoute.values;

/** Lead-time buckets in weeks, against the 3-month target (13 weeks). */
export const LEAD_TIME_BUCKETS = [
  { key: 'WEEKS_0_4', untilDays: 28 },
  { key: 'WEEKS_4_8', untilDays: 56 },
  { key: 'WEEKS_8_13', untilDays: 91 },
  { key: 'WEEKS_13_26', untilDays: 182 },
  { key: 'WEEKS_26_PLUS', untilDays: Infinity },
] as const;

/** The phases of B.5 between the milestones of a request, each measured where both are known. */
export const PHASES = [
  { key: 'SUBMITTED_TO_INFORMATION_COMPLETE', from: 'submitted_at', to: 'info_complete_at' },
  { key: 'INFORMATION_COMPLETE_TO_ICF_STARTED', from: 'info_complete_at', to: 'icf_started_at' },
  { key: 'ICF_STARTED_TO_CONSULTANT_ADVICE', from: 'icf_started_at', to: 'consultant_advice_at' },
  { key: 'CONSULTANT_ADVICE_TO_DECISION', from: 'consultant_advice_at', to: 'decided_at' },
] as const;

export interface IndicationTables {
  /** Requests signed in the period: ALL by advice type, and by route (`ROUTE_<route>`). */
  requests: AreaTable;
  /**
   * Decisions dated in the period: DECIDED = GRANTED + REFUSED, each by advice type
   * (`GRANTED_CMW`) and route (`GRANTED_ROUTE_ICF`); WITHIN_3M; and DECIDED by lead-time bucket.
   */
  decisions: AreaTable;
  /** Sums of lead days (LEAD_DAYS) and of each phase's days, for means: no persons counted. */
  durations: AreaTable;
  leadTimes: AreaValues;
  /** Requests decided in the period that passed through each phase (key: the phase). */
  phases: AreaTable;
  /** IMWs derived from a granted CMW, decided in the period: reported apart, not as requests. */
  derivedImw: AreaTable;
  /** Requests open at the period's end that were signed more than 3 months before it. */
  backlog: AreaTable;
  /** Granted spoed advices decided in the period (SPOED_GRANTED) and those with a hire (SPOED_HIRED). */
  spoed: AreaTable;
  /** Persons holding a valid advice on the period's last day (ALL), and per advice type. */
  rightHolders: AreaTable;
}

/**
 * A request's municipality. An employer's filing has none until VDAB takes it in hand (tables.ts):
 * its row groups under no municipality, so no area counts it until then.
 */
const nisCode = sql<string>`${indicationRequests.municipalityNisCode}`;
/** The Belgian calendar day a decision was taken. */
const decidedOn = belgianDayOf(indicationRequests.decidedAt);
const days = (from: string, to: string) => sql.raw(`extract(epoch from (${to} - ${from})) / 86400`);

/** Decided in the period, as an instant range the index on decided_at serves. */
const decidedIn = (column: AnyPgColumn, period: Period) =>
  onBelgianDays(column, period.from, period.until);

async function countRequests(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode,
      type: indicationRequests.requestedType,
      route: indicationRequests.route,
      count: count(),
    })
    .from(indicationRequests)
    .where(
      and(
        gte(indicationRequests.signedFormAt, period.from),
        lte(indicationRequests.signedFormAt, period.until),
      ),
    )
    .groupBy(nisCode, indicationRequests.requestedType, indicationRequests.route);
  return new AreaTable(
    spread(rows, (row) => ['ALL', row.type, `ROUTE_${row.route}`]),
    {
      total: 'ALL',
      parts: ADVICE_TYPES,
      sums: [{ total: 'ALL', members: ROUTES.map((route) => `ROUTE_${route}`) }],
    },
  );
}

async function countDecisions(db: Database, period: Period) {
  const leadDays = sql<number>`${decidedOn} - ${indicationRequests.signedFormAt}`;
  const threeMonthsAfterSigning = sql`(${indicationRequests.signedFormAt} + interval '3 months')::date`;
  const within3m = sql<boolean>`${decidedOn} <= ${threeMonthsAfterSigning}`;
  const rows = await db
    .select({
      nisCode,
      type: indicationRequests.requestedType,
      route: indicationRequests.route,
      status: sql<string>`${indicationRequests.status}::text`,
      leadDays,
      within3m,
      count: count(),
    })
    .from(indicationRequests)
    .where(
      and(
        inArray(indicationRequests.status, ['GRANTED', 'REFUSED']),
        decidedIn(indicationRequests.decidedAt, period),
      ),
    )
    .groupBy(
      nisCode,
      indicationRequests.requestedType,
      indicationRequests.route,
      indicationRequests.status,
      leadDays,
      within3m,
    );
  const outcomes = ['GRANTED', 'REFUSED'];
  const buckets = LEAD_TIME_BUCKETS.map((bucket) => bucket.key);
  const decisions = new AreaTable(
    spread(rows, (row) => [
      'DECIDED',
      row.status,
      `${row.status}_${row.type}`,
      `${row.status}_ROUTE_${row.route}`,
      ...(row.within3m ? ['WITHIN_3M'] : []),
      leadTimeBucket(Number(row.leadDays)),
    ]),
    {
      total: 'DECIDED',
      parts: outcomes,
      sums: [
        { total: 'DECIDED', members: buckets },
        ...outcomes.flatMap((outcome) => [
          { total: outcome, members: ADVICE_TYPES.map((type) => `${outcome}_${type}`) },
          { total: outcome, members: ROUTES.map((route) => `${outcome}_ROUTE_${route}`) },
        ]),
      ],
      others: ['WITHIN_3M'],
    },
  );
  const leadTimes = new AreaValues(
    rows.flatMap((row) =>
      Array.from({ length: Number(row.count) }, () => ({
        nisCode: row.nisCode,
        value: Number(row.leadDays),
      })),
    ),
  );
  const leadDaySums = rows.map((row) => ({
    nisCode: row.nisCode,
    key: 'LEAD_DAYS',
    count: Number(row.leadDays) * Number(row.count),
  }));
  return { decisions, leadTimes, leadDaySums };
}

function leadTimeBucket(days: number): string {
  return LEAD_TIME_BUCKETS.find((bucket) => days < bucket.untilDays)!.key;
}

async function countPhases(db: Database, period: Period) {
  const measures = Object.fromEntries(
    PHASES.flatMap((phase) => [
      [`${phase.key}_COUNT`, sql<number>`count(${sql.raw(phase.to)} - ${sql.raw(phase.from)})`],
      [`${phase.key}_DAYS`, sql<string>`coalesce(sum(${days(phase.from, phase.to)}), 0)`],
    ]),
  );
  const rows: Record<string, unknown>[] = await db
    .select({ nisCode, ...measures })
    .from(indicationRequests)
    .where(
      and(
        inArray(indicationRequests.status, ['GRANTED', 'REFUSED']),
        decidedIn(indicationRequests.decidedAt, period),
      ),
    )
    .groupBy(nisCode);
  const rowsOf = (suffix: string) =>
    rows.flatMap((row) =>
      PHASES.map((phase) => ({
        nisCode: String(row.nisCode),
        key: phase.key,
        count: Number(row[`${phase.key}_${suffix}`]),
      })),
    );
  const phases = new AreaTable(rowsOf('COUNT'), {
    total: 'ALL',
    parts: [],
    others: PHASES.map((phase) => phase.key),
  });
  return { phases, phaseDaySums: rowsOf('DAYS') };
}

async function countDerivedImw(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({ nisCode, key: sql<string>`'ALL'`, count: count() })
    .from(advices)
    .innerJoin(indicationRequests, eq(indicationRequests.id, advices.requestId))
    .where(
      and(
        isNotNull(advices.derivedFromId),
        eq(advices.decision, 'TOEGEKEND'),
        decidedIn(advices.decidedAt, period),
      ),
    )
    .groupBy(nisCode);
  return new AreaTable(rows, { total: 'ALL', parts: [] });
}

async function countBacklog(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({ nisCode, key: sql<string>`'ALL'`, count: count() })
    .from(indicationRequests)
    .where(
      and(
        lte(indicationRequests.signedFormAt, addMonths(period.until, -3)),
        or(isNull(indicationRequests.decidedAt), sql`${decidedOn} > ${period.until}::date`),
      ),
    )
    .groupBy(nisCode);
  return new AreaTable(rows, { total: 'ALL', parts: [] });
}

async function countSpoed(db: Database, period: Period): Promise<AreaTable> {
  const rows = await db
    .select({
      nisCode,
      granted: count(),
      hired: sql<number>`count(${advices.hiredAt})`,
    })
    .from(advices)
    .innerJoin(indicationRequests, eq(indicationRequests.id, advices.requestId))
    .where(
      and(
        eq(indicationRequests.procedure, 'SPOED'),
        isNull(advices.derivedFromId),
        eq(advices.decision, 'TOEGEKEND'),
        decidedIn(advices.decidedAt, period),
      ),
    )
    .groupBy(nisCode);
  return new AreaTable(
    rows.flatMap((row) => [
      { nisCode: row.nisCode, key: 'SPOED_GRANTED', count: Number(row.granted) },
      { nisCode: row.nisCode, key: 'SPOED_HIRED', count: Number(row.hired) },
    ]),
    { total: 'SPOED_GRANTED', parts: [], others: ['SPOED_HIRED'] },
  );
}

/**
 * Persons with a valid right on a day, where they lived when they applied for it. The legacy
 * advices of the zittende doelgroep have no request: they count where the person last applied.
 */
async function countRightHolders(db: Database, onDay: string): Promise<AreaTable> {
  const latest = alias(indicationRequests, 'latest');
  const residence = sql<string>`coalesce(${nisCode}, (
    select ${latest.municipalityNisCode} from ${indicationRequests} as latest where ${latest.personId} = ${advices.personId}
    order by ${latest.signedFormAt} desc nulls last, ${latest.id} desc limit 1))`;
  const valid = and(
    eq(advices.decision, 'TOEGEKEND'),
    sql`${advices.validFrom} <= ${onDay}::date`,
    sql`${advices.validUntil} >= ${onDay}::date`,
    or(isNull(advices.endedAt), sql`${advices.endedAt} > ${onDay}::date`),
  );
  const holders = (key: SQL<string>, ...groupBy: SQL[]) =>
    db
      .select({ nisCode: residence, key, count: countDistinct(advices.personId) })
      .from(advices)
      .leftJoin(indicationRequests, eq(indicationRequests.id, advices.requestId))
      .where(valid)
      .groupBy(residence, ...groupBy);
  const type = sql<string>`${advices.type}::text`;
  return new AreaTable([...(await holders(type, type)), ...(await holders(sql`'ALL'`))], {
    total: 'ALL',
    parts: [],
    others: ADVICE_TYPES,
  });
}

async function countIndicationTables(db: Database, period: Period): Promise<IndicationTables> {
  // One statement at a time: PGlite has a single connection, and a pool gains little here.
  const requests = await countRequests(db, period);
  const { decisions, leadTimes, leadDaySums } = await countDecisions(db, period);
  const { phases, phaseDaySums } = await countPhases(db, period);
  return {
    requests,
    decisions,
    leadTimes,
    phases,
    durations: new AreaTable([...leadDaySums, ...phaseDaySums], NO_PERSONS_SUMS, {
      persons: false,
    }),
    derivedImw: await countDerivedImw(db, period),
    backlog: await countBacklog(db, period),
    spoed: await countSpoed(db, period),
    rightHolders: await countRightHolders(db, period.until),
  };
}

const NO_PERSONS_SUMS = {
  total: 'LEAD_DAYS',
  parts: [],
  others: PHASES.map((phase) => phase.key),
};

export const indicationTables = perDatabase(countIndicationTables);
