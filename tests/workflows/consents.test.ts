import { ne } from 'drizzle-orm';

import { consents } from '../../subgraphs/persons/tables';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Consents given and taken back by the citizen (DOMAIN B.2.1), and what they open: GTB reads the
 * demo citizen's attestations in full only while she has given GTB the data-coupling consent.
 */
describe('consent workflow', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const grant = (input: Record<string, unknown>, persona = 'citizen') =>
    stack.query(
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id type grantedTo revokedAt } }`,
      { input: { scope: 'Attestations for my indication', ...input } },
      { persona },
    );

  const revoke = (consentId: string, persona = 'citizen') =>
    stack.query(
      `mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { id revokedAt } }`,
      { input: { consentId } },
      { persona },
    );

  const attestationSourcesAsGtb = async () => {
    const { body } = await stack.query(
      '{ person(id: "P-000001") { indicationRequests { attestations { source } } } }',
      {},
      { persona: 'gtb-counsellor' },
    );
    return {
      forbidden: (body.errors ?? []).some((error: any) => error.extensions.code === 'FORBIDDEN'),
      sources: (body.data.person?.indicationRequests ?? []).flatMap((request: any) =>
        (request.attestations ?? []).map((attestation: any) => attestation.source),
      ),
    };
  };

  it('opens the attestations to GTB while the consent holds, and closes them on revocation', async () => {
    expect((await attestationSourcesAsGtb()).forbidden).toBe(true);

    const given = await grant({ type: 'ATTEST_DATAKOPPELING', grantedTo: 'gtb' });
    expect(given.body.errors).toBeUndefined();
    expect(given.body.data.grantConsent).toMatchObject({
      type: 'ATTEST_DATAKOPPELING',
      grantedTo: 'gtb',
      revokedAt: null,
    });
    const open = await attestationSourcesAsGtb();
    expect(open.forbidden).toBe(false);
    expect(open.sources.length).toBeGreaterThan(0);

    const revoked = await revoke(given.body.data.grantConsent.id);
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data.revokeConsent.revokedAt).toBeTruthy();
    expect((await attestationSourcesAsGtb()).forbidden).toBe(true);

    const again = await revoke(given.body.data.grantConsent.id);
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'REVOKED',
    });
  });

  it('refuses the same consent twice while it holds', async () => {
    const first = await grant({ type: 'PARTNER_DOSSIER_SHARING', grantedTo: 'gtb' });
    expect(first.body.errors).toBeUndefined();
    const second = await grant({ type: 'PARTNER_DOSSIER_SHARING', grantedTo: 'gtb' });
    expect(second.body.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it.each([
    [{ type: 'OCMW_INSCHRIJVINGSMANDAAT', grantedTo: 'vdab' }, 'input.grantedTo'],
    [{ type: 'ATTEST_DATAKOPPELING', grantedTo: 'vdab', scope: '' }, 'input.scope'],
  ])('refuses %j, naming %s, and writes nothing', async (input, field) => {
    const before = await stack.database.db.$count(consents);
    const { body } = await grant(input);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.database.db.$count(consents)).toBe(before);
  });

  it('lets only the citizen give or take back their own consents', async () => {
    const { body } = await grant(
      { type: 'ATTEST_DATAKOPPELING', grantedTo: 'vdab' },
      'vdab-mediator',
    );
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [other] = await stack.database.db
      .select()
      .from(consents)
      .where(ne(consents.personId, 'P-000001'))
      .limit(1);
    expect((await revoke(other.id)).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await revoke('C-999999')).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
