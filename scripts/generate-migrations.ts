import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Writes a new versioned migration for every schema whose tables changed (drizzle-kit generate).
 * Each subgraph and the access module keep their own folder and journal.
 */
const root = path.resolve(__dirname, '..');
const folders = [
  'common/access',
  'subgraphs/persons',
  'subgraphs/indications',
  'subgraphs/maatwerk',
  'subgraphs/agreements',
].filter((folder) => require('node:fs').existsSync(path.join(root, folder, 'tables.ts')));

for (const folder of folders) {
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      `--schema=${folder}/tables.ts`,
      `--out=${folder}/migrations`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
