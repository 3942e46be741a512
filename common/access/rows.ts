import { and, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { domainError, ErrorCode } from '../errors';
import type { Area } from '../statistics/area-table';
import { orgRef, type Caller, type Role } from './caller';
import { inDirectory, type DirectoryPair } from './directory';
import { ACCESS_MATRIX, MINIMAL_VIEW } from './matrix';
import {
  ALL_EMPLOYERS,
  coachingPurpose,
  EMPLOYER_OPT_IN,
  EMPLOYER_PURPOSES,
  Purpose,
} from './purposes';

/** Roles that see persons through the reference directory (DOMAIN A.2.4). */
const DIRECTORY_ROLES: ReadonlySet<Caller['role']> = new Set<Role>([
  'VDAB_MEDIATOR',
  'VDAB_ICF_CONSULTANT',
  'GTB_COUNSELLOR',
  'OCMW_SOCIAL_WORKER',
  'LG_ICF_CONSULTANT',
  'EMPLOYER',
  'JOB_COACH',
]);

/** Roles that other organisations' relations can be delegated to (DOMAIN A.2.4). */
const DELEGATED_ROLES: ReadonlySet<Caller['role']> = new Set<Role>(['LG_ICF_CONSULTANT']);

/**
 * Roles that answer an employer's request for an introduction (issue 14): VDAB's mediator and the
 * partner guiding the person on VDAB's behalf (B.4: GTB "as the mediator, for assigned clients").
 */
const INTRODUCERS: ReadonlySet<Caller['role']> = new Set<Role>(['VDAB_MEDIATOR', 'GTB_COUNSELLOR']);

/** Roles that work for one employer: they see its own referrals and placements only (note 14). */
const EMPLOYER_ROLES: ReadonlySet<Caller['role']> = new Set<Role>(['EMPLOYER', 'JOB_COACH']);

/**
 * Roles that read agreements, action plans (o) and pact data (p) of their own local government
 * only. B.4 gives the city monitor R on o and p, the OCMW R on o and r on p, and the local
 * government's ICF consultant r on o: R and r are the caller's own scope, its municipality's
 * agreements and pact result, not every municipality's. The department reads them for all of
 * Flanders; VDAB (r on o), a party to every SO, their minimised view everywhere.
 */
const OWN_AREA_READERS: ReadonlySet<Caller['role']> = new Set<Role>([
  'CITY_MONITOR',
  'OCMW_SOCIAL_WORKER',
  'LG_ICF_CONSULTANT',
]);

/** Roles that oversee the whole mandate directory; any other organisation sees its own. */
const WHOLE_DIRECTORY_ROLES: ReadonlySet<Caller['role']> = new Set([
  'DEPARTMENT_ANALYST',
  'SYSTEM',
]);

/**
 * Which rows of every kind of record a caller may reach, as conditions the data-access code
 * applies in SQL, so a row outside them is never read, counted or hinted at (it is NOT_FOUND).
 * The subgraph names its columns; the decision is made here.
 */
export class RowScope {
  constructor(
    readonly caller: Caller,
    private readonly today: string,
  ) {}

  private get platform(): boolean {
    return this.caller.role === 'SYSTEM';
  }

  /** The persons the caller may see: itself, its relations for the purpose, or nobody. */
  persons(personId: AnyPgColumn | SQL): SQL | undefined {
    const { role, sub, purpose } = this.caller;
    if (this.platform) return undefined;
    if (role === 'CITIZEN') return sql`${personId} = ${sub}`;
    if (DIRECTORY_ROLES.has(role) && purpose) {
      // An SO adviesbevoegdheid delegates OCMW clients to local governments' consultants.
      return inDirectory(this.pairs(), personId, this.today, DELEGATED_ROLES.has(role));
    }
    // Monitors, the department and federations reach no person at all, only aggregates.
    return sql`false`;
  }

  /**
   * The persons whose identity and profile the caller may see (the person record itself, and a
   * valid ticket): its persons, and for an employer also those who opted in to it or to every
   * employer (B.4 note 11). An opt-in opens no more: a person's other records (work support
   * package, support needs, outcomes, consents) still follow `persons`, a referral or employment.
   */
  identities(personId: AnyPgColumn | SQL): SQL | undefined {
    const { role, org, purpose } = this.caller;
    if (role !== 'EMPLOYER' || purpose !== Purpose.EMPLOYMENT) return this.persons(personId);
    const optedIn = [org, ALL_EMPLOYERS].map((to) => ({ org: to, purpose: EMPLOYER_OPT_IN }));
    return inDirectory([...this.pairs(), ...optedIn], personId, this.today);
  }

  /**
   * The relations a caller reaches persons by: its organisation's for its purpose; an employer's
   * for employment reach its employees, referred candidates and, for a while, former employees
   * (notes 11 and 14); a job coach's, the workers assigned to that coach only (note 14).
   */
  private pairs(): DirectoryPair[] {
    const { role, sub, org, purpose } = this.caller;
    if (role === 'JOB_COACH') return [{ org, purpose: coachingPurpose(sub) }];
    if (role === 'EMPLOYER' && purpose === Purpose.EMPLOYMENT) {
      return EMPLOYER_PURPOSES.map((employment) => ({ org, purpose: employment }));
    }
    return [{ org, purpose: purpose! }];
  }

  /**
   * The caller's own employer's rows, for an employer or job coach: the directory holds persons,
   * not matches, so a candidate referred to two employers would otherwise show each employer the
   * other's referral (B.4 note 14).
   */
  private ownEmployerRows(...employerColumns: AnyPgColumn[]): SQL | undefined {
    if (!EMPLOYER_ROLES.has(this.caller.role)) return undefined;
    const employerId = orgRef(this.caller.org, 'employer');
    if (!employerId) return sql`false`;
    return or(...employerColumns.map((column) => eq(column, employerId)));
  }

  referrals(columns: { personId: AnyPgColumn; employerId: AnyPgColumn }): SQL | undefined {
    return and(this.persons(columns.personId), this.ownEmployerRows(columns.employerId));
  }

  /**
   * Introduction requests (issue 14): an employer's own, which name the person by its pseudonym;
   * VDAB's and its partners', those about the persons of their caseload, whom they answer; the
   * citizen's, those about them. Nobody else's.
   */
  introductionRequests(columns: {
    personId: AnyPgColumn;
    employerId: AnyPgColumn;
  }): SQL | undefined {
    const { role } = this.caller;
    if (this.platform) return undefined;
    if (role === 'EMPLOYER') return this.ownEmployerRows(columns.employerId);
    if (role === 'CITIZEN' || INTRODUCERS.has(role)) return this.persons(columns.personId);
    return sql`false`;
  }

  /** Placements; an enclave's host employer sees the placement too. */
  placements(columns: {
    personId: AnyPgColumn;
    employerId: AnyPgColumn;
    hostEmployerId: AnyPgColumn;
  }): SQL | undefined {
    return and(
      this.persons(columns.personId),
      this.ownEmployerRows(columns.employerId, columns.hostEmployerId),
    );
  }

  /**
   * Indication requests an employer filed (spoed, prior routing: B.2.2): the filer reads its own
   * filings, of the persons it still reaches (notes 11 and 14), and no one else's; a job coach
   * files nothing and reads none. Every other reader reads them as the requests they are.
   */
  indicationFilings(columns: { personId: AnyPgColumn; filedBy: AnyPgColumn }): SQL | undefined {
    const { role, org } = this.caller;
    if (role === 'JOB_COACH') return sql`false`;
    return and(
      this.persons(columns.personId),
      role === 'EMPLOYER' ? eq(columns.filedBy, org) : sql`${columns.filedBy} is not null`,
    );
  }

  /**
   * Requests to revise a support premium (k): an employer's own, of the persons it employs today
   * (the package is read of own employees only, note 14), never another employer's request on
   * the same worker (that would tell of a former employment). Every other reader: its persons'.
   */
  premiumRevisions(columns: { personId: AnyPgColumn; employerId: AnyPgColumn }): SQL | undefined {
    const { role, org } = this.caller;
    if (!EMPLOYER_ROLES.has(role)) return this.persons(columns.personId);
    if (role === 'JOB_COACH') return sql`false`;
    return and(
      inDirectory([{ org, purpose: Purpose.EMPLOYMENT }], columns.personId, this.today),
      this.ownEmployerRows(columns.employerId),
    );
  }

  /**
   * Advices. A minimised reader of advices learns only that a person holds a ticket, so refused
   * advices stay out of its rows (an advice without validity would tell it that a request was
   * turned down): an OCMW sees granted advices (B.4 note 9); an employer or job coach only that
   * the person "holds a valid CMW/IMW ticket until <date>" (note 13), so a CMW or IMW valid today.
   */
  advices(columns: {
    personId: AnyPgColumn;
    decision: AnyPgColumn;
    type: AnyPgColumn;
    status: AnyPgColumn;
    validUntil: AnyPgColumn;
  }): SQL | undefined {
    const role = this.caller.role as Role;
    const minimal = this.advicesNarrowed();
    const validTicket =
      MINIMAL_VIEW[role]?.j === 13
        ? and(
            inArray(columns.type, ['CMW', 'IMW']),
            eq(columns.status, 'ACTIVE'),
            gte(columns.validUntil, this.today),
          )
        : undefined;
    return and(
      // A valid ticket is part of an opted-in candidate's profile (note 13).
      this.identities(columns.personId),
      minimal ? eq(columns.decision, 'TOEGEKEND') : undefined,
      validTicket,
    );
  }

  /**
   * Whether the caller reaches fewer advices than it reaches persons (a minimised reader of j):
   * a record of another subgraph that points to an advice (a placement's) must then ask whether
   * the caller reaches that advice, or it shows a reference to a record that does not exist for it.
   */
  advicesNarrowed(): boolean {
    return !this.platform && ACCESS_MATRIX[this.caller.role as Role].j === 'minimal';
  }

  /** The municipality a caller's reads of agreements and pacts (o, p) are limited to, if any. */
  agreementArea(): string | undefined {
    return OWN_AREA_READERS.has(this.caller.role) ? this.ownMunicipality() : undefined;
  }

  /**
   * Agreements and action plans: for a caller limited to its own area, those `covering` its
   * municipality (the subgraph says how its tables express that); rows outside read as ids that
   * do not exist.
   */
  agreements(covering: (nisCode: string) => SQL): SQL | undefined {
    const area = this.agreementArea();
    return area === undefined ? undefined : covering(area);
  }

  /** Pact participations: the caller's own local government's, when it is limited to it. */
  pacts(municipalityNisCode: AnyPgColumn): SQL | undefined {
    const area = this.agreementArea();
    return area === undefined ? undefined : eq(municipalityNisCode, area);
  }

  /** The mandate directory: all of it for the department, an organisation's own otherwise. */
  mandates(org: AnyPgColumn): SQL | undefined {
    return WHOLE_DIRECTORY_ROLES.has(this.caller.role) ? undefined : eq(org, this.caller.org);
  }

  /**
   * Who may read the figures of an area (B.4 columns q and r). The field guard has already let
   * only roles with q (municipal) or r (higher areas) through. A role that reads q as `R` (city
   * monitor, OCMW) reads it for its own municipality: beyond it, it has the provincial and
   * Flemish totals of r. A role with `A` reads every municipality's (suppressed) figures.
   */
  assertArea(area: Area): void {
    if (area.level !== 'MUNICIPALITY' || this.platform) return;
    if (ACCESS_MATRIX[this.caller.role as Role].q !== 'full') return;
    if (orgRef(this.caller.org, 'municipality', 'ocmw') === area.code) return;
    throw domainError(
      ErrorCode.FORBIDDEN,
      `${this.caller.org} reads municipal figures of its own municipality only; for ${area.code}, read its province, reference region or Flanders.`,
      { category: 'q', area: area.code },
    );
  }

  /** The employer a caller works for; FORBIDDEN for any other organisation. */
  ownEmployer(): string {
    const employerId = orgRef(this.caller.org, 'employer');
    if (!employerId) {
      throw domainError(ErrorCode.FORBIDDEN, `${this.caller.org} is not an employer.`);
    }
    return employerId;
  }

  /** The NIS code of the caller's OCMW (`ocmw:44021`), or '' for any other organisation. */
  ownOcmw(): string {
    return orgRef(this.caller.org, 'ocmw') ?? '';
  }

  /** The municipality of a local government's organisation: the city, its OCMW or consultants. */
  ownMunicipality(): string {
    return orgRef(this.caller.org, 'municipality', 'ocmw', 'lg') ?? '';
  }
}
