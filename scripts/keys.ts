import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { GATEWAY, newSigningJwk, publicPart } from '../common/access/keys';
import { subgraphs } from '../subgraphs/registry';

/**
 * `npm run keys -- <dir>`: a fresh set of platform keys for a deployment. Each component's
 * private key goes to `<dir>/signing-keys/<component>` (its SIGNING_KEY), the public keys of all
 * to `<dir>/trusted.jwks.json` (the subgraphs' TRUSTED_KEYS). Give the gateway's key to the
 * gateway alone: whoever holds it can sign any partner's caller.
 */
function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npm run keys -- <directory>');
    process.exit(2);
  }
  const keysDir = path.join(dir, 'signing-keys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const trusted = [];
  for (const component of [GATEWAY, ...subgraphs.map((s) => s.name)]) {
    const jwk = newSigningJwk(component);
    writeFileSync(path.join(keysDir, component), JSON.stringify(jwk), { mode: 0o600 });
    trusted.push(publicPart(jwk));
  }
  writeFileSync(path.join(dir, 'trusted.jwks.json'), JSON.stringify({ keys: trusted }, null, 2));
  console.log(
    `Wrote ${trusted.length} signing keys to ${keysDir} and their public keys to ${dir}/trusted.jwks.json.`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
