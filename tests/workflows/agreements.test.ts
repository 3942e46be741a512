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

  const RUBRICS = {
    omgevingsanalyse: 'Analyse van leefloongerechtigden en werkzoekenden in Gent en Merelbeke.',
    doelstellingen: 'Meer leefloongerechtigden bereiken en inschrijven bij VDAB.',
    acties: 'Het jaarlijkse actieplan met trekkers en timing.',
    indicatorenStreefcijfers: 'Bereik bij VDAB en uitstroom naar werk na één jaar.',
  };
  const draft = (input: Record<string, unknown> = {}, persona = 'monitor-gent') =>
    stack.query(
      `mutation($input: DraftCollaborationAgreementInput!) {
        draftCollaborationAgreement(input: $input) { id status signedAt }
      }`,
      {
        input: {
          type: 'SO_VDAB_LOKAAL_BESTUUR',
          title: 'Samenwerkingsovereenkomst VDAB – Gent en Merelbeke 2026-2031',
          periodStart: '2026-01-01',
          periodEnd: '2031-12-31',
          targetGroups: ['LEEFLOON_EQ', 'NBAZU'],
          municipalityNisCodes: ['44021', '44043'],
          ...RUBRICS,
          ...input,
        },
      },
      { persona },
    );
  const writeRubrics = (agreementId: string, rubrics: Record<string, string>) =>
    stack.query(
      `mutation($input: WriteAgreementRubricsInput!) { writeAgreementRubrics(input: $input) { id rubrics { taakverdeling } } }`,
      { input: { agreementId, ...rubrics } },
      { persona: 'monitor-gent' },
    );

  it('drafts an agreement with its parties, signs it once every rubric is written, then activates it', async () => {
    const drafted = await draft();
    expect(drafted.body.errors).toBeUndefined();
    const id = drafted.body.data.draftCollaborationAgreement.id;
    expect(drafted.body.data.draftCollaborationAgreement).toMatchObject({
      status: 'DRAFT',
      signedAt: null,
    });
    const covered = await stack.database.db
      .select({ nisCode: agreementCoverage.municipalityNisCode })
      .from(agreementCoverage)
      .where(eq(agreementCoverage.agreementId, id));
    expect(covered.map((row) => row.nisCode).sort()).toEqual(['44021', '44043']);

    const early = await moveAgreement(id, 'SIGNED');
    expect(early.body.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(early.body.errors?.[0].message).toMatch(/taakverdeling/);

    const written = await writeRubrics(id, {
      taakverdeling: 'VDAB: bemiddeling; OCMW: activering van leefloongerechtigden.',
    });
    expect(written.body.errors).toBeUndefined();
    const signed = await moveAgreement(id, 'SIGNED');
    expect(signed.body.errors).toBeUndefined();
    expect(signed.body.data.moveCollaborationAgreement).toMatchObject({
      status: 'SIGNED',
      signedAt: TODAY,
    });
    const frozen = await writeRubrics(id, { acties: 'Een ander actieplan, na de ondertekening.' });
    expect(frozen.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'SIGNED',
    });
    expect((await moveAgreement(id, 'ACTIVE')).body.data.moveCollaborationAgreement.status).toBe(
      'ACTIVE',
    );
  });

  it.each([
    [{ type: 'WERKINGSKADER' }, 'input.type'],
    [{ periodEnd: '2040-12-31' }, 'input.periodEnd'],
    [{ periodEnd: '2025-12-31' }, 'input.periodEnd'],
    [{ municipalityNisCodes: ['44043'] }, 'input.municipalityNisCodes'],
    [{ municipalityNisCodes: ['44021', '99999'] }, 'input.municipalityNisCodes'],
    [{ omgevingsanalyse: 'Kort.' }, 'input.omgevingsanalyse'],
  ])('refuses the draft %j, naming %s, and writes nothing', async (input, field) => {
    const before = await stack.database.db.$count(agreements);
    const { body } = await draft(input);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.database.db.$count(agreements)).toBe(before);
  });

  it('leaves drafting to the regisseur', async () => {
    expect((await draft({}, 'ocmw-gent')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
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

    const addPlan = (agreementId: string, year: number) =>
      stack.query(
        `mutation($input: AddActionPlanInput!) { addActionPlan(input: $input) { id year } }`,
        { input: { agreementId, year, published: true } },
        { persona: 'monitor-gent' },
      );
    const addAction = (actionPlanId: string, input: Record<string, unknown> = {}) =>
      stack.query(
        `mutation($input: AddAgreementActionInput!) { addAgreementAction(input: $input) { id status owner deadline } }`,
        {
          input: {
            actionPlanId,
            title: 'Warme overdracht OCMW–VDAB inplannen',
            owner: 'OCMW-dienst activering',
            deadline: '2026-06-30',
            targetGroup: 'LEEFLOON_EQ',
            ...input,
          },
        },
        { persona: 'monitor-gent' },
      );

    it('adds the plan of a year and its actions, owner and deadline, to a running agreement', async () => {
      const drafted = await draft({ taakverdeling: 'VDAB bemiddelt; het OCMW activeert.' });
      const id = drafted.body.data.draftCollaborationAgreement.id;
      const onDraft = await addPlan(id, 2026);
      expect(onDraft.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'DRAFT',
      });
      await moveAgreement(id, 'SIGNED');
      await moveAgreement(id, 'ACTIVE');
      const outside = await addPlan(id, 2035);
      expect(outside.body.errors?.[0].extensions).toMatchObject({ field: 'input.year' });
      const plan = await addPlan(id, 2026);
      expect(plan.body.errors).toBeUndefined();
      expect((await addPlan(id, 2026)).body.errors?.[0].extensions.code).toBe('CONFLICT');

      const planId = plan.body.data.addActionPlan.id;
      const late = await addAction(planId, { deadline: '2027-02-01' });
      expect(late.body.errors?.[0].extensions).toMatchObject({ field: 'input.deadline' });
      const noOwner = await addAction(planId, { owner: ' ' });
      expect(noOwner.body.errors?.[0].extensions).toMatchObject({ field: 'input.owner' });
      const action = await addAction(planId);
      expect(action.body.errors).toBeUndefined();
      expect(action.body.data.addAgreementAction).toMatchObject({
        status: 'PLANNED',
        owner: 'OCMW-dienst activering',
        deadline: '2026-06-30',
      });
      const started = await moveAction(action.body.data.addAgreementAction.id, 'IN_PROGRESS');
      expect(started.body.data.moveAgreementAction.status).toBe('IN_PROGRESS');
    });

    it('cancels a delayed action', async () => {
      const [{ id }] = await gentActions('DELAYED');
      const { body } = await moveAction(id, 'CANCELLED');
      expect(body.data.moveAgreementAction.status).toBe('CANCELLED');
    });
  });
});
