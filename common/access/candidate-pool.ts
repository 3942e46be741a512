import { createHmac } from 'node:crypto';

import { and, eq, exists, gte, inArray, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';

import { ageBand } from '../age';
import { config } from '../config';
import { todayInBelgium } from '../dates';
import type { Database } from '../db/connection';
import { domainError, ErrorCode } from '../errors';
import { MUNICIPALITIES, municipalityNamed, PROVINCES } from '../geography';
import type { Caller, Role } from './caller';
import { holdsOn } from './directory';
import { pseudonymKey } from './keys';
import {
  CANDIDATE_POOL_OPT_OUT,
  CANDIDATE_POOL_ORG,
  candidatePoolPurpose,
  Purpose,
} from './purposes';
import { relations } from './tables';

/**
 * The employer's pseudonymous candidate pool (issue 14, DOMAIN B.4 note 11): who may pull it,
 * who is in it, the pseudonym an employer knows a candidate by, and the generalisation that keeps
 * every profile shown shared by at least k pool members. The persons subgraph serves the
 * profiles; every rule of what they may reveal is here.
 */

/** The roles that may pull candidates: an employer, for its own open vacancies (note 11). */
export const CANDIDATE_POOL_READERS: readonly Role[] = ['EMPLOYER'];

/** FORBIDDEN for any caller but an employer. */
export function assertMayPullCandidates(caller: Pick<Caller, 'role' | 'org'>): void {
  if ((CANDIDATE_POOL_READERS as readonly string[]).includes(caller.role)) return;
  throw domainError(
    ErrorCode.FORBIDDEN,
    `candidates is the employers' pseudonymous candidate pool (B.4 note 11); role ${caller.role} may not pull it. VDAB and its partners match within their own caseload.`,
    { category: 'l' },
  );
}

/** The advice type whose holders fill a vacancy of each measure; the rest have no pool. */
const ADVICE_TYPE_OF_MEASURE: Readonly<Record<string, string>> = {
  CMW: 'CMW',
  IMW: 'IMW',
  AMA_SE_PLAATS: 'AMA_SE',
};

export function adviceTypeForMeasure(measure: string): string | undefined {
  return ADVICE_TYPE_OF_MEASURE[measure];
}

export const POOL_MEASURES = Object.keys(ADVICE_TYPE_OF_MEASURE);

/** A pool member's ticket: the days its advice holds, as the directory says. */
export interface PoolTicket {
  since: string;
  until: string;
}


/** Another relation of the same person, for the correlated check below. */
const employment = alias(relations, 'employment');

/**
 * The pool of one advice type on `today`: every person whose advice of that type holds today
 * (granted, not ended, not expired), less those who opted out and those employed today (a
 * running placement: whoever is hired has left the pool), with the ticket that holds longest.
 * One statement, whatever the pool's size.
 */
export async function poolTickets(
  db: Database,
  adviceType: string,
  today: string,
): Promise<Map<string, PoolTicket>> {
  const holds = holdsOn(relations, today);
  const employed = db
    .select({ one: sql`1` })
    .from(employment)
    .where(
      and(
        eq(employment.personId, relations.personId),
        eq(employment.purpose, Purpose.EMPLOYMENT),
        holdsOn(employment, today),
      ),
    );
  const optedOut = db
    .select({ personId: relations.personId })
    .from(relations)
    .where(
      and(
        eq(relations.org, CANDIDATE_POOL_ORG),
        eq(relations.purpose, CANDIDATE_POOL_OPT_OUT),
        holds,
      ),
    );
  const rows = await db
    .select({
      personId: relations.personId,
      since: sql<string>`min(${relations.validFrom})::text`,
      until: sql<string>`max(${relations.validUntil})::text`,
    })
    .from(relations)
    .where(
      and(
        eq(relations.org, CANDIDATE_POOL_ORG),
        eq(relations.purpose, candidatePoolPurpose(adviceType)),
        holds,
        sql`${relations.personId} not in (${optedOut})`,
        notExists(employed),
      ),
    )
    .groupBy(relations.personId);
  return new Map(rows.map((row) => [row.personId, { since: row.since, until: row.until }]));
}

/** The advice types the pool holds tickets of (every advice type decided with a validity). */
export const TICKET_TYPES = ['CMW', 'IMW', 'AMA_SE', 'AMA_WELZIJN'] as const;

/**
 * Persons (a person-id column) who hold, on `today`, a valid advice of one of `adviceTypes`:
 * the condition of a caseload filter on valid advice (B.4 j). The pool's tickets are that fact
 * already, kept in the directory; the advices themselves are another subgraph's.
 */
export function holdsValidAdvice(
  personId: AnyPgColumn,
  today: string,
  adviceTypes: readonly string[] = TICKET_TYPES,
): SQL {
  const purposes = adviceTypes.map(candidatePoolPurpose);
  return sql`${personId} in (select ${relations.personId} from ${relations}
    where ${relations.org} = ${CANDIDATE_POOL_ORG}
      and ${relations.purpose} = any(${sql.param(purposes)}::text[])
      and ${holdsOn(relations, today)})`;
}

/**
 * Whose place in the pool of one advice type may have changed since the instant `since`, as
 * person ids: the persons whose ticket of that type the directory recorded or moved since (its
 * `changedAt`: an advice ended today holds until yesterday, yet held when the sync last ran),
 * and those whose ticket held on some day from `since`'s day to `today` and who since lost it
 * (it expired), or whose opt-out or employment the directory recorded since (a hire dated last
 * week and written today is news today) or that began on a day since. Of them, those the
 * pool shows today joined or came back; the others may have left. Nothing is kept for it: the
 * directory's relations are kept for their own sake (who could see whom, and when). It
 * over-approximates, never misses a fact the directory holds. One statement.
 */
export async function poolChangedSince(
  db: Database,
  adviceType: string,
  since: Date,
  today: string,
): Promise<string[]> {
  const purpose = candidatePoolPurpose(adviceType);
  const sinceDay = todayInBelgium(since);
  const ticket = alias(relations, 'ticket');
  const other = alias(relations, 'other');
  const stillHeld = db
    .select({ one: sql`1` })
    .from(ticket)
    .where(
      and(
        eq(ticket.personId, relations.personId),
        eq(ticket.org, CANDIDATE_POOL_ORG),
        eq(ticket.purpose, purpose),
        holdsOn(ticket, today),
      ),
    );
  const changed = db
    .select({ one: sql`1` })
    .from(other)
    .where(
      and(
        eq(other.personId, relations.personId),
        or(
          and(
            eq(other.org, CANDIDATE_POOL_ORG),
            inArray(other.purpose, [purpose, CANDIDATE_POOL_OPT_OUT]),
          ),
          eq(other.purpose, Purpose.EMPLOYMENT),
        ),
        or(
          gte(other.changedAt, since),
          and(
            ne(other.purpose, purpose),
            sql`${other.validFrom} >= ${sinceDay}::date`,
            sql`${other.validFrom} <= ${today}::date`,
          ),
        ),
      ),
    );
  const rows = await db
    .selectDistinct({ personId: relations.personId })
    .from(relations)
    .where(
      and(
        eq(relations.org, CANDIDATE_POOL_ORG),
        eq(relations.purpose, purpose),
        sql`${relations.validFrom} <= ${today}::date`,
        or(
          and(
            sql`(${relations.validUntil} is null or ${relations.validUntil} >= ${sinceDay}::date)`,
            or(notExists(stillHeld), exists(changed)),
          ),
          // Its days moved since: an advice ended today holds until yesterday, but held then.
          gte(relations.changedAt, since),
        ),
      ),
    );
  return rows.map((row) => row.personId);
}

/**
 * The pseudonym one employer knows a candidate by: a keyed hash (HMAC-SHA-256 under the
 * platform's `PSEUDONYM_KEY`) of the employer and the person. The same for that employer on
 * every request, unrelated between employers, and not reversible without the key, which never
 * leaves the platform.
 */
export function pseudonymOf(employerId: string, personId: string, key = pseudonymKey()): string {
  let known = pseudonyms.get(key);
  if (!known) pseudonyms.set(key, (known = new LRUCache({ max: PSEUDONYMS_KEPT })));
  const pair = `${employerId}\u0000${personId}`;
  let pseudonym = known.get(pair);
  if (!pseudonym) {
    const digest = createHmac('sha256', key).update(pair).digest();
    pseudonym = `CP-${digest.subarray(0, 12).toString('base64url')}`;
    known.set(pair, pseudonym);
  }
  return pseudonym;
}

/**
 * A pseudonym never changes for its key, so each is computed once per process: ranking a pool
 * of 32,000 asked an HMAC per member on every page, most of the page's CPU.
 */
const PSEUDONYMS_KEPT = 500_000;
const pseudonyms = new Map<string, LRUCache<string, string>>();

/**
 * The pool member an employer knows by `pseudonym`, recomputed from the members (the pseudonym
 * is a keyed hash, never stored as a way back), or undefined: a pseudonym of another employer,
 * of someone outside the pool, or made up is not found, alike.
 */
export function memberByPseudonym(
  employerId: string,
  pseudonym: string,
  personIds: Iterable<string>,
): string | undefined {
  const key = pseudonymKey();
  for (const personId of personIds) {
    if (pseudonymOf(employerId, personId, key) === pseudonym) return personId;
  }
  return undefined;
}

/**
 * The ticket of `adviceType` a person holds on `today` (the pool's relation: a granted advice,
 * valid, not ended), or undefined. Whether they opted out of the pool does not matter: a holder
 * of a right may apply directly (B.3) whether employers may find them or not.
 */
export async function holdsTicket(
  db: Database,
  query: { personId: string; adviceType: string; today: string },
): Promise<PoolTicket | undefined> {
  const [row] = await db
    .select({
      since: sql<string>`min(${relations.validFrom})::text`,
      until: sql<string>`max(${relations.validUntil})::text`,
    })
    .from(relations)
    .where(
      and(
        eq(relations.org, CANDIDATE_POOL_ORG),
        eq(relations.purpose, candidatePoolPurpose(query.adviceType)),
        eq(relations.personId, query.personId),
        holdsOn(relations, query.today),
      ),
    );
  return row?.since ? { since: row.since, until: row.until } : undefined;
}

/** How coarse a region is shown. */
export type RegionLevel = 'MUNICIPALITY' | 'ARRONDISSEMENT' | 'PROVINCE' | 'FLANDERS';

export interface GeneralisedRegion {
  level: RegionLevel;
  code: string;
  name: string;
}

/** The quasi-identifiers of a pool member, before generalisation. */
export interface QuasiIdentifiers {
  residenceNisCode: string;
  birthDate: string;
}

export interface Generalised {
  region: GeneralisedRegion;
  ageBand: string;
}

const provinceByCode = new Map(PROVINCES.map((province) => [province.code, province]));
/** An arrondissement is named after its largest municipality. */
const arrondissementNames = new Map<string, string>(
  [...MUNICIPALITIES]
    .sort((a, b) => a.population - b.population)
    .map((municipality) => [municipality.arrondissementNis, municipality.name]),
);

function regionAt(nisCode: string, level: RegionLevel): GeneralisedRegion {
  const municipality = municipalityNamed(nisCode);
  if (level === 'FLANDERS' || !municipality) {
    return { level: 'FLANDERS', code: 'VLG', name: 'Vlaanderen' };
  }
  if (level === 'PROVINCE') {
    const province = provinceByCode.get(municipality.province)!;
    return { level, code: province.nisCode, name: province.name };
  }
  if (level === 'ARRONDISSEMENT') {
    const code = municipality.arrondissementNis;
    return { level, code, name: `Arrondissement ${arrondissementNames.get(code) ?? code}` };
  }
  return { level, code: municipality.nisCode, name: municipality.name };
}

/** An age band widened: ten years, twenty years, then any working age. */
function ageBandAt(band: string, level: 0 | 1 | 2): string {
  if (level === 0) return band;
  if (level === 2) return 'ANY';
  if (band === '18_24' || band === '25_34') return '18_34';
  if (band === '35_44' || band === '45_54') return '35_54';
  if (band === '55_64' || band === '65_PLUS') return '55_PLUS';
  return band;
}

/**
 * The generalisation steps, finest first. Each step coarsens one quasi-identifier of the one
 * before, so the groups of a step are unions of the groups of the step before (a tree).
 */
const STEPS: readonly { region: RegionLevel; age: 0 | 1 | 2 }[] = [
  { region: 'MUNICIPALITY', age: 0 },
  { region: 'ARRONDISSEMENT', age: 0 },
  { region: 'ARRONDISSEMENT', age: 1 },
  { region: 'PROVINCE', age: 1 },
  { region: 'PROVINCE', age: 2 },
  { region: 'FLANDERS', age: 2 },
];

const keyOf = (value: Generalised) => `${value.region.level}:${value.region.code}|${value.ageBand}`;

/**
 * k-anonymity over region and age band: each member is shown at the finest step where it and
 * at least k-1 other members still unplaced share its generalised values; those placed at a
 * finer step do not count again at a coarser one, so every (region, age band) shown is shown
 * for at least k members. Members who reach no group of k even as "Flanders, any age" are left
 * out (absent from the result). `today` dates the age.
 */
export function kAnonymise<Member extends QuasiIdentifiers>(
  members: readonly Member[],
  today: string,
  k: number = config.CANDIDATE_K_ANONYMITY,
): Map<Member, Generalised> {
  const bands = new Map(members.map((member) => [member, ageBand(member.birthDate, today)]));
  const placed = new Map<Member, Generalised>();
  let unplaced = [...members];
  for (const step of STEPS) {
    const groups = new Map<string, { value: Generalised; members: Member[] }>();
    for (const member of unplaced) {
      const value = {
        region: regionAt(member.residenceNisCode, step.region),
        ageBand: ageBandAt(bands.get(member)!, step.age),
      };
      const key = keyOf(value);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { value, members: [] }));
      group.members.push(member);
    }
    unplaced = [];
    for (const group of groups.values()) {
      if (group.members.length >= k) {
        for (const member of group.members) placed.set(member, group.value);
      } else {
        unplaced.push(...group.members);
      }
    }
    if (unplaced.length === 0) break;
  }
  return placed;
}

/** Whether the generalised region contains a municipality (the vacancy's workplace). */
export function regionContains(region: GeneralisedRegion, nisCode: string): boolean {
  return (
    keyOf({ region: regionAt(nisCode, region.level), ageBand: '' }) ===
    keyOf({ region, ageBand: '' })
  );
}
