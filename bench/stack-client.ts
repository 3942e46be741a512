import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { prepareDatabase } from '../common/db/migrations';
import { isSeeded, seedDatabase } from '../seeds';
import { subgraphs } from '../subgraphs/registry';
import type { LoadSample } from './load';
import type { StackReport, StackRequest } from './stack-process';

/*
 * The load scripts' side of bench/stack-process.ts: a stack in a process of its own, asked over
 * IPC for its CPU time, SQL statements and RSS.
 */

export type Usage = Extract<StackReport, { type: 'usage' }>;

/** Bytes as the reports give memory: whole mebibytes. */
export const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/** A configuration's stack, running in a process of its own (bench/stack-process.ts). */
export interface Configuration {
  name: 'accessControlOn' | 'accessControlOff';
  process: ChildProcess;
  gatewayUrl: string;
  database: string;
  headers: Record<string, string>;
  samples: LoadSample[];
  sqlStatementsPerOperation?: number;
  rssBytes?: { before: number; after: number };
}

export async function startConfiguration(
  name: Configuration['name'],
  headers: Record<string, string>,
): Promise<Configuration> {
  const child = fork(path.join(__dirname, 'stack-process.ts'), {
    // BENCH_CPU_PROF=<dir> writes each configuration's V8 CPU profile there when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_CPU_PROF, name)}`]
        : []),
    ],
    env: {
      // The rate limiter still runs and counts every request, with buckets large enough that a
      // closed loop of a few clients measures the stack rather than RATE_LIMITED answers.
      RATE_LIMIT_POINTS: '1000000',
      RATE_LIMIT_USER_POINTS: '1000000',
      ...process.env,
      BENCH_ACCESS_CONTROL: name === 'accessControlOn' ? 'on' : 'off',
    },
  });
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`The ${name} stack exited (${code}) before it was ready.`);
    }),
  ])) as [StackReport];
  if (ready.type !== 'ready') throw new Error(`The ${name} stack sent ${ready.type} first.`);
  return {
    name,
    process: child,
    gatewayUrl: ready.gatewayUrl,
    database: ready.database,
    headers,
    samples: [],
  };
}

export async function usageOf(target: Configuration): Promise<Usage> {
  const answer = once(target.process, 'message') as Promise<[Usage]>;
  target.process.send({ type: 'usage' } satisfies StackRequest);
  return (await answer)[0];
}

/** With DATABASE_URL, the schema and seeds are made once here, before both stacks start. */
export async function prepareSharedDatabase(url: string): Promise<void> {
  const database = await openDatabase({ url });
  try {
    await prepareDatabase(
      database,
      subgraphs.map((s) => s.module),
    );
    if (!(await isSeeded(database.db))) {
      console.error('Seeding the empty PostgreSQL database at demo scale…');
      await seedDatabase(database.db, { scale: 'demo', seed: config.SEED });
    }
  } finally {
    await database.close();
  }
}

/** Stops a configuration's process and waits until it is gone. */
export async function stopConfiguration(target: Configuration): Promise<void> {
  const exited = once(target.process, 'exit');
  target.process.send({ type: 'stop' } satisfies StackRequest);
  await exited;
}
