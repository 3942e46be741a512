import {
  CALLER_TOKEN_HEADER,
  operationDigest,
  PEER_TOKEN_HEADER,
  signPeerToken,
  type Narrowing,
} from './access/gateway-token';
import type { SigningKey } from './access/keys';
import { subgraphUrlsFromEnvironment } from './config';
import type { SubgraphContext } from './context';
import { domainError, ErrorCode } from './errors';

const PEER_TIMEOUT_MS = 5_000;

/**
 * Where a subgraph reaches the others, for the few rules that need another subgraph's data (a
 * hire needs a valid advice). The stack fills it as each subgraph listens; a subgraph running
 * alone finds the others in `SUBGRAPH_URL_<NAME>`.
 */
export class PeerDirectory {
  private readonly urls = new Map(Object.entries(subgraphUrlsFromEnvironment()));

  set(name: string, url: string): void {
    this.urls.set(name, url);
  }

  urlOf(name: string): string {
    const url = this.urls.get(name);
    if (!url) {
      throw domainError(
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        `The ${name} subgraph is not configured here (SUBGRAPH_URL_${name.toUpperCase()}).`,
      );
    }
    return url;
  }
}

export interface PeerAnswer<Data> {
  data: Data | null;
  errors: { message: string; extensions?: { code?: string } }[];
}

/** What a subgraph needs to ask a peer for its caller: its own key and the caller's token. */
export interface PeerCredentials {
  ownKey: SigningKey;
  /** The gateway's token that came with the partner's request. */
  callerToken: string;
}

/**
 * Asks another subgraph on behalf of the same caller: the peer verifies the gateway's token of
 * the partner's request and this subgraph's own signature over the call, and applies the
 * caller's mandate, row scope and audit (narrowed to `narrow` when given), so a rule never reads
 * more than the caller could. The platform itself has no token to pass on, and asks no peer.
 */
export async function queryPeer<Data>(
  context: Pick<SubgraphContext<unknown>, 'peers' | 'peerCredentials' | 'requestId'>,
  name: string,
  query: string,
  variables: Record<string, unknown>,
  narrow?: Narrowing,
): Promise<PeerAnswer<Data>> {
  const url = context.peers.urlOf(name);
  const credentials = context.peerCredentials;
  if (!credentials) {
    throw domainError(
      ErrorCode.INTERNAL,
      `A call to the ${name} subgraph needs a partner's request to act for.`,
    );
  }
  const token = await signPeerToken(credentials.ownKey, {
    audience: name,
    digest: operationDigest(query, variables),
    callerToken: credentials.callerToken,
    narrow,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': context.requestId,
        [CALLER_TOKEN_HEADER]: credentials.callerToken,
        [PEER_TOKEN_HEADER]: token,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
    });
  } catch {
    throw domainError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${name} subgraph did not answer.`);
  }
  if (!response.ok) {
    throw domainError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      `The ${name} subgraph answered ${response.status}.`,
    );
  }
  const body = (await response.json()) as Partial<PeerAnswer<Data>>;
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
