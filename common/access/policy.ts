import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';

import type { Database } from '../db/connection';
import { rowsOf } from '../db/rows';
import { domainError, ErrorCode } from '../errors';
import { AuditTrail } from './audit';
import type { Caller, Role } from './caller';
import { DATA_CATEGORIES, type DataCategory, type FieldRule } from './categories';
import { relationsHeld } from './directory';
import type { ForwardedCaller } from './gateway-token';
import { ACCESS_MATRIX, MINIMAL_VIEW, PERSONAL_CATEGORIES, type AccessLevel } from './matrix';
import { consentPurpose, Purpose } from './purposes';
import { RowScope } from './rows';
import { MUTATION_WRITERS } from './writers';

/** The consent that opens a `consent` (C) cell of the matrix, per category. */
export const CONSENT_FOR_CATEGORY: Partial<Record<DataCategory, string>> = {
  e: 'OCMW_INSCHRIJVINGSMANDAAT',
  h: 'ATTEST_DATAKOPPELING',
};

type Who = Pick<Caller, 'role'> & { categories: readonly string[] };

/** A role's level for a category under its mandate: the matrix of B.4, cut to the mandate. */
export function levelOf(who: Who, category: DataCategory): AccessLevel {
  if (who.role === 'SYSTEM') return 'full';
  if (!who.categories.includes(category)) return 'none';
  return ACCESS_MATRIX[who.role][category];
}

/**
 * A read decided: allowed, refused with the reason a partner reads, or allowed only if the
 * caller's organisation holds, with that person, the relation the category needs: the person's
 * consent, or (note 14) their employment.
 */
export type ReadDecision =
  { allowed: true } | { allowed: false; why: string } | { relationFor: DataCategory };

const ALLOWED: ReadDecision = { allowed: true };

/** Whether a level reads anything of one person: not nothing, not only aggregates. */
export const readsPersons = (level: AccessLevel) => level !== 'none' && level !== 'aggregate';

/** Whether a field is in the role's minimised view of its category (B.4 "r" and its note). */
function inMinimisedView(role: Role, rule: FieldRule): boolean {
  if (rule.minimal) return true;
  const note = rule.category ? MINIMAL_VIEW[role]?.[rule.category] : undefined;
  return note !== undefined && (rule.views ?? []).includes(note);
}
const refused = (why: string): ReadDecision => ({ allowed: false, why });

/**
 * May this caller read a field with this rule of the record of `personId` (undefined when the
 * field belongs to no one person: a root field, figures)? The one decision the field guard,
 * the filters and the table tests all use.
 */
export function decideRead(
  who: Who & Pick<Caller, 'sub'>,
  rule: FieldRule,
  personId: string | undefined,
): ReadDecision {
  if (who.role === 'SYSTEM') return ALLOWED;
  if (rule.reveals && !readsPersons(levelOf(who, rule.reveals))) {
    return refused(
      `it reveals ${DATA_CATEGORIES[rule.reveals]} (data category ${rule.reveals}), which your mandate does not include (B.7.11)`,
    );
  }
  if (rule.selfOnly) {
    if (who.role !== 'CITIZEN') return refused('only the person it is about may read it');
    if (personId !== undefined && personId !== who.sub) {
      return refused('only the person it is about may read it');
    }
  }
  if (!rule.category) return ALLOWED;
  const personal = PERSONAL_CATEGORIES.has(rule.category);
  const minimised = inMinimisedView(who.role as Role, rule);
  switch (levelOf(who, rule.category)) {
    case 'full':
      return ALLOWED;
    case 'minimal':
      return minimised
        ? ALLOWED
        : refused('your mandate includes only the minimised view of this category');
    case 'minimalOrConsent':
      if (minimised) return ALLOWED;
      return personId === undefined
        ? refused('beyond the minimised view it needs the consent of the person it is about')
        : { relationFor: rule.category };
    case 'consent':
      // Consent is given person by person: with no person known, nothing can open it.
      return personId === undefined
        ? refused('it needs the consent of the person it is about, and no one person is asked for')
        : { relationFor: rule.category };
    case 'ownEmployees':
      return personId === undefined
        ? refused('only of your own employees, and no one person is asked for')
        : { relationFor: rule.category };
    case 'aggregate':
      // Figures about many people are readable; a field about one person never is.
      return personal ? refused('your mandate includes only aggregates of this category') : ALLOWED;
    default:
      return refused('your mandate does not include it');
  }
}

/**
 * Whether a role may ever read a field with this rule, whoever it is about: what its
 * introspection shows (DOMAIN A.2.3). A consent cell is shown, since some persons may open it.
 */
export function visibleTo(role: Role, rule: FieldRule): boolean {
  if (rule.selfOnly && role !== 'CITIZEN') return false;
  if (rule.reveals && !readsPersons(ACCESS_MATRIX[role][rule.reveals])) return false;
  if (!rule.category) return true;
  switch (ACCESS_MATRIX[role][rule.category]) {
    case 'full':
    case 'consent':
    case 'minimalOrConsent':
    case 'ownEmployees':
      return true;
    case 'minimal':
      return inMinimisedView(role, rule);
    case 'aggregate':
      return !PERSONAL_CATEGORIES.has(rule.category);
    default:
      return false;
  }
}

export function forbidden(subject: string, rule: FieldRule, why: string) {
  const category = rule.category
    ? ` is data category ${rule.category} (${DATA_CATEGORIES[rule.category]})${rule.minimal ? ', minimised view' : ''}`
    : '';
  return domainError(ErrorCode.FORBIDDEN, `${subject}${category}: ${why}.`, {
    ...(rule.category ? { category: rule.category } : {}),
  });
}

/**
 * The access policy of one request in one subgraph, built once from the verified caller: the
 * level per category, field reads (with consents looked up in one batch per request), filters,
 * writes, the rows of every kind of record, and the audit trail of what was read about whom.
 */
export class RequestPolicy {
  readonly audit = new AuditTrail();
  readonly rows: RowScope;
  private readonly relations: DataLoader<string, boolean>;

  constructor(
    readonly caller: ForwardedCaller,
    db: Database,
    readonly today: string,
  ) {
    this.rows = new RowScope(caller, today);
    this.relations = new DataLoader(async (keys) => {
      const wanted = keys.map((key) => JSON.parse(key) as [string, string]);
      const held = new Set<string>();
      for (const purpose of new Set(wanted.map(([, p]) => p))) {
        const personIds = wanted.filter(([, p]) => p === purpose).map(([personId]) => personId);
        const found = await relationsHeld(db, { org: caller.org, purpose, personIds, today });
        for (const personId of found.keys()) held.add(JSON.stringify([personId, purpose]));
      }
      return keys.map((key) => held.has(key));
    });
  }

  /** Whether the caller reaches this person (its reference directory, DOMAIN A.2.4). */
  async reaches(db: Database, personId: string): Promise<boolean> {
    const condition = this.rows.persons(sql`${personId}::text` as never);
    if (!condition) return true;
    return rowsOf(await db.execute(sql`select 1 as reached where ${condition}`)).length > 0;
  }

  /**
   * Whether the caller's organisation employs the person today (note 14), read in the caller's
   * transaction: what an employer's own-employee rules (its work support package, k) rest on.
   */
  async employs(db: Database, personId: string): Promise<boolean> {
    if (this.caller.role === 'SYSTEM') return true;
    const held = await relationsHeld(db, {
      org: this.caller.org,
      purpose: Purpose.EMPLOYMENT,
      personIds: [personId],
      today: this.today,
    });
    return held.has(personId);
  }

  /** Partner reads are logged; the platform's own (tests of one subgraph, the baseline) are not. */
  get audited(): boolean {
    return this.caller.role !== 'SYSTEM';
  }

  level(category: DataCategory): AccessLevel {
    return levelOf(this.caller, category);
  }

  /** Decides a read of a field of `personId`'s record (a consent cell says which consent). */
  decide(rule: FieldRule, personId: string | undefined): ReadDecision {
    return decideRead(this.caller, rule, personId);
  }

  /**
   * Whether the caller's organisation holds, today, the relation with the person that opens a
   * person-by-person cell of this category: its employment (note 14), or the person's consent.
   */
  async holdsRelation(personId: string, category: DataCategory): Promise<boolean> {
    const purpose = this.purposeOpening(category);
    if (!purpose) return false;
    return this.relations.load(JSON.stringify([personId, purpose]));
  }

  /** Why a person-by-person cell stayed closed, as the partner reads it. */
  withoutRelation(category: DataCategory): string {
    return this.level(category) === 'ownEmployees'
      ? 'it is read of your own employees only (B.4 note 14), and this person is not one today'
      : 'the person has not given your organisation the consent it needs';
  }

  private purposeOpening(category: DataCategory): string | undefined {
    if (this.level(category) === 'ownEmployees') return Purpose.EMPLOYMENT;
    const consentType = CONSENT_FOR_CATEGORY[category];
    return consentType ? consentPurpose(consentType) : undefined;
  }

  /**
   * A filter (or ordering, or count) over a field is a read of its category for every row it
   * sorts: refused, naming the argument, unless the caller may read that field of anyone.
   */
  assertFilter(argument: string, rule: FieldRule): void {
    const decision = decideRead(this.caller, rule, undefined);
    if ('why' in decision) {
      throw forbidden(
        `The filter ${argument}`,
        rule,
        `${decision.why}, so it may not filter on it`,
      );
    }
  }

  /** Only the roles that own the data a mutation changes may call it (B.4 W cells). */
  assertWrite(mutation: string): void {
    const writers = MUTATION_WRITERS[mutation];
    if (!writers) throw new Error(`No writers are declared for mutation ${mutation}.`);
    if (this.caller.role === 'SYSTEM' || writers.roles.includes(this.caller.role)) return;
    throw domainError(
      ErrorCode.FORBIDDEN,
      `${mutation} changes data category ${writers.category} (${DATA_CATEGORIES[writers.category]}), which role ${this.caller.role} may not change.`,
      { category: writers.category },
    );
  }
}
