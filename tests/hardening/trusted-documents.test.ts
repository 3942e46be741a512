import { readFileSync } from 'node:fs';
import path from 'node:path';

import { signPartnerToken } from '../../common/access/partner-token';
import { personaNamed } from '../../common/access/personas';
import { DASHBOARD_QUERY, dashboardVariables } from '../../bench/queries';
import { readManifests, sha256 } from '../../gateway/trusted-documents';
import {
  startGatewayOver,
  startTestStack,
  type GatewayUnderTest,
  type TestStack,
} from '../support/stack';

/*
 * Trusted documents (issue #6): with TRUSTED_DOCUMENTS=enforce the gateway runs only the
 * operations registered in the manifest of the caller's application, sent by hash or in full.
 */

const MANIFESTS = path.join(__dirname, '..', '..', 'trusted-documents');

describe('trusted documents', () => {
  let stack: TestStack;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    stack = await startTestStack('small');
    gateway = await startGatewayOver(stack, {
      trustedDocuments: { mode: 'enforce', manifests: readManifests(MANIFESTS) },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  const send = async (body: object, application = 'maatwerk-demo') => {
    const token = await signPartnerToken(personaNamed('monitor-gent'), { application });
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  /** The same operation sent in the URL, as GraphQL over HTTP allows for queries. */
  const sendByGet = async (parameters: Record<string, object | string>) => {
    const token = await signPartnerToken(personaNamed('monitor-gent'));
    const search = new URLSearchParams(
      Object.entries(parameters).map(
        ([name, value]) =>
          [name, typeof value === 'string' ? value : JSON.stringify(value)] as [string, string],
      ),
    );
    const response = await fetch(`${gateway.url}/graphql?${search}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' },
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const variables = dashboardVariables('44021', 2024);
  const byHash = {
    extensions: { persistedQuery: { version: 1, sha256Hash: sha256(DASHBOARD_QUERY) } },
  };

  it('keeps the checked-in manifest in step with the operations the product sends', () => {
    const manifest = JSON.parse(readFileSync(path.join(MANIFESTS, 'maatwerk-demo.json'), 'utf8'));
    expect(manifest.operations.map((operation: any) => operation.id)).toContain(
      sha256(DASHBOARD_QUERY),
    );
  });

  it('runs a registered operation sent by its hash alone', async () => {
    const { status, body } = await send({ ...byHash, variables });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.municipality.name).toBe('Gent');
  });

  it('runs a registered operation sent in full', async () => {
    const { status, body } = await send({ query: DASHBOARD_QUERY, variables });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses an operation that is not registered', async () => {
    const { status, body } = await send({ query: '{ municipality(nisCode: "44021") { name } }' });
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].message).toMatch(/registered operations only.*maatwerk-demo/);
    expect(body.data).toBeUndefined();
  });

  it("refuses a hash outside the caller application's manifest", async () => {
    const unknown = await send({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Registered for maatwerk-demo, not for another application.
    const other = await send({ ...byHash, variables }, 'another-partner-app');
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toMatch(
      /not registered for application another-partner-app/,
    );
  });

  it('refuses an operation that is not registered when it comes by GET', async () => {
    const { status, body } = await sendByGet({ query: '{ person(id: "P-000001") { firstName } }' });
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.data).toBeUndefined();
  });

  it('runs a registered operation sent by its hash in the URL', async () => {
    const { status, body } = await sendByGet({ ...byHash, variables });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.municipality.name).toBe('Gent');
  });

  it('still serves the explorer page to a browser', async () => {
    const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="graphiql">');
  });
});
