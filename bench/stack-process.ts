import '../common/tracing/register';
import 'reflect-metadata';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { prepareDatabase } from '../common/db/migrations';
import { isSeeded, seedDatabase } from '../seeds';
import { startStack } from '../scripts/stack';
import { subgraphs } from '../subgraphs/registry';

/** What the benchmark asks of the process that serves one configuration. */
export type StackRequest = { type: 'usage' } | { type: 'stop' };

export type StackReport =
  | { type: 'ready'; gatewayUrl: string; database: string }
  | { type: 'usage'; cpuMs: number; statements: number; rssBytes: number };

/**
 * One benchmark configuration in a process of its own, as gateway and subgraphs run in
 * production: the load client's work, and the other configuration's, stay out of its CPU time
 * and its JIT. `BENCH_ACCESS_CONTROL=off` serves the platform's own unrestricted baseline.
 * Driven over IPC by bench/run.ts.
 */
async function main() {
  const send = (report: StackReport) => process.send!(report);
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : {});
  if (database.kind === 'pglite') {
    // An in-memory PGlite belongs to this process alone: it seeds its own demo world.
    await prepareDatabase(
      database,
      subgraphs.map((s) => s.module),
    );
    if (!(await isSeeded(database.db))) {
      await seedDatabase(database.db, { scale: 'demo', seed: config.SEED });
    }
  }
  const stack = await startStack({
    database,
    gatewayPort: 0,
    accessControl: process.env.BENCH_ACCESS_CONTROL !== 'off',
  });
  process.on('message', async (request: StackRequest) => {
    if (request.type === 'usage') {
      const cpu = process.cpuUsage();
      send({
        type: 'usage',
        cpuMs: (cpu.user + cpu.system) / 1000,
        statements: database.statements.count,
        rssBytes: process.memoryUsage().rss,
      });
    } else {
      await stack.stop();
      await database.close();
      process.exit(0);
    }
  });
  send({ type: 'ready', gatewayUrl: stack.gatewayUrl, database: database.kind });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
