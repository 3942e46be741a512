import { sql } from 'drizzle-orm';

import { rowsOf } from '../../common/db/rows';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 13 item 9: an SO adviesbevoegdheid indicering opens, to the ICF consultants of the local
 * governments it covers, the OCMW clients of those municipalities (DOMAIN A.2.4 and B.4: "OCMW
 * clients of the municipalities covered by their SO adviesbevoegdheid"), so a consultant can
 * start a file for any of them. It opens when the SO becomes ACTIVE, in that transaction, and
 * closes when it ends.
 */
describe('an SO adviesbevoegdheid opens the OCMW clients it covers to its consultants', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const rows = async <Row>(query: ReturnType<typeof sql>) =>
    rowsOf<Row>(await stack.database.db.execute(query));

  /** The current OCMW clients of a municipality, as the reference directory holds them. */
  const ocmwClients = async (nisCode: string) =>
    (
      await rows<{ person_id: string }>(sql`
        select distinct person_id from access.relations
        where org = ${`ocmw:${nisCode}`} and purpose = 'SOCIAL_INTEGRATION'
          and valid_from <= current_date and (valid_until is null or valid_until >= current_date)
        order by person_id`)
    ).map((row) => row.person_id);

  /** The persons the Gent ICF consultant reaches through the gateway. */
  const consultantReaches = async (): Promise<Set<string>> => {
    const ids = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const { body }: { body: any } = await stack.query(
        'query($after: String) { persons(first: 500, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
        { persona: 'icf-consultant-gent' },
      );
      expect(body.errors).toBeUndefined();
      for (const edge of body.data.persons.edges) ids.add(edge.node.id);
      if (!body.data.persons.pageInfo.hasNextPage) return ids;
      after = body.data.persons.pageInfo.endCursor;
    }
  };

  it('gives the Gent consultant every current OCMW client of the municipalities CA-000002 covers', async () => {
    const covered = (
      await rows<{ nis: string }>(sql`
        select municipality_nis_code as nis from agreements.agreement_coverage
        where agreement_id = 'CA-000002' order by 1`)
    ).map((row) => row.nis);
    expect(covered).toContain('44021');
    const reached = await consultantReaches();
    for (const nisCode of covered) {
      const missing = (await ocmwClients(nisCode)).filter((id) => !reached.has(id));
      expect({ nisCode, missing }).toEqual({ nisCode, missing: [] });
    }
    expect((await ocmwClients('44021')).length).toBeGreaterThan(10);
  });

  it('opens a newly active SO adviesbevoegdheid in its own transaction, and closes it when it expires', async () => {
    const covered = new Set(
      (
        await rows<{ nis: string }>(sql`
          select municipality_nis_code as nis from agreements.agreement_coverage
          where agreement_id = 'CA-000002'`)
      ).map((row) => row.nis),
    );
    // A municipality with OCMW clients none of whom the consultant reaches yet.
    const reachedBefore = await consultantReaches();
    const candidates = await rows<{ nis: string }>(sql`
      select substring(org from 6) as nis from access.relations
      where org like 'ocmw:%' and purpose = 'SOCIAL_INTEGRATION' group by org
      having count(*) >= 3 order by org`);
    let other: string | undefined;
    for (const { nis } of candidates) {
      if (covered.has(nis)) continue;
      const clients = await ocmwClients(nis);
      if (clients.length > 0 && clients.every((id) => !reachedBefore.has(id))) {
        other = nis;
        break;
      }
    }
    expect(other).toBeDefined();
    const clients = await ocmwClients(other!);

    const mutate = (mutation: string, input: Record<string, unknown>) =>
      stack.query(mutation, { input }, { persona: 'monitor-gent' });
    const drafted = await mutate(
      `mutation($input: DraftCollaborationAgreementInput!) { draftCollaborationAgreement(input: $input) { id } }`,
      {
        type: 'SO_ADVIESBEVOEGDHEID_INDICERING',
        title: `SO adviesbevoegdheid indicering VDAB – Gent en ${other}`,
        periodStart: '2026-01-01',
        periodEnd: '2031-12-31',
        targetGroups: ['LEEFLOON_EQ'],
        municipalityNisCodes: ['44021', other],
        omgevingsanalyse: 'Leefloongerechtigden met een vermoeden van arbeidsbeperking.',
        doelstellingen: 'Eén loket: indicering door de consulenten van het lokaal bestuur.',
        acties: 'ICF-onderzoeken voor OCMW-cliënten van beide gemeenten.',
        taakverdeling: 'Lokaal bestuur: ICF-onderzoek; VDAB: beslissing.',
        indicatorenStreefcijfers: 'Doorlooptijd onder drie maanden.',
      },
    );
    expect(drafted.body.errors).toBeUndefined();
    const agreementId = drafted.body.data.draftCollaborationAgreement.id;
    const move = async (status: string) => {
      const moved = await mutate(
        `mutation($input: MoveCollaborationAgreementInput!) { moveCollaborationAgreement(input: $input) { status } }`,
        { agreementId, status },
      );
      expect(moved.body.errors).toBeUndefined();
    };

    await move('SIGNED');
    const signed = await consultantReaches();
    expect(clients.filter((id) => signed.has(id))).toEqual([]);
    await move('ACTIVE');
    const opened = await consultantReaches();
    expect(clients.filter((id) => !opened.has(id))).toEqual([]);

    await move('EVALUATION');
    expect(clients.every((id) => opened.has(id))).toBe(true);
    await move('EXPIRED');
    const closed = await consultantReaches();
    expect(clients.filter((id) => closed.has(id))).toEqual([]);
  });
});
