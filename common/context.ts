import type { ForwardedCaller } from './access/gateway-token';
import type { RequestPolicy } from './access/policy';
import type { Database } from './db/connection';
import type { PeerCredentials, PeerDirectory } from './peers';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<Loaders> {
  /** Shared by the gateway and the subgraphs, so one request can be followed through the logs. */
  requestId: string;
  /** The subgraph serving the request, as the audit log names it. */
  subgraph: string;
  caller: ForwardedCaller;
  /**
   * What the caller may read and change, decided in one place (common/access): rows of every kind
   * of record (`policy.rows`, applied in SQL), fields, filters, writes, and the audit trail.
   */
  policy: RequestPolicy;
  db: Database;
  loaders: Loaders;
  /** The other subgraphs, for rules that need their data. */
  peers: PeerDirectory;
  /** What a peer call passes on: absent for the platform's own in-process work. */
  peerCredentials?: PeerCredentials;
}
