import { and, count, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

import type { Database } from '../../common/db/connection';
import { AreaTable, spread } from '../../common/statistics/area-table';
import { perDatabase } from '../../common/statistics/cache';
import type { Period } from '../../common/statistics/period';
import {
  employmentOutcomes,
  persons,
  socialAssistanceRecords as records,
  temporaryProtections,
  trajectories,
  trajectoryActions,
  vdabRegistrations,
} from './tables';
import { AssistanceType } from './types/enums';

/*
 * The activation figures of DOMAIN B.5 ("Activation and local dashboard") for one period, counted
 * for every municipality at once in one GROUP BY per day (the higher areas are their sums). A
 * person counts in the municipality they live in now: the subgraph keeps the residence, not its
 * history. Records, registrations, protections and actions hold on every day from their start up
 * to and including their end date, as the OCMW's relation to its client does.
 */

export const ASSISTANCE_TYPES = AssistanceType.values;

/** The right to social integration, delivered through leefloon or through employment. */
const RMI_TYPES = ['LEEFLOON', 'RMI_TEWERKSTELLING'];

/** One client on the period's last day, as the GROUP BY returns them (with their count). */
interface ClientRow {
  nisCode: string;
  kind: string;
  gpmi: boolean;
  exempted: boolean;
  registered: boolean;
  category05: boolean;
  ukrainian: boolean;
  inTwe: boolean;
  count: number;
}

/**
 * The subsets the figures count, each of a published count. A reader could subtract a subset from
 * its total, so the rest (`NOT_<key>`) is a cell of the table too: disclosure control hides a
 * small rest, and then the subset or the total with it. Parents come before their subsets.
 */
const SUBSETS: { of: string; key: string; holds: (client: ClientRow) => boolean }[] = [
  { of: 'ALL', key: 'GPMI', holds: (client) => client.gpmi },
  { of: 'GPMI', key: 'GPMI_REGISTERED', holds: (client) => client.registered },
  { of: 'RMI', key: 'RMI_CATEGORY_05', holds: (client) => client.category05 },
  { of: 'RMI', key: 'RMI_IN_TWE', holds: (client) => client.inTwe },
  { of: 'LEEFLOON', key: 'LEEFLOON_EXEMPTED', holds: (client) => client.exempted },
  { of: 'EQUIVALENT_LEEFLOON', key: 'UKRAINIAN', holds: (client) => client.ukrainian },
  { of: 'UKRAINIAN', key: 'UKRAINIAN_REGISTERED', holds: (client) => client.registered },
];

function clientKeys(client: ClientRow): string[] {
  const keys = ['ALL', client.kind, ...(RMI_TYPES.includes(client.kind) ? ['RMI'] : [])];
  for (const subset of SUBSETS) {
    if (keys.includes(subset.of))
      keys.push(subset.holds(client) ? subset.key : `NOT_${subset.key}`);
  }
  return keys;
}

export interface ActivationTables {
  /**
   * Persons with social assistance on the period's last day: ALL by assistance type, RMI =
   * LEEFLOON + RMI_TEWERKSTELLING, and the SUBSETS (GPMI, RMI_CATEGORY_05, …) with their rests.
   * One table, so a count that two figures share is hidden in both or in neither.
   */
  clients: AreaTable;
  /** The outflow cohort (COHORT) = WORKING + NOT_WORKING a year later. */
  outflow: AreaTable;
}

/** Holds on `day`: started on or before it, and not ended before it. */
const heldOn = (day: string, start: PgColumn, end: PgColumn) =>
  and(lte(start, day), or(isNull(end), gte(end, day)));

const assistanceOn = (day: string) => heldOn(day, records.grantedAt, records.endedAt);

/** A person's VDAB registrations on `day`, in any category: VDAB links them on identity. */
const registrationOn = (day: string) =>
  and(
    eq(vdabRegistrations.personId, records.personId),
    eq(vdabRegistrations.registered, true),
    heldOn(day, vdabRegistrations.since, vdabRegistrations.until),
  );

/**
 * The clients on `day`, one row per municipality and combination of traits. A person with several
 * running records counts once, under the first type in the enum's order (LEEFLOON,
 * EQUIVALENT_LEEFLOON, RMI_TEWERKSTELLING, MAATSCHAPPELIJKE_HULP): `min` over a Postgres enum
 * follows its declared order. The joins fan out per registration, protection and action; the
 * per-person aggregates do not mind.
 */
async function countClients(db: Database, day: string): Promise<AreaTable> {
  const client = db
    .select({
      nisCode: persons.residenceNisCode,
      kind: sql<string>`min(${records.type})::text`.as('kind'),
      gpmi: sql<boolean>`bool_or(${records.gpmi})`.as('gpmi'),
      exempted: sql<boolean>`bool_or(${records.type} = 'LEEFLOON'
        and ${records.registrationDuty} = 'VRIJGESTELD')`.as('exempted'),
      registered: sql<boolean>`count(${vdabRegistrations.id}) > 0`.as('registered'),
      category05: sql<boolean>`count(${vdabRegistrations.id})
        filter (where ${vdabRegistrations.category} = 'CAT_05_OCMW') > 0`.as('category05'),
      ukrainian: sql<boolean>`count(${temporaryProtections.id}) > 0`.as('ukrainian'),
      inTwe: sql<boolean>`count(${trajectoryActions.id}) > 0`.as('in_twe'),
    })
    .from(records)
    .innerJoin(persons, eq(persons.id, records.personId))
    .leftJoin(vdabRegistrations, registrationOn(day))
    // Ukrainian displaced: under temporary protection (DVZ) on the day.
    .leftJoin(
      temporaryProtections,
      and(
        eq(temporaryProtections.personId, records.personId),
        lte(temporaryProtections.dvzRegisteredAt, day),
        gte(temporaryProtections.validUntil, day),
      ),
    )
    .leftJoin(trajectories, eq(trajectories.personId, records.personId))
    // In TWE-OCMW: a TWE action of one of their trajectories running on the day.
    .leftJoin(
      trajectoryActions,
      and(
        eq(trajectoryActions.trajectoryId, trajectories.id),
        eq(trajectoryActions.instrument, 'TWE_OCMW'),
        ne(trajectoryActions.outcome, 'NOT_STARTED'),
        heldOn(day, trajectoryActions.startDate, trajectoryActions.endDate),
      ),
    )
    .where(assistanceOn(day))
    .groupBy(records.personId, persons.residenceNisCode)
    .as('client');
  const rows = await db
    .select({
      nisCode: client.nisCode,
      kind: client.kind,
      gpmi: client.gpmi,
      exempted: client.exempted,
      registered: client.registered,
      category05: client.category05,
      ukrainian: client.ukrainian,
      inTwe: client.inTwe,
      count: count(),
    })
    .from(client)
    .groupBy(
      client.nisCode,
      client.kind,
      client.gpmi,
      client.exempted,
      client.registered,
      client.category05,
      client.ukrainian,
      client.inTwe,
    );
  return new AreaTable(spread(rows, clientKeys), {
    total: 'ALL',
    parts: ASSISTANCE_TYPES,
    sums: [
      { total: 'RMI', members: RMI_TYPES },
      ...SUBSETS.map((subset) => ({
        total: subset.of,
        members: [subset.key, `NOT_${subset.key}`],
      })),
    ],
  });
}

/**
 * The period's last day one year earlier. Periods end on the last day of March, June, September
 * or December, which every year has.
 */
export const oneYearBefore = (period: Period) => `${period.year - 1}${period.until.slice(4)}`;

/**
 * The cohort of OCMW clients registered at VDAB on `start` (any assistance type, any category),
 * split by whether an employment outcome dated `end` says they work. Without an outcome for that
 * day a person counts as not working.
 */
async function countOutflow(db: Database, start: string, end: string): Promise<AreaTable> {
  const cohort = db
    .select({
      nisCode: persons.residenceNisCode,
      working: sql<boolean>`count(${employmentOutcomes.id}) > 0`.as('working'),
    })
    .from(records)
    .innerJoin(persons, eq(persons.id, records.personId))
    .innerJoin(vdabRegistrations, registrationOn(start))
    .leftJoin(
      employmentOutcomes,
      and(
        eq(employmentOutcomes.personId, records.personId),
        eq(employmentOutcomes.referenceDate, end),
        eq(employmentOutcomes.employed, true),
      ),
    )
    .where(assistanceOn(start))
    .groupBy(records.personId, persons.residenceNisCode)
    .as('cohort');
  const rows = await db
    .select({ nisCode: cohort.nisCode, working: cohort.working, count: count() })
    .from(cohort)
    .groupBy(cohort.nisCode, cohort.working);
  return new AreaTable(
    spread(rows, (row) => ['COHORT', row.working ? 'WORKING' : 'NOT_WORKING']),
    { total: 'COHORT', parts: ['WORKING', 'NOT_WORKING'] },
  );
}

async function countActivationTables(db: Database, period: Period): Promise<ActivationTables> {
  // One statement at a time: PGlite has a single connection.
  return {
    clients: await countClients(db, period.until),
    outflow: await countOutflow(db, oneYearBefore(period), period.until),
  };
}

export const activationTables = perDatabase(countActivationTables);
