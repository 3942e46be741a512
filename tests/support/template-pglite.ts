import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { PGlite } from '@electric-sql/pglite';

import { openDatabase } from '../../common/db/connection';
import { STALE_AFTER_MS, type Template } from './template';

const PREFIX = 'maatwerk-template-';

/**
 * The template as a PGlite dump (`dumpDataDir`) to start a database from. The dump is a file in
 * the temp directory, so the first test file that needs it builds it and the other jest workers,
 * and later runs on the same code, read it.
 */
export async function pgliteTemplate(template: Template): Promise<Blob> {
  const file = path.join(os.tmpdir(), `${PREFIX}${template.version}-${template.name}.tar.gz`);
  if (!existsSync(file)) {
    await withFileLock(`${file}.lock`, async () => {
      if (!existsSync(file)) await writeDump(template, file);
    });
  }
  // The modification time says when the dump was last used, see removeStale.
  const now = new Date();
  utimesSync(file, now, now);
  return new Blob([readFileSync(file)]);
}

async function writeDump(template: Template, file: string): Promise<void> {
  const database = await openDatabase();
  try {
    await template.build(database);
    const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('gzip');
    // Written aside and renamed, so no reader ever sees half a dump.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
  removeStale(template.version);
}

async function withFileLock(lock: string, work: () => Promise<void>): Promise<void> {
  while (!tryLock(lock)) await sleep(100);
  try {
    await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Takes the lock; or, when its holder died (a run killed while building), frees it to retry. */
function tryLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!holderAlive(lock)) rmSync(lock, { force: true });
    return false;
  }
}

function holderAlive(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    // An empty lock is one being taken right now.
    if (pid) process.kill(pid, 0);
    return true;
  } catch (error) {
    // ENOENT: released meanwhile; ESRCH: gone. EPERM: alive, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Dumps, locks and partial files of other versions, unused for a while. */
function removeStale(version: string): void {
  const directory = os.tmpdir();
  for (const entry of readdirSync(directory)) {
    if (!entry.startsWith(PREFIX) || entry.startsWith(`${PREFIX}${version}-`)) continue;
    const file = path.join(directory, entry);
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - modified > STALE_AFTER_MS) rmSync(file, { force: true });
  }
}
