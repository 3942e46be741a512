import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { exportJWK, generateKeyPair } from 'jose';

/**
 * The platform's keys (DOMAIN A.2.7): made at first start in development, never kept in code;
 * production refuses to start without its own, and a subgraph never holds a private key it
 * could sign a caller with.
 */
type Keys = typeof import('../../common/access/keys');

/** keys.ts as it reads the environment `env` at start. */
function keysWith(env: Record<string, string | undefined>): Keys {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env))
    if (value === undefined) delete process.env[name];
  try {
    let keys: Keys | undefined;
    jest.isolateModules(() => {
      keys = require('../../common/access/keys') as Keys;
    });
    return keys!;
  } finally {
    process.env = saved;
  }
}

const jwkOf = async (kid: string) => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
};

describe('platform keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'maatwerk-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes development keys at first start, once, however many components start at once', async () => {
    const keys = keysWith({ KEYS_DIR: dir, NODE_ENV: 'development', SIGNING_KEY: undefined });
    const [a, b] = await Promise.all([keys.signingKeyOf('gateway'), keys.signingKeyOf('gateway')]);
    expect(a.kid).toBe('gateway');
    expect(readdirSync(dir)).toEqual(['gateway.private.jwk']);
    const again = await keysWith({ KEYS_DIR: dir, NODE_ENV: 'development' }).signingKeyOf(
      'gateway',
    );
    expect(again.kid).toBe(b.kid);
    expect(JSON.parse(readFileSync(path.join(dir, 'gateway.private.jwk'), 'utf8')).d).toBeDefined();
  });

  it('trusts, in development, the public part of the keys made so far, and finds a new one', async () => {
    const keys = keysWith({ KEYS_DIR: dir, NODE_ENV: 'development', TRUSTED_KEYS: undefined });
    const resolve = keys.trustedKeys();
    expect(await resolve('gateway')).toBeUndefined();
    await keys.signingKeyOf('gateway');
    expect(await resolve('gateway')).toBeDefined();
  });

  it('refuses to start in production without a signing key, or with one of another component', async () => {
    const production = {
      KEYS_DIR: dir,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example.be/jwks',
    };
    await expect(
      keysWith({ ...production, SIGNING_KEY: undefined }).signingKeyOf('gateway'),
    ).rejects.toThrow(/set SIGNING_KEY/);
    await expect(
      keysWith({ ...production, SIGNING_KEY: JSON.stringify(await jwkOf('persons')) }).signingKeyOf(
        'gateway',
      ),
    ).rejects.toThrow(/kid "persons"/);
    expect(readdirSync(dir)).toEqual([]);
    const own = await keysWith({
      ...production,
      SIGNING_KEY: JSON.stringify(await jwkOf('gateway')),
    }).signingKeyOf('gateway');
    expect(own.kid).toBe('gateway');
  });

  it('refuses, in production, trusted keys that are missing, lack the gateway, or hold a private key', async () => {
    const production = {
      KEYS_DIR: dir,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example.be/jwks',
    };
    expect(() => keysWith({ ...production, TRUSTED_KEYS: undefined }).trustedKeys()).toThrow(
      /set TRUSTED_KEYS/,
    );
    const gateway = await jwkOf('gateway');
    const { d: _private, ...publicGateway } = gateway;
    expect(() =>
      keysWith({ ...production, TRUSTED_KEYS: JSON.stringify({ keys: [gateway] }) }).trustedKeys(),
    ).toThrow(/public keys only/);
    expect(() =>
      keysWith({ ...production, TRUSTED_KEYS: JSON.stringify({ keys: [] }) }).trustedKeys(),
    ).toThrow(/no key with kid "gateway"/);
    const resolve = keysWith({
      ...production,
      TRUSTED_KEYS: JSON.stringify({ keys: [publicGateway] }),
    }).trustedKeys();
    expect(await resolve('gateway')).toBeDefined();
  });
});
