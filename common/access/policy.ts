import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';

import type { Database } from '../db/connection';
import { rowsOf } from '../db/rows';
import { domainError, ErrorCode } from '../errors';
import { AuditTrail } from './audit';
import type { Caller, Role } from './caller';
import { DATA_CATEGORIES, type DataCategory, type FieldRule } from './categories';
import { consentsGiven } from './directory';
import type { ForwardedCaller } from './gateway-token';
import { ACCESS_MATRIX, MINIMAL_VIEW, PERSONAL_CATEGORIES, type AccessLevel } from './matrix';
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
 * person gave the caller's organisation the consent for the category.
 */
export type ReadDecision =
  { allowed: true } | { allowed: false; why: string } | { consentFor: DataCategory };

const ALLOWED: ReadDecision = { allowed: true };

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
        : { consentFor: rule.category };
    case 'consent':
      // Consent is given person by person: with no person known, nothing can open it.
      return personId === undefined
        ? refused('it needs the consent of the person it is about, and no one person is asked for')
        : { consentFor: rule.category };
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
  if (!rule.category) return true;
  switch (ACCESS_MATRIX[role][rule.category]) {
    case 'full':
    case 'consent':
    case 'minimalOrConsent':
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
  private readonly consents: DataLoader<string, boolean>;

  constructor(
    readonly caller: ForwardedCaller,
    db: Database,
    readonly today: string,
  ) {
    this.rows = new RowScope(caller, today);
    this.consents = new DataLoader(async (keys) => {
      const wanted = keys.map((key) => JSON.parse(key) as [string, string]);
      const given = new Set<string>();
      for (const type of new Set(wanted.map(([, consentType]) => consentType))) {
        const personIds = wanted.filter(([, t]) => t === type).map(([personId]) => personId);
        const found = await consentsGiven(db, { org: caller.org, type, personIds, today });
        for (const personId of found.keys()) given.add(JSON.stringify([personId, type]));
      }
      return keys.map((key) => given.has(key));
    });
  }

  /** Whether the caller reaches this person (its reference directory, DOMAIN A.2.4). */
  async reaches(db: Database, personId: string): Promise<boolean> {
    const condition = this.rows.persons(sql`${personId}::text` as never);
    if (!condition) return true;
    return rowsOf(await db.execute(sql`select 1 as reached where ${condition}`)).length > 0;
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

  /** Whether the person gave the caller's organisation the consent a category needs. */
  async consented(personId: string, category: DataCategory): Promise<boolean> {
    const consentType = CONSENT_FOR_CATEGORY[category];
    if (!consentType) return false;
    return this.consents.load(JSON.stringify([personId, consentType]));
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
