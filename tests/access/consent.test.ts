import { and, eq, sql } from 'drizzle-orm';

import { relations } from '../support/access-schema';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Consent cells (C in DOMAIN B.4) open a category only while the person's consent holds: the
 * VDAB ICF consultant reads P-000001's attestations in full through the ATTEST_DATAKOPPELING
 * consent of the seeds.
 */
describe('consent opens a category only while it holds', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const readAttestations = () =>
    stack.query(
      '{ person(id: "P-000001") { indicationRequests { attestations { kind source } } } }',
      {},
      { persona: 'vdab-icf-consultant' },
    );

  const consentRelation = and(
    eq(relations.org, 'vdab'),
    eq(relations.personId, 'P-000001'),
    eq(relations.purpose, 'CONSENT:ATTEST_DATAKOPPELING'),
  );

  it('reads the attestation source with the consent, and not once the consent has ended', async () => {
    const before = await readAttestations();
    expect(before.body.errors).toBeUndefined();
    const sources = before.body.data.person.indicationRequests.flatMap((request: any) =>
      request.attestations.map((attestation: any) => attestation.source),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every(Boolean)).toBe(true);

    await stack.database.db
      .update(relations)
      .set({ validUntil: sql`current_date - 1` })
      .where(consentRelation);

    const after = await readAttestations();
    const requests = after.body.data.person.indicationRequests;
    expect(requests.every((request: any) => request.attestations === null)).toBe(true);
    expect(after.body.errors?.map((error: any) => [error.path, error.extensions.code])).toEqual(
      requests.map((_: unknown, i: number) => [
        ['person', 'indicationRequests', i, 'attestations'],
        'FORBIDDEN',
      ]),
    );
    expect(after.body.errors?.[0].message).toMatch(/has not given your organisation the consent/);
  });
});
