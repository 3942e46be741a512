import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT } from './imports';

/**
 * An entry point of the product in a process of its own, as a platform runs it: for what only a
 * whole process shows (what it loads first, how it stops, what it sends on its way out).
 */
export interface EntryProcess {
  /** The first match of `printed` in what the process wrote (stdout and stderr). */
  printed: string;
  /** Sends SIGTERM, as a platform stopping the process does, and waits for its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `entry` (relative to the repository) with `environment` added, until it writes something
 * that matches `ready`; the first group of the match is returned as `printed`.
 */
export async function startEntry(
  entry: string,
  environment: Record<string, string | undefined>,
  ready: RegExp,
): Promise<EntryProcess> {
  const child: ChildProcess = fork(path.join(ROOT, entry), {
    execArgv: ['--import', 'tsx'],
    // Not NODE_ENV=test, which jest sets: libraries behave differently under it (Apollo Server
    // leaves termination signals alone then, and only then).
    env: { ...process.env, NODE_ENV: 'development', ...environment },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const printed = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`)),
    );
  });
  return {
    printed,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      return ((await exited) as [number | null])[0];
    },
  };
}

/** Runs `entry` (a job: it exits by itself) with `environment` added; its exit code and output. */
export async function runEntry(
  entry: string,
  environment: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const child = fork(path.join(ROOT, entry), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'development', ...environment },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/** Processes started together: all of them, or, if one fails to start, none left running. */
export async function startTogether<Started extends { stop(): Promise<unknown> }>(
  starts: Promise<Started>[],
): Promise<Started[]> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((result) => result.status === 'rejected');
  const started = settled.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  if (failed) {
    await Promise.all(started.map((process) => process.stop()));
    throw failed.reason;
  }
  return started;
}

/** `npm start` on a fresh embedded database seeded with the small world; its gateway's URL. */
export async function startProductProcess(
  environment: Record<string, string>,
): Promise<{ gatewayUrl: string; stop(): Promise<number | null> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'maatwerk-process-'));
  const started = await startEntry(
    'scripts/start.ts',
    {
      DATABASE_URL: undefined,
      PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
      SEED_SCALE: 'small',
      PORT: '0',
      ...environment,
    },
    /GraphQL\s+(http:\/\/\S+\/graphql)/,
  );
  return {
    gatewayUrl: started.printed,
    async stop() {
      const code = await started.stop();
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
