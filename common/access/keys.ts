import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type JsonWebKey,
} from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { config } from '../config';

/**
 * The keys that sign callers inside the platform (DOMAIN A.2.7). Only the gateway holds the key
 * that signs a partner's caller; each subgraph holds a key of its own, which signs nothing but
 * its peer calls, and the public keys of the others. A subgraph can therefore vouch for itself,
 * never for a caller.
 *
 * Production brings them in `SIGNING_KEY` (this component's private JWK, its `kid` the
 * component's name) and `TRUSTED_KEYS` (a JWKS of public keys), and refuses to start without.
 * Development makes them at first start in `KEYS_DIR`, one file per component; nothing secret is
 * kept in the code.
 */
export const SIGNING_ALGORITHM = 'ES256';

/** The component whose key signs partner callers. */
export const GATEWAY = 'gateway';

/** A private key (PEM) and the `kid` it signs under. */
export interface SigningKey {
  kid: string;
  pem: string;
}

/** The public key (PEM) of a component, by `kid`; undefined for one that is not trusted. */
export type KeyResolver = (kid: string) => string | undefined;

/** A JWK with the `kid` and `alg` the platform's keys carry. */
export type PlatformJwk = JsonWebKey & { kid?: string; alg?: string };

const privateFile = (dir: string, component: string) => path.join(dir, `${component}.private.jwk`);

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a file only if nobody wrote it first (two processes starting at once keep one key). */
function writeOnce(file: string, content: string): boolean {
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A new P-256 key pair as a private JWK named `kid`. */
export function newSigningJwk(kid: string): PlatformJwk {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALGORITHM };
}

export function publicPart(jwk: PlatformJwk): PlatformJwk {
  const { d: _private, ...rest } = jwk;
  return rest;
}

const privatePem = (jwk: PlatformJwk) =>
  createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }) as string;
const publicPem = (jwk: PlatformJwk) =>
  createPublicKey({ key: publicPart(jwk), format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  }) as string;

/** The development key of a component, made on first use. */
function developmentKey(dir: string, component: string): PlatformJwk {
  mkdirSync(dir, { recursive: true });
  const file = privateFile(dir, component);
  const existing = readJson<PlatformJwk>(file);
  if (existing) return existing;
  writeOnce(file, JSON.stringify(newSigningJwk(component)));
  // Another process may have won the race: its key is the one on disk.
  return readJson<PlatformJwk>(file)!;
}

/** The public keys of every development component made so far. */
function developmentTrustedKeys(dir: string): PlatformJwk[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.private.jwk'));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const jwk = readJson<PlatformJwk>(path.join(dir, file));
    return jwk ? [publicPart(jwk)] : [];
  });
}

function parseJson<T>(name: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Invalid environment: ${name} is not JSON`);
  }
}

/** This component's signing key: `SIGNING_KEY` in production, a development key otherwise. */
export async function signingKeyOf(component: string): Promise<SigningKey> {
  let jwk: PlatformJwk;
  if (config.SIGNING_KEY) {
    jwk = parseJson<PlatformJwk>('SIGNING_KEY', config.SIGNING_KEY);
    if (jwk.kid !== component) {
      throw new Error(
        `Invalid environment: SIGNING_KEY has kid "${jwk.kid}", but this component is "${component}"`,
      );
    }
    if (!jwk.d) throw new Error('Invalid environment: SIGNING_KEY holds no private key');
  } else if (config.NODE_ENV === 'production') {
    throw new Error(
      `Invalid environment: set SIGNING_KEY (the ${SIGNING_ALGORITHM} private JWK of ${component}) in production`,
    );
  } else {
    jwk = developmentKey(config.KEYS_DIR, component);
  }
  return { kid: component, pem: privatePem(jwk) };
}

/**
 * The public keys this component trusts, by `kid`. In production `TRUSTED_KEYS` must name the
 * gateway and hold no private key (a subgraph that could sign as the gateway could mint any
 * caller). In development the set is read again when an unknown `kid` turns up, since the
 * components make their keys as they start.
 */
export function trustedKeys(): KeyResolver {
  if (config.TRUSTED_KEYS) {
    const set = parseJson<{ keys?: PlatformJwk[] }>('TRUSTED_KEYS', config.TRUSTED_KEYS);
    const keys = set.keys ?? [];
    if (keys.some((jwk) => jwk.d)) {
      throw new Error('Invalid environment: TRUSTED_KEYS must hold public keys only');
    }
    if (!keys.some((jwk) => jwk.kid === GATEWAY)) {
      throw new Error(`Invalid environment: TRUSTED_KEYS has no key with kid "${GATEWAY}"`);
    }
    return resolverOver(() => keys, false);
  }
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'Invalid environment: set TRUSTED_KEYS (the JWKS of the platform) in production',
    );
  }
  return resolverOver(() => developmentTrustedKeys(config.KEYS_DIR), true);
}

function resolverOver(read: () => PlatformJwk[], reloadOnMiss: boolean): KeyResolver {
  let byKid = new Map<string, string>();
  const load = () => {
    byKid = new Map(
      read()
        .filter((jwk) => typeof jwk.kid === 'string')
        .map((jwk) => [jwk.kid!, publicPem(jwk)]),
    );
  };
  load();
  return (kid) => {
    if (!byKid.has(kid) && reloadOnMiss) load();
    return byKid.get(kid);
  };
}

/**
 * The HS256 secret of development partner tokens (`AUTH_JWT_SECRET`, or one made at first start
 * in `KEYS_DIR`). Production verifies partner tokens against the identity provider instead.
 */
export function partnerTokenSecret(): string {
  if (config.AUTH_JWT_SECRET) return config.AUTH_JWT_SECRET;
  mkdirSync(config.KEYS_DIR, { recursive: true });
  const file = path.join(config.KEYS_DIR, 'partner-tokens.secret');
  writeOnce(file, randomBytes(32).toString('base64url'));
  return readFileSync(file, 'utf8').trim();
}

/**
 * The key of the candidate pool's pseudonyms (common/access/candidate-pool.ts): `PSEUDONYM_KEY`
 * in production, which refuses to start without it; in development one made at first start in
 * `KEYS_DIR`, like the signing keys. Never a key in the code.
 */
export function pseudonymKey(): string {
  if (config.PSEUDONYM_KEY) return config.PSEUDONYM_KEY;
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'Invalid environment: set PSEUDONYM_KEY (the candidate pool’s HMAC key, 32 characters or more) in production',
    );
  }
  // Read once: a page of candidates asks for it once per profile.
  developmentPseudonymKey ??= readDevelopmentPseudonymKey();
  return developmentPseudonymKey;
}

let developmentPseudonymKey: string | undefined;

function readDevelopmentPseudonymKey(): string {
  mkdirSync(config.KEYS_DIR, { recursive: true });
  const file = path.join(config.KEYS_DIR, 'pseudonyms.secret');
  writeOnce(file, randomBytes(32).toString('base64url'));
  return readFileSync(file, 'utf8').trim();
}
