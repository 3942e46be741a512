import { startTestStack, type TestStack } from '../support/stack';

/** Introspection shows each role only the types and fields it may ever read (issue 3, item 4). */
describe('introspection per role', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  async function fieldsOf(persona: string, type: string): Promise<string[] | null> {
    const { body } = await stack.query(
      `query($type: String!) { __type(name: $type) { fields { name } } }`,
      { type },
      { persona },
    );
    expect(body.errors).toBeUndefined();
    return body.data.__type?.fields.map((field: { name: string }) => field.name) ?? null;
  }

  it('shows the citizen every field of their assistance record', async () => {
    expect(await fieldsOf('citizen', 'SocialAssistanceRecord')).toEqual(
      expect.arrayContaining(['type', 'exemptionReason', 'sanctions']),
    );
  });

  it('shows a VDAB mediator the minimised assistance record only, exemption reason hidden', async () => {
    const fields = await fieldsOf('vdab-mediator', 'SocialAssistanceRecord');
    expect(fields).toEqual(expect.arrayContaining(['type', 'registrationDuty']));
    expect(fields).not.toContain('exemptionReason');
  });

  it('hides the assistance record from an employer (its key aside), and every personal field from a monitor', async () => {
    expect(await fieldsOf('employer-1', 'SocialAssistanceRecord')).toEqual(['id']);
    const person = await fieldsOf('monitor-gent', 'Person');
    expect(person ?? []).not.toEqual(expect.arrayContaining(['firstName']));
  });
});
