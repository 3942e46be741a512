import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, which the paths below are relative to. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Imports (`from 'x'`, `import 'x'`, `import('x')`), quoted as Prettier does. */
const IMPORT = /(?<![.\w])(?:from|import)\s*\(?\s*'((?:\.\.?\/|@?[a-z])[\w@./:-]*)'/g;

export interface ImportClosure {
  /** The repository's files that `entries` load, themselves included. */
  files: string[];
  /** The npm packages those files import (`@scope/name` or `name`), Node's own modules left out. */
  packages: string[];
}

/** What loading `entries` loads of this repository, and which packages it needs. */
export function importClosure(entries: string[]): ImportClosure {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (specifier.startsWith('.')) {
        const imported = resolveImport(path.dirname(file), specifier);
        if (imported) pending.push(imported);
      } else if (!specifier.startsWith('node:')) {
        packages.add(packageName(specifier));
      }
    }
  }
  return { files: [...files], packages: [...packages] };
}

/** An import that resolves to no file cannot be loaded either, so building fails on its own. */
function resolveImport(directory: string, specifier: string): string | undefined {
  const base = path.join(directory, specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((file) => isFile(file));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function isFile(file: string): boolean {
  const absolute = path.join(ROOT, file);
  return existsSync(absolute) && statSync(absolute).isFile();
}
