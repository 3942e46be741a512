import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';

import { signPartnerToken } from '../../common/access/partner-token';
import { relations } from '../support/access-schema';
import { addDays } from '../../common/dates';
import {
  socialAssistanceRecords as records,
  trajectories,
  vdabRegistrations,
} from '../../subgraphs/persons/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The activation of a leefloon client (DOMAIN B.2.1) through the gateway: the OCMW registers its
 * client at VDAB under the client's mandate, decides the registration duty and exemptions (VDAB
 * never does), and hands the regie over warmly.
 */
describe('activation workflow', () => {
  let stack: TestStack;
  const TODAY = new Date().toISOString().slice(0, 10);
  /** Clients of OCMW Gent, with their assistance record. */
  let gentClients: { personId: string; recordId: string }[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    gentClients = await stack.database.db
      .select({ personId: records.personId, recordId: records.id })
      .from(records)
      .where(eq(records.ocmwNisCode, '44021'))
      .orderBy(asc(records.id));
  });
  afterAll(() => stack?.stop());

  const mutate = (
    mutation: string,
    input: Record<string, unknown>,
    headers: Record<string, string>,
  ) => stack.query(mutation, { input }, { headers });

  const as = async (persona: { sub: string; role: string; org: string }) => ({
    authorization: `Bearer ${await signPartnerToken(persona as never)}`,
  });
  const ocmwGent = () =>
    as({ sub: 'ocmw-gent-sw-1', role: 'OCMW_SOCIAL_WORKER', org: 'ocmw:44021' });

  const runningGentTrajectories = () =>
    stack.database.db
      .select({ id: trajectories.id, regie: trajectories.regie })
      .from(trajectories)
      .where(
        and(
          inArray(
            trajectories.personId,
            gentClients.map((client) => client.personId),
          ),
          isNull(trajectories.endedAt),
        ),
      )
      .orderBy(asc(trajectories.id));

  describe('registration at VDAB', () => {
    const register = async (personId: string, headers?: Record<string, string>) =>
      mutate(
        `mutation($input: RegisterAtVdabInput!) { registerAtVdab(input: $input) { id category registered since } }`,
        { personId },
        headers ?? (await ocmwGent()),
      );

    it('needs the client’s mandate, then registers in category 05 and opens the file to VDAB', async () => {
      const registered = stack.database.db
        .select({ personId: vdabRegistrations.personId })
        .from(vdabRegistrations)
        .where(isNull(vdabRegistrations.until));
      const [client] = await stack.database.db
        .select({ personId: records.personId })
        .from(records)
        .where(and(eq(records.ocmwNisCode, '44021'), notInArray(records.personId, registered)))
        .limit(1);
      const refused = await register(client.personId);
      expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(refused.body.errors?.[0].message).toMatch(/OCMW_INSCHRIJVINGSMANDAAT/);

      const citizen = await as({ sub: client.personId, role: 'CITIZEN', org: 'citizen' });
      const mandate = await mutate(
        `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
        {
          type: 'OCMW_INSCHRIJVINGSMANDAAT',
          grantedTo: 'ocmw:44021',
          scope: 'Registration at VDAB',
        },
        citizen,
      );
      expect(mandate.body.errors).toBeUndefined();

      const before = await stack.query(
        `{ person(id: "${client.personId}") { id } }`,
        {},
        { persona: 'vdab-mediator' },
      );
      expect(before.body.data.person).toBeNull();
      const { body } = await register(client.personId);
      expect(body.errors).toBeUndefined();
      expect(body.data.registerAtVdab).toMatchObject({
        category: 'CAT_05_OCMW',
        registered: true,
        since: TODAY,
      });
      const after = await stack.query(
        `{ person(id: "${client.personId}") { id } }`,
        {},
        { persona: 'vdab-mediator' },
      );
      expect(after.body.data.person).toEqual({ id: client.personId });

      const again = await register(client.personId);
      expect(again.body.errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('is the OCMW’s to do: VDAB cannot register a client this way', async () => {
      const { body } = await register(
        gentClients[0].personId,
        await as({ sub: 'vdab-mediator-1', role: 'VDAB_MEDIATOR', org: 'vdab' }),
      );
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('registration duty and exemptions', () => {
    const decide = async (input: Record<string, unknown>, headers?: Record<string, string>) =>
      mutate(
        `mutation($input: DecideRegistrationDutyInput!) {
          decideRegistrationDuty(input: $input) { id registrationDuty exemptionReason exemptionReviewDue }
        }`,
        { recordId: gentClients[0].recordId, ...input },
        headers ?? (await ocmwGent()),
      );

    it('exempts with a reason and a yearly review, and lifts the exemption again', async () => {
      const reviewDue = addDays(TODAY, 180);
      const exempt = await decide({
        registrationDuty: 'VRIJGESTELD',
        exemptionReason: 'GEZONDHEID',
        exemptionReviewDue: reviewDue,
      });
      expect(exempt.body.errors).toBeUndefined();
      expect(exempt.body.data.decideRegistrationDuty).toMatchObject({
        registrationDuty: 'VRIJGESTELD',
        exemptionReason: 'GEZONDHEID',
        exemptionReviewDue: reviewDue,
      });
      const duty = await decide({ registrationDuty: 'VERPLICHT' });
      expect(duty.body.data.decideRegistrationDuty).toMatchObject({
        registrationDuty: 'VERPLICHT',
        exemptionReason: null,
        exemptionReviewDue: null,
      });
    });

    it.each([
      [
        { registrationDuty: 'VRIJGESTELD', exemptionReviewDue: '2099-01-01' },
        'input.exemptionReason',
      ],
      [{ registrationDuty: 'VERPLICHT', exemptionReason: 'BILLIJKHEID' }, 'input.exemptionReason'],
      [
        {
          registrationDuty: 'VRIJGESTELD',
          exemptionReason: 'BILLIJKHEID',
          exemptionReviewDue: '2099-01-01',
        },
        'input.exemptionReviewDue',
      ],
    ])('refuses %j, naming %s', async (input, field) => {
      const { body } = await decide(input);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('leaves it to the client’s own OCMW: never VDAB, never another OCMW', async () => {
      const vdab = await decide(
        { registrationDuty: 'VERPLICHT' },
        await as({ sub: 'vdab-mediator-1', role: 'VDAB_MEDIATOR', org: 'vdab' }),
      );
      expect(vdab.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const antwerpen = await decide(
        { registrationDuty: 'VERPLICHT' },
        await as({ sub: 'ocmw-antwerpen-sw-1', role: 'OCMW_SOCIAL_WORKER', org: 'ocmw:11002' }),
      );
      expect(antwerpen.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('warm handover', () => {
    const handOver = async (trajectoryId: string, toRegie: string) =>
      mutate(
        `mutation($input: HandOverRegieInput!) { handOverRegie(input: $input) { id regie } }`,
        { trajectoryId, toRegie, note: 'Warm handover in the overlegforum' },
        await ocmwGent(),
      );

    it('moves the regie to the other side and back, never to the side that holds it', async () => {
      const [running] = await runningGentTrajectories();
      const other = running.regie === 'OCMW' ? 'VDAB' : 'OCMW';
      const moved = await handOver(running.id, other);
      expect(moved.body.errors).toBeUndefined();
      expect(moved.body.data.handOverRegie).toEqual({ id: running.id, regie: other });
      const same = await handOver(running.id, other);
      expect(same.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: other,
        to: other,
      });
      const back = await handOver(running.id, running.regie);
      expect(back.body.data.handOverRegie.regie).toBe(running.regie);
    });

    const end = async (trajectoryId: string, endDate: string) =>
      mutate(
        `mutation($input: EndTrajectoryInput!) { endTrajectory(input: $input) { id endedAt } }`,
        { trajectoryId, endDate },
        await ocmwGent(),
      );

    it('ends a trajectory once, not before it started', async () => {
      const [running] = (await runningGentTrajectories()).slice(-2, -1);
      const early = await end(running.id, '2000-01-01');
      expect(early.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.endDate',
      });
      const ended = await end(running.id, TODAY);
      expect(ended.body.data.endTrajectory).toEqual({ id: running.id, endedAt: TODAY });
      const again = await end(running.id, TODAY);
      expect(again.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ENDED',
      });
    });

    it('starts a trajectory for a client without one, one at a time', async () => {
      const withRunning = new Set(
        (
          await stack.database.db
            .select({ personId: trajectories.personId })
            .from(trajectories)
            .where(isNull(trajectories.endedAt))
        ).map((row) => row.personId),
      );
      const client = gentClients.find((c) => !withRunning.has(c.personId))!;
      const start = async () =>
        mutate(
          `mutation($input: StartTrajectoryInput!) { startTrajectory(input: $input) { id regie startedAt endedAt } }`,
          { personId: client.personId, regie: 'OCMW' },
          await ocmwGent(),
        );
      const started = await start();
      expect(started.body.errors).toBeUndefined();
      expect(started.body.data.startTrajectory).toMatchObject({
        regie: 'OCMW',
        startedAt: TODAY,
        endedAt: null,
      });
      const second = await start();
      expect(second.body.errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('refuses a handover on an ended trajectory', async () => {
      const [running] = (await runningGentTrajectories()).slice(-1);
      expect((await end(running.id, TODAY)).body.errors).toBeUndefined();
      const { body } = await handOver(running.id, running.regie === 'OCMW' ? 'VDAB' : 'OCMW');
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ENDED',
      });
    });
  });

  describe('transmissions', () => {
    const vdab = () => as({ sub: 'vdab-mediator-1', role: 'VDAB_MEDIATOR', org: 'vdab' });

    const send = async (trajectoryId: string, headers?: Record<string, string>) =>
      mutate(
        `mutation($input: SendTransmissionInput!) { sendTransmission(input: $input) { id kind ocmwFeedback } }`,
        {
          trajectoryId,
          kind: 'NIET_NAKOMEN_AFSPRAKEN',
          description: 'Drie afspraken bij de trajectbegeleider gemist.',
        },
        headers ?? (await vdab()),
      );

    const answer = async (
      transmissionId: string,
      feedback: string,
      headers?: Record<string, string>,
    ) =>
      mutate(
        `mutation($input: AnswerTransmissionInput!) { answerTransmission(input: $input) { id ocmwFeedback feedbackAt } }`,
        { transmissionId, feedback },
        headers ?? (await ocmwGent()),
      );

    /** A running trajectory of an OCMW Gent client whom VDAB guides too. */
    async function sharedTrajectory(): Promise<string> {
      const guided = stack.database.db
        .select({ personId: relations.personId })
        .from(relations)
        .where(and(eq(relations.org, 'vdab'), eq(relations.purpose, 'TRAJECTORY_GUIDANCE')));
      const [trajectory] = await stack.database.db
        .select({ id: trajectories.id })
        .from(trajectories)
        .where(
          and(
            inArray(
              trajectories.personId,
              gentClients.map((client) => client.personId),
            ),
            inArray(trajectories.personId, guided),
            isNull(trajectories.endedAt),
          ),
        )
        .limit(1);
      return trajectory.id;
    }

    it('is sent by VDAB and answered once by the OCMW, with its feedback', async () => {
      const sent = await send(await sharedTrajectory());
      expect(sent.body.errors).toBeUndefined();
      const id = sent.body.data.sendTransmission.id;
      expect(sent.body.data.sendTransmission.ocmwFeedback).toBeNull();

      const feedback = 'Gesprek met cliënt gehad; nieuwe afspraken gemaakt.';
      const answered = await answer(id, feedback);
      expect(answered.body.errors).toBeUndefined();
      expect(answered.body.data.answerTransmission).toMatchObject({
        ocmwFeedback: feedback,
        feedbackAt: TODAY,
      });

      const again = await answer(id, feedback);
      expect(again.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'ANSWERED',
      });
    });

    it('needs real feedback, from the client’s own OCMW, and is VDAB’s to send', async () => {
      const trajectoryId = await sharedTrajectory();
      const id = (await send(trajectoryId)).body.data.sendTransmission.id;
      const short = await answer(id, 'ok');
      expect(short.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.feedback',
      });
      const other = await answer(
        id,
        'Gesprek met cliënt gehad; nieuwe afspraken gemaakt.',
        await as({ sub: 'ocmw-antwerpen-sw-1', role: 'OCMW_SOCIAL_WORKER', org: 'ocmw:11002' }),
      );
      expect(other.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const byOcmw = await send(trajectoryId, await ocmwGent());
      expect(byOcmw.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('trajectory actions', () => {
    const add = async (input: Record<string, unknown>, headers?: Record<string, string>) =>
      mutate(
        `mutation($input: AddTrajectoryActionInput!) { addTrajectoryAction(input: $input) { id outcome } }`,
        { instrument: 'BVS', provider: 'Maatwerkbedrijf Gent', startDate: TODAY, ...input },
        headers ?? (await ocmwGent()),
      );
    const end = async (actionId: string, outcome: string, endDate = TODAY) =>
      mutate(
        `mutation($input: EndTrajectoryActionInput!) { endTrajectoryAction(input: $input) { id outcome endDate } }`,
        { actionId, outcome, endDate },
        await ocmwGent(),
      );

    const started = async () => {
      const [trajectory] = await runningGentTrajectories();
      const { body } = await add({ trajectoryId: trajectory.id });
      expect(body.errors).toBeUndefined();
      return body.data.addTrajectoryAction;
    };

    it.each(['COMPLETED', 'STOPPED_EARLY', 'NOT_STARTED'])(
      'adds an ongoing action and ends it %s, once',
      async (outcome) => {
        const action = await started();
        expect(action).toMatchObject({
          outcome: 'ONGOING',
          id: expect.stringMatching(/^TA-\d{7}$/),
        });
        const ended = await end(action.id, outcome);
        expect(ended.body.data.endTrajectoryAction).toEqual({
          id: action.id,
          outcome,
          endDate: TODAY,
        });
        const again = await end(action.id, 'COMPLETED');
        expect(again.body.errors?.[0].extensions).toMatchObject({
          code: 'INVALID_TRANSITION',
          from: outcome,
        });
      },
    );

    it('refuses dates before the start, and employers', async () => {
      const [trajectory] = await runningGentTrajectories();
      const early = await add({ trajectoryId: trajectory.id, startDate: '2000-01-01' });
      expect(early.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.startDate',
      });
      const action = await started();
      const endEarly = await end(action.id, 'COMPLETED', '2000-01-01');
      expect(endEarly.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.endDate',
      });
      const employer = await add(
        { trajectoryId: trajectory.id },
        await as({ sub: 'employer-1-hr', role: 'EMPLOYER', org: 'employer:E-000001' }),
      );
      expect(employer.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
