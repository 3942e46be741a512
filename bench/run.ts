import 'reflect-metadata';

import { signPartnerToken } from '../common/access/partner-token';
import { personaNamed } from '../common/access/personas';
import { config } from '../common/config';
import { openDatabase, type DatabaseHandle } from '../common/db/connection';
import { migrateSubgraphs } from '../common/db/migrations';
import { isSeeded, seedDatabase } from '../seeds';
import { startStack, type RunningStack } from '../scripts/stack';
import { subgraphs } from '../subgraphs/registry';
import { runLoad, summarize, type LoadSample } from './load';
import { CASELOAD_QUERY } from './queries';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PERSONA = process.env.BENCH_PERSONA ?? 'vdab-mediator';
const PAGE_SIZE = 20;
const BODY = JSON.stringify({ query: CASELOAD_QUERY, variables: { first: PAGE_SIZE } });

interface Configuration {
  name: 'accessControlOn' | 'accessControlOff';
  stack: RunningStack;
  headers: Record<string, string>;
  samples: LoadSample[];
  sqlStatementsPerOperation?: number;
}

async function post(target: Configuration) {
  const response = await fetch(target.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: BODY,
  });
  return (await response.json()) as { data?: any; errors?: unknown };
}

/** Checks the query answers a full page without errors, then counts the SQL one answer costs. */
async function prepare(database: DatabaseHandle, target: Configuration): Promise<void> {
  const first = await post(target); // also warms the mandate cache and the query plan
  if (first.errors) throw new Error(`The benchmark query fails: ${JSON.stringify(first.errors)}`);
  if (first.data.persons.edges.length !== PAGE_SIZE) {
    throw new Error(`The benchmark query returns fewer than ${PAGE_SIZE} persons: seed first.`);
  }
  const before = database.statements.count;
  await post(target);
  target.sqlStatementsPerOperation = database.statements.count - before;
}

/**
 * `npm run bench`: the whole stack in this process, loaded with the caseload query as a partner
 * persona (access control on: token, mandate, row filter, field guard, audit) and as the platform
 * itself (access control off), in alternating rounds so that neither profits from a warmer
 * database or machine, and the throughput ratio of the two.
 * With DATABASE_URL it uses that database as it is (fill it with `npm run seed -- --scale large`);
 * without, an in-memory PGlite seeded at demo scale.
 */
async function main() {
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : {});
  const targets: Configuration[] = [];
  try {
    await migrateSubgraphs(
      database,
      subgraphs.map((s) => s.module),
    );
    if (!(await isSeeded(database.db))) {
      console.error(`Seeding the empty ${database.kind} database at demo scale…`);
      await seedDatabase(database.db, { scale: 'demo', seed: config.SEED });
    }
    const token = await signPartnerToken(personaNamed(PERSONA));
    targets.push(
      {
        name: 'accessControlOn',
        stack: await startStack({ database, gatewayPort: 0 }),
        headers: { authorization: `Bearer ${token}` },
        samples: [],
      },
      {
        name: 'accessControlOff',
        stack: await startStack({ database, gatewayPort: 0, accessControl: false }),
        headers: {},
        samples: [],
      },
    );
    for (const target of targets) await prepare(database, target);
    const roundMs = (DURATION_SECONDS * 1000) / ROUNDS;
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of round % 2 ? targets : [...targets].reverse()) {
        console.error(`Round ${round}/${ROUNDS}: ${target.name}…`);
        target.samples.push(
          await runLoad({
            url: target.stack.gatewayUrl,
            body: BODY,
            headers: target.headers,
            connections: CONNECTIONS,
            durationMs: roundMs,
          }),
        );
      }
    }
    const [on, off] = targets.map((target) => ({
      ...summarize(target.samples),
      sqlStatementsPerOperation: target.sqlStatementsPerOperation,
    }));
    const report = {
      query: `Caseload (${PAGE_SIZE} persons × residence, registration, advices, referrals, placements)`,
      database: database.kind,
      connections: CONNECTIONS,
      secondsPerConfiguration: DURATION_SECONDS,
      rounds: ROUNDS,
      accessControlOn: { persona: PERSONA, ...on },
      accessControlOff: off,
      throughputRatioOnOverOff: Number((on.rps / off.rps).toFixed(3)),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await Promise.allSettled(targets.map((target) => target.stack.stop()));
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
