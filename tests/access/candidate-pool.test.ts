import { sql } from 'drizzle-orm';

import { signPartnerToken } from '../../common/access/partner-token';
import { today } from '../../common/clock';
import { rowsOf } from '../../common/db/rows';
import { postOperation, startTestStack, type TestStack } from '../support/stack';

/**
 * The employer's pseudonymous candidate pool (issue 14, B.4 note 11), through the gateway over
 * HTTP: who is in it, the pseudonym, k-anonymity, no way from a profile to the person, the
 * vacancy's owner only, and the audit.
 */
const PROFILE = `pseudonym region { level code name } ageBand activityPreferences availableFrom
  languages { language level } educationLevel mobility measure ticketValidUntil score why`;

const CANDIDATES = `query Candidates($vacancyId: ID!, $first: Int, $after: String, $changedSince: DateTime) {
  candidates(vacancyId: $vacancyId, first: $first, after: $after, changedSince: $changedSince) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${PROFILE} } }
  }
}`;

interface Profile {
  pseudonym: string;
  region: { level: string; code: string; name: string };
  ageBand: string;
  measure: string;
  ticketValidUntil: string;
  score: number;
  why: string[];
}

describe('an employer pulls pseudonymous candidates for its own open vacancy', () => {
  let stack: TestStack;
  let vacancyId: string;
  let otherVacancyId: string;
  let otherEmployerToken: string;

  beforeAll(async () => {
    stack = await startTestStack('small');
    const [own] = rowsOf<{ id: string }>(
      await stack.database.db.execute(sql`select id from maatwerk.vacancies
        where employer_id = 'E-000001' and status = 'OPEN' and measure in ('CMW', 'IMW')
        order by id limit 1`),
    );
    const [other] = rowsOf<{ id: string; employerId: string }>(
      await stack.database.db.execute(sql`select id, employer_id as "employerId"
        from maatwerk.vacancies
        where employer_id <> 'E-000001' and status = 'OPEN' and measure in ('CMW', 'IMW')
        order by id limit 1`),
    );
    vacancyId = own.id;
    otherVacancyId = other.id;
    otherEmployerToken = await signPartnerToken({
      sub: 'other-hr',
      role: 'EMPLOYER',
      org: `employer:${other.employerId}`,
    });
  }, 120_000);
  afterAll(() => stack?.stop());

  async function pullAll(
    id: string,
    ask: (query: string, variables: Record<string, unknown>) => ReturnType<TestStack['query']>,
  ): Promise<Profile[]> {
    const profiles: Profile[] = [];
    let after: string | null = null;
    do {
      const { body } = await ask(CANDIDATES, { vacancyId: id, first: 200, after });
      expect(body.errors).toBeUndefined();
      profiles.push(...body.data.candidates.edges.map((edge: { node: Profile }) => edge.node));
      after = body.data.candidates.pageInfo.hasNextPage
        ? body.data.candidates.pageInfo.endCursor
        : null;
    } while (after);
    return profiles;
  }

  const asEmployer1 = (query: string, variables: Record<string, unknown>) =>
    stack.query(query, variables, { persona: 'employer-1' });
  const asOtherEmployer = (query: string, variables: Record<string, unknown>) =>
    postOperation(stack.stack.gatewayUrl, query, {
      variables,
      headers: { authorization: `Bearer ${otherEmployerToken}` },
    });

  /** The persons with a valid advice of the type who look for work, from the database rows. */
  async function validHolders(adviceType: string): Promise<Set<string>> {
    const day = today();
    const rows = rowsOf<{ personId: string }>(
      await stack.database.db.execute(sql`select distinct a.person_id as "personId"
        from indications.advices a join persons.persons p on p.id = a.person_id
        where a.type = ${adviceType} and a.decision = 'TOEGEKEND' and a.status = 'ACTIVE'
          and a.valid_until >= ${day}::date and a.ended_at is null
          and p.labour_market_status not in ('WERKEND', 'INTERIM')`),
    );
    return new Set(rows.map((row) => row.personId));
  }

  it('finds candidates, ranked by fit and explained, only holders of a valid matching advice', async () => {
    const { body } = await asEmployer1(CANDIDATES, { vacancyId, first: 5 });
    expect(body.errors).toBeUndefined();
    const { edges, totalCount } = body.data.candidates;
    expect(totalCount).toBeGreaterThan(0);
    const scores = edges.map((edge: { node: Profile }) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const { node } of edges as { node: Profile }[]) {
      expect(node.why[0]).toMatch(/^holds a valid (CMW|IMW) ticket until \d{4}-\d{2}-\d{2}$/);
      expect(node.ticketValidUntil >= today()).toBe(true);
    }

    // Every profile shown is a valid holder: the audit names the persons read, check them.
    const profiles = await pullAll(vacancyId, asEmployer1);
    const [{ measure }] = rowsOf<{ measure: string }>(
      await stack.database.db.execute(
        sql`select measure from maatwerk.vacancies where id = ${vacancyId}`,
      ),
    );
    expect(new Set(profiles.map((profile) => profile.measure))).toEqual(new Set([measure]));
    const holders = await validHolders(measure);
    const read = rowsOf<{ personId: string }>(
      await stack.database.db.execute(sql`select distinct person_id as "personId"
        from access.audit_log where org = 'employer:E-000001' and 'CandidateProfile.pseudonym' = any(fields)`),
    );
    expect(read.length).toBe(profiles.length);
    for (const { personId } of read) expect(holders.has(personId)).toBe(true);
    // Left out only for k-anonymity: nearly every holder is shown.
    expect(profiles.length).toBeGreaterThan(holders.size * 0.5);
  });

  it('gives each employer its own pseudonyms, stable across requests', async () => {
    const first = await pullAll(vacancyId, asEmployer1);
    const again = await pullAll(vacancyId, asEmployer1);
    expect(again.map((p) => p.pseudonym)).toEqual(first.map((p) => p.pseudonym));
    expect(new Set(first.map((p) => p.pseudonym)).size).toBe(first.length);

    const theirs = await pullAll(otherVacancyId, asOtherEmployer);
    expect(theirs.length).toBeGreaterThan(0);
    const mine = new Set(first.map((p) => p.pseudonym));
    expect(theirs.filter((p) => mine.has(p.pseudonym))).toEqual([]);
    for (const profile of [...first, ...theirs]) {
      expect(profile.pseudonym).toMatch(/^CP-[A-Za-z0-9_-]{16}$/);
      expect(profile.pseudonym).not.toMatch(/P-\d{6}/);
    }
  });

  it('shows every region and age band for at least k pool members', async () => {
    const profiles = await pullAll(vacancyId, asEmployer1);
    const classes = new Map<string, number>();
    for (const p of profiles) {
      const key = `${p.region.level}:${p.region.code}|${p.ageBand}`;
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    for (const [key, size] of classes) expect([key, size >= 5]).toEqual([key, true]);
  });

  it('reaches no identity from a profile, by any field or through _entities', async () => {
    const { body } = await asEmployer1(
      `{ __type(name: "CandidateProfile") { fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } }`,
      {},
    );
    expect(body.errors).toBeUndefined();
    const forbiddenNames = /insz|name|birth|person|^id$|municipality|nis|address|email|phone/i;
    const seen = new Set<string>();
    async function walk(typeName: string): Promise<void> {
      if (seen.has(typeName)) return;
      seen.add(typeName);
      const answer = await asEmployer1(
        `query T($name: String!) { __type(name: $name) { kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } }`,
        { name: typeName },
      );
      const type = answer.body.data.__type;
      expect(type.kind).not.toBe('INTERFACE');
      for (const field of type.fields ?? []) {
        // CandidateRegion.name is the generalised area's name, its code the area's.
        if (!(typeName === 'CandidateRegion' && ['name', 'code'].includes(field.name))) {
          expect(`${typeName}.${field.name}`).not.toMatch(forbiddenNames);
        }
        let named = field.type;
        while (named.ofType) named = named.ofType;
        expect(['Person', 'Municipality', 'Employer', 'Vacancy']).not.toContain(named.name);
        if (named.kind === 'OBJECT' || named.ofType === undefined) {
          if (named.name && !['String', 'Int', 'Boolean', 'ID', 'Date'].includes(named.name)) {
            const kind = await asEmployer1(`{ __type(name: "${named.name}") { kind } }`, {});
            if (kind.body.data.__type?.kind === 'OBJECT') await walk(named.name);
          }
        }
      }
    }
    await walk('CandidateProfile');
    expect(seen).toEqual(new Set(['CandidateProfile', 'CandidateRegion', 'CandidateLanguage']));

    // Not an entity: no representation of it resolves.
    const { body: entities } = await asEmployer1(
      `{ _entities(representations: [{ __typename: "CandidateProfile", pseudonym: "x" }]) { __typename } }`,
      {},
    );
    expect(entities.data?._entities).toBeUndefined();
    expect(entities.errors?.length).toBeGreaterThan(0);

    // The region is never finer than the municipality shown at its level, and never a street.
    const profiles = await pullAll(vacancyId, asEmployer1);
    const text = JSON.stringify(profiles);
    expect(text).not.toMatch(/P-\d{6}/);
    expect(text).not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
  });

  it('answers another employer’s vacancy with NOT_FOUND, and other roles with FORBIDDEN', async () => {
    const { body } = await asEmployer1(CANDIDATES, { vacancyId: otherVacancyId });
    expect(body.data?.candidates ?? null).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors?.[0].message).toContain(otherVacancyId);
    const missing = await asEmployer1(CANDIDATES, { vacancyId: 'V-999999' });
    expect(missing.body.errors?.[0].extensions.code).toBe('NOT_FOUND');

    for (const persona of ['vdab-mediator', 'job-coach-1', 'ocmw-gent', 'citizen']) {
      const refused = await stack.query(CANDIDATES, { vacancyId }, { persona });
      expect(refused.body.data?.candidates ?? null).toBeNull();
      expect([persona, refused.body.errors?.[0]?.extensions?.code]).toEqual([persona, 'FORBIDDEN']);
    }
  });

  it('audits every profile read as a read of that person’s matching profile (l)', async () => {
    const { headers, body } = await asEmployer1(CANDIDATES, { vacancyId, first: 3 });
    expect(body.data.candidates.edges).toHaveLength(3);
    const rows = rowsOf<{ personId: string; outcome: string; fields: string[]; purpose: string }>(
      await stack.database.db.execute(sql`select person_id as "personId", outcome, fields, purpose
        from access.audit_log where request_id = ${headers.get('x-request-id')!}
          and subgraph = 'persons'`),
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.outcome).toBe('ALLOWED');
      expect(row.fields).toEqual(
        expect.arrayContaining(['CandidateProfile.pseudonym', 'CandidateProfile.region']),
      );
    }
    // The citizen sees it in their access log.
    const personId = rows[0].personId;
    const token = await signPartnerToken({ sub: personId, role: 'CITIZEN', org: 'citizen' });
    const log = await postOperation(
      stack.stack.gatewayUrl,
      '{ me { accessLog(first: 50) { edges { node { organisation purpose } } } } }',
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data.me.accessLog.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisation: 'employer:E-000001' })]),
    );
  });

  it('leaves out a person who opted out, and pulls only what joined since an instant', async () => {
    const all = await pullAll(vacancyId, asEmployer1);
    const { body } = await asEmployer1(CANDIDATES, {
      vacancyId,
      first: 500,
      changedSince: `${today()}T00:00:00Z`,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.candidates.totalCount).toBeLessThan(all.length);

    const [someone] = rowsOf<{ personId: string }>(
      await stack.database.db.execute(sql`select person_id as "personId" from access.audit_log
        where org = 'employer:E-000001' and 'CandidateProfile.pseudonym' = any(fields) limit 1`),
    );
    await stack.database.db.execute(sql`insert into access.relations
      (org, person_id, purpose, valid_from, source)
      values ('pool', ${someone.personId}, 'CANDIDATE_POOL:OPT_OUT', '2000-01-01', 'test:opt-out')`);
    const after = await pullAll(vacancyId, asEmployer1);
    expect(after.length).toBeLessThan(all.length);
  });
});
