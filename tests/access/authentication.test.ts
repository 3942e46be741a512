import { SignJWT } from 'jose';

import { partnerTokenSecret } from '../../common/access/keys';
import { signPartnerToken } from '../../common/access/partner-token';
import { mandates } from '../support/access-schema';
import { personaNamed } from '../../common/access/personas';
import { config, readConfig } from '../../common/config';
import { logger } from '../../common/logger';
import { startTestStack, type TestStack } from '../support/stack';

const QUERY = '{ person(id: "P-000001") { id } }';

describe('authentication and mandates at the gateway', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
    // The department works under two decrees: monitoring and the pact settlement (DOMAIN B.4).
    // Added before the first request, so the gateway's mandate cache reads it.
    await stack.database.db.insert(mandates).values({
      id: 'M-TEST-PACT',
      org: 'department:wewis',
      role: 'DEPARTMENT_ANALYST',
      purpose: 'PACT_SETTLEMENT',
      legalBasis: 'DECREE',
      categories: ['o', 'p'],
      validFrom: '2020-01-01',
      description: 'Settlement of the local activation pact',
    });
  });

  afterAll(() => stack?.stop());

  const post = (headers: Record<string, string>, query = QUERY) =>
    fetch(stack.stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as any,
    }));

  const expectUnauthenticated = async (headers: Record<string, string>, message: RegExp) => {
    const { status, body } = await post(headers);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(message);
  };

  it('refuses a request without a token', () => expectUnauthenticated({}, /No bearer token/));

  it('refuses a malformed token', () =>
    expectUnauthenticated({ authorization: 'Bearer not-a-jwt' }, /not valid/));

  it('refuses a token signed with another secret (forged)', async () => {
    const forged = await signPartnerToken(personaNamed('vdab-mediator'), {
      secret: 'an-attacker-secret-that-is-long-enough-0123456789',
    });
    await expectUnauthenticated({ authorization: `Bearer ${forged}` }, /not valid/);
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ role: 'VDAB_MEDIATOR', org: 'vdab' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('vdab-mediator-1')
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(partnerTokenSecret()));
    await expectUnauthenticated({ authorization: `Bearer ${expired}` }, /expired/);
  });

  const now = () => Math.floor(Date.now() / 1000);
  /** A mediator's token with the claims given; `undefined` leaves a claim out. */
  const tokenWith = (claims: { iss?: string; aud?: string; iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ role: 'VDAB_MEDIATOR', org: 'vdab' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('vdab-mediator-1');
    if (claims.iss) jwt.setIssuer(claims.iss);
    if (claims.aud) jwt.setAudience(claims.aud);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(partnerTokenSecret()));
  };
  const valid = () => ({
    iss: config.AUTH_ISSUER,
    aud: config.AUTH_AUDIENCE,
    iat: now(),
    exp: now() + 3600,
  });

  it('refuses a token for another audience, saying so, and logs the refusal', async () => {
    const token = await tokenWith({ ...valid(), aud: 'another-service' });
    const warned = jest.spyOn(logger, 'warn');
    try {
      const response = await fetch(stack.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as any;
      expect(response.status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/audience "another-service" is not accepted/);
      expect(warned).toHaveBeenCalledWith(
        expect.objectContaining({
          requestId: response.headers.get('x-request-id'),
          reason: expect.stringMatching(/audience "another-service" is not accepted/),
        }),
        'bearer token refused',
      );
    } finally {
      warned.mockRestore();
    }
  });

  it('refuses a token of another issuer, saying so', async () => {
    const token = await tokenWith({ ...valid(), iss: 'https://idp.elsewhere.example' });
    await expectUnauthenticated(
      { authorization: `Bearer ${token}` },
      /issuer "https:\/\/idp\.elsewhere\.example" is not accepted/,
    );
  });

  it('refuses a token without an expiry', async () => {
    const token = await tokenWith({ ...valid(), exp: undefined });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /no "exp" claim/);
  });

  it('refuses a token without the time it was issued', async () => {
    const token = await tokenWith({ ...valid(), iat: undefined });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /no "iat" claim/);
  });

  it('refuses a token older than AUTH_MAX_TOKEN_AGE, even when it has not expired', async () => {
    const token = await tokenWith({ ...valid(), iat: Date.UTC(2001, 0, 1) / 1000 });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /issued more than 12 h ago/);
  });

  it('accepts a token from an issuer whose clock runs a few seconds ahead', async () => {
    const token = await tokenWith({ ...valid(), iat: now() + 10 });
    const { status, body } = await post({ authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.data.person).toEqual({ id: 'P-000001' });
  });

  it('refuses, in production, a JWKS that is not fetched over https', () => {
    const production = { NODE_ENV: 'production' };
    expect(() =>
      readConfig({ ...production, AUTH_JWKS_URL: 'http://idp.example.be/jwks.json' }),
    ).toThrow(/AUTH_JWKS_URL must be an https URL in production/);
    expect(
      readConfig({ ...production, AUTH_JWKS_URL: 'https://idp.example.be/jwks.json' })
        .AUTH_JWKS_URL,
    ).toBe('https://idp.example.be/jwks.json');
  });

  it('refuses a token whose role is not a role of the product', async () => {
    const token = await signPartnerToken({ sub: 'x', role: 'ADMIN' as never, org: 'vdab' });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /role/);
  });

  it('refuses a purpose the caller has no mandate for', async () => {
    const token = await signPartnerToken(personaNamed('vdab-mediator'));
    const { status, body } = await post({
      authorization: `Bearer ${token}`,
      'x-purpose': 'PACT_SETTLEMENT',
    });
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].message).toMatch(/No mandate for purpose PACT_SETTLEMENT/);
  });

  it('refuses an organisation without any mandate', async () => {
    const token = await signPartnerToken({
      sub: 'someone',
      role: 'EMPLOYER',
      org: 'employer:UNKNOWN',
    });
    const { status, body } = await post({ authorization: `Bearer ${token}` });
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('takes the single purpose of the mandate when none is declared, or the declared one', async () => {
    const token = await signPartnerToken(personaNamed('vdab-mediator'));
    expect((await post({ authorization: `Bearer ${token}` })).body.data.person).toEqual({
      id: 'P-000001',
    });
    const declared = await post({
      authorization: `Bearer ${token}`,
      'x-purpose': 'TRAJECTORY_GUIDANCE',
    });
    expect(declared.body.data.person).toEqual({ id: 'P-000001' });
  });

  describe('a caller with mandates for several purposes', () => {
    const analyst = () => signPartnerToken(personaNamed('department-analyst'));
    const PACT_QUERY = '{ activationPactParticipations(first: 1) { totalCount } }';
    const postAs = (token: string, headers: Record<string, string> = {}) =>
      post({ authorization: `Bearer ${token}`, ...headers }, PACT_QUERY);

    it('must declare which purpose a request serves', async () => {
      const { status, body } = await postAs(await analyst());
      expect(status).toBe(403);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toBe(
        'Declare the purpose of this request in the x-purpose header: one of MONITORING, PACT_SETTLEMENT.',
      );
    });

    it('gets the categories of the declared purpose only', async () => {
      const token = await analyst();
      const pact = await postAs(token, { 'x-purpose': 'PACT_SETTLEMENT' });
      expect(pact.status).toBe(200);
      expect(pact.body.errors).toBeUndefined();
      expect(pact.body.data.activationPactParticipations.totalCount).toBeGreaterThan(0);

      // Municipal aggregates (category q) come with monitoring, not with the pact settlement.
      const stats = (purpose: string) =>
        stack.query(
          '{ municipality(nisCode: "44021") { indicationStatistics(period: { year: 2024 }) { requests { value } } } }',
          {},
          { persona: 'department-analyst', headers: { 'x-purpose': purpose } },
        );
      const underMonitoring = await stats('MONITORING');
      expect(underMonitoring.body.errors).toBeUndefined();
      expect(underMonitoring.body.data.municipality.indicationStatistics).not.toBeNull();
      const underPact = await stats('PACT_SETTLEMENT');
      expect(underPact.body.data.municipality.indicationStatistics).toBeNull();
      expect(underPact.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(underPact.body.errors?.[0].path).toEqual(['municipality', 'indicationStatistics']);
    });
  });

  it('shows the department the whole mandate directory, and an OCMW its own mandates only', async () => {
    const directory = (persona: string, purpose?: string) =>
      stack.query(
        `{
          all: mandates { totalCount }
          vdab: mandates(org: "vdab") { totalCount }
          gent: mandates(org: "ocmw:44021") { edges { node { org role purpose } } }
        }`,
        {},
        { persona, headers: purpose ? { 'x-purpose': purpose } : {} },
      );
    const gentMandate = {
      org: 'ocmw:44021',
      role: 'OCMW_SOCIAL_WORKER',
      purpose: 'SOCIAL_INTEGRATION',
    };

    const department = await directory('department-analyst', 'MONITORING');
    expect(department.body.errors).toBeUndefined();
    expect(department.body.data.all.totalCount).toBeGreaterThan(300);
    expect(department.body.data.vdab.totalCount).toBe(2);
    expect(department.body.data.gent.edges.map((edge: any) => edge.node)).toEqual([gentMandate]);

    const ocmw = await directory('ocmw-gent');
    expect(ocmw.body.errors).toBeUndefined();
    expect(ocmw.body.data).toEqual({
      all: { totalCount: 1 },
      vdab: { totalCount: 0 },
      gent: { edges: [{ node: gentMandate }] },
    });
  });
});
