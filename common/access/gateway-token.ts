import { createHash, randomUUID } from 'node:crypto';

import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

import { PARTNER_ROLES, PLATFORM_CALLER, Role, type Caller } from './caller';
import { GATEWAY, SIGNING_ALGORITHM, type KeyResolver, type SigningKey } from './keys';

/**
 * The caller context a subgraph works for (DOMAIN A.2.7). The gateway signs it for one subgraph
 * and one operation; a subgraph accepts nothing else, `_entities` and `_service` included.
 *
 * - `x-gateway-token`: signed by the gateway's key (ES256), for one audience (the subgraph's
 *   name), with a unique id, living seconds, bound to the digest of the operation it travels with.
 * - `x-peer-token`, on a call from one subgraph to another: signed by the calling subgraph's own
 *   key, for the called subgraph and its operation, and bound to the gateway token that came with
 *   the partner's request. The called subgraph works for the caller in that gateway token, which
 *   the calling subgraph cannot change: it can narrow the categories, never widen them, and it
 *   cannot invent a caller, since it cannot sign as the gateway.
 */
export const CALLER_TOKEN_HEADER = 'x-gateway-token';
export const PEER_TOKEN_HEADER = 'x-peer-token';

/** Seconds a token is valid: long enough for one fetch of a query plan, short enough to be useless later. */
export const TOKEN_LIFETIME_SECONDS = 20;
/** Seconds of clock difference tolerated between components. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface ForwardedCaller extends Caller {
  /** The gateway's own id of the partner's request, shared by every subgraph it reaches. */
  requestId: string;
  /** The partner's own id of the request (its `x-request-id`), kept beside the gateway's. */
  partnerRequestId: string | null;
  /** The mandate that allows this request, and the data categories it grants. */
  mandateId: string | null;
  categories: string[];
  /** The partner application that sent the request (the token's `azp`/`client_id`), if known. */
  application: string | null;
}

/**
 * The platform itself: every category, no row filter, no audit. For in-process work no partner
 * can reach (tests of one subgraph, the benchmark's unrestricted baseline); never accepted from
 * the network, where only the partner roles of A.3 are.
 */
export function platformCaller(requestId: string = randomUUID()): ForwardedCaller {
  return {
    ...PLATFORM_CALLER,
    requestId,
    partnerRequestId: null,
    mandateId: null,
    categories: [],
    application: 'platform',
  };
}

/** Binds a token to the operation it travels with: the text, a newline, the variables' JSON. */
export function operationDigest(query: string | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(query ?? '')
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What a subgraph accepts as a caller: a partner role of A.3 and nothing else. */
const forwardedCallerSchema = z.object({
  sub: z.string().min(1),
  role: z.enum([...PARTNER_ROLES] as [Role, ...Role[]]),
  org: z.string().min(1),
  purpose: z.string().nullable(),
  requestId: z.string().min(1),
  partnerRequestId: z.string().nullable().default(null),
  mandateId: z.string().nullable(),
  categories: z.array(z.string()),
  application: z.string().nullable(),
});

type Payload = Record<string, unknown> & { iss?: string; jti?: string };

/**
 * A token signer per key. fast-jwt signs synchronously: jose's asynchronous crypto jobs cost
 * several times the signature itself, on every subgraph call.
 */
const signers = new Map<string, (payload: Record<string, unknown>) => string>();

function signed(payload: Record<string, unknown>, key: SigningKey, audience: string): string {
  let sign = signers.get(key.pem);
  if (!sign) {
    sign = createSigner({
      key: key.pem,
      algorithm: SIGNING_ALGORITHM,
      kid: key.kid,
      iss: key.kid,
      expiresIn: TOKEN_LIFETIME_SECONDS * 1000,
    });
    signers.set(key.pem, sign);
  }
  return sign({ ...payload, aud: audience, jti: randomUUID() });
}

/** The gateway's token for one call to one subgraph. Only the gateway's key makes a valid one. */
export async function signCallerToken(
  gatewayKey: SigningKey,
  caller: ForwardedCaller,
  call: { audience: string; digest: string },
): Promise<string> {
  if (!PARTNER_ROLES.has(caller.role)) {
    throw new Error(`The gateway signs partner callers only, not ${caller.role}.`);
  }
  return signed({ caller, digest: call.digest }, gatewayKey, call.audience);
}

/** What a subgraph may do to the caller it passes on to a peer: fewer categories, never more. */
export interface Narrowing {
  categories?: string[];
}

/** A subgraph's token for a call to a peer, on behalf of the caller of `callerToken`. */
export async function signPeerToken(
  ownKey: SigningKey,
  call: { audience: string; digest: string; callerToken: string; narrow?: Narrowing },
): Promise<string> {
  return signed(
    { digest: call.digest, parent: tokenHash(call.callerToken), narrow: call.narrow ?? {} },
    ownKey,
    call.audience,
  );
}

export interface VerifiedCaller {
  caller: ForwardedCaller;
  /** The gateway's token for this request, which a peer call passes on. */
  callerToken: string;
}

/** Why a request's caller was refused; logged, never told to the sender in detail. */
export class CallerRefused extends Error {}

/**
 * Verifies the caller of requests to one subgraph: `verify` returns the caller or throws
 * `CallerRefused`. A token is accepted once: a replay within its lifetime is refused.
 */
export class CallerVerifier {
  private readonly seen = new LRUCache<string, true>({
    max: 100_000,
    ttl: (TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) * 2000,
  });

  constructor(
    private readonly component: string,
    private readonly keys: KeyResolver,
  ) {}

  async verify(request: {
    callerToken: string | undefined;
    peerToken: string | undefined;
    digest: string;
  }): Promise<VerifiedCaller> {
    const { callerToken, peerToken, digest } = request;
    if (!callerToken) throw new CallerRefused('no gateway token');
    if (!peerToken) {
      const payload = this.token(callerToken, GATEWAY, this.component);
      if (payload.digest !== digest) throw new CallerRefused('token for another operation');
      this.once(payload);
      return { caller: callerOf(payload), callerToken };
    }
    const peer = kidOf(peerToken);
    if (peer === GATEWAY || peer === this.component) {
      throw new CallerRefused(`peer token of ${peer}`);
    }
    const envelope = this.token(peerToken, peer, this.component);
    if (envelope.digest !== digest) throw new CallerRefused('peer token for another operation');
    if (envelope.parent !== tokenHash(callerToken)) {
      throw new CallerRefused('peer token for another caller');
    }
    this.once(envelope);
    // The caller the gateway signed for the peer that calls: its lifetime still bounds the call.
    const original = this.token(callerToken, GATEWAY, peer);
    return { caller: narrowed(callerOf(original), envelope.narrow), callerToken };
  }

  /** A verifier per (issuer, audience, key): fast-jwt checks synchronously. */
  private readonly verifiers = new Map<string, (token: string) => Payload>();

  private token(token: string, issuer: string, audience: string): Payload {
    const kid = kidOf(token);
    if (kid !== issuer) throw new CallerRefused(`signed by ${kid}, expected ${issuer}`);
    const key = this.keys(issuer);
    if (!key) throw new CallerRefused(`no trusted key for ${issuer}`);
    const cacheKey = `${issuer}\n${audience}\n${key}`;
    let verify = this.verifiers.get(cacheKey);
    if (!verify) {
      verify = createVerifier({
        key,
        algorithms: [SIGNING_ALGORITHM],
        allowedIss: issuer,
        allowedAud: audience,
        requiredClaims: ['exp', 'iat', 'jti'],
        maxAge: (TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000,
        clockTolerance: CLOCK_TOLERANCE_SECONDS * 1000,
      }) as (token: string) => Payload;
      this.verifiers.set(cacheKey, verify);
    }
    try {
      return verify(token);
    } catch (error) {
      throw new CallerRefused(
        `token of ${issuer} refused: ${error instanceof TokenError ? error.code : (error as Error).message}`,
      );
    }
  }

  private once(payload: Payload): void {
    const id = `${payload.iss}:${payload.jti}`;
    if (this.seen.has(id)) throw new CallerRefused('token replayed');
    this.seen.set(id, true);
  }
}

/**
 * The `kid` a token's header names, to pick the key it must verify with; refused when it is not
 * a JWT. Only the header is decoded: the verifier then checks signature and claims.
 */
function kidOf(token: string): string {
  const end = token.indexOf('.');
  if (end > 0) {
    try {
      const header = JSON.parse(Buffer.from(token.slice(0, end), 'base64url').toString('utf8'));
      if (typeof header?.kid === 'string') return header.kid;
    } catch {
      // refused below
    }
  }
  throw new CallerRefused('not a JWT with a kid');
}

function callerOf(payload: Payload): ForwardedCaller {
  const parsed = forwardedCallerSchema.safeParse(payload.caller);
  if (!parsed.success) throw new CallerRefused('caller is not a partner of A.3');
  return parsed.data;
}

function narrowed(caller: ForwardedCaller, narrow: unknown): ForwardedCaller {
  const categories = (narrow as Narrowing | undefined)?.categories;
  if (!Array.isArray(categories)) return caller;
  return { ...caller, categories: caller.categories.filter((c) => categories.includes(c)) };
}
