import {
  GATEWAY_TOKEN_HEADER,
  operationDigest,
  signGatewayToken,
  type ForwardedCaller,
} from './access/gateway-token';
import { config, subgraphUrlsFromEnvironment } from './config';
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

/**
 * Asks another subgraph on behalf of the same caller, signed as the gateway signs: the peer
 * applies the caller's own mandate, row scope and audit, so a rule never reads more than the
 * caller could.
 */
export async function queryPeer<Data>(
  peers: PeerDirectory,
  name: string,
  caller: ForwardedCaller,
  query: string,
  variables: Record<string, unknown>,
): Promise<PeerAnswer<Data>> {
  const token = await signGatewayToken(
    caller,
    operationDigest(query, variables),
    config.SUBGRAPH_SHARED_SECRET,
  );
  let response: Response;
  try {
    response = await fetch(peers.urlOf(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
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
