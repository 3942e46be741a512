import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { signPartnerToken } from '../common/access/partner-token';
import { PERSONAS } from '../common/access/personas';

/**
 * A file of an installed npm package, for the browser pages: they never load anything from a
 * CDN. Found from the package's entry point, because `exports` maps hide `package.json` and the
 * UMD builds (chart.js).
 */
export function packageFile(pkg: string, file: string): string {
  const isRoot = (dir: string) => {
    const manifest = path.join(dir, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === pkg;
  };
  let dir = path.dirname(require.resolve(pkg));
  while (!isRoot(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the root of the package ${pkg}`);
    dir = parent;
  }
  return path.join(dir, file);
}

export interface PersonaToken {
  name: string;
  description: string;
  token: string;
}

/** The demo personas with fresh tokens, for the pickers of the explorer and the dashboard. */
export function demoPersonaTokens(): Promise<PersonaToken[]> {
  return Promise.all(
    PERSONAS.map(async (p) => ({
      name: p.name,
      description: p.description,
      token: await signPartnerToken(p),
    })),
  );
}
