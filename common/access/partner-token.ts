import { SignJWT } from 'jose';

import { config } from '../config';
import { partnerTokenSecret } from './keys';
import type { Persona } from './personas';

/**
 * Signs a development partner token (HS256 with AUTH_JWT_SECRET, or the secret made at first
 * start). Production tokens come from the identity provider behind AUTH_JWKS_URL; this exists
 * for the demo personas and the tests.
 */
export function signPartnerToken(
  persona: Pick<Persona, 'sub' | 'role' | 'org'>,
  options: { expiresIn?: string; secret?: string; application?: string } = {},
): Promise<string> {
  return new SignJWT({
    role: persona.role,
    org: persona.org,
    azp: options.application ?? 'maatwerk-demo',
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(persona.sub)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret ?? partnerTokenSecret()));
}
