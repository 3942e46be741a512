import 'reflect-metadata';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { migrateSubgraphs } from '../common/db/migrations';
import { isSeeded, seedDatabase } from '../seeds';
import { startStack } from '../scripts/stack';
import { subgraphs } from '../subgraphs/registry';
import { runLoad } from './load';
import { CASELOAD_QUERY } from './queries';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

/**
 * `npm run bench`: the whole stack in this process, then a fixed load on the caseload query.
 * With DATABASE_URL it uses that database as it is (fill it with `npm run seed -- --scale large`);
 * without, an in-memory PGlite seeded at demo scale.
 */
async function main() {
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : {});
  await migrateSubgraphs(
    database,
    subgraphs.map((s) => s.module),
  );
  if (!(await isSeeded(database.db))) {
    await seedDatabase(database.db, { scale: 'demo', seed: config.SEED });
  }
  const stack = await startStack({ database, gatewayPort: 0 });
  const body = JSON.stringify({ query: CASELOAD_QUERY, variables: { first: 20 } });
  const post = () =>
    fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  const first = (await (await post()).json()) as { errors?: unknown };
  if (first.errors) throw new Error(`The benchmark query fails: ${JSON.stringify(first.errors)}`);
  const before = database.statements.count;
  await post();
  const statementsPerOperation = database.statements.count - before;

  const result = await runLoad({
    url: stack.gatewayUrl,
    body,
    connections: CONNECTIONS,
    durationMs: DURATION_SECONDS * 1000,
  });
  await stack.stop();
  await database.close();

  const report = {
    query: 'Caseload (20 persons × residence, registration, advices, referrals, placements)',
    database: database.kind,
    connections: CONNECTIONS,
    seconds: DURATION_SECONDS,
    requests: result.requests,
    throughputRps: result.rps,
    latencyMs: result.latencyMs,
    errors: result.errors,
    sqlStatementsPerOperation: statementsPerOperation,
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
