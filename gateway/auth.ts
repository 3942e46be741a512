import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

import { Role } from '../common/access/caller';
import { domainError, ErrorCode } from '../common/errors';

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
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(Object.values(Role) as [Role, ...Role[]]),
  org: z.string().min(1),
  azp: z.string().optional(),
  client_id: z.string().optional(),
});

const unauthenticated = (reason: string) =>
  domainError(ErrorCode.UNAUTHENTICATED, `${reason} Send "Authorization: Bearer <token>".`);

/**
 * Verifies partner bearer tokens: against the identity provider's JWKS (RS256/ES256) when
 * AUTH_JWKS_URL is set, else HS256 with AUTH_JWT_SECRET (development). Issuer, audience and
 * expiry are checked either way.
 */
export function createAuthenticator(options: AuthOptions) {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(options.jwtSecret);
  const algorithms = options.jwksUrl ? ['RS256', 'ES256'] : ['HS256'];

  return async function authenticate(authorization: string | undefined): Promise<PartnerIdentity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('No bearer token.');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
      }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'The token has expired.' : 'The token is not valid.');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('The token lacks a valid sub, role or org claim.');
    const { sub, role, org, azp, client_id } = claims.data;
    return { sub, role, org, application: azp ?? client_id ?? null };
  };
}
