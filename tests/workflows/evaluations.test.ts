import { and, asc, eq, gte, inArray, lt, notInArray } from 'drizzle-orm';

import { relations } from '../support/access-schema';
import { advices, workSupportPackages } from '../../subgraphs/indications/tables';
import { startTestStack, type TestStack } from '../support/stack';

/** Evaluations of an advice (DOMAIN B.2.2) by a VDAB ICF consultant, through the gateway. */
describe('advice evaluations', () => {
  let stack: TestStack;
  const TODAY = new Date().toISOString().slice(0, 10);
  /** Granted advices VDAB handles, active today, one per case. */
  let active: { id: string; validUntil: string }[];
  let expired: string;

  beforeAll(async () => {
    stack = await startTestStack('small');
    const inVdabScope = (validity: ReturnType<typeof gte>) =>
      stack.database.db
        .selectDistinct({ id: advices.id, validUntil: advices.validUntil })
        .from(advices)
        .innerJoin(relations, eq(relations.personId, advices.personId))
        .where(
          and(
            eq(relations.org, 'vdab'),
            eq(relations.purpose, 'INDICATION'),
            eq(advices.status, 'ACTIVE'),
            validity,
          ),
        )
        .orderBy(asc(advices.id));
    active = (await inVdabScope(gte(advices.validUntil, TODAY))).map((row) => ({
      id: row.id,
      validUntil: row.validUntil!,
    }));
    [{ id: expired }] = await inVdabScope(lt(advices.validUntil, TODAY));
  });
  afterAll(() => stack?.stop());

  const evaluate = (input: Record<string, unknown>, persona = 'vdab-icf-consultant') =>
    stack.query(
      `mutation($input: EvaluateAdviceInput!) {
        evaluateAdvice(input: $input) {
          id status validUntil temporary endedAt extensions { previousValidUntil newValidUntil }
          evaluations { outcome trigger }
        }
      }`,
      { input: { trigger: 'AANVRAAG_VDAB', ...input } },
      { persona },
    );

  it('extends an active advice after its current validity', async () => {
    const advice = active.shift()!;
    const { body } = await evaluate({
      adviceId: advice.id,
      outcome: 'VERLENGD',
      extensionYears: 3,
    });
    expect(body.errors).toBeUndefined();
    const evaluated = body.data.evaluateAdvice;
    expect(evaluated.status).toBe('ACTIVE');
    expect(evaluated.extensions.at(-1).previousValidUntil).toBe(advice.validUntil);
    const years = Number(evaluated.validUntil.slice(0, 4)) - Number(advice.validUntil.slice(0, 4));
    expect(years).toBe(3);
    expect(evaluated.evaluations).toContainEqual({ outcome: 'VERLENGD', trigger: 'AANVRAAG_VDAB' });
  });

  it('extends the IMW a CMW brought along with the CMW', async () => {
    const [cmw] = await stack.database.db
      .select({ id: advices.id, validUntil: advices.validUntil })
      .from(advices)
      .innerJoin(relations, eq(relations.personId, advices.personId))
      .where(
        and(
          eq(relations.org, 'vdab'),
          eq(relations.purpose, 'INDICATION'),
          eq(advices.type, 'CMW'),
          eq(advices.status, 'ACTIVE'),
          gte(advices.validUntil, TODAY),
          notInArray(
            advices.id,
            active.slice(0, 8).map((advice) => advice.id),
          ),
        ),
      )
      .orderBy(asc(advices.id))
      .limit(1);
    const { body } = await evaluate({ adviceId: cmw.id, outcome: 'VERLENGD', extensionYears: 2 });
    expect(body.errors).toBeUndefined();
    const [imw] = await stack.database.db
      .select()
      .from(advices)
      .where(eq(advices.derivedFromId, cmw.id));
    expect(imw.validUntil).toBe(body.data.evaluateAdvice.validUntil);
  });

  it('revises the support intensity of the work support package', async () => {
    const [withPackage] = await stack.database.db
      .select({ adviceId: workSupportPackages.adviceId })
      .from(workSupportPackages)
      .where(
        inArray(
          workSupportPackages.adviceId,
          active.map((advice) => advice.id),
        ),
      )
      .orderBy(asc(workSupportPackages.adviceId))
      .limit(1);
    active = active.filter((advice) => advice.id !== withPackage.adviceId);
    const { body } = await evaluate({
      adviceId: withPackage.adviceId,
      outcome: 'INTENSITEIT_HERZIEN',
      intensity: 14,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.evaluateAdvice.status).toBe('ACTIVE');
    const [revised] = await stack.database.db
      .select()
      .from(workSupportPackages)
      .where(eq(workSupportPackages.adviceId, withPackage.adviceId));
    expect(revised.intensity).toBe(14);
  });

  it('converts an advice into one of another type, which supersedes it', async () => {
    const advice = active.shift()!;
    const [before] = await stack.database.db
      .select()
      .from(advices)
      .where(eq(advices.id, advice.id));
    const convertTo = before.type === 'IMW' ? 'CMW' : 'IMW';
    const { body } = await evaluate({
      adviceId: advice.id,
      outcome: 'OMGEZET_NAAR_ANDER_ADVIES',
      convertTo,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.evaluateAdvice).toMatchObject({ status: 'SUPERSEDED', endedAt: TODAY });
    const successors = await stack.database.db
      .select()
      .from(advices)
      .where(and(eq(advices.personId, before.personId), eq(advices.basis, 'WERKVLOEREVALUATIE')));
    expect(successors).toContainEqual(
      expect.objectContaining({ type: convertTo, status: 'ACTIVE', validFrom: TODAY }),
    );
  });

  it('ends an advice', async () => {
    const { body } = await evaluate({ adviceId: active.shift()!.id, outcome: 'BEEINDIGD' });
    expect(body.errors).toBeUndefined();
    expect(body.data.evaluateAdvice).toMatchObject({ status: 'ENDED', endedAt: TODAY });
  });

  it('refuses to evaluate an ended advice or one past its validity', async () => {
    const ended = active.shift()!.id;
    await evaluate({ adviceId: ended, outcome: 'BEEINDIGD' });
    const again = await evaluate({ adviceId: ended, outcome: 'VERLENGD', extensionYears: 1 });
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'ENDED',
    });
    const late = await evaluate({ adviceId: expired, outcome: 'VERLENGD', extensionYears: 1 });
    expect(late.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'EXPIRED',
    });
  });

  it.each([
    [{ outcome: 'VERLENGD' }, 'input.extensionYears'],
    [{ outcome: 'BEEINDIGD', extensionYears: 2 }, 'input.extensionYears'],
    [{ outcome: 'VERLENGD', extensionYears: 6 }, 'input.extensionYears'],
    [{ outcome: 'INTENSITEIT_HERZIEN' }, 'input.intensity'],
    [{ outcome: 'BEEINDIGD', intensity: 8 }, 'input.intensity'],
    [{ outcome: 'OMGEZET_NAAR_ANDER_ADVIES' }, 'input.convertTo'],
  ])('refuses %j, naming %s', async (input, field) => {
    const { body } = await evaluate({ adviceId: active[0].id, ...input });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('leaves evaluations to the indication consultants', async () => {
    const { body } = await evaluate(
      { adviceId: active[0].id, outcome: 'BEEINDIGD' },
      'vdab-mediator',
    );
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
