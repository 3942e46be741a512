import type { ForwardedCaller } from './access/gateway-token';
import type { RequestAccess } from './access/request-access';
import type { AccessScope } from './access/scope';
import type { Database } from './db/connection';
import type { PeerCredentials, PeerDirectory } from './peers';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<Loaders> {
  /** Shared by the gateway and the subgraphs, so one request can be followed through the logs. */
  requestId: string;
  /** The subgraph serving the request, as the audit log names it. */
  subgraph: string;
  caller: ForwardedCaller;
  /** Row level: which persons the caller may reach (applied in SQL). */
  scope: AccessScope;
  /** Field level and audit: which categories the caller may read, and what it read. */
  access: RequestAccess;
  db: Database;
  loaders: Loaders;
  /** The other subgraphs, for rules that need their data. */
  peers: PeerDirectory;
  /** What a peer call passes on: absent for the platform's own in-process work. */
  peerCredentials?: PeerCredentials;
}
