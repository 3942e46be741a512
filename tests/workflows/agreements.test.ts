import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';

import {
  actionPlans,
  agreementActions,
  agreementCoverage,
  collaborationAgreements as agreements,
} from '../../subgraphs/agreements/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The agreement lifecycle of DOMAIN B.2.4 and the status of yearly actions, kept by the Gent
 * regisseur (the monitor-gent persona) for the agreements that cover Gent.
 */
describe('agreement workflow', () => {
  let stack: TestStack;
  const TODAY = new Date().toISOString().slice(0, 10);
  let active: string[];

  const coveringGent = () =>
    stack.database.db
      .select({ id: agreementCoverage.agreementId })
      .from(agreementCoverage)
      .where(eq(agreementCoverage.municipalityNisCode, '44021'));

  beforeAll(async () => {
    stack = await startTestStack('small');
    active = (
      await stack.database.db
        .select({ id: agreements.id })
        .from(agreements)
        .where(and(eq(agreements.status, 'ACTIVE'), inArray(agreements.id, coveringGent())))
        .orderBy(asc(agreements.id))
    ).map((row) => row.id);
  });
  afterAll(() => stack?.stop());

  const moveAgreement = (agreementId: string, status: string, persona = 'monitor-gent') =>
    stack.query(
      `mutation($input: MoveCollaborationAgreementInput!) {
        moveCollaborationAgreement(input: $input) { id status signedAt }
      }`,
      { input: { agreementId, status } },
      { persona },
    );

  const storedAgreement = async (id: string) =>
    (await stack.database.db.select().from(agreements).where(eq(agreements.id, id)))[0];

  it.each([['RENEWED'], ['EXPIRED']])(
    'moves an active agreement to evaluation, then %s',
    async (end) => {
      const id = active.shift()!;
      for (const status of ['EVALUATION', end]) {
        const { body } = await moveAgreement(id, status);
        expect(body.errors).toBeUndefined();
        expect(body.data.moveCollaborationAgreement.status).toBe(status);
      }
    },
  );

  it.each([
    ['ACTIVE', 'SIGNED'],
    ['ACTIVE', 'EXPIRED'],
  ])('refuses %s → %s and changes nothing', async (_from, to) => {
    const id = active[0];
    const before = await storedAgreement(id);
    const { body } = await moveAgreement(id, to);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', to });
    expect(await storedAgreement(id)).toEqual(before);
  });

  it('signs a draft only once every rubric is written, then activates it', async () => {
    // No mutation drafts an agreement yet: the fixture turns one back into a draft.
    const id = active.pop()!;
    await stack.database.db
      .update(agreements)
      .set({ status: 'DRAFT', signedAt: null, taakverdeling: null })
      .where(eq(agreements.id, id));
    const early = await moveAgreement(id, 'SIGNED');
    expect(early.body.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(early.body.errors?.[0].message).toMatch(/taakverdeling/);

    await stack.database.db
      .update(agreements)
      .set({ taakverdeling: 'VDAB: bemiddeling; OCMW: activering' })
      .where(eq(agreements.id, id));
    const signed = await moveAgreement(id, 'SIGNED');
    expect(signed.body.errors).toBeUndefined();
    expect(signed.body.data.moveCollaborationAgreement).toMatchObject({
      status: 'SIGNED',
      signedAt: TODAY,
    });
    expect((await moveAgreement(id, 'ACTIVE')).body.data.moveCollaborationAgreement.status).toBe(
      'ACTIVE',
    );
  });

  it('lets only the regisseur of a covered municipality move an agreement', async () => {
    const coveringAntwerpen = stack.database.db
      .select({ id: agreementCoverage.agreementId })
      .from(agreementCoverage)
      .where(eq(agreementCoverage.municipalityNisCode, '11002'));
    const [gentOnly] = await stack.database.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(
        and(
          eq(agreements.status, 'ACTIVE'),
          inArray(agreements.id, coveringGent()),
          notInArray(agreements.id, coveringAntwerpen),
        ),
      )
      .limit(1);
    const antwerpen = await moveAgreement(gentOnly.id, 'EVALUATION', 'monitor-antwerpen');
    expect(antwerpen.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const ocmw = await moveAgreement(gentOnly.id, 'EVALUATION', 'ocmw-gent');
    expect(ocmw.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  describe('actions of the yearly plans', () => {
    const moveAction = (actionId: string, status: string) =>
      stack.query(
        `mutation($input: MoveAgreementActionInput!) { moveAgreementAction(input: $input) { id status } }`,
        { input: { actionId, status } },
        { persona: 'monitor-gent' },
      );

    const gentActions = (status: 'PLANNED' | 'DONE' | 'DELAYED' | 'IN_PROGRESS') =>
      stack.database.db
        .select({ id: agreementActions.id })
        .from(agreementActions)
        .innerJoin(actionPlans, eq(actionPlans.id, agreementActions.actionPlanId))
        .where(
          and(
            eq(agreementActions.status, status),
            inArray(actionPlans.agreementId, coveringGent()),
          ),
        )
        .orderBy(asc(agreementActions.id));

    it('moves a planned action through progress to done', async () => {
      const [{ id }] = await gentActions('PLANNED');
      for (const status of ['IN_PROGRESS', 'DELAYED', 'IN_PROGRESS', 'DONE']) {
        const { body } = await moveAction(id, status);
        expect({ status, errors: body.errors }).toEqual({ status, errors: undefined });
      }
    });

    it('refuses to reopen a finished action', async () => {
      const [{ id }] = await gentActions('DONE');
      const { body } = await moveAction(id, 'IN_PROGRESS');
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'DONE',
      });
    });

    it('cancels a delayed action', async () => {
      const [{ id }] = await gentActions('DELAYED');
      const { body } = await moveAction(id, 'CANCELLED');
      expect(body.data.moveAgreementAction.status).toBe('CANCELLED');
    });
  });
});
