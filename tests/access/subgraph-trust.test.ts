import {
  operationDigest,
  signGatewayToken,
  type ForwardedCaller,
} from '../../common/access/gateway-token';
import { config } from '../../common/config';
import { startTestStack, type TestStack } from '../support/stack';

const caller: ForwardedCaller = {
  sub: 'vdab-mediator-1',
  role: 'VDAB_MEDIATOR',
  org: 'vdab',
  purpose: 'TRAJECTORY_GUIDANCE',
  requestId: 'test-request',
  partnerRequestId: null,
  mandateId: 'M-test',
  categories: ['a', 'b', 'e'],
  application: 'tests',
};

const ENTITIES =
  '{ _entities(representations: [{ __typename: "Person", id: "P-000001" }]) { ... on Person { id firstName } } }';
const SERVICE = '{ _service { sdl } }';

describe('subgraphs trust only the gateway', () => {
  let stack: TestStack;
  let personsUrl: string;

  beforeAll(async () => {
    stack = await startTestStack('small');
    personsUrl = `${stack.stack.subgraphs.find((s) => s.name === 'persons')!.url}/graphql`;
  });

  afterAll(() => stack?.stop());

  const call = (query: string, token?: string) =>
    fetch(personsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { 'x-gateway-token': token } : {}),
      },
      body: JSON.stringify({ query }),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as any,
    }));

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

  it('answers 401 to a token signed with another secret', async () => {
    const token = await signGatewayToken(caller, operationDigest(ENTITIES, {}), 'x'.repeat(40));
    expect((await call(ENTITIES, token)).status).toBe(401);
  });

  it('answers 401 to a valid token replayed with another operation', async () => {
    const token = await signGatewayToken(
      caller,
      operationDigest(SERVICE, {}),
      config.SUBGRAPH_SHARED_SECRET,
    );
    expect((await call(ENTITIES, token)).status).toBe(401);
  });

  it('answers a correctly signed _entities call, within the caller mandate', async () => {
    const token = await signGatewayToken(
      caller,
      operationDigest(ENTITIES, {}),
      config.SUBGRAPH_SHARED_SECRET,
    );
    const { status, body } = await call(ENTITIES, token);
    expect(status).toBe(200);
    expect(body.data._entities).toEqual([{ id: 'P-000001', firstName: expect.any(String) }]);
  });

  it('filters _entities by the forwarded mandate: a category outside it is null and FORBIDDEN', async () => {
    const query =
      '{ _entities(representations: [{ __typename: "Person", id: "P-000001" }]) { ... on Person { id trajectories { regie } } } }';
    const token = await signGatewayToken(
      caller,
      operationDigest(query, {}),
      config.SUBGRAPH_SHARED_SECRET,
    );
    const { body } = await call(query, token);
    expect(body.data._entities).toEqual([{ id: 'P-000001', trajectories: null }]);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].path).toEqual(['_entities', 0, 'trajectories']);
  });
});
