import { and, asc, eq, notInArray } from 'drizzle-orm';

import { consentPurpose } from '../../common/access/purposes';
import { relations } from '../support/access-schema';
import {
  icfAssessments,
  indicationConsultants,
  indicationRequests,
} from '../../subgraphs/indications/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The indication state machine of DOMAIN B.2.2 through the gateway, as a VDAB ICF consultant.
 * Decisions taken today fall under the two-eyes regime (A.6: from 2025-09-01).
 */
describe('indication workflow', () => {
  let stack: TestStack;
  /** Persons VDAB handles for an indication, without the data-coupling consent. */
  let withoutConsent: string[];
  /** An accredited VDAB consultant: the vdab-icf-consultant persona assesses as them. */
  let vdabConsultant: string;

  beforeAll(async () => {
    stack = await startTestStack('small');
    const consenting = stack.database.db
      .select({ personId: relations.personId })
      .from(relations)
      .where(eq(relations.purpose, consentPurpose('ATTEST_DATAKOPPELING')));
    withoutConsent = (
      await stack.database.db
        .selectDistinct({ personId: relations.personId })
        .from(relations)
        .where(
          and(
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'INDICATION'),
            notInArray(relations.personId, consenting),
          ),
        )
        .orderBy(asc(relations.personId))
        .limit(30)
    ).map((row) => row.personId);
  });
  afterAll(() => stack?.stop());

  beforeAll(async () => {
    const [consultant] = await stack.database.db
      .select({ id: indicationConsultants.id })
      .from(indicationConsultants)
      .where(and(eq(indicationConsultants.org, 'vdab'), eq(indicationConsultants.accredited, true)))
      .orderBy(asc(indicationConsultants.id))
      .limit(1);
    vdabConsultant = consultant.id;
  });

  const REQUEST =
    'id status route consentRef submittedAt decidedAt advices { type decision status temporary validFrom validUntil }';
  const TODAY = new Date().toISOString().slice(0, 10);

  const create = (input: Record<string, unknown>, persona = 'vdab-icf-consultant') =>
    stack.query(
      `mutation($input: CreateIndicationRequestInput!) { createIndicationRequest(input: $input) { ${REQUEST} } }`,
      {
        input: {
          requestedType: 'CMW',
          route: 'ICF',
          procedure: 'STANDAARD',
          origin: 'VDAB_BEMIDDELAAR',
          signedFormAt: TODAY,
          ...input,
        },
      },
      { persona },
    );

  const move = (requestId: string, status: string, persona = 'vdab-icf-consultant') =>
    stack.query(
      `mutation($input: MoveIndicationRequestInput!) { moveIndicationRequest(input: $input) { ${REQUEST} } }`,
      { input: { requestId, status } },
      { persona },
    );

  const decide = (
    requestId: string,
    decision: string,
    extra: Record<string, unknown> = {},
    persona = 'vdab-icf-consultant',
  ) =>
    stack.query(
      `mutation($input: DecideIndicationRequestInput!) { decideIndicationRequest(input: $input) { ${REQUEST} } }`,
      { input: { requestId, decision, ...extra } },
      { persona },
    );

  const milestone = (requestId: string, reached: string, persona = 'vdab-icf-consultant') =>
    stack.query(
      `mutation($input: RecordIndicationMilestoneInput!) { recordIndicationMilestone(input: $input) { ${REQUEST} infoCompleteAt icfStartedAt } }`,
      { input: { requestId, milestone: reached } },
      { persona },
    );

  const ASSESSMENT = {
    inputs: ['WORKFLOOR_OBSERVATION', 'ASSESSMENT'],
    impairments: ['Beperkt werkgeheugen'],
    activityLimitations: ['Meerdere taken tegelijk plannen'],
    personalAndExternalFactors: ['Lange afstand tot de arbeidsmarkt'],
    icfScore: 70,
    conclusion: 'Nood aan structurele ondersteuning op de werkvloer.',
    workRelevantSupportNeeds: 'Vaste begeleider; taken stap voor stap.',
  };

  const assess = (
    requestId: string,
    extra: Record<string, unknown> = {},
    persona = 'vdab-icf-consultant',
  ) =>
    stack.query(
      `mutation($input: RecordIcfAssessmentInput!) { recordIcfAssessment(input: $input) { id icfScore conclusion } }`,
      { input: { requestId, consultantId: vdabConsultant, ...ASSESSMENT, ...extra } },
      { persona },
    );

  const MILESTONE_NAMES = ['INFORMATION_COMPLETE', 'ICF_STARTED'];
  const PATHS: Record<string, string[]> = {
    ATTEST: ['SUBMITTED', 'ATTEST_RETRIEVAL', 'INFORMATION_COMPLETE', 'VALIDATED'],
    ICF: ['SUBMITTED', 'INFO_GATHERING', 'INFORMATION_COMPLETE', 'ICF_STARTED', 'ICF_ASSESSED'],
    UKW: ['SUBMITTED', 'INFO_GATHERING', 'INFORMATION_COMPLETE', 'ICF_STARTED', 'ICF_ASSESSED'],
  };

  /** One step of a path: a move, a milestone, or the assessment that reaches ICF_ASSESSED. */
  const step = (id: string, name: string) =>
    name === 'ICF_ASSESSED'
      ? assess(id)
      : MILESTONE_NAMES.includes(name)
        ? milestone(id, name)
        : move(id, name);

  /** A new request of `route` walked to `status`. P-000001 gave VDAB the data-coupling consent. */
  async function requestAt(route: string, status: string, personId?: string) {
    const { body } = await create({
      route,
      personId: personId ?? (route === 'ATTEST' ? 'P-000001' : withoutConsent.shift()),
    });
    expect(body.errors).toBeUndefined();
    const id = body.data.createIndicationRequest.id;
    const path = PATHS[route];
    for (const name of path.slice(0, path.indexOf(status) + 1)) {
      const taken = await step(id, name);
      expect({ name, errors: taken.body.errors }).toEqual({ name, errors: undefined });
    }
    return id;
  }

  const stored = async (id: string) =>
    (
      await stack.database.db.select().from(indicationRequests).where(eq(indicationRequests.id, id))
    )[0];

  it('grants a CMW on the attestation route, with the IMW it brings, valid for 5 years', async () => {
    const id = await requestAt('ATTEST', 'VALIDATED');
    expect((await stored(id)).consentRef).toMatch(/^C-/);
    const { body } = await decide(id, 'GRANTED');
    expect(body.errors).toBeUndefined();
    const request = body.data.decideIndicationRequest;
    expect(request.status).toBe('GRANTED');
    const until = `${Number(TODAY.slice(0, 4)) + 5}${TODAY.slice(4)}`;
    expect(request.advices.map((advice: any) => advice.type).sort()).toEqual(['CMW', 'IMW']);
    for (const advice of request.advices) {
      expect(advice).toMatchObject({
        decision: 'TOEGEKEND',
        status: 'ACTIVE',
        temporary: false,
        validFrom: TODAY,
      });
      expect(advice.validUntil < until).toBe(true);
    }
  });

  it('refuses on the ICF route: an advice without validity, and no IMW', async () => {
    const id = await requestAt('ICF', 'ICF_ASSESSED');
    const { body } = await decide(id, 'REFUSED');
    expect(body.errors).toBeUndefined();
    expect(body.data.decideIndicationRequest).toMatchObject({
      status: 'REFUSED',
      advices: [{ type: 'CMW', decision: 'GEWEIGERD', status: null, validUntil: null }],
    });
  });

  it('refuses on the attestation route once validated', async () => {
    const consenting = await stack.database.db
      .select({ personId: relations.personId })
      .from(relations)
      .where(
        and(
          eq(relations.org, 'vdab'),
          eq(relations.purpose, consentPurpose('ATTEST_DATAKOPPELING')),
        ),
      )
      .limit(1);
    const id = await requestAt('ATTEST', 'VALIDATED', consenting[0].personId);
    const { body } = await decide(id, 'REFUSED');
    expect(body.errors).toBeUndefined();
    expect(body.data.decideIndicationRequest.status).toBe('REFUSED');
  });

  it('grants a temporary CMW of 2 years on the UKW route', async () => {
    const id = await requestAt('UKW', 'ICF_ASSESSED');
    const { body } = await decide(id, 'GRANTED', { validityYears: 5 });
    const cmw = body.data.decideIndicationRequest.advices.find((a: any) => a.type === 'CMW');
    expect(cmw).toMatchObject({ temporary: true, validFrom: TODAY });
    const twoYears = `${Number(TODAY.slice(0, 4)) + 2}${TODAY.slice(4)}`;
    expect(cmw.validUntil < twoYears).toBe(true);
    expect(cmw.validUntil >= `${Number(TODAY.slice(0, 4)) + 1}${TODAY.slice(4)}`).toBe(true);
  });

  it.each([
    ['ICF', 'DRAFT', 'INFO_GATHERING'],
    ['ATTEST', 'SUBMITTED', 'INFO_GATHERING'],
    ['ICF', 'SUBMITTED', 'ATTEST_RETRIEVAL'],
    ['ATTEST', 'ATTEST_RETRIEVAL', 'INFO_GATHERING'],
    // Validation checks complete information: the milestone comes first.
    ['ATTEST', 'ATTEST_RETRIEVAL', 'VALIDATED'],
    ['ICF', 'INFO_GATHERING', 'SECOND_REVIEW'],
    // Under the two-eyes regime the consultant's advice is final: no second review.
    ['ICF', 'ICF_ASSESSED', 'SECOND_REVIEW'],
  ])('refuses on the %s route %s → %s and changes nothing', async (route, from, to) => {
    const id = await requestAt(route, from);
    const before = await stored(id);
    const { body } = await move(id, to);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(await stored(id)).toEqual(before);
  });

  describe('milestones and the ICF assessment', () => {
    it('records the milestones once each, in order, and only in their phase', async () => {
      const id = await requestAt('ICF', 'INFO_GATHERING');
      const early = await milestone(id, 'ICF_STARTED');
      expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
      const complete = await milestone(id, 'INFORMATION_COMPLETE');
      expect(complete.body.errors).toBeUndefined();
      const twice = await milestone(id, 'INFORMATION_COMPLETE');
      expect(twice.body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
      const started = await milestone(id, 'ICF_STARTED');
      expect(started.body.errors).toBeUndefined();
      const { infoCompleteAt, icfStartedAt } = started.body.data.recordIndicationMilestone;
      expect(infoCompleteAt <= icfStartedAt).toBe(true);

      const attest = await requestAt('ATTEST', 'ATTEST_RETRIEVAL');
      const before = await stored(attest);
      const wrongRoute = await milestone(attest, 'ICF_STARTED');
      expect(wrongRoute.body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await stored(attest)).toEqual(before);
    });

    it('records the assessment, which moves the request to ICF_ASSESSED', async () => {
      const id = await requestAt('ICF', 'ICF_STARTED');
      const { body } = await assess(id);
      expect(body.errors).toBeUndefined();
      expect(body.data.recordIcfAssessment).toMatchObject({ id: id.replace('IR-', 'ICF-') });
      const request = await stored(id);
      expect(request.status).toBe('ICF_ASSESSED');
      expect(request.consultantAdviceAt).not.toBeNull();
      const again = await assess(id);
      expect(again.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ICF_ASSESSED',
      });
    });

    it('refuses an assessment before it started, and ICF_ASSESSED as a plain move', async () => {
      const id = await requestAt('ICF', 'INFORMATION_COMPLETE');
      const early = await assess(id);
      expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
      const moved = await move(id, 'ICF_ASSESSED');
      expect(moved.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.status',
      });
      expect((await stored(id)).status).toBe('INFO_GATHERING');
    });

    it.each([
      [{ icfScore: 120 }, 'input.icfScore'],
      [{ impairments: [] }, 'input.impairments'],
      [{ amaReasons: ['SOCIAAL'] }, 'input.amaReasons'],
      [{ consultantId: 'IC-999999' }, 'input.consultantId'],
    ])('refuses the assessment %j, naming %s, and writes nothing', async (extra, field) => {
      const id = await requestAt('ICF', 'ICF_STARTED');
      const { body } = await assess(id, extra);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect((await stored(id)).status).toBe('INFO_GATHERING');
      const written = await stack.database.db
        .select()
        .from(icfAssessments)
        .where(eq(icfAssessments.requestId, id));
      expect(written).toEqual([]);
    });

    it('leaves the assessment to consultants', async () => {
      const id = await requestAt('ICF', 'ICF_STARTED');
      const { body } = await assess(id, {}, 'vdab-mediator');
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('refuses a decision before the file is complete, and any move after the decision', async () => {
    const early = await requestAt('ICF', 'INFO_GATHERING');
    expect((await decide(early, 'GRANTED')).body.errors?.[0].extensions.code).toBe(
      'INVALID_TRANSITION',
    );
    const decided = await requestAt('ICF', 'ICF_ASSESSED');
    await decide(decided, 'REFUSED');
    const again = await decide(decided, 'GRANTED');
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'REFUSED',
    });
  });

  it('refuses the attestation route without the citizen’s data-coupling consent', async () => {
    const { body } = await create({ route: 'ATTEST', personId: withoutConsent.shift() });
    const id = body.data.createIndicationRequest.id;
    const submitted = await move(id, 'SUBMITTED');
    expect(submitted.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.status',
    });
    expect(submitted.body.errors?.[0].message).toMatch(/ATTEST_DATAKOPPELING/);
    expect((await stored(id)).status).toBe('DRAFT');
  });

  it.each([
    [{ procedure: 'SPOED' }, 'input.vacancyId'],
    [{ route: 'UKW', requestedType: 'IMW' }, 'input.requestedType'],
  ])('refuses the request %j, naming %s', async (input, field) => {
    const { body } = await create({ personId: withoutConsent[0], ...input });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a validity beyond 5 years', async () => {
    const id = await requestAt('ICF', 'ICF_ASSESSED');
    const { body } = await decide(id, 'GRANTED', { validityYears: 6 });
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.validityYears',
    });
  });

  it('leaves decisions to the indication consultants', async () => {
    const id = await requestAt('ICF', 'ICF_ASSESSED');
    const { body } = await decide(id, 'GRANTED', {}, 'vdab-mediator');
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const employer = await create({ personId: withoutConsent[0] }, 'employer-1');
    expect(employer.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  describe('attestations', () => {
    const attach = (requestId: string, input: Record<string, unknown> = {}) =>
      stack.query(
        `mutation($input: AttachAttestationInput!) { attachAttestation(input: $input) { id kind source } }`,
        {
          input: {
            requestId,
            kind: 'IT',
            source: 'FOD_SZ_DG_HAN',
            obtainedVia: 'DATAKOPPELING',
            validFrom: TODAY,
            ...input,
          },
        },
        { persona: 'vdab-icf-consultant' },
      );

    it('pulls an attestation into an open request with the citizen’s consent', async () => {
      const id = await requestAt('ATTEST', 'ATTEST_RETRIEVAL');
      const { body } = await attach(id);
      expect(body.errors).toBeUndefined();
      expect(body.data.attachAttestation).toMatchObject({ kind: 'IT', source: 'FOD_SZ_DG_HAN' });
    });

    it('adds no attestation without the consent, nor to a decided request', async () => {
      const id = await requestAt('ICF', 'INFO_GATHERING');
      for (const obtainedVia of ['DATAKOPPELING', 'UPLOAD']) {
        const { body } = await attach(id, { obtainedVia });
        expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      const uploaded = await attach(await requestAt('ATTEST', 'ATTEST_RETRIEVAL'), {
        obtainedVia: 'UPLOAD',
      });
      expect(uploaded.body.errors).toBeUndefined();

      const decided = await requestAt('ICF', 'ICF_ASSESSED', 'P-000001');
      await decide(decided, 'REFUSED');
      const late = await attach(decided);
      expect(late.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'REFUSED',
      });
    });

    it('refuses an attestation valid until before it is valid', async () => {
      const id = await requestAt('ATTEST', 'ATTEST_RETRIEVAL');
      const { body } = await attach(id, { validUntil: '2000-01-01' });
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.validUntil',
      });
    });
  });
});
