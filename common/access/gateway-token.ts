import { createHash, randomUUID } from 'node:crypto';

import { jwtVerify, SignJWT } from 'jose';

import { SYSTEM_CALLER, type Caller } from './caller';

/**
 * The caller context the gateway forwards to subgraphs: a short-lived HS256 token signed with
 * SUBGRAPH_SHARED_SECRET and bound to the operation it accompanies, so it can neither be forged
 * nor replayed with another query. A subgraph accepts nothing without it.
 */
export const GATEWAY_TOKEN_HEADER = 'x-gateway-token';
const ISSUER = 'maatwerk-gateway';
const AUDIENCE = 'maatwerk-subgraph';
const LIFETIME_SECONDS = 60;

export interface ForwardedCaller extends Caller {
  /** The request id the gateway made; the audit log groups a consultation by it. */
  requestId: string;
  /** The partner's own `x-request-id`, when it sent a plain one: kept beside, never trusted. */
  partnerRequestId: string | null;
  /** The mandate that allows this request, and the data categories it grants. */
  mandateId: string | null;
  categories: string[];
  /** The partner application that sent the request (the token's `azp`/`client_id`), if known. */
  application: string | null;
}

/**
 * The platform itself as a forwarded caller: every category, no row filter, no audit. For
 * in-process tests of one subgraph and the benchmark's baseline; never accepted from a partner.
 */
export function systemCaller(requestId: string = randomUUID()): ForwardedCaller {
  return {
    ...SYSTEM_CALLER,
    requestId,
    partnerRequestId: null,
    mandateId: null,
    categories: [],
    application: 'platform',
  };
}

export function operationDigest(query: string | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(query ?? '')
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signGatewayToken(
  caller: ForwardedCaller,
  digest: string,
  secret: string,
): Promise<string> {
  return new SignJWT({ caller, digest })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(keyOf(secret));
}

/** The forwarded caller, or null when the token is missing, forged, expired or for another operation. */
export async function verifyGatewayToken(
  token: string | undefined,
  digest: string,
  secret: string,
): Promise<ForwardedCaller | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (payload.digest !== digest) return null;
    return payload.caller as ForwardedCaller;
  } catch {
    return null;
  }
}
