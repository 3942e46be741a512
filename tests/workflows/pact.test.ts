import { and, eq } from 'drizzle-orm';

import { activationPactParticipations, municipalities } from '../../subgraphs/agreements/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The local activation pact (DOMAIN B.2.4) administered by the department, and its settlement
 * (B.5): reproduces the worked example — RMI 1,000 + UKR 400 against a Flemish 57,813 gives a
 * maximum of about €242,161; 300 activations against a floor of 225 pay €75,000.
 */
describe('activation pact workflow', () => {
  let stack: TestStack;
  const YEAR = 2024;

  /** Municipalities the cases below may call to the pact, one each. */
  let others: string[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    others = (
      await stack.database.db.select({ nisCode: municipalities.nisCode }).from(municipalities)
    )
      .map((m) => m.nisCode)
      .filter((nisCode) => !['44021', '11002', '23002', '44083'].includes(nisCode));
    // A year without the seeded participations, so the drawing rights are the example's.
    await stack.database.db
      .delete(activationPactParticipations)
      .where(eq(activationPactParticipations.year, YEAR));
  });
  afterAll(() => stack?.stop());

  const FIELDS = 'id status floor maxAmountCents activatedRegistered eligible payoutCents';

  const invite = (input: Record<string, unknown>, persona = 'department-analyst') =>
    stack.query(
      `mutation($input: InvitePactParticipationInput!) { invitePactParticipation(input: $input) { ${FIELDS} } }`,
      { input: { year: YEAR, ...input } },
      { persona },
    );

  const move = (participationId: string, status: string, extra: Record<string, unknown> = {}) =>
    stack.query(
      `mutation($input: MovePactParticipationInput!) { movePactParticipation(input: $input) { ${FIELDS} } }`,
      { input: { participationId, status, ...extra } },
      { persona: 'department-analyst' },
    );

  const STEPS: [string, Record<string, unknown>][] = [
    ['CONFIRMED', {}],
    ['PLAN_ALIGNED', { inSoActionPlan: true }],
    ['RESULT_PERIOD', {}],
    ['REPORTED', { activatedRegistered: 300, councilReportAt: '2025-12-01' }],
    ['SETTLED', {}],
    ['PAID', {}],
  ];

  let gent: string;

  /** A small participation of another municipality, walked to `status`. */
  async function participationAt(status: string): Promise<string> {
    const { body } = await invite({
      municipalityNisCode: others.shift(),
      rmiCount: 10,
      ukrCount: 0,
      leefloonBase: 10,
    });
    const id = body.data.invitePactParticipation.id;
    for (const [step, extra] of STEPS.slice(0, STEPS.findIndex(([s]) => s === status) + 1)) {
      expect((await move(id, step, extra)).body.errors).toBeUndefined();
    }
    return id;
  }

  const stored = async (id: string) =>
    (
      await stack.database.db
        .select()
        .from(activationPactParticipations)
        .where(eq(activationPactParticipations.id, id))
    )[0];

  it('settles the worked example of B.5 through the API', async () => {
    const first = await invite({
      municipalityNisCode: '44021',
      rmiCount: 1000,
      ukrCount: 400,
      leefloonBase: 1000,
    });
    expect(first.body.errors).toBeUndefined();
    gent = first.body.data.invitePactParticipation.id;
    expect(first.body.data.invitePactParticipation).toMatchObject({
      status: 'INVITED',
      floor: 225,
      maxAmountCents: 1_000_000_000, // alone in the pact, so far
    });
    // The rest of Flanders: 40,756 RMI and 17,057 displaced persons in all.
    const rest = await invite({
      municipalityNisCode: '11002',
      rmiCount: 40_756 - 1000,
      ukrCount: 17_057 - 400,
      leefloonBase: 30_000,
    });
    expect(rest.body.errors).toBeUndefined();

    let last: any;
    for (const [status, extra] of STEPS) {
      const { body } = await move(gent, status, extra);
      expect({ status, errors: body.errors }).toEqual({ status, errors: undefined });
      last = body.data.movePactParticipation;
    }
    expect(Math.round(last.maxAmountCents / 100)).toBeGreaterThanOrEqual(242_160);
    expect(Math.round(last.maxAmountCents / 100)).toBeLessThanOrEqual(242_161);
    expect(last).toMatchObject({
      status: 'PAID',
      floor: 225,
      activatedRegistered: 300,
      eligible: 75,
      payoutCents: 7_500_000,
    });
  });

  it('shares a declining government’s drawing right among the others', async () => {
    const antwerpen = async () =>
      (
        await stack.database.db
          .select()
          .from(activationPactParticipations)
          .where(
            and(
              eq(activationPactParticipations.municipalityNisCode, '11002'),
              eq(activationPactParticipations.year, YEAR),
            ),
          )
      )[0];
    const before = (await antwerpen()).maxAmountCents!;
    const { body } = await invite({
      municipalityNisCode: '23002',
      rmiCount: 5000,
      ukrCount: 0,
      leefloonBase: 4000,
    });
    const added = body.data.invitePactParticipation.id;
    expect((await antwerpen()).maxAmountCents!).toBeLessThan(before);
    const declined = await move(added, 'DECLINED');
    expect(declined.body.data.movePactParticipation).toMatchObject({
      status: 'DECLINED',
      maxAmountCents: null,
    });
    expect((await antwerpen()).maxAmountCents!).toBe(before);
  });

  it.each(['CONFIRMED', 'PLAN_ALIGNED'])('lets a government decline once %s', async (from) => {
    const id = await participationAt(from);
    const declined = await move(id, 'DECLINED');
    expect(declined.body.errors).toBeUndefined();
    expect(declined.body.data.movePactParticipation.status).toBe('DECLINED');
  });

  it.each([
    ['INVITED', 'SETTLED'],
    ['INVITED', 'PAID'],
    ['RESULT_PERIOD', 'DECLINED'],
    ['REPORTED', 'PAID'],
  ])('refuses %s → %s and changes nothing', async (from, to) => {
    const id = await participationAt(from);
    const before = await stored(id);
    const refused = await move(id, to);
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from,
      to,
    });
    expect(await stored(id)).toEqual(before);
  });

  it.each([
    ['a report without its figures', () => move(gent, 'REPORTED'), 'input.activatedRegistered'],
    [
      'a year without a pact',
      () =>
        invite({
          municipalityNisCode: '44083',
          year: 2025,
          rmiCount: 1,
          ukrCount: 0,
          leefloonBase: 1,
        }),
      'input.year',
    ],
    [
      'a negative count',
      () => invite({ municipalityNisCode: '44083', rmiCount: -1, ukrCount: 0, leefloonBase: 1 }),
      'input.rmiCount',
    ],
  ])('refuses %s, naming the field', async (_case, send, field) => {
    const { body } = await send();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a municipality that does not exist', async () => {
    const { body } = await invite({
      municipalityNisCode: '99999',
      rmiCount: 1,
      ukrCount: 0,
      leefloonBase: 1,
    });
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('leaves the pact to the department', async () => {
    const { body } = await invite(
      { municipalityNisCode: '44083', rmiCount: 1, ukrCount: 0, leefloonBase: 1 },
      'monitor-gent',
    );
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
