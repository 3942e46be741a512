import { sql } from 'drizzle-orm';

import { signPartnerToken } from '../../common/access/partner-token';
import { rowsOf } from '../../common/db/rows';
import { CANDIDATE_POOL_QUERY } from '../../bench/queries';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 14: the SQL one page of the pool costs does not grow with the pool. An open vacancy of
 * each pool measure (CMW and IMW pools differ in size), each pulled by its own employer; the
 * statements a page of 50 costs in the whole stack (the vacancy asked of maatwerk, the pool, the
 * audit insert) are the same.
 */
describe('the candidate pool’s SQL per page', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  it('is the same for a small and a large pool', async () => {
    const vacancies = rowsOf<{ id: string; employerId: string }>(
      await stack.database.db.execute(sql`select distinct on (measure) id,
          employer_id as "employerId"
        from maatwerk.vacancies where status = 'OPEN' and measure in ('CMW', 'IMW')
        order by measure, id`),
    );
    const pages: { size: number; statements: number }[] = [];
    for (const { id, employerId } of vacancies) {
      const token = await signPartnerToken({
        sub: `${employerId}-hr`,
        role: 'EMPLOYER',
        org: `employer:${employerId}`,
      });
      const pull = () =>
        stack.query(
          CANDIDATE_POOL_QUERY,
          { vacancyId: id, first: 50 },
          { headers: { authorization: `Bearer ${token}` } },
        );
      await pull(); // prepares the statements and the mandate
      const before = stack.database.statements.count;
      const { body } = await pull();
      expect(body.errors).toBeUndefined();
      pages.push({
        size: body.data.candidates.totalCount,
        statements: stack.database.statements.count - before,
      });
    }
    expect(new Set(pages.map((page) => page.size)).size).toBe(2);
    expect(pages[1].statements).toBe(pages[0].statements);
  });
});
