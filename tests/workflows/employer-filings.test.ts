import { sql } from 'drizzle-orm';

import type { Role } from '../../common/access/caller';
import { signPartnerToken } from '../../common/access/partner-token';
import { PERSONAS } from '../../common/access/personas';
import { MUTATION_WRITERS } from '../../common/access/writers';
import { today } from '../../common/clock';
import { addDays } from '../../common/dates';
import { rowsOf } from '../../common/db/rows';
import { openVacancy, referralAt } from '../support/hiring';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';

/**
 * Issue 14, the employer's side of the workflows (DOMAIN B.2.2, B.3, 000 BA6, 003): employer-1
 * files a spoed or prior-routing request for a candidate it already reaches on its own open
 * vacancy, which VDAB handles as a submitted indication request; it asks VDAB to raise the support
 * premium of its own employee, which VDAB accepts or refuses; VDAB and its partners refer under
 * every origin but the direct application. All through the gateway, as the demo personas.
 */
describe('employer filings', () => {
  let stack: TestStack;
  const TODAY = today();
  /** Persons in VDAB's caseload with no employer relation, no valid ticket, no open request. */
  let free: string[];
  /** A person employer-1 has no relation with at all. */
  let stranger: string;
  /** An open vacancy of another employer, and that employer's token. */
  let otherVacancy: { id: string; employerId: string };
  let otherEmployerToken: string;
  let vdabConsultant: string;

  const rows = async <Row>(query: ReturnType<typeof sql>) =>
    rowsOf<Row>(await stack.database.db.execute(query));
  const count = async (table: string) =>
    Number((await rows<{ n: string }>(sql.raw(`select count(*) as n from ${table}`)))[0].n);

  beforeAll(async () => {
    stack = await startTestStack('small');
    free = (
      await rows<{ person_id: string }>(sql`
        select distinct r.person_id from access.relations r
        where r.org = 'vdab' and r.purpose = 'TRAJECTORY_GUIDANCE' and r.valid_until is null
          and not exists (select 1 from access.relations e
            where e.person_id = r.person_id and e.org like 'employer:%')
          and not exists (select 1 from indications.advices a
            where a.person_id = r.person_id and a.decision = 'TOEGEKEND' and a.valid_until >= ${TODAY}::date)
          and not exists (select 1 from indications.indication_requests q
            where q.person_id = r.person_id and q.status not in ('GRANTED', 'REFUSED'))
          and not exists (select 1 from persons.trajectories t
            where t.person_id = r.person_id and t.regie = 'OCMW' and t.ended_at is null)
        order by r.person_id limit 12`)
    ).map((row) => row.person_id);
    [{ id: stranger }] = await rows<{ id: string }>(sql`
      select p.id from persons.persons p where not exists (select 1 from access.relations r
        where r.person_id = p.id and r.org = 'employer:E-000001') order by p.id limit 1`);
    [otherVacancy] = await rows<{ id: string; employerId: string }>(sql`
      select id, employer_id as "employerId" from maatwerk.vacancies
      where employer_id <> 'E-000001' and status = 'OPEN' and measure = 'CMW' order by id limit 1`);
    otherEmployerToken = await signPartnerToken({
      role: 'EMPLOYER',
      org: `employer:${otherVacancy.employerId}`,
      sub: 'employer-2-hr',
    });
    [{ id: vdabConsultant }] = await rows<{ id: string }>(sql`
      select id from indications.indication_consultants
      where org = 'vdab' and accredited order by id limit 1`);
  });
  afterAll(() => stack?.stop());

  const mutate = (
    name: string,
    input: Record<string, unknown>,
    persona: string,
    selection = '__typename',
  ) =>
    stack.query(
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`,
      { input },
      { persona },
    );
  const errorOf = (response: GraphQLResponse) => response.body.errors?.[0];

  const FILING =
    'id procedure requestedType status signedFormAt vacancy { id } person { id } ticketValidUntil openHireObligation';
  const FORM =
    'Magazijnier in ploegen; vaste begeleider op de vloer, aangepaste werkpost en inwerkschema.';
  const file = (input: Record<string, unknown>, persona = 'employer-1') =>
    mutate(
      'fileEmployerIndicationRequest',
      {
        procedure: 'SPOED',
        signedFormAt: TODAY,
        workplaceInformation: FORM,
        acceptsHiringObligation: true,
        ...input,
      },
      persona,
      FILING,
    );
  const asConsultant = (query: string, variables: Record<string, unknown> = {}) =>
    stack.query(query, variables, { persona: 'vdab-icf-consultant' });

  /** A candidate of employer-1: VDAB refers the person to one of its vacancies (B.4 note 11). */
  const candidate = async (personId: string) => {
    await referralAt(stack, personId, await openVacancy(stack), 'PROPOSED');
    return personId;
  };

  describe('a spoed or prior-routing request', () => {
    it('is filed for a candidate on an own open vacancy, handled by VDAB, and followed by the employer', async () => {
      const personId = await candidate(free[0]);
      const vacancyId = await openVacancy(stack);
      const filed = await file({ personId, vacancyId });
      expect(filed.body.errors).toBeUndefined();
      const filing = filed.body.data.fileEmployerIndicationRequest;
      expect(filing).toEqual({
        id: expect.stringMatching(/^IR-/),
        procedure: 'SPOED',
        requestedType: 'CMW',
        status: 'IN_PROGRESS',
        signedFormAt: TODAY,
        vacancy: { id: vacancyId },
        person: { id: personId },
        ticketValidUntil: null,
        openHireObligation: false,
      });

      // The employer follows its own filings, never the request itself (B.4 j, note 13).
      const own = await stack.query(
        `{ indicationFilings(vacancyId: "${vacancyId}") { totalCount edges { node { id status } } }
           indicationRequest(id: "${filing.id}") { id route } }`,
        {},
        { persona: 'employer-1' },
      );
      expect(own.body.data.indicationFilings).toEqual({
        totalCount: 1,
        edges: [{ node: { id: filing.id, status: 'IN_PROGRESS' } }],
      });
      expect(own.body.data.indicationRequest).toBeNull();
      expect(errorOf(own).extensions.code).toBe('FORBIDDEN');
      const other = await stack.query(
        '{ indicationFilings { edges { node { id } } } }',
        {},
        {
          headers: { authorization: `Bearer ${otherEmployerToken}` },
        },
      );
      expect(other.body.data.indicationFilings.edges).not.toContainEqual({
        node: { id: filing.id },
      });

      // VDAB handles it as a submitted request of the spoed procedure; its first move copies the
      // residence, which the employer could not read.
      const REQUEST = `indicationRequest(id: "${filing.id}") { procedure origin route status municipality { nisCode } vacancy { id } filedBy { id } employerInformation }`;
      const arrived = await asConsultant(`{ ${REQUEST} }`);
      expect(arrived.body.data.indicationRequest).toEqual({
        procedure: 'SPOED',
        origin: 'EMPLOYER_SPOED',
        route: 'ICF',
        status: 'SUBMITTED',
        municipality: null,
        vacancy: { id: vacancyId },
        filedBy: { id: 'E-000001' },
        employerInformation: FORM,
      });
      const [{ residence }] = await rows<{ residence: string }>(
        sql`select residence_nis_code as residence from persons.persons where id = ${personId}`,
      );
      for (const [name, input] of [
        ['moveIndicationRequest', { status: 'INFO_GATHERING' }],
        ['recordIndicationMilestone', { milestone: 'INFORMATION_COMPLETE' }],
        ['recordIndicationMilestone', { milestone: 'ICF_STARTED' }],
        [
          'recordIcfAssessment',
          {
            consultantId: vdabConsultant,
            inputs: ['EMPLOYER_INFO', 'WORKFLOOR_OBSERVATION'],
            impairments: ['Beperkt werkgeheugen'],
            activityLimitations: ['Meerdere taken tegelijk plannen'],
            personalAndExternalFactors: ['Lange afstand tot de arbeidsmarkt'],
            icfScore: 64,
            conclusion: 'Nood aan structurele ondersteuning op de werkvloer.',
            workRelevantSupportNeeds: 'Vaste begeleider; taken stap voor stap.',
          },
        ],
        ['decideIndicationRequest', { decision: 'GRANTED' }],
      ] as const) {
        const { body } = await mutate(
          name,
          { requestId: filing.id, ...input },
          'vdab-icf-consultant',
        );
        expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      }
      const handled = await asConsultant(`{ ${REQUEST} }`);
      expect(handled.body.data.indicationRequest).toMatchObject({
        status: 'GRANTED',
        municipality: { nisCode: residence },
      });

      // Granted: a valid ticket until a date, and the hiring obligation on the vacancy (000 BA6).
      const followed = await stack.query(
        `{ indicationFilings(vacancyId: "${vacancyId}") { edges { node { status ticketValidUntil openHireObligation } } } }`,
        {},
        { persona: 'employer-1' },
      );
      const [{ node: granted }] = followed.body.data.indicationFilings.edges;
      expect(granted).toEqual({
        status: 'GRANTED',
        ticketValidUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        openHireObligation: true,
      });

      // VDAB refers the candidate to the spoed vacancy under origin SPOED; the hire closes the
      // obligation.
      const referred = await mutate(
        'proposeReferral',
        { personId, vacancyId, origin: 'SPOED', matchBasis: ['spoed registration'] },
        'vdab-mediator',
        'id origin',
      );
      expect(referred.body.errors).toBeUndefined();
      expect(referred.body.data.proposeReferral.origin).toBe('SPOED');
      const referralId = referred.body.data.proposeReferral.id;
      for (const status of ['CONTACTED', 'INTAKE']) {
        const moved = await mutate('moveReferral', { referralId, status }, 'employer-1');
        expect(moved.body.errors).toBeUndefined();
      }
      const [{ id: adviceId }] = await rows<{ id: string }>(sql`
        select id from indications.advices where request_id = ${filing.id} and derived_from_id is null`);
      const hired = await mutate(
        'hireCandidate',
        { referralId, adviceId, startDate: TODAY, fte: 1 },
        'employer-1',
        'id',
      );
      expect(hired.body.errors).toBeUndefined();
      const fulfilled = await stack.query(
        `{ indicationFilings(vacancyId: "${vacancyId}") { edges { node { openHireObligation } } } }`,
        {},
        { persona: 'employer-1' },
      );
      expect(fulfilled.body.data.indicationFilings.edges).toEqual([
        { node: { openHireObligation: false } },
      ]);

      // The candidate holds a valid CMW ticket now: a new spoed request would ask for nothing.
      const again = await file({ personId, vacancyId: await openVacancy(stack) });
      expect(errorOf(again).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.personId',
      });
      expect(errorOf(again).message).toMatch(/already holds a valid CMW ticket until/);
    });

    it('is filed as prior routing on a CMW vacancy, for DGS to investigate, once', async () => {
      const personId = await candidate(free[1]);
      const vacancyId = await openVacancy(stack);
      const input = { personId, vacancyId, procedure: 'PRIOR_INDICERINGSROUTING' };
      const filed = await file({ ...input, acceptsHiringObligation: null });
      expect(filed.body.errors).toBeUndefined();
      const { id } = filed.body.data.fileEmployerIndicationRequest;
      const arrived = await asConsultant(
        `{ indicationRequest(id: "${id}") { procedure origin route status } }`,
      );
      expect(arrived.body.data.indicationRequest).toEqual({
        procedure: 'PRIOR_INDICERINGSROUTING',
        origin: 'EMPLOYER_PRIOR_ROUTING',
        route: 'ICF',
        status: 'SUBMITTED',
      });
      const twice = await file(input);
      expect(errorOf(twice).extensions).toMatchObject({ code: 'CONFLICT', requestId: id });
      expect(errorOf(twice).message).toMatch(/VDAB has not decided it yet/);
    });

    it('takes no more spoed requests on a vacancy than it has positions to hire on', async () => {
      const vacancyId = await openVacancy(stack, { positions: 1 });
      const first = await file({ personId: await candidate(free[2]), vacancyId });
      expect(first.body.errors).toBeUndefined();
      const before = await count('indications.indication_requests');
      const second = await file({ personId: await candidate(free[3]), vacancyId });
      expect(errorOf(second).extensions).toMatchObject({
        code: 'CONFLICT',
        vacancyId,
        positions: 1,
        openSpoedRequests: 1,
      });
      expect(errorOf(second).message).toMatch(/every granted spoed advice must lead to one/);
      expect(await count('indications.indication_requests')).toBe(before);
    });

    describe('is refused, naming what to fix, and writes nothing', () => {
      let personId: string;
      beforeAll(async () => {
        personId = await candidate(free[4]);
      });

      const refusals: [string, () => Promise<Record<string, unknown>>, object, RegExp][] = [
        [
          'on another employer’s vacancy',
          async () => ({ vacancyId: otherVacancy.id }),
          { code: 'NOT_FOUND', field: 'input.vacancyId' },
          /is not one of your vacancies \(E-000001\): file on one of your own open vacancies/,
        ],
        [
          'on a closed vacancy',
          async () => {
            const vacancyId = await openVacancy(stack);
            await mutate('moveVacancy', { vacancyId, status: 'CLOSED' }, 'employer-1');
            return { vacancyId };
          },
          { code: 'BAD_USER_INPUT', field: 'input.vacancyId' },
          /is CLOSED, not OPEN/,
        ],
        [
          'for spoed on a vacancy of another measure (BVS)',
          async () => ({ vacancyId: await openVacancy(stack, { measure: 'BVS_PLAATS' }) }),
          { code: 'BAD_USER_INPUT', field: 'input.vacancyId' },
          /is a BVS_PLAATS vacancy: a spoed request is made for a CMW or IMW vacancy/,
        ],
        [
          'for prior routing on an IMW vacancy',
          async () => ({
            vacancyId: await openVacancy(stack, { measure: 'IMW' }),
            procedure: 'PRIOR_INDICERINGSROUTING',
          }),
          { code: 'BAD_USER_INPUT', field: 'input.vacancyId' },
          /is a IMW vacancy: a prior-routing request is made for a CMW vacancy/,
        ],
        [
          'for the standard procedure',
          async () => ({ vacancyId: await openVacancy(stack), procedure: 'STANDAARD' }),
          { code: 'BAD_USER_INPUT', field: 'input.procedure' },
          /a STANDAARD request is filed by the person’s counsellor or consultant/,
        ],
        [
          'for spoed without the hiring obligation',
          async () => ({ vacancyId: await openVacancy(stack), acceptsHiringObligation: false }),
          { code: 'BAD_USER_INPUT', field: 'input.acceptsHiringObligation' },
          /every granted spoed advice must lead to the hire/,
        ],
        [
          'with a request form signed before the vacancy opened',
          async () => ({ vacancyId: await openVacancy(stack), signedFormAt: addDays(TODAY, -1) }),
          { code: 'BAD_USER_INPUT', field: 'input.signedFormAt' },
          /must not be before V-\d+ opened/,
        ],
        [
          'with a request form signed in the future',
          async () => ({ vacancyId: await openVacancy(stack), signedFormAt: addDays(TODAY, 1) }),
          { code: 'BAD_USER_INPUT', field: 'input.signedFormAt' },
          /must not be in the future/,
        ],
        [
          'with an incomplete registration form',
          async () => ({ vacancyId: await openVacancy(stack), workplaceInformation: 'magazijn' }),
          { code: 'BAD_USER_INPUT', field: 'input.workplaceInformation' },
          /must describe the job, the workplace and the support you offer/,
        ],
      ];

      it.each(refusals)('%s', async (_case, inputOf, extensions, message) => {
        const input = await inputOf();
        const before = await count('indications.indication_requests');
        const refused = await file({ personId, ...input });
        expect(errorOf(refused).extensions).toMatchObject(extensions);
        expect(errorOf(refused).message).toMatch(message);
        expect(await count('indications.indication_requests')).toBe(before);
      });

      it('for a person without a relation exactly as for one who does not exist', async () => {
        const vacancyId = await openVacancy(stack);
        const answers = [];
        for (const someone of [stranger, 'P-999999']) {
          const { body } = await file({ personId: someone, vacancyId });
          expect(body.data.fileEmployerIndicationRequest).toBeNull();
          answers.push(JSON.stringify(body.errors).replaceAll(someone, '<id>'));
        }
        expect(answers[0]).toBe(answers[1]);
        expect(JSON.parse(answers[0])[0].extensions.code).toBe('NOT_FOUND');
      });
    });
  });

  describe('a support-premium revision', () => {
    /** An advice of a person employer-1 employs today, with a package below the top level. */
    let employee: { personId: string; adviceId: string; level: string };
    /** The same, of a candidate employer-1 reaches but does not employ. */
    let candidateAdvice: string;

    beforeAll(async () => {
      [employee] = await rows<{ personId: string; adviceId: string; level: string }>(sql`
        select a.person_id as "personId", a.id as "adviceId", w.support_premium_level::text as level
        from indications.advices a
        join indications.work_support_packages w on w.advice_id = a.id
        join access.relations e on e.person_id = a.person_id and e.org = 'employer:E-000001'
          and e.purpose = 'EMPLOYMENT' and e.valid_from <= ${TODAY}::date
          and (e.valid_until is null or e.valid_until >= ${TODAY}::date)
        join access.relations v on v.person_id = a.person_id and v.org = 'vdab'
          and v.purpose = 'INDICATION' and v.valid_until is null
        where a.type in ('CMW', 'IMW') and a.status = 'ACTIVE' and a.valid_until >= ${TODAY}::date
          and w.support_premium_level in ('A', 'B')
          and not exists (select 1 from indications.premium_increase_requests p
            where p.package_id = w.id)
        order by a.id limit 1`);
      // A ticket holder in VDAB's caseload whom VDAB refers to employer-1: a candidate there.
      const [holder] = await rows<{ personId: string; adviceId: string }>(sql`
        select a.person_id as "personId", a.id as "adviceId" from indications.advices a
        join indications.work_support_packages w on w.advice_id = a.id
        join access.relations r on r.person_id = a.person_id and r.org = 'vdab'
          and r.purpose = 'TRAJECTORY_GUIDANCE' and r.valid_until is null
        where a.type = 'CMW' and a.status = 'ACTIVE' and a.valid_until >= ${TODAY}::date
          and not exists (select 1 from access.relations e
            where e.person_id = a.person_id and e.org like 'employer:%')
        order by a.id limit 1`);
      await candidate(holder.personId);
      candidateAdvice = holder.adviceId;
    });

    const REQUEST =
      'id status levelAtRequest requestedLevel newLevel refusalReason employer { id } advice { id }';
    const ask = (input: Record<string, unknown>, persona = 'employer-1') =>
      mutate(
        'requestPremiumIncrease',
        { motivation: 'Meer begeleiding nodig sinds de overstap naar de ploegendienst.', ...input },
        persona,
        REQUEST,
      );
    const decide = (input: Record<string, unknown>) =>
      mutate('decidePremiumIncrease', input, 'vdab-icf-consultant', REQUEST);
    const packageOf = async (adviceId: string) =>
      (
        await rows<{ level: string; cents: number }>(sql`
          select support_premium_level::text as level, support_premium_cents as cents
          from indications.work_support_packages where advice_id = ${adviceId}`)
      )[0];

    it('is asked for an own employee, decided by VDAB with a new level, and audited', async () => {
      const asked = await ask({ adviceId: employee.adviceId });
      expect(asked.body.errors).toBeUndefined();
      const request = asked.body.data.requestPremiumIncrease;
      expect(request).toEqual({
        id: expect.stringMatching(/^PIR-/),
        status: 'PENDING',
        levelAtRequest: employee.level,
        requestedLevel: null,
        newLevel: null,
        refusalReason: null,
        employer: { id: 'E-000001' },
        advice: { id: employee.adviceId },
      });
      const twice = await ask({ adviceId: employee.adviceId });
      expect(errorOf(twice).extensions).toMatchObject({ code: 'CONFLICT', requestId: request.id });

      // VDAB's worklist holds it, on its last page (id order).
      const pending: unknown[] = [];
      for (let after: string | null = null, more = true; more;) {
        const page: GraphQLResponse = await asConsultant(
          `query($after: String) { premiumIncreaseRequests(status: PENDING, first: 500, after: $after) {
            pageInfo { hasNextPage endCursor } edges { node { id status advice { id person { id } } } } } }`,
          { after },
        );
        expect(page.body.errors).toBeUndefined();
        const { pageInfo, edges } = page.body.data.premiumIncreaseRequests;
        pending.push(...edges.map((edge: { node: unknown }) => edge.node));
        [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
      }
      expect(pending).toContainEqual({
        id: request.id,
        status: 'PENDING',
        advice: { id: employee.adviceId, person: { id: employee.personId } },
      });

      const incomplete = await decide({ requestId: request.id, decision: 'ACCEPTED' });
      expect(errorOf(incomplete).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.newLevel',
      });
      const lower = await decide({ requestId: request.id, decision: 'ACCEPTED', newLevel: 'A' });
      expect(errorOf(lower).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.newLevel',
      });
      const accepted = await decide({ requestId: request.id, decision: 'ACCEPTED', newLevel: 'C' });
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data.decidePremiumIncrease).toMatchObject({
        status: 'ACCEPTED',
        newLevel: 'C',
      });
      expect(await packageOf(employee.adviceId)).toEqual({ level: 'C', cents: 65_000 });
      const again = await decide({
        requestId: request.id,
        decision: 'REFUSED',
        refusalReason: 'Toch niet nodig.',
      });
      expect(errorOf(again).extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ACCEPTED',
      });

      // The employer reads the outcome on its employee's package (k, own employees: note 14).
      const seen = await stack.query(
        `{ advice(id: "${employee.adviceId}") { workSupportPackage { supportPremiumLevel increaseRequests { id status newLevel } } } }`,
        {},
        { persona: 'employer-1' },
      );
      expect(seen.body.errors).toBeUndefined();
      expect(seen.body.data.advice.workSupportPackage).toEqual({
        supportPremiumLevel: 'C',
        increaseRequests: [{ id: request.id, status: 'ACCEPTED', newLevel: 'C' }],
      });

      const audited = await rows<{ operation: string; org: string }>(sql`
        select operation, org from access.audit_log
        where person_id = ${employee.personId}
          and operation in ('requestPremiumIncrease', 'decidePremiumIncrease')
        order by operation`);
      expect(audited).toEqual(
        expect.arrayContaining([
          { operation: 'decidePremiumIncrease', org: 'vdab' },
          { operation: 'requestPremiumIncrease', org: 'employer:E-000001' },
        ]),
      );
    });

    it('is refused by VDAB with the reason the employer reads', async () => {
      const asked = await ask({ adviceId: employee.adviceId, requestedLevel: 'L' });
      expect(asked.body.errors).toBeUndefined();
      const { id } = asked.body.data.requestPremiumIncrease;
      const bare = await decide({ requestId: id, decision: 'REFUSED' });
      expect(errorOf(bare).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.refusalReason',
      });
      const reason = 'De begeleidingsnood past binnen niveau C.';
      const refused = await decide({ requestId: id, decision: 'REFUSED', refusalReason: reason });
      expect(refused.body.data.decidePremiumIncrease).toMatchObject({
        status: 'REFUSED',
        requestedLevel: 'L',
        refusalReason: reason,
      });
      expect(await packageOf(employee.adviceId)).toEqual({ level: 'C', cents: 65_000 });
    });

    it('is refused with a code and what to fix, and writes nothing', async () => {
      const cases: [string, Record<string, unknown>, object, RegExp][] = [
        [
          'a candidate, not an employee',
          { adviceId: candidateAdvice },
          { code: 'FORBIDDEN', category: 'k' },
          /is not your employee today: a support-premium revision is asked for your own employees only/,
        ],
        [
          'a level not above the current one',
          { adviceId: employee.adviceId, requestedLevel: 'B' },
          { code: 'BAD_USER_INPUT', field: 'input.requestedLevel' },
          /must be above the current level C \(A < B < C < L\)/,
        ],
        [
          'no motivation worth the name',
          { adviceId: employee.adviceId, motivation: 'meer' },
          { code: 'BAD_USER_INPUT', field: 'input.motivation' },
          /must say what support the worker needs/,
        ],
      ];
      for (const [what, input, extensions, message] of cases) {
        const before = await count('indications.premium_increase_requests');
        const refused = await ask(input);
        expect({ what, ...errorOf(refused).extensions }).toMatchObject({ what, ...extensions });
        expect(errorOf(refused).message).toMatch(message);
        expect(await count('indications.premium_increase_requests')).toBe(before);
      }
      // Someone it does not reach reads as an advice that does not exist.
      const [{ id: outside }] = await rows<{ id: string }>(sql`
        select a.id from indications.advices a where not exists (select 1 from access.relations r
          where r.person_id = a.person_id and r.org = 'employer:E-000001') order by a.id limit 1`);
      const answers = [];
      for (const adviceId of [outside, 'AD-999999']) {
        const { body } = await ask({ adviceId });
        answers.push(JSON.stringify(body.errors).replaceAll(adviceId, '<id>'));
      }
      expect(answers[0]).toBe(answers[1]);
      expect(JSON.parse(answers[0])[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('referrals of every origin but the direct application', () => {
    const propose = (input: Record<string, unknown>, persona = 'vdab-mediator') =>
      mutate('proposeReferral', { matchBasis: ['interests'], ...input }, persona, 'id origin');

    it('refers an OCMW-directed client as OCMW, which the employer reads as a toeleiding', async () => {
      const [{ personId }] = await rows<{ personId: string }>(sql`
        select t.person_id as "personId" from persons.trajectories t
        join access.relations r on r.person_id = t.person_id and r.org = 'vdab'
          and r.purpose = 'TRAJECTORY_GUIDANCE' and r.valid_until is null
        where t.regie = 'OCMW' and t.ended_at is null order by t.person_id limit 1`);
      const vacancyId = await openVacancy(stack);
      const referred = await propose({ personId, vacancyId, origin: 'OCMW' });
      expect(referred.body.errors).toBeUndefined();
      const { id } = referred.body.data.proposeReferral;
      expect(referred.body.data.proposeReferral.origin).toBe('OCMW');
      const employer = await stack.query(
        `{ referral(id: "${id}") { origin } }`,
        {},
        { persona: 'employer-1' },
      );
      expect(employer.body.data.referral).toEqual({ origin: 'VDAB_TOELEIDING' });
    });

    it('refuses an origin the person’s files do not bear out', async () => {
      const vacancyId = await openVacancy(stack);
      for (const origin of ['OCMW', 'SPOED', 'PRIOR_ROUTING']) {
        const [personId] = free.slice(5);
        const before = await count('maatwerk.referrals');
        const refused = await propose({ personId, vacancyId, origin });
        expect({ origin, ...errorOf(refused).extensions }).toMatchObject({
          origin,
          code: 'BAD_USER_INPUT',
          field: 'input.origin',
        });
        expect(errorOf(refused).message).toMatch(/so refer as VDAB_TOELEIDING/);
        expect(await count('maatwerk.referrals')).toBe(before);
      }
      const direct = await propose({ personId: free[5], vacancyId, origin: 'DIRECT_BY_CITIZEN' });
      expect(errorOf(direct).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.origin',
      });
      expect(errorOf(direct).message).toMatch(/registered by the employer/);
    });

    it('lets a GTB counsellor refer its own client', async () => {
      const [{ personId }] = await rows<{ personId: string }>(sql`
        select person_id as "personId" from access.relations
        where org = 'gtb' and purpose = 'TRAJECTORY_GUIDANCE' and valid_until is null
        order by person_id limit 1`);
      const referred = await propose(
        { personId, vacancyId: await openVacancy(stack) },
        'gtb-counsellor',
      );
      expect(referred.body.errors).toBeUndefined();
      expect(referred.body.data.proposeReferral.origin).toBe('VDAB_TOELEIDING');
    });
  });

  /**
   * Who may call each mutation of these workflows, from the writers table (common/access/
   * writers.ts) over every demo persona: every other role is refused before anything is read,
   * with the category it would change, and nothing is written.
   */
  describe('writers', () => {
    const INPUTS: Record<string, Record<string, unknown>> = {
      fileEmployerIndicationRequest: {
        procedure: 'SPOED',
        personId: 'P-000002',
        vacancyId: 'V-000001',
        signedFormAt: '2025-01-01',
        workplaceInformation: FORM,
        acceptsHiringObligation: true,
      },
      requestPremiumIncrease: { adviceId: 'AD-000001', motivation: 'x'.repeat(30) },
      decidePremiumIncrease: {
        requestId: 'PIR-000001',
        decision: 'REFUSED',
        refusalReason: 'niet nodig hier',
      },
      proposeReferral: { personId: 'P-000002', vacancyId: 'V-000001', matchBasis: ['interests'] },
    };
    const TABLES = [
      'indications.indication_requests',
      'indications.premium_increase_requests',
      'maatwerk.referrals',
    ];
    const CASES = Object.keys(INPUTS).flatMap((name) =>
      PERSONAS.map((persona) => ({
        name,
        persona: persona.name,
        writes: (MUTATION_WRITERS[name].roles as readonly Role[]).includes(persona.role),
      })),
    );

    it('covers every persona for each mutation, and each mutation has a writer', () => {
      expect(CASES).toHaveLength(Object.keys(INPUTS).length * PERSONAS.length);
      for (const name of Object.keys(INPUTS)) {
        expect([name, CASES.some((c) => c.name === name && c.writes)]).toEqual([name, true]);
      }
    });

    it.each(CASES.filter((c) => !c.writes))(
      'refuses $name to $persona',
      async ({ name, persona }) => {
        const before = await Promise.all(TABLES.map(count));
        const refused = await mutate(name, INPUTS[name], persona);
        expect(refused.body.data?.[name] ?? null).toBeNull();
        expect(errorOf(refused).extensions).toMatchObject({
          code: 'FORBIDDEN',
          category: MUTATION_WRITERS[name].category,
        });
        expect(errorOf(refused).message).toMatch(/which role \w+ may not change/);
        expect(await Promise.all(TABLES.map(count))).toEqual(before);
      },
    );

    it.each(CASES.filter((c) => c.writes))(
      'lets $persona call $name',
      async ({ name, persona }) => {
        const answered = await mutate(name, INPUTS[name], persona);
        // Past the writers check: refused, if at all, for the record or the input, never the role.
        for (const error of answered.body.errors ?? []) {
          expect(error.message).not.toMatch(/may not change/);
        }
      },
    );
  });
});
