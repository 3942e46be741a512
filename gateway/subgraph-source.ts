import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';

import {
  CALLER_TOKEN_HEADER,
  operationDigest,
  signCallerToken,
  type ForwardedCaller,
} from '../common/access/gateway-token';
import type { SigningKey } from '../common/access/keys';
import { domainError, ErrorCode } from '../common/errors';
import { logger } from '../common/logger';

export interface GatewayContext {
  /** The gateway's own id of the request, answered in `x-request-id` and sent to the subgraphs. */
  requestId: string;
  /** The partner's own plain `x-request-id`, answered in `x-partner-request-id`. */
  partnerRequestId: string | null;
  caller: ForwardedCaller;
}

/**
 * The gateway's key signs each call's caller; without one (the benchmark's unrestricted
 * baseline only) calls go unsigned to subgraphs that verify nothing.
 */
export type CallerSigning = SigningKey | undefined;

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Node's own fetch, abandoned after `timeoutMs`. */
const fetchWithin =
  (timeoutMs: number): Fetcher =>
  (url, init) =>
    fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }) as never;

/**
 * How the gateway calls one subgraph. Subgraphs trust only the gateway: each call carries the
 * verified caller, signed for this subgraph and bound to the exact operation sent, and the
 * request id. A call that
 * fails (refused, slower than the timeout, an HTTP error, an answer that is not GraphQL) becomes
 * SUBGRAPH_UNAVAILABLE for the fields that subgraph would have answered: the rest of the
 * response still arrives, and the details go to the log with the request id.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    private readonly signing: CallerSigning,
    timeoutMs: number,
    private readonly observe: (subgraph: string, seconds: number, ok: boolean) => void = () =>
      undefined,
  ) {
    // Node's fetch (undici) keeps connections alive and costs a fraction of the default
    // make-fetch-happen, which led the gateway's CPU profile.
    super({ url, fetcher: fetchWithin(timeoutMs) });
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    request.http?.headers.set('x-request-id', context.requestId);
    if (!this.signing) return;
    // A refused mandate never reaches a plan; should one slip through, nothing is signed for it.
    if (!context.caller.mandateId) throw new Error('A caller without a mandate is never signed.');
    const token = await signCallerToken(this.signing, context.caller, {
      audience: this.name,
      digest: operationDigest(request.query, request.variables),
    });
    request.http?.headers.set(CALLER_TOKEN_HEADER, token);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const answer = await super.process(options);
      this.observe(this.name, seconds(), true);
      return answer;
    } catch (error) {
      this.observe(this.name, seconds(), false);
      const requestId = 'context' in options ? options.context.requestId : undefined;
      logger.warn(
        { subgraph: this.name, requestId, err: error },
        'subgraph call failed; its fields are answered SUBGRAPH_UNAVAILABLE',
      );
      throw domainError(
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        `The ${this.name} subgraph did not answer in time; its fields are null. Retry later, or quote the x-request-id response header.`,
        { subgraph: this.name },
      );
    }
  }
}
