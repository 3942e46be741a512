import { sql } from 'drizzle-orm';
import postgres from 'postgres';

import { startTestStack, type TestStack } from '../support/stack';

/*
 * The database goes away under running subgraphs (issue #6): they answer errors with a code, do
 * not crash, say so in /readyz, and serve again once the database is back. PostgreSQL only: an
 * embedded PGlite cannot go away on its own.
 */
const url = process.env.DATABASE_URL;
const describeOnPostgres = url ? describe : describe.skip;

describeOnPostgres('subgraphs whose database goes away and comes back', () => {
  let stack: TestStack;
  let admin: postgres.Sql;
  let database: string;
  const QUERY = '{ person(id: "P-000001") { firstName advices { type } } }';

  beforeAll(async () => {
    stack = await startTestStack('small');
    admin = postgres(url!, { max: 1, onnotice: () => undefined });
    const [row] = (await stack.database.db.execute(
      sql`select current_database() as name`,
    )) as unknown as { name: string }[];
    database = row.name;
  });
  afterAll(async () => {
    await admin?.unsafe(`alter database ${database} allow_connections true`);
    await admin?.end();
    await stack?.stop();
  });

  const setConnections = async (allowed: boolean) => {
    await admin.unsafe(`alter database ${database} allow_connections ${allowed}`);
    if (!allowed) {
      await admin.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`,
      );
    }
  };

  it('answers SUBGRAPH_UNAVAILABLE while it is away, and everything once it is back', async () => {
    // The caller's mandate is now cached at the gateway, as it is on a running platform.
    const before = await stack.query(QUERY, {}, { persona: 'citizen' });
    expect(before.body.errors).toBeUndefined();

    await setConnections(false);
    const during = await stack.query(QUERY, {}, { persona: 'citizen' });
    expect(during.status).toBe(200);
    expect(during.body.data?.person ?? null).toBeNull();
    expect(during.body.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      subgraph: 'persons',
    });
    expect(JSON.stringify(during.body)).not.toMatch(/allow|connections|55000|57P01|5432/);
    const readyz = await fetch(new URL('/readyz', stack.stack.gatewayUrl));
    expect(readyz.status).toBe(503);
    expect(((await readyz.json()) as any).subgraphs.persons).toBe('unavailable');

    await setConnections(true);
    let after = await stack.query(QUERY, {}, { persona: 'citizen' });
    for (let attempt = 0; attempt < 20 && after.body.errors; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await stack.query(QUERY, {}, { persona: 'citizen' });
    }
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual(before.body.data);
    expect((await fetch(new URL('/readyz', stack.stack.gatewayUrl))).status).toBe(200);
  });
});
