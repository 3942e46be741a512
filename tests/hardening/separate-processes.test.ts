import { testDatabaseOptions } from '../support/database';
import { freePorts } from '../support/ports';
import { loggingInAs } from '../support/roles';
import { startEntry, startTogether, type EntryProcess } from '../support/product-process';
import { postOperation, seededTemplate } from '../support/stack';

/*
 * The production topology: each subgraph and the gateway in a process of its own, started by the
 * very files the Kubernetes manifests run, finding each other through SUBGRAPH_URL_<NAME> and
 * sharing one PostgreSQL database (each its own schema), each logged in as its own database role
 * and not migrating (the migration job did), so the roles' grants are all a component needs. An
 * operation walks all four, a figure needs a subgraph to ask another, and every process stops
 * cleanly on SIGTERM.
 *
 * PostgreSQL only: processes apart cannot share one embedded PGlite.
 */

const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const SUBGRAPHS = ['persons', 'indications', 'maatwerk', 'agreements'];

/** What a process logs once it listens (pino JSON at LOG_LEVEL=info). */
const listening = (message: string) => new RegExp(`"url":"([^"]+)","msg":"${message}"`);

describeOnPostgres('each component in a process of its own', () => {
  const processes: EntryProcess[] = [];
  let drop: () => Promise<void>;
  let gatewayUrl: string;

  beforeAll(async () => {
    const database = await testDatabaseOptions(seededTemplate('small'));
    drop = database.drop;
    // Every process knows where the subgraphs are, as the manifests' config map tells them.
    const ports = await freePorts(SUBGRAPHS.length);
    const as = (component: string) => loggingInAs(database.options.url!, `maatwerk_${component}`);
    const environment = {
      MIGRATE_AT_START: 'false',
      LOG_LEVEL: 'info',
      ...Object.fromEntries(
        SUBGRAPHS.map((name, i) => [
          `SUBGRAPH_URL_${name.toUpperCase()}`,
          `http://127.0.0.1:${ports[i]}/graphql`,
        ]),
      ),
    };
    processes.push(
      ...(await startTogether(
        SUBGRAPHS.map((name, i) =>
          startEntry(
            `subgraphs/${name}/index.ts`,
            { ...environment, DATABASE_URL: as(name), SUBGRAPH_PORT: String(ports[i]) },
            listening('subgraph ready'),
          ),
        ),
      )),
    );
    const gateway = await startEntry(
      'gateway/index.ts',
      { ...environment, DATABASE_URL: as('gateway'), PORT: '0', METRICS_PORT: '0' },
      listening('gateway ready'),
    );
    processes.push(gateway);
    gatewayUrl = gateway.printed;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await drop?.();
  });

  const ask = async (query: string, persona: string) =>
    (await postOperation(gatewayUrl, query, { persona })).body;

  it('is ready once it reaches every subgraph', async () => {
    const response = await fetch(gatewayUrl.replace('/graphql', '/readyz'));
    expect(response.status).toBe(200);
  });

  it('answers an operation from all four subgraphs', async () => {
    const { data, errors } = await ask(
      `{ person(id: "P-000001") {
          firstName residence { name } advices { type } placements { employer { name } }
        } }`,
      'citizen',
    );
    expect(errors).toBeUndefined();
    expect(data.person).toMatchObject({
      firstName: expect.any(String),
      residence: { name: 'Gent' },
      advices: expect.arrayContaining([expect.objectContaining({ type: expect.any(String) })]),
      placements: [{ employer: { name: expect.any(String) } }],
    });
  });

  it('lets a subgraph ask another for the same caller', async () => {
    const { data, errors } = await ask(
      `{ municipality(nisCode: "44021") {
          maatwerkStatistics(period: { year: 2025, quarter: 3 }) { waitingRatio { key } }
        } }`,
      'monitor-gent',
    );
    expect(errors).toBeUndefined();
    expect(data.municipality.maatwerkStatistics.waitingRatio.map((r: any) => r.key)).toEqual([
      'CMW',
      'IMW',
      'AMA_SE_PLAATS',
    ]);
  });

  it('writes as its own role: a fact, its relation and its audit entry, and ends them', async () => {
    const granted = await ask(
      `mutation { grantConsent(input: {
          type: ATTEST_DATAKOPPELING, grantedTo: "gtb", scope: "Attestations for my indication"
        }) { id } }`,
      'citizen',
    );
    expect(granted.errors).toBeUndefined();
    const revoked = await ask(
      `mutation { revokeConsent(input: { consentId: "${granted.data.grantConsent.id}" }) {
          revokedAt } }`,
      'citizen',
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeConsent.revokedAt).toEqual(expect.any(String));
  });

  it('stops every process cleanly on SIGTERM, the gateway first', async () => {
    const gateway = processes.pop()!;
    expect(await gateway.stop()).toBe(0);
    expect(await Promise.all(processes.map((p) => p.stop()))).toEqual([0, 0, 0, 0]);
  });
});
