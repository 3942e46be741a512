import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';

import type { Role } from '../../common/access/caller';
import type { DataCategory, FieldRule } from '../../common/access/categories';
import type { ForwardedCaller } from '../../common/access/gateway-token';
import { decideRead, RequestPolicy, visibleTo } from '../../common/access/policy';
import { RowScope } from '../../common/access/rows';
import { MUTATION_WRITERS } from '../../common/access/writers';
import type { Database } from '../../common/db/connection';
import {
  allowed,
  codesOf,
  COLUMNS,
  inView,
  levelsOf,
  mayFilter,
  noteOf,
  PERSONAL,
  ROLES,
  WRITES,
  type Level,
  type TaggedField,
} from '../support/b4';

/**
 * The access policy as plain tables, without a stack: every role of A.3 × every category of
 * B.4 × minimised or full fields × a record of a known person or none, and the rows of every
 * kind of record, against the hand copy of B.4 in tests/support/b4.ts (not the product's
 * matrix). The HTTP tests prove the policy is applied; these prove it is the right policy.
 */

/** The organisation and purpose each role works for in these tables. */
const ORG: Record<string, { org: string; purpose: string | null }> = {
  CITIZEN: { org: 'citizen', purpose: 'OWN_FILE' },
  VDAB_MEDIATOR: { org: 'vdab', purpose: 'TRAJECTORY_GUIDANCE' },
  VDAB_ICF_CONSULTANT: { org: 'vdab', purpose: 'INDICATION' },
  GTB_COUNSELLOR: { org: 'gtb', purpose: 'TRAJECTORY_GUIDANCE' },
  OCMW_SOCIAL_WORKER: { org: 'ocmw:44021', purpose: 'SOCIAL_INTEGRATION' },
  LG_ICF_CONSULTANT: { org: 'lg:44021', purpose: 'INDICATION' },
  EMPLOYER: { org: 'employer:E-000001', purpose: 'EMPLOYMENT' },
  JOB_COACH: { org: 'employer:E-000001', purpose: 'EMPLOYMENT' },
  CITY_MONITOR: { org: 'municipality:44021', purpose: 'MONITORING' },
  DEPARTMENT_ANALYST: { org: 'department:wewis', purpose: 'MONITORING' },
  SECTOR_FEDERATION: { org: 'federation:groep-maatwerk', purpose: 'MONITORING' },
};

/** A caller whose mandate grants every category its row of B.4 opens, or the ones given. */
function callerOf(role: string, categories?: DataCategory[]): ForwardedCaller {
  const codes = codesOf(role);
  return {
    sub: role === 'CITIZEN' ? 'P-000001' : `${role.toLowerCase()}-1`,
    role: role as Role,
    ...ORG[role],
    requestId: 'table',
    partnerRequestId: null,
    mandateId: 'M-table',
    categories: categories ?? COLUMNS.filter((category) => codes[category] !== '–'),
    application: 'tests',
  };
}

/**
 * The shapes a field of a category can have: outside every minimised view, in all of them, or
 * in the view of one note only (each note B.4 gives the category, and one it gives no one).
 */
function shapesOf(category: DataCategory): TaggedField[] {
  const notes = [...new Set(ROLES.map((role) => noteOf(role, category)))].filter(
    (note): note is number => note !== undefined,
  );
  return [
    { category, minimal: false },
    { category, minimal: true },
    ...[...notes, 99].map((note) => ({ category, minimal: false, views: [note] })),
  ];
}

const ruleOf = (field: TaggedField): FieldRule => ({ ...field, selfOnly: false });
const describeField = (field: TaggedField) =>
  `${field.category}${field.minimal ? ' (r)' : field.views ? ` (note ${field.views})` : ''}`;

/** `relation`: allowed person by person, if the caller holds the consent or employment it needs. */
type Expected = 'allowed' | 'refused' | 'relation';

/**
 * Cells whose note decides how they read, written down here: the employer's identity (C¹¹) is
 * opened by a VDAB referral, a direct application or the candidate's opt-in, which is exactly
 * what puts the candidate in the employer's reference directory; so within its rows it reads in
 * full, and it never reaches anyone else.
 */
const READ_DECISIONS: Record<string, Level> = {
  'EMPLOYER:a': 'full',
  // Issue 14: the work support package (k) of the employer's own employees, not of a candidate.
  'EMPLOYER:k': 'ownEmployees',
};

/** What B.4 says of one read, from the hand table alone. */
function expectedRead(role: string, field: TaggedField, person: boolean): Expected {
  switch (READ_DECISIONS[`${role}:${field.category}`] ?? levelsOf(role)[field.category]) {
    case 'full':
      return 'allowed';
    case 'minimal':
      return inView(role, field) ? 'allowed' : 'refused';
    case 'minimalOrConsent':
      if (inView(role, field)) return 'allowed';
      return person ? 'relation' : 'refused';
    case 'consent':
    case 'ownEmployees':
      return person ? 'relation' : 'refused';
    case 'aggregate':
      return PERSONAL.has(field.category) ? 'refused' : 'allowed';
    case 'none':
      return 'refused';
  }
}

const outcome = (decision: ReturnType<typeof decideRead>): Expected =>
  'relationFor' in decision ? 'relation' : decision.allowed ? 'allowed' : 'refused';

const CASES = ROLES.flatMap((role) =>
  COLUMNS.flatMap((category) =>
    shapesOf(category).flatMap((field) => [false, true].map((person) => ({ role, field, person }))),
  ),
);

describe('the access policy against B.4, as tables', () => {
  it('covers every role, category, view and subject', () => {
    const shapes = COLUMNS.reduce((sum, category) => sum + shapesOf(category).length, 0);
    expect(CASES).toHaveLength(ROLES.length * shapes * 2);
    expect(ROLES).toHaveLength(11);
    // Notes 4 and 12 (i), 9 and 13 (j), 6 and 10 (n) each give a category two subsets.
    expect(shapesOf('n').map(describeField)).toEqual(
      expect.arrayContaining(['n (note 6)', 'n (note 10)']),
    );
  });

  it('decides every field read as B.4 does', () => {
    const wrong = CASES.filter(({ role, field, person }) => {
      const decision = decideRead(callerOf(role), ruleOf(field), person ? 'P-000002' : undefined);
      return outcome(decision) !== expectedRead(role, field, person);
    }).map(
      ({ role, field, person }) => `${role} ${describeField(field)}${person ? ' of a person' : ''}`,
    );
    expect(wrong).toEqual([]);
  });

  it('refuses every category the mandate leaves out, whatever B.4 would allow', () => {
    const opened = CASES.filter(
      ({ role, field, person }) =>
        outcome(decideRead(callerOf(role, []), ruleOf(field), person ? 'P-2' : undefined)) !==
        'refused',
    );
    expect(opened).toEqual([]);
  });

  it('lets only the person it is about read a self-only field', () => {
    const self: FieldRule = { category: 'a', minimal: false, selfOnly: true };
    for (const role of ROLES) {
      const own = outcome(decideRead(callerOf(role), self, callerOf(role).sub));
      expect([role, own]).toEqual([role, role === 'CITIZEN' ? 'allowed' : 'refused']);
    }
    expect(outcome(decideRead(callerOf('CITIZEN'), self, 'P-000002'))).toBe('refused');
  });

  it('shows in introspection exactly what a role may ever read', () => {
    const wrong = CASES.filter(({ person }) => !person)
      .filter(({ role, field }) => visibleTo(role as Role, ruleOf(field)) !== allowed(role, field))
      .map(({ role, field }) => `${role} ${describeField(field)}`);
    expect(wrong).toEqual([]);
    for (const role of ROLES) {
      expect([role, visibleTo(role as Role, { minimal: false, selfOnly: true })]).toEqual([
        role,
        role === 'CITIZEN',
      ]);
    }
  });

  it('lets a filter through only where B.4 lets its category be read of everyone it sorts', () => {
    const policy = (role: string) =>
      new RequestPolicy(callerOf(role), {} as Database, '2026-06-30');
    const wrong = CASES.filter(({ person }) => !person)
      .filter(({ role, field }) => {
        let passed = true;
        try {
          policy(role).assertFilter('Query.list(x:)', ruleOf(field));
        } catch {
          passed = false;
        }
        // A decision of its own replaces the cell: read in full, or of its own employees only
        // (person by person, so never a filter over everyone).
        const decided = READ_DECISIONS[`${role}:${field.category}`];
        const expected = decided ? decided === 'full' : mayFilter(role, field);
        return passed !== expected;
      })
      .map(({ role, field }) => `${role} ${describeField(field)}`);
    expect(wrong).toEqual([]);
  });

  describe('writes', () => {
    /** Writers B.4 does not name, each a decision written down where it is made. */
    const DECIDED: Record<string, string> = {
      // B.4 names no owner for agreements (o): the area's regisseur (CITY_MONITOR) keeps them.
      'o:CITY_MONITOR': 'writers.ts KEEPERS',
      // The employer's hire fulfils a spoed advice's hiring obligation (000 BA6), and the
      // employer registers its candidate for spoed or prior routing (B.2.2 origins EMPLOYER_*).
      'j:EMPLOYER': 'recordSpoedHire, fileEmployerIndicationRequest',
      // The support premium can be raised at the employer's request (003); VDAB decides.
      'k:EMPLOYER': 'requestPremiumIncrease',
      // The OCMW registers its client at VDAB with the client's mandate (004 p12): R·C on e.
      'e:OCMW_SOCIAL_WORKER': 'registerAtVdab, with the OCMW_INSCHRIJVINGSMANDAAT',
      // Consents are the citizen's own to give and take back (000 BA1, 004 p12).
      'a:CITIZEN': 'grantConsent, revokeConsent',
      // A holder of a right applies to a maatwerkbedrijf directly (B.3, note 11): R on n.
      'n:CITIZEN': 'applyToVacancy, a direct application',
      // VDAB and its partners file requests for the clients they guide (B.2.2 origins).
      'j:VDAB_MEDIATOR': 'origin VDAB_BEMIDDELAAR',
      'j:GTB_COUNSELLOR': 'origin GTB',
    };

    it('declares writers for every mutation of the supergraph, and for no other', () => {
      const sdl = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
      const mutation = parse(sdl).definitions.find(
        (definition): definition is ObjectTypeDefinitionNode =>
          definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
      )!;
      expect(Object.keys(MUTATION_WRITERS).sort()).toEqual(
        (mutation.fields ?? []).map((field) => field.name.value).sort(),
      );
    });

    it('gives a mutation only to roles that own its category in B.4, or by a written decision', () => {
      const undeclared = Object.entries(MUTATION_WRITERS).flatMap(([name, { category, roles }]) =>
        roles
          .filter((role) => !WRITES.has(codesOf(role)[category]))
          .filter((role) => !DECIDED[`${category}:${role}`])
          .map((role) => `${name}: ${role} (${codesOf(role)[category]} on ${category})`),
      );
      expect(undeclared).toEqual([]);
    });

    it('refuses every mutation to every other role', () => {
      const wrong: string[] = [];
      for (const [name, { roles }] of Object.entries(MUTATION_WRITERS)) {
        for (const role of ROLES) {
          const policy = new RequestPolicy(callerOf(role), {} as Database, '2026-06-30');
          let passed = true;
          try {
            policy.assertWrite(name);
          } catch {
            passed = false;
          }
          if (passed !== (roles as readonly string[]).includes(role)) wrong.push(`${name} ${role}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('rows of every kind of record', () => {
    const records = pgTable('records', {
      personId: text('person_id'),
      employerId: text('employer_id'),
      hostEmployerId: text('host_employer_id'),
      decision: text('decision'),
      type: text('type'),
      status: text('status'),
      validUntil: text('valid_until'),
      municipality: text('municipality_nis_code'),
      org: text('org'),
    });
    const dialect = new PgDialect();
    const compiled = (condition: SQL | undefined) =>
      condition ? dialect.sqlToQuery(condition) : undefined;
    const rows = (role: string) => new RowScope(callerOf(role), '2026-06-30');

    const AGGREGATE_ONLY = ['CITY_MONITOR', 'DEPARTMENT_ANALYST', 'SECTOR_FEDERATION'];
    /**
     * Note 14: an employer reaches its employees, its referred candidates and for a while its
     * former employees; a job coach only the workers assigned to that coach.
     */
    const REACHED_BY: Record<string, string[]> = {
      EMPLOYER: ['EMPLOYMENT', 'CANDIDACY', 'FORMER_EMPLOYMENT'],
      JOB_COACH: ['COACHING:job_coach-1'],
    };

    it.each(ROLES)('persons: %s reaches its own file, its directory, or nobody', (role) => {
      const query = compiled(rows(role).persons(records.personId))!;
      if (role === 'CITIZEN') {
        expect(query.sql).toBe('"records"."person_id" = $1');
        expect(query.params).toEqual(['P-000001']);
      } else if (AGGREGATE_ONLY.includes(role)) {
        expect(query.sql).toBe('false');
      } else {
        // Its own relations for its purpose on the day; a local government's consultant also
        // those an SO adviesbevoegdheid delegates to it (the only delegations there are, A.2.4).
        expect(query.sql).toMatch(/"access"\."relations"/);
        expect(query.sql.includes('"access"."delegations"')).toBe(role === 'LG_ICF_CONSULTANT');
        expect(query.params).toEqual(
          expect.arrayContaining([
            ORG[role].org,
            ...(REACHED_BY[role] ?? [ORG[role].purpose]),
            '2026-06-30',
          ]),
        );
      }
    });

    it.each(ROLES)(
      'identities: %s reaches the persons it reaches, an employer also those who opted in to it',
      (role) => {
        const persons = compiled(rows(role).persons(records.personId))!;
        const identities = compiled(rows(role).identities(records.personId))!;
        if (role !== 'EMPLOYER') {
          expect(identities).toEqual(persons);
          return;
        }
        // Note 11: an opt-in to this employer, or to every employer, opens the person's identity.
        expect(identities.params).toEqual(
          expect.arrayContaining([
            ...persons.params,
            'CONSENT:PROFILE_VISIBLE_TO_EMPLOYERS',
            'employers',
            ORG[role].org,
          ]),
        );
      },
    );

    it.each(ROLES)(
      'introduction requests: %s reaches its own, its caseload’s, or none (issue 14)',
      (role) => {
        const query = compiled(
          rows(role).introductionRequests({
            personId: records.personId,
            employerId: records.employerId,
          }),
        )!;
        if (role === 'EMPLOYER') {
          // By its own employer, never by person: the person is not in its scope yet.
          expect(query.sql).toBe('"records"."employer_id" = $1');
          expect(query.params).toEqual(['E-000001']);
        } else if (['CITIZEN', 'VDAB_MEDIATOR', 'GTB_COUNSELLOR'].includes(role)) {
          expect(query).toEqual(compiled(rows(role).persons(records.personId)));
        } else {
          expect(query.sql).toBe('false');
        }
      },
    );

    it.each(ROLES)(
      'referrals and placements: %s reaches its own employer’s only, if it is one',
      (role) => {
        const referrals = compiled(
          rows(role).referrals({ personId: records.personId, employerId: records.employerId }),
        )!;
        const placements = compiled(
          rows(role).placements({
            personId: records.personId,
            employerId: records.employerId,
            hostEmployerId: records.hostEmployerId,
          }),
        )!;
        const forEmployer = role === 'EMPLOYER' || role === 'JOB_COACH';
        expect(referrals.sql.includes('"employer_id" = ')).toBe(forEmployer);
        expect(placements.sql.includes('"host_employer_id" = ')).toBe(forEmployer);
        if (forEmployer) expect(referrals.params).toContain('E-000001');
      },
    );

    it.each(ROLES)('advices: %s sees refused advices only if it reads advices in full', (role) => {
      const query = compiled(
        rows(role).advices({
          personId: records.personId,
          decision: records.decision,
          type: records.type,
          status: records.status,
          validUntil: records.validUntil,
        }),
      )!;
      // Notes 9 and 13: a minimised reader learns that a ticket exists, not that one was refused;
      // an employer or job coach only that the person holds a valid CMW or IMW (note 13).
      const minimised = levelsOf(role).j === 'minimal';
      expect(query.params.includes('TOEGEKEND')).toBe(minimised);
      const validTicket = noteOf(role, 'j') === 13;
      expect(query.params.includes('IMW')).toBe(validTicket);
      if (validTicket) expect(query.sql).toMatch(/"valid_until" >= /);
    });

    it.each(ROLES)('agreements and pacts: %s reads its own municipality’s, or all', (role) => {
      const limited = ['CITY_MONITOR', 'OCMW_SOCIAL_WORKER', 'LG_ICF_CONSULTANT'].includes(role);
      const asked: string[] = [];
      rows(role).agreements((nisCode) => {
        asked.push(nisCode);
        return records.municipality.getSQL();
      });
      expect(asked).toEqual(limited ? ['44021'] : []);
      const pacts = compiled(rows(role).pacts(records.municipality));
      expect(pacts?.params ?? []).toEqual(limited ? ['44021'] : []);
    });

    it.each(ROLES)('mandates: %s sees its own organisation’s, the department all', (role) => {
      const query = compiled(rows(role).mandates(records.org));
      expect(query?.params ?? []).toEqual(role === 'DEPARTMENT_ANALYST' ? [] : [ORG[role].org]);
    });

    it.each(ROLES)('areas: %s reads a municipality’s figures as B.4 column q says', (role) => {
      const reads = (code: string) => {
        try {
          rows(role).assertArea({ level: 'MUNICIPALITY', code });
          return true;
        } catch {
          return false;
        }
      };
      // R on q: its own municipality only (beyond it the r totals); A or none: decided by the
      // field's category elsewhere, never narrowed here.
      const ownOnly = levelsOf(role).q === 'full';
      expect([reads('44021'), reads('11002')]).toEqual(ownOnly ? [true, false] : [true, true]);
      expect(() => rows(role).assertArea({ level: 'PROVINCE', code: '40000' })).not.toThrow();
    });
  });
});
