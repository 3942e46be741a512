import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * ts-jest transpiles each file on its own (fast, but blind to types), so the test command
 * type-checks the whole project once here: a type error in a test or in the code it runs fails
 * `npm test`. Incremental (tsconfig's tsBuildInfoFile), so after `npm run check:type` it re-checks
 * only what changed.
 */
it('the project type-checks (tsc --noEmit)', async () => {
  const root = path.resolve(__dirname, '..');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', root], {
    cwd: root,
    maxBuffer: 16 * 2 ** 20,
  }).then(
    () => '',
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(result).toBe('');
}, 180_000);
