import { postOperation, startGatewayOver, startTestStack, type TestStack } from '../support/stack';

describe('the supergraph through the gateway over HTTP', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });

  afterAll(() => stack?.stop());

  it('answers one query that walks all four subgraphs', async () => {
    const { status, body } = await stack.query(`{
      person(id: "P-000001") {
        id
        residence { nisCode name province { name } }
        socialAssistance { type ocmw { nisCode name } }
        advices { id type decision derivedFrom { id } }
        indicationRequests { id requestedType }
        referrals { id status person { id } vacancy { id employer { id } } }
        placements { id type advice { id type } employer { id type municipality { nisCode name } } }
      }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const person = body.data.person;
    expect(person.residence).toEqual({
      nisCode: '44021',
      name: 'Gent',
      province: { name: 'Oost-Vlaanderen' },
    });
    expect(person.socialAssistance[0]).toEqual({
      type: 'LEEFLOON',
      ocmw: { nisCode: '44021', name: 'Gent' },
    });
    expect(person.advices).toEqual(
      expect.arrayContaining([
        { id: 'AD-000001', type: 'CMW', decision: 'TOEGEKEND', derivedFrom: null },
        { id: 'AD-000002', type: 'IMW', decision: 'TOEGEKEND', derivedFrom: { id: 'AD-000001' } },
      ]),
    );
    expect(person.indicationRequests).toContainEqual({ id: 'IR-000001', requestedType: 'CMW' });
    expect(person.referrals).toContainEqual({
      id: 'R-000001',
      status: 'HIRED',
      person: { id: 'P-000001' },
      vacancy: { id: 'V-000001', employer: { id: 'E-000001' } },
    });
    expect(person.placements).toContainEqual({
      id: 'PL-000001',
      type: 'CMW',
      advice: { id: 'AD-000001', type: 'CMW' },
      employer: {
        id: 'E-000001',
        type: 'MAATWERKBEDRIJF',
        municipality: { nisCode: '44021', name: 'Gent' },
      },
    });
  });

  it('gathers Municipality fields from every subgraph', async () => {
    const { body } = await stack.query(`{
      municipality(nisCode: "44021") {
        name
        province { code }
        activationStatistics(period: { year: 2025, quarter: 3 }) { clients { value } }
        indicationConsultants { id org }
        employers { id }
        maatwerkStatistics(period: { year: 2025, quarter: 3 }) { openVacancies { value } }
        collaborationAgreements { id type }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const gent = body.data.municipality;
    expect(gent.name).toBe('Gent');
    expect(gent.province.code).toBe('OVL');
    expect(gent.activationStatistics.clients.value).toBeGreaterThan(0);
    expect(gent.indicationConsultants).toContainEqual({ id: 'IC-000001', org: 'lg:44021' });
    expect(gent.employers).toContainEqual({ id: 'E-000001' });
    expect(gent.maatwerkStatistics.openVacancies.value).toBeGreaterThan(0);
    expect(gent.collaborationAgreements).toEqual(
      expect.arrayContaining([
        { id: 'CA-000001', type: 'SO_VDAB_LOKAAL_BESTUUR' },
        { id: 'CA-000002', type: 'SO_ADVIESBEVOEGDHEID_INDICERING' },
      ]),
    );
  });

  it('pages a root connection with cursors', async () => {
    const page = async (after?: string) =>
      (
        await stack.query(
          'query($after: String) { persons(first: 3, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).body.data.persons;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.edges[0].node.id > first.edges[2].node.id).toBe(true);
    expect(second.totalCount).toBe(first.totalCount);
  });

  it('reports health and readiness', async () => {
    const base = stack.stack.gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).subgraphs).toEqual({
      persons: 'ready',
      indications: 'ready',
      maatwerk: 'ready',
      agreements: 'ready',
    });
  });

  it('starts from the checked-in supergraph while a subgraph is down, and says what is missing', async () => {
    const gateway = await startGatewayOver(stack, {
      subgraphUrls: { maatwerk: 'http://127.0.0.1:9/graphql' }, // nothing listens on discard
    });
    try {
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as any).subgraphs.maatwerk).toBe('unavailable');
      const { body } = await postOperation(
        `${gateway.url}/graphql`,
        '{ person(id: "P-000001") { id residence { name } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.person).toEqual({ id: 'P-000001', residence: { name: 'Gent' } });
    } finally {
      await gateway.stop();
    }
  });
});
