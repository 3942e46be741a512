import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

import { consentPurpose } from '../../common/access/purposes';
import { relations } from '../support/access-schema';
import { advices, indicationRequests } from '../../subgraphs/indications/tables';
import { openVacancy, referralAt } from '../support/hiring';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The spoed procedure (000 BA6, DOMAIN B.2.2 and B.7.5): a request starts from an open vacancy of
 * the employer, and a granted spoed advice stays an open hiring obligation until the employer
 * hires the candidate on that vacancy, which the maatwerk subgraph records in indications.
 */
describe('spoed', () => {
  let stack: TestStack;
  const TODAY = new Date().toISOString().slice(0, 10);
  /** Persons in VDAB's caseload who gave VDAB the data-coupling consent. */
  let candidates: string[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    const consenting = stack.database.db
      .select({ personId: relations.personId })
      .from(relations)
      .where(
        and(
          eq(relations.org, 'vdab'),
          eq(relations.purpose, consentPurpose('ATTEST_DATAKOPPELING')),
          isNull(relations.validUntil),
        ),
      );
    candidates = (
      await stack.database.db
        .selectDistinct({ personId: relations.personId })
        .from(relations)
        .where(
          and(
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'TRAJECTORY_GUIDANCE'),
            isNull(relations.validUntil),
            inArray(relations.personId, consenting),
          ),
        )
        .orderBy(asc(relations.personId))
        .limit(10)
    ).map((row) => row.personId);
  });
  afterAll(() => stack?.stop());

  const mutate = (mutation: string, input: Record<string, unknown>, persona: string) =>
    stack.query(mutation, { input }, { persona });

  const fileSpoed = (personId: string, vacancyId: string) =>
    mutate(
      `mutation($input: CreateIndicationRequestInput!) { createIndicationRequest(input: $input) { id } }`,
      {
        personId,
        vacancyId,
        requestedType: 'CMW',
        route: 'ATTEST',
        procedure: 'SPOED',
        origin: 'EMPLOYER_SPOED',
        signedFormAt: TODAY,
      },
      'vdab-icf-consultant',
    );

  const obligation = async (adviceId: string) => {
    const { body } = await stack.query(
      `{ advice(id: "${adviceId}") { id hiredAt openHireObligation } }`,
      {},
      { persona: 'vdab-icf-consultant' },
    );
    return body.data.advice;
  };

  it('files a spoed request only for an open vacancy', async () => {
    const vacancyId = await openVacancy(stack);
    const closed = await mutate(
      `mutation($input: MoveVacancyInput!) { moveVacancy(input: $input) { id } }`,
      { vacancyId, status: 'CLOSED' },
      'employer-1',
    );
    expect(closed.body.errors).toBeUndefined();
    for (const refused of [vacancyId, 'V-999999']) {
      const before = await stack.database.db.$count(indicationRequests);
      const { body } = await fileSpoed(candidates[0], refused);
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.vacancyId',
      });
      expect(await stack.database.db.$count(indicationRequests)).toBe(before);
    }
  });

  it('keeps a granted spoed advice open until the hire on its vacancy, which closes it', async () => {
    const personId = candidates[1];
    const vacancyId = await openVacancy(stack);
    const filed = await fileSpoed(personId, vacancyId);
    expect(filed.body.errors).toBeUndefined();
    const requestId = filed.body.data.createIndicationRequest.id;
    const steps: [string, string][] = [
      ['moveIndicationRequest', 'SUBMITTED'],
      ['moveIndicationRequest', 'ATTEST_RETRIEVAL'],
      ['recordIndicationMilestone', 'INFORMATION_COMPLETE'],
      ['moveIndicationRequest', 'VALIDATED'],
    ];
    for (const [mutation, step] of steps) {
      const input =
        mutation === 'recordIndicationMilestone'
          ? { requestId, milestone: step }
          : { requestId, status: step };
      const type =
        mutation === 'recordIndicationMilestone'
          ? 'RecordIndicationMilestoneInput'
          : 'MoveIndicationRequestInput';
      const { body } = await mutate(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`,
        input,
        'vdab-icf-consultant',
      );
      expect({ step, errors: body.errors }).toEqual({ step, errors: undefined });
    }
    const decided = await mutate(
      `mutation($input: DecideIndicationRequestInput!) { decideIndicationRequest(input: $input) { id } }`,
      { requestId, decision: 'GRANTED' },
      'vdab-icf-consultant',
    );
    expect(decided.body.errors).toBeUndefined();
    const [cmw] = await stack.database.db
      .select({ id: advices.id })
      .from(advices)
      .where(and(eq(advices.requestId, requestId), eq(advices.type, 'CMW')));
    expect(await obligation(cmw.id)).toEqual({
      id: cmw.id,
      hiredAt: null,
      openHireObligation: true,
    });

    const referralId = await referralAt(stack, personId, vacancyId);
    const hired = await mutate(
      `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) { id startDate } }`,
      { referralId, adviceId: cmw.id, startDate: TODAY, fte: 1 },
      'employer-1',
    );
    expect(hired.body.errors).toBeUndefined();
    expect(await obligation(cmw.id)).toEqual({
      id: cmw.id,
      hiredAt: TODAY,
      openHireObligation: false,
    });
  });

  it('records a hire only on an open spoed advice, and only for the employer', async () => {
    const [ordinary] = await stack.database.db
      .select({ id: advices.id })
      .from(advices)
      .innerJoin(indicationRequests, eq(indicationRequests.id, advices.requestId))
      .where(and(eq(indicationRequests.procedure, 'STANDAARD'), eq(advices.decision, 'TOEGEKEND')))
      .limit(1);
    const record = (persona: string) =>
      mutate(
        `mutation($input: RecordSpoedHireInput!) { recordSpoedHire(input: $input) { id } }`,
        { adviceId: ordinary.id, vacancyId: 'V-000001', hiredOn: TODAY },
        persona,
      );
    expect((await record('vdab-mediator')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [stored] = await stack.database.db
      .select({ hiredAt: advices.hiredAt })
      .from(advices)
      .where(eq(advices.id, ordinary.id));
    expect(stored.hiredAt).toBeNull();
  });
});
