import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

import { Role } from '../common/access/caller';
import { domainError, ErrorCode } from '../common/errors';
import { logger } from '../common/logger';

export interface PartnerIdentity {
  sub: string;
  role: Role;
  org: string;
  application: string | null;
}

export interface AuthOptions {
  jwtSecret: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Seconds since its `iat` that a token is accepted, whatever its `exp` (AUTH_MAX_TOKEN_AGE). */
  maxTokenAgeSeconds: number;
}

/** How far the identity provider's clock may be off from ours, either way. */
const CLOCK_TOLERANCE_SECONDS = 30;

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(Object.values(Role) as [Role, ...Role[]]),
  org: z.string().min(1),
  azp: z.string().optional(),
  client_id: z.string().optional(),
});

const unauthenticated = (reason: string) =>
  domainError(ErrorCode.UNAUTHENTICATED, `${reason} Send "Authorization: Bearer <token>".`);

/** A claim's value as a partner sent it, quoted and cut short, for a message about it. */
const quoted = (value: unknown) =>
  JSON.stringify((Array.isArray(value) ? value.join(' ') : String(value)).slice(0, 100));

const readableDuration = (seconds: number) =>
  seconds % 3600 === 0
    ? `${seconds / 3600} h`
    : seconds % 60 === 0
      ? `${seconds / 60} min`
      : `${seconds} s`;

/** Why jose refused a token, in words a partner's developer can act on. */
function refusalReason(error: unknown, options: AuthOptions): string {
  if (!(error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired)) {
    return 'The token is not valid.';
  }
  const { claim, reason, payload } = error;
  if (reason === 'missing') {
    return `The token has no "${claim}" claim: tokens must say when they were issued (iat) and when they expire (exp).`;
  }
  switch (claim) {
    case 'iss':
      return `The token's issuer ${quoted(payload.iss)} is not accepted.`;
    case 'aud':
      return `The token's audience ${quoted(payload.aud)} is not accepted: it must name ${options.audience}.`;
    case 'exp':
      return 'The token has expired.';
    case 'iat':
      return error instanceof errors.JWTExpired
        ? `The token was issued more than ${readableDuration(options.maxTokenAgeSeconds)} ago: get a new one.`
        : 'The token was issued in the future: check the clock of its issuer.';
    case 'nbf':
      return 'The token is not valid yet.';
    default:
      return 'The token is not valid.';
  }
}

/**
 * Verifies partner bearer tokens: against the identity provider's JWKS (RS256/ES256) when
 * AUTH_JWKS_URL is set, else HS256 with AUTH_JWT_SECRET (development). Issuer and audience are
 * checked, `exp` and `iat` are required, and a token older than the maximum age is refused even
 * before it expires (a stolen long-lived token stops working), with a small tolerance for the
 * issuer's clock. A refused token is answered with the reason and logged with the request id.
 */
export function createAuthenticator(options: AuthOptions) {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(options.jwtSecret);
  const algorithms = options.jwksUrl ? ['RS256', 'ES256'] : ['HS256'];
  // A partner sends one token with many requests: once verified, it is known until the first of
  // its expiry and its maximum age, so later requests skip the signature check, not the limits.
  const verified = new LRUCache<string, PartnerIdentity>({ max: 10_000, ttlAutopurge: false });

  return async function authenticate(
    authorization: string | undefined,
    requestId: string,
  ): Promise<PartnerIdentity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('No bearer token.');
    const known = verified.get(match[1]);
    if (known) return known;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: options.maxTokenAgeSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      const reason = refusalReason(error, options);
      logger.warn({ requestId, reason }, 'bearer token refused');
      throw unauthenticated(reason);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('The token lacks a valid sub, role or org claim.');
    const { sub, role, org, azp, client_id } = claims.data;
    const identity = { sub, role, org, application: azp ?? client_id ?? null };
    const { exp, iat } = payload as { exp: number; iat: number };
    const validMs = Math.min(exp, iat + options.maxTokenAgeSeconds) * 1000 - Date.now();
    if (validMs > 0) verified.set(match[1], identity, { ttl: validMs });
    return identity;
  };
}
