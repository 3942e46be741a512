import { createHash, randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';

import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 13 item 2, as an attacker holding what a subgraph holds: callers minted outside the
 * gateway. Tokens are made with `jose` alone, not with the product's signing code, so the test
 * says the same thing of any version of it.
 */

/** The symmetric secret every component shared before: public, since it was in the code. */
const OLD_SHARED_SECRET = 'development-only-subgraph-secret-change-me-012345';

const ALL_PERSONS = '{ persons(first: 500) { totalCount edges { node { id insz } } } }';

const digest = (query: string, variables: unknown = {}) =>
  createHash('sha256')
    .update(query)
    .update('\n')
    .update(JSON.stringify(variables))
    .digest('base64url');

const platformCaller = {
  sub: 'system',
  role: 'SYSTEM',
  org: 'platform',
  purpose: null,
  requestId: randomUUID(),
  mandateId: null,
  categories: [],
  application: 'platform',
};

describe('a subgraph accepts no caller the gateway did not sign', () => {
  let stack: TestStack;
  let personsUrl: string;

  beforeAll(async () => {
    stack = await startTestStack('small');
    personsUrl = `${stack.stack.subgraphs.find((s) => s.name === 'persons')!.url}/graphql`;
  });

  afterAll(() => stack?.stop());

  const call = (token: string) =>
    fetch(personsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-token': token },
      body: JSON.stringify({ query: ALL_PERSONS }),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as any,
    }));

  it('refuses the platform (SYSTEM) signed with the shared secret a component holds', async () => {
    const token = await new SignJWT({ caller: platformCaller, digest: digest(ALL_PERSONS) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('maatwerk-gateway')
      .setAudience('maatwerk-subgraph')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(OLD_SHARED_SECRET));
    const { status, body } = await call(token);
    expect(body.data?.persons?.totalCount).toBeUndefined();
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('writes no audit row and returns no person for a refused caller', async () => {
    const before = await stack.database.db.execute(
      sql`select count(*)::int as n from access.audit_log`,
    );
    const token = await new SignJWT({
      caller: { ...platformCaller, role: 'VDAB_MEDIATOR', org: 'vdab', categories: ['a'] },
      digest: digest(ALL_PERSONS),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('maatwerk-gateway')
      .setAudience('maatwerk-subgraph')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(OLD_SHARED_SECRET));
    const { status, body } = await call(token);
    expect(status).toBe(401);
    expect(JSON.stringify(body)).not.toMatch(/P-0000/);
    const after = await stack.database.db.execute(
      sql`select count(*)::int as n from access.audit_log`,
    );
    expect(after).toEqual(before);
  });
});
