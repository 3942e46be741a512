import { createPrivateKey, randomUUID } from 'node:crypto';

import { SignJWT } from 'jose';

import {
  operationDigest,
  platformCaller,
  signCallerToken,
  signPeerToken,
  TOKEN_LIFETIME_SECONDS,
  type ForwardedCaller,
} from '../../common/access/gateway-token';
import { GATEWAY, signingKeyOf, type SigningKey } from '../../common/access/keys';
import { startTestStack, type TestStack } from '../support/stack';

const caller = (): ForwardedCaller => ({
  sub: 'vdab-mediator-1',
  role: 'VDAB_MEDIATOR',
  org: 'vdab',
  purpose: 'TRAJECTORY_GUIDANCE',
  requestId: randomUUID(),
  partnerRequestId: null,
  mandateId: 'M-test',
  categories: ['a', 'b', 'e', 'f'],
  application: 'tests',
});

const ENTITIES =
  '{ _entities(representations: [{ __typename: "Person", id: "P-000001" }]) { ... on Person { id firstName } } }';
const SERVICE = '{ _service { sdl } }';
const TRAJECTORIES =
  '{ _entities(representations: [{ __typename: "Person", id: "P-000001" }]) { ... on Person { id trajectories { regie } } } }';

describe('subgraphs trust only the gateway (DOMAIN A.2.7)', () => {
  let stack: TestStack;
  let personsUrl: string;
  let gatewayKey: SigningKey;
  let maatwerkKey: SigningKey;

  beforeAll(async () => {
    stack = await startTestStack('small');
    personsUrl = `${stack.stack.subgraphs.find((s) => s.name === 'persons')!.url}/graphql`;
    gatewayKey = await signingKeyOf(GATEWAY);
    maatwerkKey = await signingKeyOf('maatwerk');
  });

  afterAll(() => stack?.stop());

  const call = (query: string, headers: Record<string, string> = {}) =>
    fetch(personsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as any,
    }));

  const asGateway = async (query: string, who = caller(), audience = 'persons') => ({
    'x-gateway-token': await signCallerToken(gatewayKey, who, {
      audience,
      digest: operationDigest(query, {}),
    }),
  });

  it.each([
    ['a query', '{ persons(first: 1) { totalCount } }'],
    ['_entities', ENTITIES],
    ['_service', SERVICE],
  ])('answers 401 to %s without a gateway token', async (_name, query) => {
    const { status, body } = await call(query);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('answers a gateway-signed _entities call, within the caller mandate', async () => {
    const { status, body } = await call(ENTITIES, await asGateway(ENTITIES));
    expect(status).toBe(200);
    expect(body.data._entities).toEqual([{ id: 'P-000001', firstName: expect.any(String) }]);
  });

  it('filters _entities by the forwarded mandate: a category outside it is null and FORBIDDEN', async () => {
    const narrow = { ...caller(), categories: ['a'] };
    const { body } = await call(TRAJECTORIES, await asGateway(TRAJECTORIES, narrow));
    expect(body.data._entities).toEqual([{ id: 'P-000001', trajectories: null }]);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].path).toEqual(['_entities', 0, 'trajectories']);
  });

  it('answers 401 to a gateway token for another operation, another subgraph, or sent twice', async () => {
    expect((await call(ENTITIES, await asGateway(SERVICE))).status).toBe(401);
    expect((await call(ENTITIES, await asGateway(ENTITIES, caller(), 'maatwerk'))).status).toBe(
      401,
    );
    const once = await asGateway(ENTITIES);
    expect((await call(ENTITIES, once)).status).toBe(200);
    expect((await call(ENTITIES, once)).status).toBe(401);
  });

  it('answers 401 to a caller signed by a subgraph, even one claiming to be the gateway', async () => {
    const claim = (kid: string) =>
      new SignJWT({ caller: caller(), digest: operationDigest(ENTITIES, {}) })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(GATEWAY)
        .setAudience('persons')
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('10s')
        .sign(createPrivateKey(maatwerkKey.pem));
    expect((await call(ENTITIES, { 'x-gateway-token': await claim(GATEWAY) })).status).toBe(401);
    expect((await call(ENTITIES, { 'x-gateway-token': await claim('maatwerk') })).status).toBe(401);
  });

  it('answers 401 to a gateway token without a unique id, or older than its lifetime', async () => {
    const base = () =>
      new SignJWT({ caller: caller(), digest: operationDigest(ENTITIES, {}) })
        .setProtectedHeader({ alg: 'ES256', kid: GATEWAY })
        .setIssuer(GATEWAY)
        .setAudience('persons');
    const noJti = await base().setIssuedAt().setExpirationTime('10s').sign(createPrivateKey(gatewayKey.pem));
    expect((await call(ENTITIES, { 'x-gateway-token': noJti })).status).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    const old = await base()
      .setJti(randomUUID())
      .setIssuedAt(now - 10 * TOKEN_LIFETIME_SECONDS)
      .setExpirationTime(now + 60)
      .sign(createPrivateKey(gatewayKey.pem));
    expect((await call(ENTITIES, { 'x-gateway-token': old })).status).toBe(401);
  });

  it('answers 401 to the platform or a role outside A.3, even signed with the gateway key', async () => {
    for (const role of ['SYSTEM', 'ADMIN']) {
      const token = await new SignJWT({
        caller: { ...platformCaller(), role },
        digest: operationDigest(ENTITIES, {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid: GATEWAY })
        .setIssuer(GATEWAY)
        .setAudience('persons')
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('10s')
        .sign(createPrivateKey(gatewayKey.pem));
      expect((await call(ENTITIES, { 'x-gateway-token': token })).status).toBe(401);
    }
    await expect(
      signCallerToken(gatewayKey, platformCaller(), { audience: 'persons', digest: 'x' }),
    ).rejects.toThrow(/partner callers only/);
  });

  describe('a peer call carries the gateway caller and can only narrow it', () => {
    /** What the maatwerk subgraph holds during a partner's request: the gateway's token for it. */
    const received = (who = caller()) =>
      signCallerToken(gatewayKey, who, { audience: 'maatwerk', digest: 'of-maatwerk-operation' });

    const peerHeaders = async (
      query: string,
      callerToken: string,
      narrow?: { categories: string[] },
    ) => ({
      'x-gateway-token': callerToken,
      'x-peer-token': await signPeerToken(maatwerkKey, {
        audience: 'persons',
        digest: operationDigest(query, {}),
        callerToken,
        narrow,
      }),
    });

    it('is answered for the original caller', async () => {
      const { status, body } = await call(ENTITIES, await peerHeaders(ENTITIES, await received()));
      expect(status).toBe(200);
      expect(body.data._entities[0].firstName).toEqual(expect.any(String));
    });

    it('narrows the categories when asked, and cannot widen them', async () => {
      const narrowed = await call(
        ENTITIES,
        await peerHeaders(ENTITIES, await received(), { categories: ['b'] }),
      );
      expect(narrowed.body.data._entities).toEqual([{ id: 'P-000001', firstName: null }]);
      expect(narrowed.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const widened = await call(
        TRAJECTORIES,
        await peerHeaders(TRAJECTORIES, await received({ ...caller(), categories: ['a'] }), {
          categories: ['a', 'f'],
        }),
      );
      expect(widened.body.data._entities).toEqual([{ id: 'P-000001', trajectories: null }]);
      expect(widened.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('answers 401 when the peer token is bound to another caller, operation or peer', async () => {
      const token = await received();
      const other = await peerHeaders(ENTITIES, await received());
      expect((await call(ENTITIES, { ...other, 'x-gateway-token': token })).status).toBe(401);
      expect((await call(SERVICE, await peerHeaders(ENTITIES, token))).status).toBe(401);
      // The gateway's token for persons itself cannot be passed on as if maatwerk had received it.
      const forPersons = await signCallerToken(gatewayKey, caller(), {
        audience: 'persons',
        digest: 'x',
      });
      expect((await call(ENTITIES, await peerHeaders(ENTITIES, forPersons))).status).toBe(401);
    });

    it('answers 401 to a peer token without a gateway token: a subgraph cannot invent a caller', async () => {
      const { ['x-peer-token']: peerToken } = await peerHeaders(ENTITIES, 'no-caller');
      expect((await call(ENTITIES, { 'x-peer-token': peerToken })).status).toBe(401);
    });
  });
});
