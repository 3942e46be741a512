import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';

import { relations } from '../support/access-schema';
import { addDays } from '../../common/dates';
import {
  persons,
  sanctions,
  socialAssistanceRecords as records,
} from '../../subgraphs/persons/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The OCMW's side of a leefloon client (DOMAIN B.2.1) through the gateway: assistance granted,
 * the client lifecycle, and sanctions. Only the OCMW writes them; VDAB never does (B.4).
 */
describe('social assistance workflow', () => {
  let stack: TestStack;
  const TODAY = new Date().toISOString().slice(0, 10);
  /** Residents of Gent without assistance from OCMW Gent. */
  let newcomers: string[];
  /** Residents of Gent with a kind of assistance they do not receive from OCMW Gent yet. */
  let openings: { personId: string; type: string }[];

  beforeAll(async () => {
    stack = await startTestStack('small');
    const clients = stack.database.db
      .select({ personId: records.personId })
      .from(records)
      .where(eq(records.ocmwNisCode, '44021'));
    newcomers = (
      await stack.database.db
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.residenceNisCode, '44021'), notInArray(persons.id, clients)))
        .orderBy(asc(persons.id))
    ).map((row) => row.id);
    const residents = await stack.database.db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.residenceNisCode, '44021'))
      .orderBy(asc(persons.id));
    const taken = await stack.database.db
      .select({ personId: records.personId, type: records.type })
      .from(records)
      .where(eq(records.ocmwNisCode, '44021'));
    const takenKeys = new Set(taken.map((row) => `${row.personId}|${row.type}`));
    openings = ['MAATSCHAPPELIJKE_HULP', 'RMI_TEWERKSTELLING', 'EQUIVALENT_LEEFLOON']
      .flatMap((type) => residents.map((resident) => ({ personId: resident.id, type })))
      .filter((opening) => !takenKeys.has(`${opening.personId}|${opening.type}`));
  });
  afterAll(() => stack?.stop());

  const RECORD = 'id clientStatus registrationDuty';
  const grant = (personId: string, persona = 'ocmw-gent', type = 'LEEFLOON') =>
    stack.query(
      `mutation($input: GrantSocialAssistanceInput!) { grantSocialAssistance(input: $input) { ${RECORD} } }`,
      { input: { personId, type, gpmi: true } },
      { persona },
    );
  const move = (recordId: string, status: string, persona = 'ocmw-gent') =>
    stack.query(
      `mutation($input: MoveClientInput!) { moveClient(input: $input) { ${RECORD} } }`,
      { input: { recordId, status } },
      { persona },
    );
  const decideDuty = (recordId: string, exempt: boolean) =>
    stack.query(
      `mutation($input: DecideRegistrationDutyInput!) { decideRegistrationDuty(input: $input) { id } }`,
      {
        input: exempt
          ? {
              recordId,
              registrationDuty: 'VRIJGESTELD',
              exemptionReason: 'GEZONDHEID',
              exemptionReviewDue: addDays(TODAY, 180),
            }
          : { recordId, registrationDuty: 'VERPLICHT' },
      },
      { persona: 'ocmw-gent' },
    );
  const sanction = (input: Record<string, unknown>, persona = 'ocmw-gent') =>
    stack.query(
      `mutation($input: ImposeSanctionInput!) { imposeSanction(input: $input) { id kind imposedAt until } }`,
      {
        input: {
          kind: 'SCHORSING_LEEFLOON',
          until: addDays(TODAY, 30),
          motivation: 'Herhaaldelijk afspraken niet nagekomen na verwittiging.',
          ...input,
        },
      },
      { persona },
    );

  const stored = async (id: string) =>
    (await stack.database.db.select().from(records).where(eq(records.id, id)))[0];

  /** A new client of OCMW Gent, moved through `path`. */
  async function clientAt(path: string[]) {
    const opening = openings.shift()!;
    const { body } = await grant(opening.personId, 'ocmw-gent', opening.type);
    expect(body.errors).toBeUndefined();
    const id = body.data.grantSocialAssistance.id;
    for (const status of path) {
      if (status === 'EXEMPT') await decideDuty(id, true);
      if (status === 'REGISTRATION_REQUIRED') await decideDuty(id, false);
      const moved = await move(id, status);
      expect({ status, errors: moved.body.errors }).toEqual({ status, errors: undefined });
    }
    return id;
  }

  it('grants assistance to a resident, opening the file to the OCMW', async () => {
    const personId = newcomers[0];
    const { body } = await grant(personId);
    newcomers.shift();
    expect(body.errors).toBeUndefined();
    expect(body.data.grantSocialAssistance).toMatchObject({
      clientStatus: 'RMI_GRANTED',
      registrationDuty: 'VERPLICHT',
    });
    const opened = await stack.database.db
      .select()
      .from(relations)
      .where(
        and(
          eq(relations.personId, personId),
          eq(relations.org, 'ocmw:44021'),
          isNull(relations.validUntil),
        ),
      );
    expect(opened).toHaveLength(1);
    const again = await grant(personId);
    expect(again.body.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('leaves assistance to the OCMW of the residence, and never to VDAB', async () => {
    const personId = newcomers[0];
    expect((await grant(personId, 'ocmw-antwerpen')).body.errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await grant(personId, 'vdab-mediator')).body.errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const written = await stack.database.db
      .select()
      .from(records)
      .where(eq(records.personId, personId));
    expect(written).toEqual([]);
  });

  it('moves a client from investigation through registration and trajectory to work and exit', async () => {
    const id = await clientAt([
      'SOCIAL_INVESTIGATION',
      'REGISTRATION_REQUIRED',
      'REGISTERED_VDAB',
      'IN_TRAJECTORY',
      'TWE_OCMW',
      'WORK',
      'EXIT',
    ]);
    const record = await stored(id);
    expect(record).toMatchObject({ clientStatus: 'EXIT', endedAt: TODAY });
    expect(record.lastSocialInvestigation).toBe(TODAY);
    const [relation] = await stack.database.db
      .select()
      .from(relations)
      .where(eq(relations.source, `social_assistance:${id}`));
    expect(relation.validUntil).toBe(TODAY);
  });

  it('takes an exempt client to registration once the duty is decided again', async () => {
    const id = await clientAt(['SOCIAL_INVESTIGATION', 'EXEMPT', 'REGISTRATION_REQUIRED']);
    expect((await stored(id)).clientStatus).toBe('REGISTRATION_REQUIRED');
  });

  it('takes a non-compliant client back into the trajectory, or out', async () => {
    const path = ['SOCIAL_INVESTIGATION', 'REGISTRATION_REQUIRED', 'REGISTERED_VDAB'];
    const back = await clientAt([...path, 'IN_TRAJECTORY', 'NON_COMPLIANCE', 'IN_TRAJECTORY']);
    expect((await stored(back)).clientStatus).toBe('IN_TRAJECTORY');
    const out = await clientAt([...path, 'IN_TRAJECTORY', 'NON_COMPLIANCE', 'EXIT']);
    expect((await stored(out)).clientStatus).toBe('EXIT');
  });

  it.each([
    [[], 'IN_TRAJECTORY'],
    [['SOCIAL_INVESTIGATION'], 'WORK'],
    [['SOCIAL_INVESTIGATION', 'REGISTRATION_REQUIRED'], 'TWE_OCMW'],
    [['EXIT'], 'SOCIAL_INVESTIGATION'],
  ])('refuses after %j the move to %s and changes nothing', async (path, to) => {
    const id = await clientAt(path);
    const before = await stored(id);
    const { body } = await move(id, to);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', to });
    expect(await stored(id)).toEqual(before);
  });

  it('refuses EXEMPT while the duty to register stands', async () => {
    const id = await clientAt(['SOCIAL_INVESTIGATION']);
    const { body } = await move(id, 'EXEMPT');
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'SOCIAL_INVESTIGATION',
      to: 'EXEMPT',
    });
  });

  it('lets only the OCMW move its own client', async () => {
    const id = await clientAt([]);
    expect(
      (await move(id, 'SOCIAL_INVESTIGATION', 'vdab-mediator')).body.errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await move(id, 'SOCIAL_INVESTIGATION', 'ocmw-antwerpen')).body.errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
  });

  describe('sanctions', () => {
    it('suspends the leefloon until a date', async () => {
      const recordId = await clientAt(['SOCIAL_INVESTIGATION']);
      const { body } = await sanction({ recordId });
      expect(body.errors).toBeUndefined();
      expect(body.data.imposeSanction).toMatchObject({
        kind: 'SCHORSING_LEEFLOON',
        imposedAt: TODAY,
        until: addDays(TODAY, 30),
      });
    });

    it.each([
      [{ until: null }, 'input.until'],
      [{ until: addDays(new Date().toISOString().slice(0, 10), 200) }, 'input.until'],
      [{ motivation: 'Te kort.' }, 'input.motivation'],
      [{ transmissionId: 'TR-999999' }, 'input.transmissionId'],
    ])('refuses %j, naming %s, and writes nothing', async (input, field) => {
      const recordId = await clientAt([]);
      const { body } = await sanction({ recordId, ...input });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const written = await stack.database.db
        .select()
        .from(sanctions)
        .where(eq(sanctions.recordId, recordId));
      expect(written).toEqual([]);
    });

    it('refuses a sanction from VDAB, from another OCMW, and on an ended record', async () => {
      const recordId = await clientAt(['EXIT']);
      expect((await sanction({ recordId }, 'vdab-mediator')).body.errors?.[0].extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await sanction({ recordId }, 'ocmw-antwerpen')).body.errors?.[0].extensions.code,
      ).toBe('NOT_FOUND');
      expect((await sanction({ recordId })).body.errors?.[0].extensions.code).toBe(
        'INVALID_TRANSITION',
      );
    });
  });
});
