import { asc, count, eq, inArray } from 'drizzle-orm';

import {
  actionPlans,
  activationPactParticipations,
  agreementCoverage,
  collaborationAgreements,
} from '../../subgraphs/agreements/tables';
import { startTestStack, type TestStack } from '../support/stack';

/*
 * Categories o (agreements and action plans) and p (pact settlement) are R for a city monitor in
 * B.4: its own local government's, not every municipality's (A.2). Whatever the path — a root
 * list, a lookup by id, a field of a municipality, regiegebied or partnership, or a reference
 * another subgraph hands the gateway — an agreement its municipality is not covered by, and the
 * pact data of another municipality, read as if they did not exist. The department reads all.
 */

const MONITORS = [
  ['monitor-gent', '44021', '11002'],
  ['monitor-antwerpen', '11002', '44021'],
  // The OCMW reads o in full and p minimised, both for its own local government only.
  ['ocmw-gent', '44021', '11002'],
  ['ocmw-antwerpen', '11002', '44021'],
] as const;
const MONITORING = { 'x-purpose': 'MONITORING' };
const CONNECTION_MAX = 500;

const ids = (connection: { edges: { node: { id: string } }[] }) =>
  connection.edges.map((edge) => edge.node.id);

describe('area scope of agreements and pact data', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const query = async (persona: string, text: string, variables: Record<string, unknown> = {}) => {
    // The department holds two mandates and names the purpose; the others hold one.
    const headers = persona === 'department-analyst' ? MONITORING : {};
    const { status, body } = await stack.query(text, variables, { persona, headers });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return body.data;
  };

  /** The agreements covering a municipality, as the database knows them. */
  const covering = async (nisCode: string) =>
    (
      await stack.database.db
        .select({ id: agreementCoverage.agreementId })
        .from(agreementCoverage)
        .where(eq(agreementCoverage.municipalityNisCode, nisCode))
        .orderBy(asc(agreementCoverage.agreementId))
    ).map((row) => row.id);

  describe.each(MONITORS)('%s (municipality %s)', (persona, own, other) => {
    let ownAgreements: string[];
    let otherOnly: string;

    beforeAll(async () => {
      ownAgreements = await covering(own);
      otherOnly = (await covering(other)).find((id) => !ownAgreements.includes(id))!;
      // The seeds give both cities agreements of their own, and the lists fit in one page.
      expect(ownAgreements.length).toBeGreaterThan(0);
      expect(ownAgreements.length).toBeLessThan(CONNECTION_MAX);
      expect(otherOnly).toBeDefined();
    });

    it('lists only the agreements covering its municipality, with a total to match', async () => {
      const data = await query(
        persona,
        `{
          all: collaborationAgreements(first: ${CONNECTION_MAX}) { totalCount edges { node { id } } }
          other: collaborationAgreements(municipalityNisCode: "${other}") { totalCount }
        }`,
      );
      expect(ids(data.all)).toEqual(ownAgreements);
      expect(data.all.totalCount).toBe(ownAgreements.length);
      // Filtering on another municipality leaves the agreements both are covered by: none here.
      expect(data.other.totalCount).toBe(0);
    });

    it('lists only the action plans of those agreements', async () => {
      const expected = await stack.database.db
        .select({ id: actionPlans.id })
        .from(actionPlans)
        .where(inArray(actionPlans.agreementId, ownAgreements))
        .orderBy(asc(actionPlans.id));
      expect(expected.length).toBeGreaterThan(0);
      const data = await query(
        persona,
        `{ actionPlans(first: ${CONNECTION_MAX}) { totalCount edges { node { id agreement { id } } } } }`,
      );
      expect(ids(data.actionPlans)).toEqual(expected.map((row) => row.id));
      expect(data.actionPlans.totalCount).toBe(expected.length);
      for (const { node } of data.actionPlans.edges) {
        expect(ownAgreements).toContain(node.agreement.id);
      }
    });

    it('lists only the pact participations of its own local government', async () => {
      const data = await query(
        persona,
        `{
          all: activationPactParticipations(first: ${CONNECTION_MAX}) {
            totalCount edges { node { id year localGovernment { nisCode } } }
          }
          other: activationPactParticipations(municipalityNisCode: "${other}") { totalCount }
        }`,
      );
      // The pact years 2023 and 2024, each with one participation per local government.
      expect(
        data.all.edges.map((edge: any) => [edge.node.year, edge.node.localGovernment]),
      ).toEqual([
        [2023, { nisCode: own }],
        [2024, { nisCode: own }],
      ]);
      expect(data.all.totalCount).toBe(2);
      expect(data.other.totalCount).toBe(0);
    });

    it('reads an agreement of another area as an id that does not exist', async () => {
      const data = await query(
        persona,
        `query($own: ID!, $other: ID!) {
          own: collaborationAgreement(id: $own) { id title }
          other: collaborationAgreement(id: $other) { id title }
          missing: collaborationAgreement(id: "CA-999999") { id title }
        }`,
        { own: ownAgreements[0], other: otherOnly },
      );
      expect(data).toEqual({
        own: { id: ownAgreements[0], title: expect.any(String) },
        other: null,
        missing: null,
      });
    });

    it("sees another municipality's agreements and pact as none, and its SO coverage as unknown", async () => {
      const fields =
        'collaborationAgreements { id } soCovered activationPactParticipations { year }';
      const data = await query(
        persona,
        `{
          own: municipality(nisCode: "${own}") { name ${fields} }
          other: municipality(nisCode: "${other}") { name ${fields} }
        }`,
      );
      expect(data.own.collaborationAgreements.map((a: any) => a.id)).toEqual(ownAgreements);
      // Both cities have an SO of their own in force (the seeds' demo records).
      expect(data.own.soCovered).toBe(true);
      expect(data.own.activationPactParticipations).toEqual([{ year: 2023 }, { year: 2024 }]);
      // The geography stays public; the agreement and pact fields read as for an empty area.
      expect(data.other).toEqual({
        name: expect.any(String),
        collaborationAgreements: [],
        soCovered: null,
        activationPactParticipations: [],
      });
    });

    it('keeps to its area on agreements reached through regiegebieden and partnerships', async () => {
      const paths = `{
        regiegebieden(first: ${CONNECTION_MAX}) { edges { node { collaborationAgreements { id } } } }
        intermunicipalPartnerships(first: ${CONNECTION_MAX}) { edges { node { collaborationAgreements { id } } } }
      }`;
      const reached = (data: any) =>
        [...data.regiegebieden.edges, ...data.intermunicipalPartnerships.edges].flatMap(
          (edge: any) => edge.node.collaborationAgreements.map((a: any) => a.id),
        );
      const monitor = reached(await query(persona, paths));
      const department = reached(await query('department-analyst', paths));
      expect(monitor.length).toBeGreaterThan(0);
      expect(monitor.filter((id: string) => !ownAgreements.includes(id))).toEqual([]);
      expect(department.length).toBeGreaterThan(monitor.length);
    });

    it('resolves agreements another subgraph refers to only within its area', async () => {
      // An ICF consultant (indications) names the SO adviesbevoegdheid it advises under; the
      // gateway fetches the agreement from this subgraph by key (`_entities`).
      const data = await query(
        persona,
        `{ indicationConsultants(first: ${CONNECTION_MAX}) { edges { node {
          soAdviesbevoegdheid { id type title }
        } } } }`,
      );
      const referred = data.indicationConsultants.edges
        .map((edge: any) => edge.node.soAdviesbevoegdheid)
        .filter(Boolean);
      const inArea = referred.filter((a: any) => ownAgreements.includes(a.id));
      const outside = referred.filter((a: any) => !ownAgreements.includes(a.id));
      expect(outside.length).toBeGreaterThan(0);
      for (const agreement of inArea) {
        expect(agreement).toEqual({
          id: agreement.id,
          type: 'SO_ADVIESBEVOEGDHEID_INDICERING',
          title: expect.any(String),
        });
      }
      // The key is the consultant's own data; the agreement behind it is not there.
      for (const agreement of outside) {
        expect(agreement).toEqual({ id: agreement.id, type: null, title: null });
      }
    });
  });

  it('gives a monitor the agreement figures of its own municipality and of the higher areas', async () => {
    const figures = '{ soCoverage { value numerator denominator target } }';
    const { body } = await stack.query(
      `{
        own: municipality(nisCode: "44021") { agreementStatistics(period: { year: 2025 }) ${figures} }
        other: municipality(nisCode: "11002") { agreementStatistics(period: { year: 2025 }) ${figures} }
        flanders { agreementStatistics(period: { year: 2025 }) ${figures} }
      }`,
      {},
      { persona: 'monitor-gent', headers: MONITORING },
    );
    expect(body.data).toEqual({
      own: { agreementStatistics: { soCoverage: expect.objectContaining({ value: 1 }) } },
      other: { agreementStatistics: null },
      // The seeds cover 76% of the 300 municipalities with a running SO (B.5, 1/3/2023).
      flanders: {
        agreementStatistics: {
          soCoverage: { value: 0.76, numerator: 228, denominator: 300, target: 0.9 },
        },
      },
    });
    expect(body.errors?.map((error: any) => [error.extensions.code, error.path.join('.')])).toEqual(
      [['FORBIDDEN', 'other.agreementStatistics']],
    );
  });

  it('leaves the department every agreement, action plan and pact participation', async () => {
    const total = async (table: typeof collaborationAgreements | typeof actionPlans) =>
      (await stack.database.db.select({ n: count() }).from(table))[0].n;
    const participations = (
      await stack.database.db.select({ n: count() }).from(activationPactParticipations)
    )[0].n;
    const [antwerpen] = await covering('11002');
    const data = await query(
      'department-analyst',
      `query($id: ID!) {
        collaborationAgreements { totalCount }
        actionPlans { totalCount }
        activationPactParticipations { totalCount }
        antwerpen: collaborationAgreement(id: $id) { id }
        gent: municipality(nisCode: "44021") { soCovered activationPactParticipations { year } }
      }`,
      { id: antwerpen },
    );
    expect(data).toEqual({
      collaborationAgreements: { totalCount: await total(collaborationAgreements) },
      actionPlans: { totalCount: await total(actionPlans) },
      activationPactParticipations: { totalCount: participations },
      antwerpen: { id: antwerpen },
      gent: { soCovered: true, activationPactParticipations: [{ year: 2023 }, { year: 2024 }] },
    });
  });
});
